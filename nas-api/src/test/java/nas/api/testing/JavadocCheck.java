package nas.api.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DocumentationTool;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Runs javadoc with doclint over a module's main sources (the test's working directory is the module) and
 * returns the public types and members without a comment (doclint's "no comment"), for the modules whose
 * every public member is documented. Missing {@code @param} and {@code @return} tags are allowed where the
 * sentence says it all.
 */
public final class JavadocCheck {

    private JavadocCheck() {
    }

    /**
     * The "no comment" warnings of javadoc over {@code src/main/java}, paths in {@code skip} left out.
     *
     * @param out  where javadoc writes its pages (a temporary directory)
     * @param skip source paths, relative to {@code src/main/java}, not checked here
     * @return the warning lines, empty when every public member has a comment
     * @throws IOException if the sources cannot be listed
     * @throws AssertionError if javadoc reports an error (broken HTML, a bad reference)
     */
    public static List<String> undocumented(Path out, String... skip) throws IOException {
        Path root = Path.of("src/main/java");
        List<java.io.File> sources;
        try (Stream<Path> files = Files.walk(root)) {
            // module-info.java left out: javadoc would then run in module mode, and a test's class path holds
            // no modules (the release build's javadoc checks the module's own comment)
            sources = files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java"))
                    .filter(p -> Stream.of(skip).noneMatch(s -> root.relativize(p).toString().equals(s)))
                    .map(Path::toFile).toList();
        }
        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        StringWriter log = new StringWriter();
        try (StandardJavaFileManager files = javadoc.getStandardFileManager(null, null, null)) {
            boolean ok = javadoc.getTask(log, files, null, null,
                    List.of("-d", out.toString(), "-quiet", "-Xdoclint:all", "-Xmaxwarns", "10000",
                            "-cp", System.getProperty("java.class.path")),
                    files.getJavaFileObjectsFromFiles(sources)).call();
            if (!ok || log.toString().contains("error:")) {
                throw new AssertionError("javadoc failed:\n" + log);
            }
        }
        return log.toString().lines().filter(l -> l.contains("warning: no comment")).toList();
    }
}
