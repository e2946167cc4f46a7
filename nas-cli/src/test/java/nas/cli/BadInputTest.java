package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import nas.api.storage.Storage;
import nas.api.storage.StudyInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Bad input through the command line: exit code 2, one message line starting with "nas:", no
 * stack trace, and the database exactly as it was (same studies and trial counts, or the same
 * bytes for a file that is not a NAS database, or no file at all).
 */
class BadInputTest {

    /** One database for the class: every command here is refused and leaves it as it was, which each test checks. */
    @TempDir
    static Path dir;

    private static String db;

    @BeforeAll
    static void studyWithTrials() {
        db = dir.resolve("studies").toString();
        assertThat(nas("search", "--study", "demo", "--storage", db, "--objective", "sphere", "--dim", "2",
                "--n-trials", "5", "--quiet").code).isZero();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run nas(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Nas.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Runs a command that must be refused, and checks the refusal; returns the message line. */
    private String refused(String... args) {
        String before = state();
        Run r = nas(args);
        assertThat(r.code).as("exit code of %s; stderr %s", List.of(args), r.err).isEqualTo(Nas.BAD_INPUT);
        List<String> lines = r.err.lines().toList();
        assertThat(lines).as(r.err).isNotEmpty();
        assertThat(lines.get(0)).startsWith("nas: ").doesNotContain("Exception");
        // one message; picocli's own usage errors add a "Try 'nas ... --help'" hint and suggestions
        assertThat(lines.stream().skip(1).filter(l -> !l.startsWith("Try 'nas") && !l.startsWith("Did you mean")
                && !l.startsWith("        ")).toList()).as(r.err).isEmpty();
        assertThat(r.err).doesNotContain("\tat ").doesNotContain("unexpected error");
        assertThat(state()).as("database after %s", List.of(args)).isEqualTo(before);
        return lines.get(0);
    }

    /** The studies and their trial counts. */
    private String state() {
        try (Storage s = new StorageOptions(db).openExisting()) {
            return s.studies().stream().map(StudyInfo::toString).collect(Collectors.joining("\n"));
        }
    }

    @Test
    void malformedOrUnsupportedStorageUrl() {
        assertThat(refused("studies", "--storage", "foo:bar:baz")).contains("malformed storage URL");
        assertThat(refused("studies", "--storage", "jdbc:mysql://localhost/x")).contains("unsupported storage URL");
        assertThat(refused("search", "--study", "x", "--storage", "jdbc:h2:", "--objective", "sphere")).startsWith("nas: ");
        assertThat(refused("studies", "--storage", "")).contains("storage URL is empty");
    }

    @Test
    void aFileThatIsNotAnH2Database() throws Exception {
        Path text = dir.resolve("notes.mv.db");
        Files.writeString(text, "these are my notes, not a database\n".repeat(50));
        byte[] bytes = Files.readAllBytes(text);
        String notes = dir.resolve("notes").toString();
        assertThat(refused("studies", "--storage", notes)).contains("not an H2 database");
        assertThat(refused("search", "--study", "s", "--storage", notes, "--objective", "sphere", "--n-trials", "1"))
                .contains("not an H2 database");
        assertThat(Files.readAllBytes(text)).isEqualTo(bytes);
    }

    @Test
    void aDatabaseThatDoesNotExistIsNotCreatedByReadingCommands() {
        String missing = dir.resolve("missing").toString();
        assertThat(refused("studies", "--storage", missing)).contains("no NAS database");
        assertThat(refused("trials", "--study", "demo", "--storage", missing)).contains("no NAS database");
        assertThat(Files.exists(dir.resolve("missing.mv.db"))).isFalse();
    }

    @Test
    void aStudyThatDoesNotExist() {
        assertThat(refused("trials", "--study", "nope", "--storage", db)).contains("nope");
        assertThat(refused("best", "--study", "nope", "--storage", db)).contains("nope");
        assertThat(refused("delete-study", "--study", "nope", "--storage", db)).contains("nope");
    }

    @Test
    void aStudyThatAlreadyExists() {
        assertThat(refused("create-study", "--study", "demo", "--storage", db)).contains("demo");
    }

    @Test
    void directionsThatDoNotMatchTheObjective() {
        assertThat(refused("search", "--study", "new", "--storage", db, "--objective", "sphere", "--direction",
                "minimize", "maximize", "--n-trials", "1")).contains("direction");
        assertThat(refused("search", "--study", "new", "--storage", db, "--objective", "sphere", "--direction",
                "sideways", "--n-trials", "1")).contains("sideways");
        // an existing study keeps its directions
        assertThat(refused("search", "--study", "demo", "--storage", db, "--direction", "maximize", "--n-trials", "1"))
                .containsIgnoringCase("direction");
    }

    @Test
    void parametersThatCollideWithTheStudysParameters() {
        // same parameter names (x0, x1), other objective or other ranges: refused before any trial
        assertThat(refused("search", "--study", "demo", "--storage", db, "--objective", "rastrigin", "--n-trials", "1"))
                .contains("sphere");
        assertThat(refused("search", "--study", "demo", "--storage", db, "--dim", "3", "--n-trials", "1"))
                .contains("objective options");
        assertThat(refused("search", "--study", "new", "--storage", db, "--objective", "sphere", "--dim", "2",
                "-O", "dim=3", "--n-trials", "1")).contains("dim");
    }

    @Test
    void unknownOptionsAndNames() {
        assertThat(refused("search", "--study", "demo", "--storage", db, "--bogus")).contains("--bogus");
        assertThat(refused("frobnicate")).contains("frobnicate");
        assertThat(refused("search", "--study", "new", "--storage", db, "--objective", "nope")).contains("nope");
        assertThat(refused("search", "--study", "new", "--storage", db, "--objective", "sphere", "--sampler", "nope"))
                .contains("nope");
    }

    @Test
    void nonNumericValues() {
        assertThat(refused("search", "--study", "demo", "--storage", db, "--n-trials", "abc")).contains("abc");
        assertThat(refused("search", "--study", "demo", "--storage", db, "--heartbeat-interval", "soon"))
                .contains("soon");
        assertThat(refused("search", "--study", "demo", "--storage", db, "--seed", "1.5")).contains("1.5");
        assertThat(refused("search", "--study", "demo", "--storage", db, "--n-trials", "-3")).contains("-3");
        assertThat(refused("search", "--study", "demo", "--storage", db, "--heartbeat-interval", "NaN"))
                .contains("NaN");
    }

    @Test
    void aDirectoryThatCannotBeWritten() throws Exception {
        Path readOnly;
        if ("root".equals(System.getProperty("user.name"))) {
            readOnly = Path.of("/sys"); // root may write anywhere but here
        } else {
            readOnly = Files.createDirectory(dir.resolve("ro"));
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        String inside = readOnly.resolve("nas-studies").toString();
        assertThat(refused("search", "--study", "s", "--storage", inside, "--objective", "sphere", "--n-trials", "1"))
                .contains(readOnly.toString());
        assertThat(Files.exists(readOnly.resolve("nas-studies.mv.db"))).isFalse();
    }

    @Test
    void theRealProcessExitsWithCodeTwoAndOneLine() throws Exception {
        CliProcess.Result r = CliProcess.run(dir, "trials", "--study", "nope", "--storage", db);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(1).allMatch(l -> l.startsWith("nas: ") && l.contains("nope"));
        assertThat(new String(r.out().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEmpty();
    }
}
