package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import nas.server.ServerEndpoint;
import nas.server.ServerFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study file this user cannot write (another user's, chmod 444, a read-only directory, a read-only mount) is read
 * by the commands that only read, printing what they print on a writable copy, and nothing is written to the file
 * or beside it (every file's bytes and modification time, and the directory's list, stay as they were); commands
 * that write are refused with one line and exit 2. While the owner's server has the file, another user is told to
 * come back, and the owner's own reads go through that server.
 *
 * <p>Root ignores permission bits, so the permission cases run their reads as a second user ({@link OtherUser});
 * without root they run as this user (the bits then hold) and the other-user and mount cases are skipped.
 */
class ReadOnlyDatabaseTest {

    @TempDir
    static Path shared;
    /** A closed study file (no server on it): study "s" of 20 trials and the evolution run "r". */
    private static Path source;

    private static final List<List<String>> READS = List.of(
            List.of("trials", "--study", "s", "--format", "csv"),
            List.of("best", "--study", "s"),
            List.of("studies"),
            List.of("export", "--study", "s"),
            List.of("run-status", "r"),
            List.of("replay", "r", "--generation", "1"));
    /** What each of {@link #READS} prints on the writable file. */
    private static final Map<List<String>, String> EXPECTED = new LinkedHashMap<>();

    @BeforeAll
    static void makeAStudyAndARun() throws Exception {
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path db = shared.resolve("made").resolve("study");
        Files.createDirectories(db.getParent());
        assertOk(CliProcess.run(shared, "search", "--study", "s", "--storage", db.toString(), "--objective", "sphere",
                "--dim", "2", "--n-trials", "20", "--seed", "1", "--quiet"));
        assertOk(CliProcess.run(shared, "evolve", "--storage", db.toString(), "-p", "6", "-g", "2", "--run-id", "r",
                "-q"));
        for (List<String> read : READS) {
            CliProcess.Result r = CliProcess.run(shared, withStorage(read, db));
            assertOk(r);
            assertThat(r.err()).as(read.toString()).isEmpty();
            EXPECTED.put(read, r.out());
        }
        stopServer(db);
        source = db.resolveSibling("study.mv.db");
        // the figures the reads must show: 20 trials, the best of them, the run's 2 generations
        String csv = EXPECTED.get(READS.get(0));
        assertThat(csv.lines().count()).isEqualTo(21);
        assertThat(EXPECTED.get(READS.get(1))).startsWith("best trial ");
        assertThat(EXPECTED.get(READS.get(4))).contains("generation 2 of 2");
    }

    @Test
    void aFileOfAnotherUserWithoutWritePermissionOrInAReadOnlyDirectoryIsReadAndLeftAsItWas() throws Exception {
        boolean root = OtherUser.available();
        if (!root && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI runs as root: the second-user cases must run there");
        }
        try (OtherUser user = root ? OtherUser.create(shared.resolve("cp-" + System.nanoTime())) : null) {
            Reader reader = root ? user::nas : ReadOnlyDatabaseTest::nasHere;
            if (root) {
                // another user's study in their directory: the file readable by all, the directory listable
                Path theirs = layout("theirs", "rwxr-xr-x", "rw-r--r--");
                assertReadAndUnchanged(reader, theirs, READS);
                assertWritesRefused(reader, theirs);
            }
            // this user's file, chmod 444, in a directory it may write
            Path file444 = layout("file444", "rwxr-xr-x", "r--r--r--");
            // this user's file in a directory it cannot write (chmod 555)
            Path dir555 = layout("dir555", "r-xr-xr-x", "rw-r--r--");
            if (root) {
                for (Path db : List.of(file444, dir555)) {
                    user.own(db.resolveSibling("study.mv.db"));
                    user.own(db.getParent());
                }
            }
            assertReadAndUnchanged(reader, file444, READS.subList(0, 2));
            assertReadAndUnchanged(reader, dir555, READS.subList(0, 2));
            assertWritesRefused(reader, dir555);
        }
    }

    @Test
    void aFileOnAReadOnlyMountIsReadAndLeftAsItWas() throws Exception {
        OtherUser.assumeAvailable();
        Path db = layout("mounted", "rwxr-xr-x", "rw-------");
        // root, but the directory is mounted read-only, in a mount namespace of the command's own
        Reader reader = args -> readOnlyMount(db.getParent(), args);
        OtherUser.Run probe = reader.nas("studies", "--storage", db.toString());
        assumeThat(probe.output()).as("mount namespaces (unshare -m) are allowed here").doesNotContain("unshare:");
        assertReadAndUnchanged(reader, db, READS.subList(0, 2));
        assertWritesRefused(reader, db);
    }

    @Test
    void whileTheOwnersServerHasTheFileAnotherUserIsToldAndTheOwnerReadsThroughIt() throws Exception {
        OtherUser.assumeAvailable();
        Path db = layout("busy", "rwxr-xr-x", "rw-r--r--");
        Path dir = db.getParent();
        CliProcess server = CliProcess.start(dir, "server", "--storage", db.toString());
        try (OtherUser user = OtherUser.create(shared.resolve("cp-" + System.nanoTime()))) {
            ServerFiles files = new ServerFiles(db.resolveSibling("study.mv.db"));
            awaitEndpoint(files, server);
            Map<String, String> before = listing(dir);
            OtherUser.Run refused = user.nas(withStorage(READS.get(1), db));
            assertThat(refused.exitCode()).as(refused.output()).isEqualTo(2);
            assertThat(refused.output()).startsWith("nas: cannot read " + files.database() + " now: a process has it "
                    + "open for writing").hasLineCount(1);
            // the reader added no file (the server may have written to its own)
            assertThat(listing(dir).keySet()).isEqualTo(before.keySet());
            // the owner, on the same file mounted read-only, reads through its server
            OtherUser.Run owner = readOnlyMount(dir, withStorage(READS.get(0), db));
            assertThat(owner.output()).isEqualTo(EXPECTED.get(READS.get(0)));
            server.signal("TERM");
            server.await(60);
            OtherUser.Run after = user.nas(withStorage(READS.get(1), db));
            assertThat(after.exitCode()).as(after.output()).isZero();
            assertThat(after.output()).isEqualTo(EXPECTED.get(READS.get(1)));
        } finally {
            if (server.isAlive()) {
                server.signal("KILL");
            }
        }
    }

    @Test
    void anotherUsersDashboardReadsTheFileLiveAndTheOwnerStillWrites() throws Exception {
        OtherUser.assumeAvailable();
        Path db = layout("live", "rwxr-xr-x", "rw-r--r--");
        try (OtherUser user = OtherUser.create(shared.resolve("cp-" + System.nanoTime()))) {
            Path output = Files.createTempFile(shared, "dashboard", ".txt");
            Process dashboard = user.startNas(output, "dashboard", "--port", "0", "--storage", db.toString());
            try {
                String[] urlAndToken = dashboardAddress(output, dashboard);
                String studies = urlAndToken[0] + "api/studies";
                assertThat(get(studies, urlAndToken[1])).startsWith("200 ").contains("\"trials\":20");
                // the owner searches on: its server waits for the dashboard to let the file go (1 s after a read)
                CliProcess.Result more = CliProcess.run(db.getParent(), "search", "--study", "s", "--storage",
                        db.toString(), "--objective", "sphere", "--dim", "2", "--n-trials", "3", "--seed", "1", "--quiet");
                assertThat(more.exitCode()).as(more.err()).isZero();
                // while the owner's server has the file, the dashboard says why it cannot read
                assertThat(get(studies, urlAndToken[1])).startsWith("503 ").contains("a process has it open for writing");
                stopServer(db);
                assertThat(get(studies, urlAndToken[1])).startsWith("200 ").contains("\"trials\":23");
            } finally {
                dashboard.destroy();
                dashboard.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The address and token a dashboard printed ("open http://...?token=T"). */
    private static String[] dashboardAddress(Path output, Process dashboard) throws Exception {
        java.util.regex.Pattern open = java.util.regex.Pattern.compile("open (http://\\S+/)\\?token=(\\w+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            java.util.regex.Matcher m = open.matcher(Files.readString(output));
            if (m.find()) {
                return new String[] {m.group(1), m.group(2)};
            }
            assertThat(dashboard.isAlive()).as(Files.readString(output)).isTrue();
            assertThat(System.nanoTime()).as("no address in 60 s: " + Files.readString(output)).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The status and body of a GET with the dashboard's token. */
    private static String get(String url, String token) throws Exception {
        var reply = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url)).header("Authorization", "Bearer " + token).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return reply.statusCode() + " " + reply.body();
    }

    /** Runs nas with these arguments as some reader, stdout and stderr together. */
    @FunctionalInterface
    private interface Reader {
        OtherUser.Run nas(String... args) throws IOException, InterruptedException;
    }

    private static void assertReadAndUnchanged(Reader reader, Path db, List<List<String>> reads) throws Exception {
        Map<String, String> before = listing(db.getParent());
        for (List<String> read : reads) {
            OtherUser.Run r = reader.nas(withStorage(read, db));
            assertThat(r.exitCode()).as(db + " " + read + ": " + r.output()).isZero();
            assertThat(r.output()).as(db + " " + read).isEqualTo(EXPECTED.get(read));
        }
        assertThat(listing(db.getParent())).as("files, their bytes and times in " + db.getParent()).isEqualTo(before);
    }

    private static void assertWritesRefused(Reader reader, Path db) throws Exception {
        Map<String, String> before = listing(db.getParent());
        Path export = shared.resolve("s.json");
        if (!Files.exists(export)) {
            Files.writeString(export, EXPECTED.get(READS.get(3)));
            Files.setPosixFilePermissions(export, PosixFilePermissions.fromString("rw-r--r--"));
        }
        List<List<String>> writes = List.of(
                List.of("search", "--study", "s", "--objective", "sphere", "--dim", "2", "--n-trials", "1"),
                List.of("tell", "--study", "s", "--trial-number", "3", "--values", "1"),
                List.of("delete-study", "--study", "s"),
                List.of("import", export.toString(), "--study", "s2"),
                List.of("evolve", "-p", "4", "-g", "1"),
                List.of("runs", "delete", "r"));
        for (List<String> write : writes) {
            OtherUser.Run r = reader.nas(withStorage(write, db));
            assertThat(r.exitCode()).as(write + ": " + r.output()).isEqualTo(2);
            assertThat(r.output()).as(write.toString()).startsWith("nas: ").contains("is not writable").hasLineCount(1);
        }
        assertThat(listing(db.getParent())).as("files, their bytes and times in " + db.getParent()).isEqualTo(before);
    }

    /** A copy of the study (and its high-water mark, owner-only as the server leaves it) in a directory of its own. */
    private static Path layout(String name, String dirMode, String fileMode) throws IOException {
        Path dir = Files.createDirectory(shared.resolve(name));
        Path file = Files.copy(source, dir.resolve("study.mv.db"), StandardCopyOption.COPY_ATTRIBUTES);
        Path mark = source.resolveSibling("study.hwm.json");
        if (Files.exists(mark)) {
            Files.copy(mark, dir.resolve("study.hwm.json"), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(fileMode));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(dirMode));
        return dir.resolve("study");
    }

    /**
     * Every file in {@code dir}: its size, modification time and SHA-256, by name; and as "." the directory's
     * modification time, which a file created and deleted again would change.
     */
    private static Map<String, String> listing(Path dir) throws Exception {
        Map<String, String> files = new TreeMap<>();
        files.put(".", Files.getLastModifiedTime(dir).toInstant().toString());
        try (var list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                byte[] bytes = Files.readAllBytes(p);
                files.put(p.getFileName().toString(), bytes.length + " " + Files.getLastModifiedTime(p).toInstant() + " "
                        + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            }
        }
        return files;
    }

    /** nas as root with {@code dir} bind-mounted read-only onto itself, in a mount namespace of its own. */
    private static OtherUser.Run readOnlyMount(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("unshare", "-m", "sh", "-c",
                "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" \"$0\" && exec \"$@\"", dir.toString(),
                ProcessHandle.current().info().command().orElseThrow(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return OtherUser.run(command.toArray(String[]::new));
    }

    /** nas as this user (not root: permission bits hold). */
    private static OtherUser.Run nasHere(String... args) throws IOException, InterruptedException {
        CliProcess.Result r = CliProcess.run(shared, args);
        return new OtherUser.Run(r.exitCode(), r.out() + r.err());
    }

    private static String[] withStorage(List<String> args, Path db) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--storage", db.toString()));
        return all.toArray(String[]::new);
    }

    private static void assertOk(CliProcess.Result r) {
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    /** Stops the auto-started server of {@code db} (this test's own child), so that the file is closed. */
    private static void stopServer(Path db) throws Exception {
        ServerFiles files = new ServerFiles(db.resolveSibling(db.getFileName() + ".mv.db"));
        var endpoint = ServerEndpoint.read(files.endpoint());
        if (endpoint.isPresent()) {
            var process = ProcessHandle.of(endpoint.get().pid());
            if (process.isPresent()) {
                process.get().destroy();
                process.get().onExit().get(60, TimeUnit.SECONDS);
            }
        }
    }

    private static void awaitEndpoint(ServerFiles files, CliProcess server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ServerEndpoint.read(files.endpoint()).isEmpty()) {
            assertThat(server.isAlive()).as(server.errorOutput()).isTrue();
            assertThat(System.nanoTime()).as("the server published no endpoint in 60 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
