package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import nas.api.FrozenTrial;
import nas.api.TrialState;
import nas.api.storage.Storage;
import nas.server.ServerEndpoint;
import nas.server.ServerFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers and the storage server SIGKILLed at random moments: every trial a process printed as
 * stored is stored with its values, no trial number repeats or is skipped, and the only trials not
 * COMPLETE are those that were running when a process died (FAIL, stale heartbeat).
 */
class KillLoopTest {

    @TempDir
    Path dir;

    private static final int TARGET = 150;
    private static final int WORKERS = 3;

    /**
     * Heartbeats every 2 s: a trial silent for 4 s belonged to a killed worker. Longer than a loaded
     * test machine stalls a live worker, so no live worker's trial is failed as stale.
     */
    private static final int HEARTBEAT_SECONDS = 2;

    private static String[] search(String url, int heartbeatSeconds) {
        return new String[] {"search", "--study", "kill", "--storage", url, "--objective", "sphere", "--dim", "2",
            "--sampler", "random", "--seed", "11", "--max-trials", String.valueOf(TARGET), "--heartbeat-interval",
            String.valueOf(heartbeatSeconds), "--quiet", "--print-trials"};
    }

    @Test
    void workersKilledAndRestarted() throws Exception {
        String url = dir.resolve("workers").toString();
        Random random = new Random(20261204L);
        List<CliProcess> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            workers.add(CliProcess.start(dir, search(url, HEARTBEAT_SECONDS)));
        }
        List<String> printed = new ArrayList<>();
        int kills = 0;
        for (int round = 0; round < 8; round++) {
            int victim = random.nextInt(WORKERS);
            CliProcess p = workers.get(victim);
            p.awaitOutputLines((int) p.outputLines() + 1, 60);
            Thread.sleep(random.nextInt(300));
            CliProcess.Result r = p.kill();
            kills++;
            printed.addAll(trialLines(r.out()));
            workers.set(victim, CliProcess.start(dir, search(url, HEARTBEAT_SECONDS)));
        }
        for (CliProcess w : workers) {
            CliProcess.Result r = w.await(300);
            assertThat(r.exitCode()).as(r.err()).isZero();
            printed.addAll(trialLines(r.out()));
        }
        assertNothingLostNothingRepeated(url, printed, kills, HEARTBEAT_SECONDS);
    }

    @Test
    void serverKilledWhileWorkersRun() throws Exception {
        String url = dir.resolve("server").toString();
        Random random = new Random(20261205L);
        List<CliProcess> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            // the default heartbeat (5 s): a restarting server must not make live trials look stale
            workers.add(CliProcess.start(dir, search(url, 5)));
        }
        ServerFiles files = new ServerFiles(dir.resolve("server.mv.db"));
        int kills = 0;
        long killed = -1;
        for (int round = 0; round < 4; round++) {
            CliProcess some = workers.get(random.nextInt(WORKERS));
            some.awaitOutputLines((int) some.outputLines() + 5, 120);
            Thread.sleep(random.nextInt(300));
            ProcessHandle server = nextServer(files, killed);
            killed = server.pid();
            server.destroyForcibly(); // SIGKILL; the workers start the next server themselves
            server.onExit().get();
            kills++;
        }
        List<String> printed = new ArrayList<>();
        for (CliProcess w : workers) {
            CliProcess.Result r = w.await(300);
            assertThat(r.exitCode()).as(r.err()).isZero();
            printed.addAll(trialLines(r.out()));
        }
        // a call whose reply died with the server is sent again to the next one: at most one trial
        // per worker and kill can be left behind by a lost reply
        assertNothingLostNothingRepeated(url, printed, kills * WORKERS, 5);
    }

    /**
     * The live server the endpoint file names, other than the one {@code killed} (whose endpoint the file can still
     * name for a moment after its kill, until a worker has started the next server).
     */
    private static ProcessHandle nextServer(ServerFiles files, long killed) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            java.util.Optional<ProcessHandle> live = ServerEndpoint.read(files.endpoint())
                    .filter(e -> e.pid() != killed).flatMap(e -> ProcessHandle.of(e.pid())).filter(ProcessHandle::isAlive);
            if (live.isPresent()) {
                return live.get();
            }
            assertThat(System.nanoTime()).as("no new storage server within 60 s of killing pid " + killed)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /**
     * H2 told to store commits only once an hour, and both the server and the worker killed at
     * once: every trial the worker printed is in the file, because the server stores each write
     * (group commit) before it answers.
     */
    @Test
    void serverAndWorkerKilledTogetherLoseNothingPrinted() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("held") + ";WRITE_DELAY=3600000";
        CliProcess p = CliProcess.start(dir, "search", "--study", "kill", "--storage", url, "--objective", "sphere",
                "--dim", "2", "--sampler", "random", "--seed", "5", "--n-trials", "100000", "--quiet", "--print-trials");
        p.awaitOutputLines(200, 120);
        ServerEndpoint endpoint = ServerEndpoint.read(new ServerFiles(dir.resolve("held.mv.db")).endpoint()).orElseThrow();
        ProcessHandle.of(endpoint.pid()).orElseThrow().destroyForcibly();
        CliProcess.Result r = p.kill();
        List<String> printed = trialLines(r.out());
        assertThat(printed).hasSizeGreaterThanOrEqualTo(200);
        try (Storage storage = new StorageOptions(url).openExisting()) {
            Map<Integer, List<Double>> stored = new HashMap<>();
            for (FrozenTrial t : storage.trials(storage.findStudy("kill").getAsLong(), Set.of(TrialState.COMPLETE))) {
                stored.put(t.number(), t.values());
            }
            for (String line : printed) {
                String[] f = line.split(" ", 4);
                assertThat(stored).as(line).containsKey(Integer.parseInt(f[1]));
                assertThat(stored.get(Integer.parseInt(f[1])).toString()).isEqualTo(f[3]);
            }
        }
    }

    private static List<String> trialLines(String out) {
        return out.lines().filter(l -> l.startsWith("trial ")).toList();
    }

    private static void assertNothingLostNothingRepeated(String url, List<String> printed, int mostLeftBehind,
            int heartbeatSeconds) throws InterruptedException {
        try (Storage storage = new StorageOptions(url).openExisting()) {
            long study = storage.findStudy("kill").getAsLong();
            // what the last workers did not fail yet (they check heartbeats as a trial starts): every worker has
            // exited, so a trial still RUNNING is a dead one, stale two heartbeats after its last; given up
            // 2.5 heartbeats from now (a server that has just started judges only after one grace period)
            long deadline = System.nanoTime() + Duration.ofMillis(2500L * heartbeatSeconds).toNanos();
            while (storage.countTrials(study, Set.of(TrialState.RUNNING)) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                storage.failStaleTrials(study, Duration.ofSeconds(2L * heartbeatSeconds));
            }
            List<FrozenTrial> all = storage.trials(study, Set.of());
            assertThat(all).extracting(FrozenTrial::number)
                    .containsExactlyElementsOf(IntStream.range(0, all.size()).boxed().toList());
            Map<Integer, List<Double>> complete = new HashMap<>();
            all.stream().filter(t -> t.state() == TrialState.COMPLETE).forEach(t -> complete.put(t.number(), t.values()));
            assertThat(complete.size()).isBetween(TARGET, TARGET + WORKERS - 1);
            for (String line : printed) {
                String[] f = line.split(" ", 4);
                assertThat(f[2]).as(line).isEqualTo("COMPLETE");
                assertThat(complete).as(line).containsKey(Integer.parseInt(f[1]));
                assertThat(complete.get(Integer.parseInt(f[1])).toString()).as(line).isEqualTo(f[3]);
            }
            List<FrozenTrial> others = all.stream().filter(t -> t.state() != TrialState.COMPLETE).toList();
            assertThat(others).allSatisfy(t -> {
                assertThat(t.state()).isEqualTo(TrialState.FAIL);
                assertThat(t.systemAttrs()).containsEntry(FrozenTrial.FAIL_REASON, "stale heartbeat");
            });
            assertThat(others.size()).isLessThanOrEqualTo(mostLeftBehind);
            System.out.printf("kill loop: %d trials, %d COMPLETE, %d FAIL (stale), at most %d could be left%n",
                    all.size(), complete.size(), others.size(), mostLeftBehind);
        }
    }
}
