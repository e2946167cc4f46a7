package nas.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import nas.api.FrozenTrial;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.sampler.RandomSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several workers on one study: threads sharing a storage, and processes sharing a PostgreSQL
 * database (processes share an H2 file through its storage server: nas-server's tests).
 */
class MultiWorkerTest {

    @TempDir
    Path dir;

    @Test
    void fourThreadWorkersOnH2() throws Exception {
        assertFourThreadWorkersStoreEveryTrialOnce(dir.resolve("threads").toString());
    }

    @Test
    void fourThreadWorkersOnPostgres() throws Exception {
        assertFourThreadWorkersStoreEveryTrialOnce(PostgresTestServer.freshUrl("threads"));
    }

    /** Four workers (one Study each, as four users would) x 50 trials: 200 trials numbered 0..199. */
    private static void assertFourThreadWorkersStoreEveryTrialOnce(String url) throws Exception {
        try (JdbcStorage storage = JdbcStorage.open(url)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int worker = w;
                done.add(pool.submit(() -> {
                    Study s = Studies.builder("shared").storage(storage).directions(StudyDirection.MINIMIZE)
                            .sampler(new RandomSampler(worker)).loadIfExists(true).create();
                    s.optimize(t -> {
                        double x = t.suggestFloat("x", -5, 5);
                        return x * x;
                    }, 50);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            long id = storage.findStudy("shared").getAsLong();
            List<FrozenTrial> trials = storage.trials(id, java.util.Set.of());
            assertThat(trials).hasSize(200).allMatch(t -> t.state() == TrialState.COMPLETE);
            assertThat(trials).extracting(FrozenTrial::number).containsExactlyElementsOf(
                    IntStream.range(0, 200).boxed().toList());
            assertThat(trials).allSatisfy(t -> assertThat(t.values().get(0))
                    .isEqualTo(Math.pow((Double) t.params().get("x"), 2)));
        }
    }

    @Test
    void compareAndSetIsAtomicAcrossProcessesAndThreadsOnPostgres() throws Exception {
        assertCompareAndSetIsAtomicAcrossProcesses(PostgresTestServer.freshUrl("cas"));
    }

    /** Two processes and two threads each add 1 to a counter 15 times: the counter ends at 60. */
    private static void assertCompareAndSetIsAtomicAcrossProcesses(String url) throws Exception {
        int n = 15;
        try (JdbcStorage storage = JdbcStorage.open(url)) {
            long study = storage.createStudy("cas", List.of(StudyDirection.MINIMIZE));
            List<Process> processes = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                processes.add(new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                        CasWorker.class.getName(), url, "cas", String.valueOf(n)).inheritIO().start());
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Integer>> threads = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                threads.add(pool.submit(() -> CasWorker.increment(storage, study, n)));
            }
            for (Future<Integer> f : threads) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            for (Process p : processes) {
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).isZero();
            }
            assertThat(storage.studySystemAttrs(study).get("counter")).isEqualTo(4L * n);
        }
    }

    static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
