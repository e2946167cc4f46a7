package nas.cli.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java on-ramp: its list of imports compiles against NAS, names every NAS class the README and
 * docs/*.md mention, every {@code java} block of those files compiles with just those imports, and the BOM lists
 * every module of the build with the build's version.
 */
class ReadmeJavaTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    /** Names of NAS classes as the README writes them (samplers, options, storages, ...). */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[A-Z][A-Za-z0-9]*(Sampler|Options|Pruner|Storage|"
            + "Callback|Exception|Studies|Study|Trial|TrialState|Direction|Strategy|Logging|Plugin)\\b");

    @TempDir
    Path dir;

    private static List<String> importLines() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String section = readme.substring(readme.indexOf("### Use from Maven or Gradle"));
        String block = section.substring(section.indexOf("```java\nimport"));
        block = block.substring("```java\n".length(), block.indexOf("```", 8));
        return block.lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void theReadmesImportsCompileAndCoverEveryClassItMentions() throws Exception {
        List<String> imports = importLines();
        Set<String> imported = imports.stream().map(l -> l.replaceAll(".*\\.([A-Za-z0-9]+);$", "$1"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> mentioned = new TreeSet<>();
        for (Path document : ReadmeBlocks.documents(ROOT)) {   // README.md and docs/*.md
            Matcher m = CLASS_NAME.matcher(Files.readString(document));
            while (m.find()) {
                mentioned.add(m.group());
            }
        }
        mentioned.remove("SomeException"); // a placeholder in the text
        mentioned.remove("TPESampler"); // Optuna's class, named where the benchmarks compare with it
        mentioned.removeIf(ReadmeJavaTest::isJavaLang); // e.g. IllegalArgumentException, which needs no import
        assertThat(imported).containsAll(mentioned);

        Path source = dir.resolve("Imports.java");
        Files.writeString(source, String.join("\n", imports) + "\n\nclass Imports {\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter out = new StringWriter();
        boolean ok = javac.getTask(out, null, null, List.of("-Xlint:none", "-proc:none", "-d", dir.toString(),
                "-cp", System.getProperty("java.class.path")), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(source.toFile())).call();
        assertThat(ok).as(out.toString()).isTrue();
    }

    /**
     * Every {@code java} block of README.md and docs/*.md (but the import list and {@code module-info}) compiles
     * as the body of a method, with the README's import list, {@code java.util}, {@code java.nio.file} and
     * {@code java.io}, and the names the text uses for the reader's own things: {@link #GIVEN}. A snippet that
     * calls a method NAS does not have, or a class the import list leaves out, fails here.
     */
    @Test
    void everyJavaBlockCompilesWithTheReadmesImports() throws Exception {
        List<String> imports = importLines();
        List<Path> sources = new java.util.ArrayList<>();
        StringBuilder where = new StringBuilder();
        for (Path document : ReadmeBlocks.documents(ROOT)) {
            Matcher block = JAVA_BLOCK.matcher(Files.readString(document));
            while (block.find()) {
                String code = block.group(1);
                if (code.startsWith("import nas.analysis") || code.startsWith("module ")) {
                    continue; // the import list itself (compiled above), a module declaration
                }
                int line = (int) Files.readString(document).substring(0, block.start()).lines().count() + 1;
                String name = "Snippet" + sources.size();
                List<String> own = code.lines().filter(l -> l.startsWith("import ")).toList();
                String body = code.lines().filter(l -> !l.startsWith("import ")).collect(Collectors.joining("\n"));
                Path source = dir.resolve(name + ".java");
                Files.writeString(source, "// " + ROOT.relativize(document) + " line " + line + "\n"
                        + String.join("\n", imports) + "\n" + String.join("\n", own) + "\n"
                        + "import java.io.*;\nimport java.nio.file.*;\nimport java.util.*;\n"
                        + "abstract class " + name + " {\n" + GIVEN + "\nvoid snippet() throws Exception {\n" + body
                        + "\n}\n}\n");
                sources.add(source);
                where.append(name).append(" is ").append(ROOT.relativize(document)).append(" line ").append(line)
                        .append('\n');
            }
        }
        assertThat(sources).hasSizeGreaterThanOrEqualTo(8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter out = new StringWriter();
        boolean ok = javac.getTask(out, null, null, List.of("-Xlint:none", "-proc:none", "-d", dir.toString(),
                "-cp", System.getProperty("java.class.path")), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(sources.toArray(Path[]::new)))
                .call();
        assertThat(ok).as(where + out.toString()).isTrue();
    }

    private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java\n(.*?)^```", Pattern.DOTALL);

    /** What the README's snippets take as the reader's own: a study, a trial, storages, a training step. */
    private static final String GIVEN = """
            Study study;
            Trial trial;
            Objective objective;
            Storage storage, otherStorage, h2Storage, postgresStorage;
            Writer writer;
            Map<String, Object> params;
            int[] shuffledInstanceIds;
            Object[] instances;
            abstract double train(double lr, int layers, String activation, int epoch);
            abstract double evaluate(Map<String, Object> params, Object instance);
            """;

    private static boolean isJavaLang(String simpleName) {
        try {
            Class.forName("java.lang." + simpleName);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Test
    void theBomListsEveryModuleWithTheBuildsVersion() throws Exception {
        String root = Files.readString(ROOT.resolve("pom.xml"));
        String bom = Files.readString(ROOT.resolve("nas-bom/pom.xml"));
        String version = versionOf(root);
        assertThat(versionOf(bom)).isEqualTo(version);
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(root);
        int checked = 0;
        while (module.find()) {
            String name = module.group(1);
            if (name.equals("nas-bom") || name.equals("examples")) {
                continue;
            }
            assertThat(bom).as("nas-bom lists " + name).contains("<artifactId>" + name + "</artifactId>");
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(8);
        assertThat(bom).doesNotContain("<parent>");
    }

    /** The project's own version: the first <version> after its artifactId. */
    private static String versionOf(String pom) {
        String own = pom.contains("<parent>") ? pom.substring(pom.indexOf("</parent>")) : pom;
        Matcher v = Pattern.compile("<artifactId>[^<]+</artifactId>\\s*<version>([^<]+)</version>").matcher(own);
        assertThat(v.find()).isTrue();
        return v.group(1);
    }
}
