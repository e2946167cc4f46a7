package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import nas.api.FrozenTrial;
import nas.api.TrialState;
import nas.storage.JdbcStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nas search} SIGKILLed ten times at random moments and restarted: no COMPLETE trial is
 * lost or changed, every trial a run printed as stored is in the database, a killed run's RUNNING
 * trial that reached the file becomes FAIL (stale heartbeat), and the study reaches its target.
 */
class KillLoopTest {

    @TempDir
    Path dir;

    private static final int TARGET = 200;

    @Test
    void killedAndRestartedTenTimes() throws Exception {
        String url = dir.resolve("kill").toString();
        String[] search = {"search", "--study", "kill", "--storage", url, "--objective", "sphere", "--dim", "2",
            "--sampler", "random", "--seed", "11", "--max-trials", String.valueOf(TARGET), "--heartbeat-interval", "0.2",
            "--quiet", "--print-trials"};
        Random random = new Random(20261123L);
        Map<Integer, List<Double>> complete = new HashMap<>();
        int killedRunning = 0;
        for (int round = 0; round < 10; round++) {
            CliProcess p = CliProcess.start(dir, search);
            // once the search runs (its first trial is printed), a random moment within the next 400 ms
            p.awaitOutputLines(1, 60);
            Thread.sleep(random.nextInt(400));
            CliProcess.Result r = p.kill();
            Map<Integer, List<Double>> now = completeTrials(url);
            // nothing that was COMPLETE is lost or changed
            for (Map.Entry<Integer, List<Double>> e : complete.entrySet()) {
                assertThat(now).as("round %d", round).containsEntry(e.getKey(), e.getValue());
            }
            // every trial the run printed (after it was stored) survived the kill, with its values
            for (String line : r.out().lines().filter(l -> l.startsWith("trial ")).toList()) {
                String[] f = line.split(" ", 4);
                if (f[2].equals("COMPLETE")) {
                    assertThat(now).as("round %d: %s", round, line).containsKey(Integer.parseInt(f[1]));
                    assertThat(now.get(Integer.parseInt(f[1])).toString()).isEqualTo(f[3]);
                }
            }
            complete = now;
            killedRunning += running(url);
        }
        CliProcess.Result last = CliProcess.run(dir, search);
        assertThat(last.exitCode()).as(last.err()).isZero();
        try (JdbcStorage storage = JdbcStorage.open(url, false)) {
            long study = storage.findStudy("kill").getAsLong();
            List<FrozenTrial> all = storage.trials(study, Set.of());
            assertThat(storage.countTrials(study, Set.of(TrialState.COMPLETE))).isEqualTo(TARGET);
            assertThat(storage.countTrials(study, Set.of(TrialState.RUNNING))).isZero();
            assertThat(all).extracting(FrozenTrial::number).doesNotHaveDuplicates();
            for (FrozenTrial t : all) {
                if (t.state() == TrialState.FAIL) {
                    assertThat(t.systemAttrs()).containsEntry(FrozenTrial.FAIL_REASON, "stale heartbeat");
                }
            }
            long failed = all.stream().filter(t -> t.state() == TrialState.FAIL).count();
            assertThat(failed).isGreaterThanOrEqualTo(Math.min(1, killedRunning));
            Map<Integer, List<Double>> end = completeTrials(url);
            assertThat(end).containsAllEntriesOf(complete);
            System.out.printf("kill loop: %d trials, %d COMPLETE, %d FAIL (stale), %d RUNNING left by kills%n",
                    all.size(), TARGET, failed, killedRunning);
        }
    }

    /**
     * H2 told to write commits only once an hour: every trial the killed run printed comes back
     * from the journal beside the file.
     */
    @Test
    void killedBeforeH2WroteAnyTrial() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("held") + ";WRITE_DELAY=3600000";
        CliProcess p = CliProcess.start(dir, "search", "--study", "kill", "--storage", url, "--objective", "sphere",
                "--dim", "2", "--sampler", "random", "--seed", "5", "--n-trials", "100000", "--quiet", "--print-trials");
        p.awaitOutputLines(300, 60);
        CliProcess.Result r = p.kill();
        List<String> printed = r.out().lines().filter(l -> l.startsWith("trial ")).toList();
        assertThat(printed).hasSizeGreaterThanOrEqualTo(300);
        assertThat(dir.resolve("held.journal")).exists();
        Map<Integer, List<Double>> stored = completeTrials(url);
        for (String line : printed) {
            String[] f = line.split(" ", 4);
            assertThat(stored).as(line).containsKey(Integer.parseInt(f[1]));
            assertThat(stored.get(Integer.parseInt(f[1])).toString()).isEqualTo(f[3]);
        }
    }

    private static Map<Integer, List<Double>> completeTrials(String url) {
        try (JdbcStorage storage = JdbcStorage.open(url, true)) {
            var id = storage.findStudy("kill");
            Map<Integer, List<Double>> out = new HashMap<>();
            if (id.isPresent()) {
                for (FrozenTrial t : storage.trials(id.getAsLong(), Set.of(TrialState.COMPLETE))) {
                    assertThat(out.put(t.number(), t.values())).as("trial %d twice", t.number()).isNull();
                }
            }
            return out;
        }
    }

    private static int running(String url) {
        try (JdbcStorage storage = JdbcStorage.open(url, true)) {
            var id = storage.findStudy("kill");
            return id.isEmpty() ? 0 : storage.countTrials(id.getAsLong(), Set.of(TrialState.RUNNING));
        }
    }
}
