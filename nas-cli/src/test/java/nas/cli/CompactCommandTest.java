package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nas.api.FrozenTrial;
import nas.api.TrialState;
import nas.api.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nas compact} on real files, in processes of their own: a file grown by several studies and an evolution run
 * shrinks and reads exactly as before; a worker storing trials meanwhile waits and loses nothing; the server killed
 * (SIGKILL) as H2 writes the new file or right after it renamed it leaves a file that opens with everything; a
 * read-only file, another user's, PostgreSQL and too little free disk are refused with one line, exit 2.
 */
class CompactCommandTest {

    @TempDir
    Path dir;

    private static final String OUT_LINE = "db\\.mv\\.db: [0-9.,]+ MB -> [0-9.,]+ MB in [0-9.,]+ s";

    /** Three studies of 1,500 trials and a 30-generation run, stored through the server as users store them. */
    private static void grow(Path dir, String db) throws Exception {
        for (String study : List.of("a", "b", "c")) {
            ok(CliProcess.run(dir, "search", "--study", study, "--storage", db, "--objective", "sphere", "--dim", "2",
                    "--sampler", "random", "--seed", "3", "--n-trials", "1500", "--quiet"));
        }
        ok(CliProcess.run(dir, "evolve", "--storage", db, "--run-id", "r", "-c", "pure_baseline", "-p", "16", "-g", "30",
                "--seed", "5", "-q"));
    }

    /** What the file holds, as programs read it: each study's trials as JSON and the run's export. */
    private static Map<String, String> contents(Path dir, String db) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (String study : List.of("a", "b", "c")) {
            CliProcess.Result r = ok(CliProcess.run(dir, "trials", "--study", study, "--storage", db, "--format", "json"));
            out.put(study, r.out());
        }
        Path export = dir.resolve("r-" + System.nanoTime() + ".json");
        ok(CliProcess.run(dir, "export", "r", "--storage", db, "--out", export.toString()));
        out.put("r", Files.readString(export, StandardCharsets.UTF_8));
        Files.delete(export);
        return out;
    }

    @Test
    void aGrownFileShrinksAndReadsTheSameWithAServerRunningAndWithout() throws Exception {
        String db = dir.resolve("db").toString();
        Path file = dir.resolve("db.mv.db");
        grow(dir, db);
        Map<String, String> before = contents(dir, db);
        assertThat(before.get("a")).contains("{\"number\":1499,");
        long size = Files.size(file);
        // the server the commands started still runs: it compacts its own file
        CliProcess.Result r = ok(CliProcess.run(dir, "compact", "--storage", db));
        assertThat(r.out().strip()).matches(OUT_LINE);
        assertThat(r.err()).startsWith("compacting db.mv.db (");
        long compacted = Files.size(file);
        assertThat(compacted).as("compacted size against %d bytes before", size).isLessThan(size * 3 / 4);
        assertThat(contents(dir, db)).isEqualTo(before);
        assertThat(Files.readString(dir.resolve("db.nas-server.log"))).contains("nas server: compacted " + file);
        // the file keeps its owner-only permissions, and nothing is left beside it
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.exists(Path.of(file + ".tempFile"))).isFalse();

        // no server running: the command starts one, as every command does
        StorageServers.stop(dir);
        assertThat(Files.exists(dir.resolve("db.nas-server"))).isFalse();
        CliProcess.Result again = ok(CliProcess.run(dir, "compact", "--storage", db, "--quiet"));
        assertThat(again.out().strip()).matches(OUT_LINE);
        assertThat(again.err()).isEmpty();
        assertThat(Files.size(file)).isLessThan(size * 3 / 4);
        assertThat(contents(dir, db)).isEqualTo(before);
    }

    @Test
    void aWorkerStoringTrialsWaitsAndLosesNothing() throws Exception {
        String db = dir.resolve("db").toString();
        int trials = 4000;
        CliProcess worker = CliProcess.start(dir, "search", "--study", "w", "--storage", db, "--objective", "sphere",
                "--dim", "2", "--sampler", "random", "--n-trials", String.valueOf(trials), "--quiet", "--print-trials");
        worker.awaitOutputLines(300, 120);
        long storedBefore = worker.outputLines();
        CliProcess.Result compact = ok(CliProcess.run(dir, "compact", "--storage", db));
        assertThat(compact.out().strip()).matches(OUT_LINE);
        // the compaction ran while the worker stored trials
        assertThat(worker.isAlive()).as("worker still storing trials when the compaction ended").isTrue();
        assertThat(storedBefore).isBetween(300L, trials - 1L);
        CliProcess.Result w = worker.await(300);
        assertThat(w.exitCode()).as(w.err()).isZero();
        assertThat(w.err()).isEmpty();
        List<String> printed = w.out().lines().filter(l -> l.startsWith("trial ")).toList();
        assertThat(printed).hasSize(trials);
        try (Storage storage = new StorageOptions(db).openExisting()) {
            long study = storage.findStudy("w").getAsLong();
            List<FrozenTrial> all = storage.trials(study, Set.of(TrialState.values()));
            assertThat(all).hasSize(trials).allMatch(t -> t.state() == TrialState.COMPLETE);
            assertThat(all.stream().mapToInt(FrozenTrial::number).sorted().toArray())
                    .containsExactly(IntStream.range(0, trials).toArray());
            // every value the worker printed is the one stored
            Map<Integer, String> stored = new LinkedHashMap<>();
            all.forEach(t -> stored.put(t.number(), "trial " + t.number() + " COMPLETE " + t.values().get(0)));
            for (String line : printed) {
                int number = Integer.parseInt(line.split(" ")[1]);
                assertThat(line).startsWith(stored.get(number).substring(0, stored.get(number).indexOf("COMPLETE")));
            }
        }
        assertThat(Files.readString(dir.resolve("db.nas-server.log"))).contains("nas server: compacted ");
    }

    /** Where the server is killed: as H2 creates the new file, once it has written part of it, right after the rename. */
    private enum KillPoint { NEW_FILE_APPEARS, NEW_FILE_PART_WRITTEN, NEW_FILE_RENAMED }

    @Test
    void theServerKilledWhileCompactingLeavesAFileWithEverything() throws Exception {
        String db = dir.resolve("db").toString();
        Path file = dir.resolve("db.mv.db");
        Path temp = Path.of(file + ".tempFile");
        grow(dir, db);
        Map<String, String> before = contents(dir, db);
        StorageServers.stop(dir);
        long grown = Files.size(file);
        Path grownCopy = dir.resolve("grown.keep");
        Files.copy(file, grownCopy);
        List<String> seen = new ArrayList<>();
        for (KillPoint point : KillPoint.values()) {
            // a loaded machine can keep this thread off the CPU for the new file's whole life: then again
            boolean appeared = false;
            for (int attempt = 1; attempt <= 5 && !appeared; attempt++) {
                // each attempt on the file as grown (no server has it now)
                Files.copy(grownCopy, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                appeared = killWhileCompacting(db, temp, point);
                seen.add(point + (appeared ? "" : " (the new file came and went unseen)") + ": new file "
                        + (Files.exists(temp) ? sizeOr(temp) + " bytes" : "absent") + ", database " + Files.size(file)
                        + " bytes");
                if (appeared && point != KillPoint.NEW_FILE_PART_WRITTEN) {
                    // killed while H2 wrote the new file (it is still there), or after it renamed it (it is gone); once
                    // its pages are written, H2 forces it to disk and renames it within milliseconds, so a kill past 64
                    // KB may land on either side of the rename (both happened)
                    assertThat(Files.exists(temp)).as(seen.toString()).isEqualTo(point == KillPoint.NEW_FILE_APPEARS);
                }
                // every trial and the run, as before; H2 removes a new file left behind as it opens the database
                assertThat(contents(dir, db)).as(point.toString()).isEqualTo(before);
                assertThat(Files.exists(temp)).as(point + " " + seen).isFalse();
                StorageServers.stop(dir);
            }
            assertThat(appeared).as("%s: the new file was seen (%s)", point, seen).isTrue();
        }
        System.out.println("CompactCommandTest kills: " + seen);
        // the last kill came after the rename: the file is the compacted one
        assertThat(Files.size(file)).as(seen.toString()).isLessThan(grown);
    }

    /**
     * Starts a server on {@code db} and {@code nas compact}, watches H2's new file and SIGKILLs both at {@code point};
     * whether the new file was seen at all.
     */
    private boolean killWhileCompacting(String db, Path temp, KillPoint point) throws Exception {
        CliProcess server = CliProcess.start(dir, "server", "--storage", db);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(dir.resolve("db.nas-server")) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        CliProcess compact = CliProcess.start(dir, "compact", "--storage", db, "--quiet");
        boolean appeared = false;
        long written = -1;
        while (System.nanoTime() < deadline && compact.isAlive()) {
            boolean exists = Files.exists(temp);
            if (exists) {
                appeared = true;
                written = sizeOr(temp);
            }
            if (point == KillPoint.NEW_FILE_APPEARS && exists
                    || point == KillPoint.NEW_FILE_PART_WRITTEN && written >= 64 * 1024
                    || point == KillPoint.NEW_FILE_RENAMED && appeared && !exists) {
                break;
            }
        }
        // both at once, the server first: the command would start another server after 20 ms and compact again
        ProcessHandle.of(server.pid()).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(compact.pid()).ifPresent(ProcessHandle::destroyForcibly);
        server.kill();
        compact.kill();
        return appeared;
    }

    @Test
    void readOnlyAnotherUsersAMissingFileAndPostgresAreRefusedWithNothingChanged() throws Exception {
        String db = dir.resolve("db").toString();
        Path file = dir.resolve("db.mv.db");
        ok(CliProcess.run(dir, "search", "--study", "a", "--storage", db, "--objective", "sphere", "--dim", "2",
                "--sampler", "random", "--n-trials", "50", "--quiet"));
        StorageServers.stop(dir);
        List<String> files = listing(dir);

        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("r--------"));
        byte[] bytes = Files.readAllBytes(file);
        FileTime time = Files.getLastModifiedTime(file);
        CliProcess.Result readOnly = CliProcess.run(dir, "compact", "--storage", db);
        assertRefused(readOnly, "the database file " + file + " is read-only: nas compact rewrites it, so it is left as "
                + "it is (nothing was changed)");
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(time);
        assertThat(listing(dir)).isEqualTo(files);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

        if ("root".equals(System.getProperty("user.name"))) {
            Files.setOwner(file, file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
            CliProcess.Result foreign = CliProcess.run(dir, "compact", "--storage", db);
            assertRefused(foreign, file + " belongs to user nobody: only its owner compacts it (nothing was changed)");
            assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
            assertThat(Files.getLastModifiedTime(file)).isEqualTo(time);
            assertThat(listing(dir)).isEqualTo(files);
            Files.setOwner(file, file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("root"));
        }

        CliProcess.Result missing = CliProcess.run(dir, "compact", "--storage", dir.resolve("none").toString());
        assertRefused(missing, "no NAS database at " + dir.resolve("none.mv.db") + " (nothing to compact)");
        CliProcess.Result postgres = CliProcess.run(dir, "compact", "--storage",
                "jdbc:postgresql://127.0.0.1:1/studies?user=nas&password=secret");
        assertRefused(postgres, "nas compact rewrites an H2 file; jdbc:postgresql://127.0.0.1:1/studies?user=nas"
                + "&password=*** is PostgreSQL, which gives space back with VACUUM FULL (psql -c 'VACUUM FULL', while "
                + "no search writes)");
        assertThat(listing(dir)).isEqualTo(files);
    }

    @Test
    void tooLittleFreeDiskIsRefusedUpFrontAndEnoughIsEnough() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        assumeTrue(root || "true".equals(System.getenv("CI")), "mounting a small file system needs root");
        String grownDb = dir.resolve("grown").toString();
        for (String study : List.of("a", "b")) {
            ok(CliProcess.run(dir, "search", "--study", study, "--storage", grownDb, "--objective", "sphere", "--dim",
                    "2", "--sampler", "random", "--n-trials", "1500", "--quiet"));
        }
        StorageServers.stop(dir);
        Path mount = Files.createDirectories(dir.resolve("small"));
        // room for the file and 32 MB: a compaction asks for about 1.1 times the live data and 16 MB
        long megabytes = Files.size(dir.resolve("grown.mv.db")) / (1 << 20) + 32;
        sh("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", mount.toString());
        try {
            Path file = mount.resolve("db.mv.db");
            Files.copy(dir.resolve("grown.mv.db"), file);
            String db = mount.resolve("db").toString();
            // the server opens the file first: H2 can give back free space at the end of a file it holds (a copy once
            // shrank by over 10 MB after the filler was written, and the compaction then found room)
            String trials = ok(CliProcess.run(dir, "trials", "--study", "a", "--storage", db, "--format", "json")).out();
            // free space: less than the 16 MB margin alone, even were the whole file given back meanwhile
            assertThat(Files.size(file)).isLessThan(10_000_000L);
            long free = Files.getFileStore(mount).getUsableSpace();
            Path filler = mount.resolve("filler");
            Files.write(filler, new byte[(int) (free - 6_000_000)]);
            CliProcess.Result refused = CliProcess.run(dir, "compact", "--storage", db);
            assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
            assertThat(refused.out()).isEmpty();
            assertThat(refused.err().lines().filter(l -> l.startsWith("nas: ")).toList()).as(refused.err())
                    .singleElement().asString().matches("nas: not enough free disk to compact " + file.toString()
                            .replace(".", "\\.") + ": H2 writes the live data \\(about [0-9,]+ MB\\) to a new file "
                            + "beside it first, and [0-9] MB are free there; free at least [0-9,]+ MB and run it again "
                            + "\\(nothing was changed\\)");
            assertThat(Files.exists(Path.of(file + ".tempFile"))).isFalse();
            assertThat(ok(CliProcess.run(dir, "trials", "--study", "a", "--storage", db, "--format", "json")).out())
                    .isEqualTo(trials);
            Files.delete(filler);
            long size = Files.size(file);
            CliProcess.Result done = ok(CliProcess.run(dir, "compact", "--storage", db, "--quiet"));
            assertThat(done.out().strip()).matches(OUT_LINE);
            assertThat(Files.size(file)).isLessThan(size);
            assertThat(ok(CliProcess.run(dir, "trials", "--study", "a", "--storage", db, "--format", "json")).out())
                    .isEqualTo(trials);
        } finally {
            StorageServers.stop(dir);
            sh("umount", "-l", mount.toString());
        }
    }

    private static void assertRefused(CliProcess.Result r, String line) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("nas: " + line + System.lineSeparator());
    }

    private static CliProcess.Result ok(CliProcess.Result r) {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    private static long sizeOr(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The directory's files, with their sizes (the CLI's own output files left out). */
    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("nas-out")
                    && !p.getFileName().toString().startsWith("nas-err")).map(p -> p.getFileName() + " " + sizeOr(p))
                    .sorted().toList();
        }
    }

    private static void sh(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
    }
}
