package nas.cli;

import nas.storage.RunLiveness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.testing.DirectoryListing;
import nas.api.transfer.StudyTransfer;
import nas.storage.JdbcStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study file this user cannot write (another user's, chmod 444, a read-only directory, a read-only mount) is read
 * by the commands that only read, with the study's own numbers (and its run, whose process died while it ran, shown
 * STOPPED: judged, not written), and nothing is written to the file or beside it
 * (every file's bytes and modification time, and the directory's, stay as they were); commands that write are
 * refused with one line and exit 2. Another user's live dashboard does not keep the owner's server from opening the
 * file, and says why it cannot read while that server has it.
 *
 * <p>Root ignores permission bits, so as root the commands run in a process of a second OS user
 * ({@link OtherUser}), or of a mount namespace with the directory mounted read-only, all commands of a case in one
 * JVM ({@link NasCommands}); without root they run in this process (the bits then hold) and the other-user and
 * mount cases are skipped.
 */
class ReadOnlyDatabaseTest {

    @TempDir
    static Path shared;
    /** A closed study file, no server on it: study "s" of 12 trials, x = 0, 0.5, ..., 5.5 (shuffled), value x². */
    private static Path source;
    /** The second user, as root; else null. */
    private static OtherUser user;

    private static final Map<String, Distribution> SPACE = Map.of("x", FloatDistribution.of(0, 10));

    private static final List<List<String>> READS = List.of(
            List.of("trials", "--study", "s", "--format", "csv"),
            List.of("best", "--study", "s"),
            List.of("studies", "--format", "csv"),
            List.of("export", "--study", "s"),
            List.of("runs"),
            List.of("run-status", "r"));
    /** The pid of the process that held run "r" and died. */
    private static long deadPid;

    @BeforeAll
    static void makeAStudyAndAUser() throws Exception {
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path db = Files.createDirectory(shared.resolve("made")).resolve("study");
        try (JdbcStorage storage = JdbcStorage.open(db.toString())) {
            long study = storage.createStudy("s", List.of(StudyDirection.MINIMIZE));
            for (int i = 0; i < 12; i++) {
                FrozenTrial t = storage.startTrial(study, false);
                // (i * 7) % 12 visits 0..11 once each: x = 0 (the best) in trial 0
                double x = (i * 7) % 12 * 0.5;
                storage.finishTrial(t.id(), Map.of("x", x), SPACE, TrialState.COMPLETE, List.of(x * x));
            }
            // a study to import, for the refused import
            StudyTransfer.write(storage, "s", shared.resolve("s.json"));
            // a run held by a process of this pid space that has died since: RUNNING as stored
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            deadPid = gone.pid();
            storage.runs().createRun(nas.storage.RunStoreContractTest.run("r"),
                    new nas.storage.RunStore.Owner(RunLiveness.WHERE, deadPid, 5));
        }
        Files.setPosixFilePermissions(shared.resolve("s.json"), PosixFilePermissions.fromString("rw-r--r--"));
        source = db.resolveSibling("study.mv.db");
        if (OtherUser.available()) {
            user = OtherUser.create(shared.resolve("cp"));
        } else if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI runs as root: the second-user cases must run there");
        }
    }

    @AfterAll
    static void removeTheUser() throws Exception {
        if (user != null) {
            user.close();
        }
    }

    @Test
    void anotherUsersFileAFileWithoutWritePermissionAndAReadOnlyDirectoryAreReadAndLeftAsTheyWere() throws Exception {
        List<Path> layouts = new ArrayList<>();
        if (user != null) {
            // another user's study in their directory: the file readable by all, the directory listable
            layouts.add(layout("theirs", "rwxr-xr-x", "rw-r--r--"));
        }
        // the reader's own file, chmod 444, in a directory it may write; its own file in a directory it may not
        Path file444 = layout("file444", "rwxr-xr-x", "r--r--r--");
        Path dir555 = layout("dir555", "r-xr-xr-x", "rw-r--r--");
        layouts.addAll(List.of(file444, dir555));
        if (user != null) {
            for (Path db : List.of(file444, dir555)) {
                user.own(db.resolveSibling("study.mv.db"));
                user.own(db.getParent());
            }
        }
        assertReadsAndRefusals(layouts, commands -> user != null
                ? NasCommands.parse(user.asUser(user.javaCommand(NasCommands.class.getName(),
                        NasCommands.arguments(commands))).output())
                : NasCommands.run(commands));
    }

    @Test
    void aFileOnAReadOnlyMountIsReadAndLeftAsItWas() throws Exception {
        assumeThat(user).as("needs root").isNotNull();
        Path db = layout("mounted", "rwxr-xr-x", "rw-------");
        // root, but the directory is mounted read-only, in a mount namespace of the command's own
        assertReadsAndRefusals(List.of(db), commands -> {
            List<String> command = new ArrayList<>(List.of("unshare", "-m", "sh", "-c",
                    "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" \"$0\" && exec \"$@\"",
                    db.getParent().toString(), ProcessHandle.current().info().command().orElseThrow(), "-cp",
                    System.getProperty("java.class.path"), NasCommands.class.getName()));
            command.addAll(List.of(NasCommands.arguments(commands)));
            OtherUser.Run r = OtherUser.run(command.toArray(String[]::new));
            assumeThat(r.output()).as("mount namespaces (unshare -m) are allowed here").doesNotContain("unshare:");
            return NasCommands.parse(r.output());
        });
    }

    @Test
    void anotherUsersLiveDashboardLetsTheOwnersServerOpenTheFileAndSaysWhyItCannotReadMeanwhile() throws Exception {
        assumeThat(user).as("needs root").isNotNull();
        Path db = layout("live", "rwxr-xr-x", "rw-r--r--");
        Path file = db.resolveSibling("study.mv.db");
        Path output = Files.createTempFile(shared, "dashboard", ".txt");
        Process dashboard = user.startNas(output, "dashboard", "--port", "0", "--storage", db.toString());
        try {
            String[] urlAndToken = dashboardAddress(output, dashboard);
            String studies = urlAndToken[0] + "api/studies";
            // a read, and the dashboard's process holds the file (H2's shared lock) for a moment after it
            boolean held = false;
            for (int i = 0; i < 5 && !held; i++) {
                assertThat(get(studies, urlAndToken[1])).startsWith("200 ").contains("\"trials\":12");
                held = heldByAnotherProcess(file);
            }
            assertThat(held).as("the dashboard's process holds the file right after a read").isTrue();
            // the owner's server (as 'nas search' opens it) waits for the dashboard to let the file go, and writes
            try (JdbcStorage owner = JdbcStorage.openForServer(db.toString())) {
                long study = owner.findStudy("s").orElseThrow();
                for (int i = 0; i < 3; i++) {
                    FrozenTrial t = owner.startTrial(study, false);
                    owner.finishTrial(t.id(), Map.of("x", 6.0 + i), SPACE, TrialState.COMPLETE,
                            List.of((6.0 + i) * (6.0 + i)));
                }
                // while the owner's server has the file, the dashboard says why it cannot read
                assertThat(get(studies, urlAndToken[1])).startsWith("503 ")
                        .contains("cannot read " + file + " now: a process has it open for writing");
            }
            assertThat(get(studies, urlAndToken[1])).startsWith("200 ").contains("\"trials\":15");
        } finally {
            dashboard.destroy();
            dashboard.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Whether another process has a lock on {@code file} (the JDK asks the OS for an exclusive one). */
    private static boolean heldByAnotherProcess(Path file) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = c.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        }
    }

    /** Runs command lines as some reader, all in one process. */
    @FunctionalInterface
    private interface Reader {
        List<NasCommands.Ran> run(List<List<String>> commands) throws Exception;
    }

    /** The reads and the writes on every layout, by one reader: what they print, and that no file changed. */
    private static void assertReadsAndRefusals(List<Path> layouts, Reader reader) throws Exception {
        Path export = shared.resolve("s.json");
        List<List<String>> writes = List.of(
                List.of("search", "--study", "s", "--objective", "sphere", "--dim", "1", "--n-trials", "1"),
                List.of("create-study", "--study", "t"),
                List.of("tell", "--study", "s", "--trial-number", "3", "--values", "1"),
                List.of("delete-study", "--study", "s"),
                List.of("import", export.toString(), "--study", "s2"),
                List.of("evolve", "-p", "4", "-g", "1"),
                List.of("runs", "delete", "r"));
        List<List<String>> commands = new ArrayList<>();
        Map<Path, Map<String, String>> before = new TreeMap<>();
        for (Path db : layouts) {
            before.put(db, DirectoryListing.of(db.getParent()));
            for (List<String> c : READS) {
                commands.add(withStorage(c, db));
            }
            for (List<String> c : writes) {
                commands.add(withStorage(c, db));
            }
        }
        List<NasCommands.Ran> ran = reader.run(commands);
        assertThat(ran).hasSize(commands.size());
        for (NasCommands.Ran r : ran) {
            String what = r.args().toString();
            if (READS.contains(r.args().subList(0, r.args().size() - 2))) {
                assertThat(r.exitCode()).as(what + ": " + r.err()).isZero();
                assertThat(r.err()).as(what).isEmpty();
                assertRead(r.args().get(0), r.out());
            } else {
                assertThat(r.exitCode()).as(what + ": " + r.out() + r.err()).isEqualTo(2);
                assertThat(r.err()).as(what).startsWith("nas: ").contains("is not writable").hasLineCount(1);
            }
        }
        for (Path db : layouts) {
            assertThat(DirectoryListing.of(db.getParent())).as("files, their bytes and times in " + db.getParent())
                    .isEqualTo(before.get(db));
        }
    }

    /** What a read printed: the study's 12 trials, each value x², the best x = 0 in trial 0. */
    private static void assertRead(String command, String out) {
        switch (command) {
            case "trials" -> {
                List<String> lines = out.lines().toList();
                List<String> header = List.of(lines.get(0).split(","));
                int value = header.indexOf("value");
                int x = header.indexOf("params_x");
                TreeSet<Double> xs = new TreeSet<>();
                for (String line : lines.subList(1, lines.size())) {
                    String[] cells = line.split(",");
                    double px = Double.parseDouble(cells[x]);
                    assertThat(Double.parseDouble(cells[value])).as(line).isEqualTo(px * px);
                    xs.add(px);
                }
                assertThat(lines).hasSize(13);
                assertThat(xs).hasSize(12).startsWith(0.0, 0.5).endsWith(5.5);
            }
            case "best" -> assertThat(out).startsWith("best trial 0 of study 's' (minimize): value 0\n").contains("x = 0\n");
            case "studies" -> assertThat(out.lines()).contains("s,minimize,12,0,0,12,0,0,0.0");
            case "export" -> assertThat(out.split("\"number\":", -1)).hasSize(13);
            case "runs" -> assertThat(out).containsPattern("\\br +pure_baseline +42 +STOPPED +0/10 ")
                    .contains("STOPPED: its process ended without finishing it");
            case "run-status" -> assertThat(out).contains("Status:      STOPPED, 0 of 10 generations done (0%); its process "
                    + "stopped: pid " + deadPid + " on " + RunLiveness.HOST + " has ended (last heartbeat ");
            default -> throw new AssertionError("no check for " + command);
        }
    }

    /** A copy of the study (and its high-water mark, owner-only as servers leave it) in a directory of its own. */
    private static Path layout(String name, String dirMode, String fileMode) throws IOException {
        Path dir = Files.createDirectory(shared.resolve(name));
        Path file = Files.copy(source, dir.resolve("study.mv.db"), StandardCopyOption.COPY_ATTRIBUTES);
        Path mark = source.resolveSibling("study.hwm.json");
        if (Files.exists(mark)) {
            Files.copy(mark, dir.resolve("study.hwm.json"), StandardCopyOption.COPY_ATTRIBUTES);
            Files.setPosixFilePermissions(dir.resolve("study.hwm.json"), PosixFilePermissions.fromString("rw-------"));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(fileMode));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(dirMode));
        return dir.resolve("study");
    }

    private static List<String> withStorage(List<String> args, Path db) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--storage", db.toString()));
        return all;
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
}
