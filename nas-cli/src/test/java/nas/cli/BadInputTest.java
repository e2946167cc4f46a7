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
                && !l.startsWith("Possible solutions") && !l.startsWith("        ")).toList()).as(r.err).isEmpty();
        assertThat(r.err).doesNotContain("\tat ").doesNotContain("unexpected error");
        assertThat(state()).as("database after %s", List.of(args)).isEqualTo(before);
        return lines.get(0);
    }

    /** The studies and their trial counts, and the runs with their status and generations. */
    private String state() {
        try (Storage s = new StorageOptions(db).openExisting()) {
            return s.studies().stream().map(StudyInfo::toString).collect(Collectors.joining("\n")) + "\nruns: "
                    + StorageOptions.runs(s).runs().stream().map(r -> r.id() + " " + r.status() + " "
                    + r.generationsDone()).toList();
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
        // the hint fits whether or not --storage was given (it said "or pass --storage" to a command that had)
        assertThat(refused("studies", "--storage", missing)).isEqualTo("nas: no NAS database at "
                + dir.resolve("missing.mv.db").toAbsolutePath().normalize()
                + " ('nas search' creates one; name another with --storage or $NAS_STORAGE)");
        assertThat(refused("trials", "--study", "demo", "--storage", missing)).contains("no NAS database");
        assertThat(Files.exists(dir.resolve("missing.mv.db"))).isFalse();
    }

    @Test
    void aMistypedCommandOrOptionIsNamedWithTheNearestOnes() {
        assertThat(refused("serch", "--study", "demo", "--storage", db)).isEqualTo("nas: unknown command 'serch'");
        Run typo = nas("serch", "--study", "demo", "--storage", db);
        assertThat(typo.err).contains("Did you mean: nas search").contains("Try 'nas --help' for more information.")
                .doesNotContain("nas  --help");
        assertThat(refused("runs", "delet", "demo", "--storage", db)).isEqualTo("nas: unknown command 'runs delet'");
        // a mistyped option that leaves a required one missing: the typo is what is reported, with the right name
        assertThat(refused("search", "--studdy", "demo", "--storage", db, "--n-trials", "1"))
                .isEqualTo("nas: Unknown option: '--studdy'");
        assertThat(nas("search", "--studdy", "demo", "--storage", db).err).contains("Possible solutions: --study");
        assertThat(refused("trials", "--storage", db, "--stat", "FAIL")).isEqualTo("nas: Unknown option: '--stat'");
        // a map option's value without '=': picocli said "Value for option option '--objective-option' ..."
        assertThat(refused("search", "--study", "demo", "--storage", db, "-O", "dim", "--n-trials", "1"))
                .isEqualTo("nas: --objective-option takes KEY=VALUE, but got 'dim'");
        // a required option really missing is still said so, also beside a negated option (--no-X)
        assertThat(refused("trials", "--storage", db)).isEqualTo("nas: Missing required option: '--study=NAME'");
        assertThat(refused("search", "--storage", db, "--objective", "sphere", "--no-deterministic"))
                .isEqualTo("nas: Missing required option: '--study=NAME'");
    }

    @Test
    void anExternalObjectivesUnusableFilesAreRefusedBeforeTheStudyExists() throws Exception {
        Path space = dir.resolve("space.json");
        Files.writeString(space, "{\"params\": {\"x\": {\"type\": \"float\", \"low\": 0, \"high\": 1}}}");
        Path file = dir.resolve("a-file");
        Files.writeString(file, "not a directory");
        String[] external = {"search", "--study", "ext", "--storage", db, "--objective", "external", "-O",
            "command=true", "-O", "space=" + space, "--n-trials", "1", "--quiet"};
        // before: "unexpected error: cannot write the run files in ..." (exit 1), the study created
        assertThat(refused(CliRunner.concat(external, "-O", "workdir=" + file.resolve("runs"))))
                .isEqualTo("nas: cannot create the run directory " + file.resolve("runs") + " (-O workdir): Not a directory");
        // before: "cannot read config template /.../none.json: /.../none.json"
        assertThat(refused(CliRunner.concat(external, "-O", "config-template=" + dir.resolve("none.json"))))
                .isEqualTo("nas: cannot read config template " + dir.resolve("none.json") + ": no such file or directory");
    }

    @Test
    void topWithoutSpaceFromIsRefusedNotIgnored() {
        // before: --top 2 was ignored and all ten parameters searched
        assertThat(refused("search", "--study", "t", "--storage", db, "--objective", "sphere", "--top", "2",
                "--n-trials", "1")).isEqualTo("nas: --top belongs to --space-from STUDY (how many of the screening's "
                + "top parameters to search); without it every parameter is searched");
    }

    @Test
    void retryStaleWithoutHeartbeatsIsRefusedNotIgnored() {
        assertThat(refused("search", "--study", "t", "--storage", db, "--objective", "sphere", "--heartbeat-interval",
                "0", "--retry-stale", "2", "--n-trials", "1")).isEqualTo("nas: --retry-stale retries trials failed for "
                + "a stale heartbeat, and --heartbeat-interval 0 turns heartbeats off: give one of them only");
    }

    @Test
    void aStudyThatDoesNotExist() {
        assertThat(refused("trials", "--study", "nope", "--storage", db)).contains("nope");
        assertThat(refused("best", "--study", "nope", "--storage", db)).contains("nope");
        assertThat(refused("delete-study", "--study", "nope", "--storage", db)).contains("nope");
    }

    @Test
    void anUnknownOutputFormatIsNamedInLowerCaseAsTheHelpWritesIt() {
        assertThat(refused("trials", "--study", "demo", "--storage", db, "--format", "xml"))
                .isEqualTo("nas: --format must be one of table, csv, json, but got 'xml'");
        assertThat(refused("runs", "--storage", db, "--format=yaml"))
                .isEqualTo("nas: --format must be one of table, csv, json, but got 'yaml'");
        assertThat(nas("studies", "--storage", db, "--format", "CSV").code).isZero();
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
    void timesBeyondThirtyYearsAndHeartbeatsShorterThanAMillisecond() {
        // before: "unexpected error: long overflow" (exit 1), and "heartbeat interval must be positive, but got PT0S"
        assertThat(refused("search", "--study", "demo", "--storage", db, "--n-trials", "1", "--timeout", "Infinity"))
                .isEqualTo("nas: --timeout must be at most 1e9 seconds (about 31 years), but got Infinity");
        assertThat(refused("search", "--study", "demo", "--storage", db, "--n-trials", "1", "--heartbeat-interval",
                "1e999")).isEqualTo("nas: --heartbeat-interval must be at most 1e9 seconds (about 31 years), but got "
                + "Infinity");
        assertThat(refused("search", "--study", "demo", "--storage", db, "--n-trials", "1", "--heartbeat-interval",
                "0.0001")).isEqualTo("nas: --heartbeat-interval must be 0 (no heartbeats) or at least 0.001 seconds, "
                + "but got 1.0E-4");
        assertThat(refused("server", "--storage", dir.resolve("served").toString(), "--idle-timeout", "Infinity"))
                .isEqualTo("nas: --idle-timeout must be at most 1e9 seconds (about 31 years), but got Infinity");
    }

    @Test
    void heldParametersAreCheckedBeforeTheStudyIsCreated() {
        // before: the study was created and every trial failed ("fixed value 99 ... lies outside"), exit 1;
        // an unknown name was ignored, and of two values for one name the last silently won
        String[] search = {"search", "--study", "held", "--storage", db, "--objective", "sphere", "--dim", "2",
            "--n-trials", "1"};
        assertThat(refused(CliRunner.concat(search, "--param", "x0=99")))
                .isEqualTo("nas: the --param value of 'x0', 99, is not a value of float[-5.0, 5.0]");
        assertThat(refused(CliRunner.concat(search, "--param", "x0=abc")))
                .isEqualTo("nas: the --param value of 'x0', abc, is not a value of float[-5.0, 5.0]");
        assertThat(refused(CliRunner.concat(search, "--param", "zz=1")))
                .isEqualTo("nas: --param names 'zz', which is not a parameter (parameters: [x0, x1])");
        assertThat(refused(CliRunner.concat(search, "--param", "x0=1", "--param", "x0=2")))
                .isEqualTo("nas: --param gives 'x0' twice; give each once");
        assertThat(refused("search", "--study", "held", "--storage", db, "--objective", "sphere", "-O", "dim=2", "-O",
                "dim=3")).isEqualTo("nas: --objective-option gives 'dim' twice; give each once");
        assertThat(refused("evolve", "-g", "1", "-p", "5", "--storage", db, "--set", "mutation_rate=0.1", "--set",
                "mutation_rate=0.2")).isEqualTo("nas: --set gives 'mutation_rate' twice; give each once");
    }

    @Test
    void aDamagedExportFileCreatesNoStudy() throws Exception {
        Path export = dir.resolve("demo.json");
        assertThat(nas("export", "--study", "demo", "--storage", db, "--out", export.toString()).code).isZero();
        java.util.Map<String, Object> tree = new java.util.LinkedHashMap<>(
                (java.util.Map<String, Object>) nas.api.json.Json.read(Files.readString(export)));
        tree.remove("user_attrs");
        Path noAttrs = Files.writeString(dir.resolve("no-attrs.json"), nas.api.json.Json.write(tree));
        Path outOfRange = Files.writeString(dir.resolve("out-of-range.json"),
                Files.readString(export).replaceFirst("\"x0\": ?-?[0-9.E-]+", "\"x0\": 99"));
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        String text = Files.readString(export);
        Path truncated = Files.writeString(dir.resolve("truncated.json"), text.substring(0, text.length() / 2));
        // before: "invalid JSON: Unexpected end-of-input ...", naming neither the file nor where
        assertThat(refused("import", truncated.toString(), "--study", "copy", "--storage", db))
                .startsWith("nas: " + truncated + ": invalid JSON at line ").contains("Unexpected end-of-input");
        // before: exit 1 (a NullPointerException's message) after creating the study empty
        assertThat(refused("import", noAttrs.toString(), "--study", "copy", "--storage", db))
                .isEqualTo("nas: not a valid NAS study export: 'user_attrs' is missing or of the wrong JSON type");
        // before: imported, a trial holding a value outside its own distribution
        assertThat(refused("import", outOfRange.toString(), "--study", "copy", "--storage", db))
                .isEqualTo("nas: not a valid NAS study export: trial 0: parameter 'x0' = 99 is not a value of its "
                + "distribution float[-5.0, 5.0]");
        // before: "invalid JSON: No content to map due to end-of-input"; with --run-id: "... holds a study"
        assertThat(refused("import", empty.toString(), "--run-id", "r", "--storage", db))
                .isEqualTo("nas: " + empty + " is empty: give a file written by 'nas export'");
        // before: "cannot read F: F"
        assertThat(refused("import", dir.resolve("missing.json").toString(), "--storage", db))
                .isEqualTo("nas: cannot read " + dir.resolve("missing.json") + ": no such file or directory");
        assertThat(refused("export", "--study", "demo", "--storage", db, "--out", dir.resolve("no/such/x.json")
                .toString())).isEqualTo("nas: cannot write " + dir.resolve("no/such/x.json") + ": directory "
                + dir.resolve("no/such") + " does not exist");
    }

    @Test
    void aSearchSpaceWithANameTwiceOrAFractionalIntBound() {
        // before: both accepted (the second 'x' won; low 0.5 became 0)
        assertThat(refused("ask", "--study", "space", "--storage", db, "--search-space",
                "{\"x\": {\"name\": \"IntDistribution\", \"attributes\": {\"low\": 0, \"high\": 3}}, "
                + "\"x\": {\"name\": \"IntDistribution\", \"attributes\": {\"low\": 0, \"high\": 9}}}"))
                .isEqualTo("nas: invalid JSON at line 1, column 76: Duplicate field 'x'");
        assertThat(refused("ask", "--study", "space", "--storage", db, "--search-space",
                "{\"n\": {\"name\": \"IntDistribution\", \"attributes\": {\"low\": 0.5, \"high\": 3}}}"))
                .isEqualTo("nas: int distribution field 'low' must be a whole number, but got 0.5");
        // before: "cannot read the search space [1]: [1]"
        assertThat(refused("ask", "--study", "space", "--storage", db, "--search-space", "[1]"))
                .isEqualTo("nas: the search space must be a JSON object of name -> distribution");
    }

    @Test
    void aScreeningIsNotRunIntoAStudyOfSearchTrials() {
        // before: 30 Morris trials were added to study 'demo' among its search trials
        assertThat(refused("screen", "--study", "demo", "--storage", db, "--quiet"))
                .isEqualTo("nas: study 'demo' is not a screening (it was not made by 'nas screen'); screen into a new "
                + "study, e.g. --study demo-screen");
    }

    @Test
    void studyNamesWithControlCharactersOrBlankCopies() {
        assertThat(refused("create-study", "--study", "two\nlines", "--storage", db))
                .isEqualTo("nas: a study name must not contain control characters (newlines, tabs), but got 'two?lines'");
        // before: a study named " " was created in the target
        String target = dir.resolve("copies").toString();
        assertThat(refused("copy-study", "--study", "demo", "--from", db, "--to", target, "--to-study", " "))
                .isEqualTo("nas: a study name must not be blank");
    }

    @Test
    void directoriesInTheWayAreNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "not a directory");
        // before: "directory .../plain-file is not writable"
        assertThat(refused("search", "--study", "s", "--storage", file.resolve("db").toString(), "--objective",
                "sphere", "--n-trials", "1")).isEqualTo("nas: cannot create the database " + file.resolve("db.mv.db")
                + ": " + file + " is a file, not a directory");
        // before: "unexpected error: could not write results file ..." (exit 1) after the first generation
        assertThat(refused("run", "-g", "1", "-s", "1", "-p", "5", "-q", "--results-dir", file.toString()))
                .isEqualTo("nas: --results-dir " + file + ": " + file + " is a file, not a directory");
        // before: "unexpected error: .../plain-file" (exit 1)
        assertThat(refused("benchmark", "evolve", "-g", "1", "-p", "5", "--dir", file.toString()))
                .isEqualTo("nas: --dir " + file + ": " + file + " is a file, not a directory");
    }

    @Test
    void anOptionTheMeasuredCommandRefusesIsBadInputOfTheBenchmark() {
        // before: "unexpected error: nas evolve ... failed (exit 2): ..." (exit 1)
        assertThat(refused("benchmark", "evolve", "-g", "0", "-p", "5"))
                .isEqualTo("nas: --generations must be >= 1, but got 0");
    }

    @Test
    void evolveNamesTheOneOptionOutOfRange() {
        // before: "--generations must be >= 1 and --checkpoint-every >= 0, but got 0 and 10", and
        // "population_size must be >= 2, got 1" for -p 1
        assertThat(refused("evolve", "-g", "0", "-p", "5", "-q", "--storage", db))
                .isEqualTo("nas: --generations must be >= 1, but got 0");
        assertThat(refused("evolve", "-g", "1", "-p", "5", "--checkpoint-every", "-1", "-q", "--storage", db))
                .isEqualTo("nas: --checkpoint-every must be >= 0 (0: never), but got -1");
        assertThat(refused("evolve", "-g", "1", "-p", "1", "-q", "--storage", db))
                .isEqualTo("nas: --population-size must be >= 2, but got 1");
    }

    @Test
    void aPortInUseForTheStorageServer() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            // before: "unexpected error: Address already in use" (exit 1)
            assertThat(refused("server", "--storage", dir.resolve("served").toString(), "--port",
                    String.valueOf(taken.getLocalPort()))).isEqualTo("nas: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort() + ": Address already in use (is the port in use, or the address not one of "
                    + "this machine's? pick another with --port or --bind)");
        }
    }

    @Test
    void aPostgresPortThatAcceptsButNeverAnswersFailsInsteadOfHanging() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread accepting = new Thread(() -> {
                List<java.net.Socket> held = new java.util.ArrayList<>();
                try {
                    while (true) {
                        held.add(silent.accept()); // kept open, never answered
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            // before: blocked for ever in the driver's login (no time-out by default)
            String url = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/nas";
            assertThat(org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(2),
                    () -> refused("studies", "--storage", url)))
                    .isEqualTo("nas: cannot open storage " + url + ": Connection attempt timed out.");
        }
    }

    @Test
    void aMalformedPostgresUrlIsOneLineWithoutTheDriversWarnings() throws Exception {
        // before: the driver's "WARNING: JDBC URL invalid port number: x", then "cannot open storage ...: Unable to
        // parse URL ..."; for jdbc:postgresql:// a URI parser's "Expected authority at index 13"
        CliProcess.Result r = CliProcess.run(dir, "studies", "--storage", "jdbc:postgresql://localhost:x/nas");
        assertThat(r.exitCode()).isEqualTo(Nas.BAD_INPUT);
        assertThat(r.err()).isEqualTo("nas: malformed PostgreSQL URL 'jdbc:postgresql://localhost:x/nas': use "
                + "jdbc:postgresql://host:port/database\n");
        assertThat(refused("studies", "--storage", "jdbc:postgresql://")).isEqualTo("nas: malformed PostgreSQL URL "
                + "'jdbc:postgresql://': use jdbc:postgresql://host:port/database");
    }

    @Test
    void runningOutOfMemoryIsOneLineAndLeavesNoRunBehind() throws Exception {
        // a population within the limit that does not fit in a small heap; before: the JVM's stack trace, then (with
        // the line) a RUNNING run without generations left behind for ever
        List<String> smallHeap = List.of("-Xmx48m");
        String huge = dir.resolve("huge").toString();
        CliProcess.Result r = CliProcess.runWithJavaOptions(dir, smallHeap, "evolve", "-g", "1", "-p", "100000", "-q",
                "--frames", "none", "--run-id", "big", "--storage", huge);
        assertThat(r.exitCode()).isEqualTo(Nas.FAILURE);
        assertThat(r.err().lines().toList()).singleElement().asString().isEqualTo("nas: out of memory (Java heap "
                + "space): ask for less (a smaller population, candidate count or data set), or give Java more "
                + "memory with NAS_JAVA_OPTS=-Xmx...");
        try (Storage s = new StorageOptions(huge).openExisting()) {
            assertThat(StorageOptions.runs(s).runs()).isEmpty();
        }
        // a trial that ran out (100,000 candidates of 60 parameters: 48 MB): its failure, then the same line
        CliProcess.Result gp = CliProcess.runWithJavaOptions(dir, smallHeap, "search", "--study", "huge", "--objective",
                "sphere", "--dim", "60", "--n-trials", "3", "--quiet", "--sampler", "gp", "--gp-startup-trials", "1",
                "--gp-candidates", "100000", "--storage", huge);
        assertThat(gp.exitCode()).isEqualTo(Nas.FAILURE);
        assertThat(gp.err()).doesNotContain("\tat ");
        assertThat(gp.err().lines().reduce((a, b) -> b).orElseThrow()).startsWith("nas: out of memory (");
    }

    @Test
    void searchRefusalsTheCommandLineDecidesOpenNoStorage() throws Exception {
        // before: a storage server was started and a database created for each (2-4 s), then the refusal
        Path fresh = Files.createDirectories(dir.resolve("fresh"));
        String url = fresh.resolve("studies").toString();
        assertThat(refused("search", "--study", "x", "--storage", url, "--objective", "spherr")).isEqualTo(
                "nas: unknown objective 'spherr'; known objectives: curve, dtlz2, ellipsoid, evolution-lab, external, "
                        + "ga-memorize, neat-classify, rastrigin, rosenbrock, sphere, zdt1, zdt2, zdt3");
        assertThat(refused("search", "--study", "x", "--storage", url, "--objective", "sphere", "--sampler", "tpee"))
                .isEqualTo("nas: unknown sampler 'tpee'; known samplers: auto, random, tpe, gp, qmc, grid, nsga2, cmaes");
        assertThat(refused("search", "--study", "x", "--storage", url, "--objective", "sphere", "--pruner", "foo"))
                .isEqualTo("nas: unknown pruner 'foo'; known pruners: none, median, percentile, successive-halving, "
                        + "hyperband, threshold, wilcoxon, patient");
        assertThat(refused("search", "--study", "x", "--storage", url, "--objective", "sphere", "-O", "dimm=3"))
                .isEqualTo("nas: objective 'sphere' does not take option(s) [dimm]; it takes [dim]");
        assertThat(refused("search", "--study", "x", "--storage", url, "--objective", "sphere", "-O", "dim=0"))
                .isEqualTo("nas: option 'dim' of objective 'sphere' must lie in [1, 10000], but got 0");
        // nas screen and nas ask alike
        assertThat(refused("screen", "--study", "x", "--storage", url, "--objective", "spherr")).startsWith(
                "nas: unknown objective 'spherr'; known objectives: curve, ");
        assertThat(refused("screen", "--study", "x", "--storage", url, "--objective", "sphere", "-O", "dimm=3"))
                .isEqualTo("nas: objective 'sphere' does not take option(s) [dimm]; it takes [dim]");
        assertThat(refused("ask", "--study", "x", "--storage", url, "--sampler", "tpee", "--search-space",
                "{\"x\": {\"name\": \"FloatDistribution\", \"attributes\": {\"low\": 0, \"high\": 1}}}"))
                .isEqualTo("nas: unknown sampler 'tpee'; known samplers: auto, random, tpe, gp, qmc, grid, nsga2, cmaes");
        try (var files = Files.list(fresh)) {
            assertThat(files.toList()).isEmpty(); // no database, no server files
        }
        // a name the storage does not know without --objective still waits for a worker creating it, but says
        // at once which study the name most likely meant
        Run typo = nas("search", "--study", "Demo", "--storage", db, "--n-trials", "1");
        assertThat(typo.code).isEqualTo(Nas.BAD_INPUT);
        assertThat(typo.err).isEqualTo("[Demo] no study 'Demo' (did you mean 'demo'?): waiting up to 10 s for another "
                + "worker to create the study (or name its objective with --objective)\n"
                + "nas: study 'Demo' is new: name its objective with --objective (see 'nas objectives'); "
                + "did you mean 'demo'?\n");
        assertThat(refused("best", "--study", "dem0", "--storage", db))
                .isEqualTo("nas: no study named 'dem0' in " + db + ".mv.db; did you mean 'demo'?");
    }

    @Test
    void refusedBeforeAnythingIsWrittenOrRun() {
        // before: the target database was created, then "no study named 'nope' exists"
        Path target = dir.resolve("never");
        assertThat(refused("copy-study", "--study", "nope", "--from", db, "--to", target.toString()))
                .isEqualTo("nas: no study named 'nope' in " + db + ".mv.db (see 'nas studies')");
        assertThat(Files.exists(dir.resolve("never.mv.db"))).isFalse();
        // before: the whole run, then an SVG picture written as boundary.gif
        assertThat(refused("neat", "-g", "1", "-q", "--picture", dir.resolve("boundary.gif").toString()))
                .isEqualTo("nas: --picture must end in .png or .svg (or be 'none'), but got '"
                + dir.resolve("boundary.gif") + "'");
        // before: the whole run, then ImageIO's stack trace and "unexpected error: Can't create an ImageOutputStream!"
        // (exit 1), or "unexpected error: .../n.json (No such file or directory)" for the network
        Path plain = dir.resolve("plain-for-neat");
        try {
            Files.writeString(plain, "a file");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(refused("neat", "-d", "xor", "-g", "1", "-q", "-o", dir.resolve("n.json").toString(), "--picture",
                plain.resolve("b.png").toString()))
                .isEqualTo("nas: cannot write --picture " + plain.resolve("b.png") + ": " + plain + " is a file, not a directory");
        assertThat(refused("neat", "-d", "xor", "-g", "1", "-q", "--picture", "none", "-o",
                plain.resolve("n.json").toString()))
                .isEqualTo("nas: cannot write --output " + plain.resolve("n.json") + ": " + plain + " is a file, not a directory");
        assertThat(refused("neat", "-d", "xor", "-g", "1", "-q", "--picture", "none", "-o", dir.toString()))
                .isEqualTo("nas: cannot write --output " + dir + ": it is a directory");
        assertThat(Files.exists(dir.resolve("n.json"))).isFalse();
        // before: the grid ran the point x0=1 twice
        assertThat(refused("search", "--study", "g", "--storage", db, "--objective", "sphere", "--dim", "1",
                "--sampler", "grid", "--grid", "x0=1,1")).isEqualTo("nas: --grid gives value 1 of 'x0' twice");
        // before: compared as text, so 1 and 1.0 (one value of a float parameter) ran that point twice
        assertThat(refused("search", "--study", "g", "--storage", db, "--objective", "sphere", "--dim", "1",
                "--sampler", "grid", "--grid", "x0=1,0.5,1.0")).isEqualTo("nas: --grid gives value 1 of 'x0' twice "
                + "(as 1 and 1.0)");
    }

    @Test
    void sizesAboveTheirLimitsAreRefusedBeforeAnythingIsWrittenOrRun() {
        // before: 2^31 - 1 candidates ran for minutes or out of memory, --jobs 100000 started 100,000 threads,
        // evolve -p 2e9 ran out of memory and left a RUNNING run behind
        String[] search = {"search", "--study", "big", "--storage", db, "--objective", "sphere", "--n-trials", "1"};
        String max = String.valueOf(Integer.MAX_VALUE);
        assertThat(refused(CliRunner.concat(search, "--sampler", "gp", "--gp-candidates", max)))
                .isEqualTo("nas: --gp-candidates must be at most 100000, but got " + max);
        assertThat(refused(CliRunner.concat(search, "--sampler", "tpe", "--tpe-ei-candidates", max)))
                .isEqualTo("nas: --tpe-ei-candidates must be at most 100000, but got " + max);
        assertThat(refused(CliRunner.concat(search, "--sampler", "cmaes", "--cma-popsize", "100001")))
                .isEqualTo("nas: --cma-popsize must be at most 100000, but got 100001");
        assertThat(refused(CliRunner.concat(search, "--sampler", "nsga2", "--population-size", "100001")))
                .isEqualTo("nas: --population-size must be at most 100000, but got 100001");
        assertThat(refused(CliRunner.concat(search, "--jobs", "100000")))
                .isEqualTo("nas: --jobs must be at most 1024, but got 100000");
        // objectives' own sizes: before, every trial failed (or ran out of memory) in a study made for them
        assertThat(refused("search", "--study", "big", "--storage", db, "--objective", "evolution-lab", "-O",
                "threads=5000")).isEqualTo("nas: option 'threads' of objective 'evolution-lab' must be at most 1024, "
                + "but got 5000");
        assertThat(refused("search", "--study", "big", "--storage", db, "--objective", "neat-classify", "-O",
                "population-size=100001")).isEqualTo("nas: option 'population-size' of objective 'neat-classify' "
                + "must be at most 100000, but got 100001");
        // 4,000 x 4,000 values: 16 million points, each a trial to come and an int of the visiting order
        String values = java.util.stream.IntStream.range(0, 4000).mapToObj(i -> String.valueOf(i / 1000.0))
                .collect(Collectors.joining(","));
        assertThat(refused(CliRunner.concat(search, "--dim", "2", "--sampler", "grid", "--grid", "x0=" + values,
                "--grid", "x1=" + values))).isEqualTo("nas: a grid may hold at most 10000000 points, but this one "
                + "has 16000000");
        String[] screen = {"screen", "--study", "big-screen", "--storage", db, "--objective", "sphere", "--quiet"};
        // before: the study and its baseline trial were made first
        assertThat(refused(CliRunner.concat(screen, "--candidates", "100000")))
                .isEqualTo("nas: --candidates must be from 0 (no selection) to 2000, but got 100000");
        assertThat(refused(CliRunner.concat(screen, "--trajectories", "100001")))
                .isEqualTo("nas: --trajectories must be from 1 to 100000, but got 100001");
        assertThat(refused(CliRunner.concat(screen, "--levels", "3")))
                .isEqualTo("nas: --levels must be an even number from 2 to 100, but got 3");
        assertThat(refused(CliRunner.concat(screen, "--jobs", "1025")))
                .isEqualTo("nas: --jobs must be at most 1024, but got 1025");
        assertThat(refused("evolve", "-g", "1", "-p", "2000000000", "-q", "--storage", db))
                .isEqualTo("nas: --population-size must be at most 100000, but got 2000000000");
        assertThat(refused("evolve", "-g", "1", "--set", "population_size=100001", "-q", "--storage", db))
                .isEqualTo("nas: population_size must be at most 100000, but got 100001");
        assertThat(refused("evolve", "-g", "1", "-t", "5000", "-q", "--storage", db))
                .isEqualTo("nas: --threads must be at most 1024, but got 5000");
        assertThat(refused("run", "-g", "1", "-p", "100001", "-q")).isEqualTo("nas: --population-size must be at most "
                + "100000, but got 100001");
        assertThat(refused("benchmark", "sim", "-g", "1", "-t", "5000"))
                .isEqualTo("nas: --threads must be at most 1024, but got 5000");
        assertThat(refused("neat", "-g", "1", "-q", "-p", "100001")).isEqualTo("nas: --population-size must be at most "
                + "100000, but got 100001");
        assertThat(refused("ga", "-C", "100001")).isEqualTo("nas: --children must be at most 100000, but got 100001");
        // before: "invalid tensor b0: offset -84901888, 64x1, layer 0" (an int overflow), and out of memory
        assertThat(refused("ga", "--inputs", "200000000")).isEqualTo("nas: the data may hold at most 100000000 values "
                + "(points x inputs), but 64 x 200000000 is 12800000000");
        assertThat(refused("ga", "--hidden", "100000,100000")).isEqualTo("nas: an MLP has at most 10000000 "
                + "parameters, but 32-100000-100000-10 has 10004400010");
        // before: out of memory
        assertThat(refused("importance", "--study", "demo", "--storage", db, "--trees", "2000000000"))
                .isEqualTo("nas: --trees must be at most 10000, got 2000000000");
        assertThat(refused("server", "--storage", dir.resolve("served").toString(), "--connections", "5000"))
                .isEqualTo("nas: --connections must be at most 1024, but got 5000");
    }

    @Test
    void seedsHaveALimitAndCountsThatOnlyLengthenARunAreOneLineWhenTooLargeForAnIntZeroOrNegative() {
        // before: 2^31 - 1 seeds ran out of memory before the first generation
        assertThat(refused("run", "-g", "1", "--seeds", "1001", "-q"))
                .isEqualTo("nas: --seeds must be at most 1000, but got 1001");
        assertThat(refused("run", "-g", "1", "--seeds", "2147483647", "-q"))
                .isEqualTo("nas: --seeds must be at most 1000, but got 2147483647");
        assertThat(refused("search", "--study", "seeds", "--storage", db, "--objective", "evolution-lab", "-O",
                "seeds=1001")).isEqualTo("nas: option 'seeds' of objective 'evolution-lab' must be at most 1000, but "
                + "got 1001");
        // before: "--generations, --seeds and --every must be >= 1, got 1, 0, 1", which named three options
        assertThat(refused("run", "-g", "1", "--seeds", "0", "-q")).isEqualTo("nas: --seeds must be >= 1, but got 0");
        assertThat(refused("run", "-g", "-5", "-q")).isEqualTo("nas: --generations must be >= 1, but got -5");
        assertThat(refused("run", "-g", "1", "--every", "0", "-q")).isEqualTo("nas: --every must be >= 1, but got 0");
        // past an int, or not an integer: picocli's one line (and its hint)
        for (String[] c : new String[][] {{"run", "--seeds", "-q"}, {"run", "--generations", "-q"},
            {"neat", "--steps", "-q"}, {"neat", "--refine-steps", "-q"}, {"ga", "--epochs", "--optimizer=adam"},
            {"ga", "--generations", "--scheme=fixed"}, {"evolve", "--generations", "--storage=" + db}}) {
            for (String v : List.of("2147483648", "1e9", "-99999999999")) {
                assertThat(refused(c[0], c[1], v, c[2])).isEqualTo("nas: Invalid value for option '" + c[1] + "': '" + v
                        + "' is not an int");
            }
        }
        // before: one line naming all five options and values
        assertThat(refused("neat", "--steps", "-1", "-q")).isEqualTo("nas: --steps must be >= 0, but got -1");
        assertThat(refused("neat", "--refine-steps", "-300", "-q"))
                .isEqualTo("nas: --refine-steps must be >= 0, but got -300");
        assertThat(refused("neat", "-g", "0", "-q")).isEqualTo("nas: --generations must be >= 1, but got 0");
        assertThat(refused("neat", "-p", "1", "-q")).isEqualTo("nas: --population-size must be >= 2, but got 1");
        assertThat(refused("ga", "--optimizer", "adam", "--epochs", "0")).isEqualTo("nas: --epochs must be >= 1, got 0");
        assertThat(refused("ga", "--optimizer", "adam", "--epochs", "-7")).isEqualTo("nas: --epochs must be >= 1, got -7");
        assertThat(refused("ga", "-g", "0")).isEqualTo("nas: --generations must be >= 1, got 0");
        assertThat(refused("ga", "--evaluations", "0")).isEqualTo("nas: an evaluation budget of 0 does not cover the "
                + "first generation's 32 children");
        assertThat(refused("evolve", "-g", "-1", "-q", "--storage", db))
                .isEqualTo("nas: --generations must be >= 1, but got -1");
    }

    @Test
    void compareSaysWhichResultsFileItCannotUseAndWhy() throws Exception {
        Path results = Files.createDirectory(dir.resolve("results"));
        Files.writeString(results.resolve("pure_baseline_20261201_120000.json"), "{\"config_name\": \"pure_baseline\", "
                + "\"status\": \"complete\", \"runs\": [{\"best_fitness\": 12.5}, {\"best_fitness\": 7.5}]}");
        Path misnamed = Files.writeString(results.resolve("pure_baseline_old.json"), "garbage");
        // before: passed over without a word
        Run ok = nas("compare", "pure_baseline", "--results-dir", results.toString());
        assertThat(ok.code).isZero();
        assertThat(ok.err).isEqualTo("nas: warning: passing over " + misnamed + ": not named "
                + "pure_baseline_yyyyMMdd_HHmmss.json as 'nas run' names its results\n");
        // seeds, mean, std, best of 12.5 and 7.5
        assertThat(ok.out.lines().filter(l -> l.startsWith("pure_baseline ")).map(l -> List.of(l.split("\\s+"))))
                .containsExactly(List.of("pure_baseline", "2", "10.0", "2.5", "12.5", "complete",
                        "pure_baseline_20261201_120000.json"));
        Files.delete(misnamed);
        // the newest file damaged: before, exit 1 "unexpected error: could not read results file ..." (or, for a JSON
        // object without runs, a row of NaN and exit 0)
        Path newest = Files.writeString(results.resolve("pure_baseline_20261202_120000.json"), "garbage");
        String[] compare = {"compare", "pure_baseline", "--results-dir", results.toString()};
        assertThat(refused(compare)).startsWith("nas: " + newest + ", the newest results of 'pure_baseline', is not a "
                + "results file of 'nas run': invalid JSON at line 1, column 8: Unrecognized token 'garbage'")
                .endsWith("; move it aside to compare the one before it");
        Files.writeString(newest, "{}");
        assertThat(refused(compare)).isEqualTo("nas: " + newest + ", the newest results of 'pure_baseline', is not a "
                + "results file of 'nas run': it has no list of 'runs'; move it aside to compare the one before it");
    }

    @Test
    void samplerAndPrunerValuesAreNamedByTheirFlags() {
        // before: the library's Java names ("populationSize must be >= 2, but got 1", "nWarmupSteps ...")
        String[] search = {"search", "--study", "named", "--storage", db, "--objective", "sphere", "--n-trials", "1"};
        assertThat(refused(CliRunner.concat(search, "--sampler", "nsga2", "--population-size", "1")))
                .isEqualTo("nas: --population-size must be >= 2, but got 1");
        assertThat(refused(CliRunner.concat(search, "--sampler", "gp", "--gp-startup-trials", "0")))
                .isEqualTo("nas: --gp-startup-trials must be >= 1, but got 0");
        assertThat(refused(CliRunner.concat(search, "--pruner", "median", "--pruner-warmup-steps", "-1")))
                .isEqualTo("nas: --pruner-warmup-steps must be >= 0, but got -1");
        assertThat(refused(CliRunner.concat(search, "--pruner", "successive-halving", "--pruner-reduction-factor",
                "1"))).isEqualTo("nas: --pruner-reduction-factor must be >= 2, but got 1");
    }

    @Test
    void theRealProcessExitsWithCodeTwoAndOneLine() throws Exception {
        CliProcess.Result r = CliProcess.run(dir, "trials", "--study", "nope", "--storage", db);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(1).allMatch(l -> l.startsWith("nas: ") && l.contains("nope"));
        assertThat(new String(r.out().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEmpty();
    }
}
