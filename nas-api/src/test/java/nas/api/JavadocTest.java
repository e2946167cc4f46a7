package nas.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DocumentationTool;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nas-api is the library users program against: its Javadoc builds without errors, and every public type,
 * constructor, method and constant has a comment (doclint's "no comment"). Missing {@code @param} and
 * {@code @return} tags are allowed where the sentence says it all.
 */
class JavadocTest {

    @TempDir
    Path out;

    @Test
    void everyPublicTypeAndMemberOfTheApiIsDocumented() throws Exception {
        List<java.io.File> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            // module-info.java left out: javadoc would then run in module mode, and this test's class path holds
            // no modules (the release build's javadoc checks the module's own comment)
            sources = files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java"))
                    .map(Path::toFile).toList();
        }
        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        StringWriter log = new StringWriter();
        try (StandardJavaFileManager files = javadoc.getStandardFileManager(null, null, null)) {
            boolean ok = javadoc.getTask(log, files, null, null,
                    List.of("-d", out.toString(), "-quiet", "-Xdoclint:all", "-Xmaxwarns", "10000",
                            "-cp", System.getProperty("java.class.path")),
                    files.getJavaFileObjectsFromFiles(sources)).call();
            assertThat(ok).as(log.toString()).isTrue();
        }
        List<String> undocumented = log.toString().lines().filter(l -> l.contains("warning: no comment")).toList();
        assertThat(undocumented).isEmpty();
        assertThat(log.toString()).doesNotContain("error:");
    }
}
