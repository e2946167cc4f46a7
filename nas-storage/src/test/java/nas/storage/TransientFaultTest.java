package nas.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nas.api.FrozenTrial;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.exception.StorageException;
import nas.api.sampler.RandomSampler;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lost connections: retried with back-off for a bounded time, then reported; finished trials stay as they were. */
class TransientFaultTest {

    @TempDir
    Path dir;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Server tcpServer(int port) throws Exception {
        return Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", dir.toString(), "-ifNotExists")
                .start();
    }

    @Test
    void aSearchRidesOutADatabaseOutageAndKeepsEveryFinishedTrial() throws Exception {
        int port = freePort();
        Server server = tcpServer(port);
        String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/outage";
        try (JdbcStorage storage = JdbcStorage.open(url, true, Duration.ofSeconds(30))) {
            Study study = Studies.builder("outage").storage(storage).directions(StudyDirection.MINIMIZE)
                    .sampler(new RandomSampler(3)).create();
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> study.optimize(t -> {
                double x = t.suggestFloat("x", -1, 1);
                Thread.sleep(2);
                return x * x;
            }, 40));
            while (study.trials(TrialState.COMPLETE).size() < 10) {
                Thread.sleep(10);
            }
            Map<Integer, List<Double>> before = finished(storage, study.id());
            server.stop(); // every connection drops; the worker's calls now fail and are retried
            Thread.sleep(1500);
            server = tcpServer(port);
            run.get(60, TimeUnit.SECONDS);

            List<FrozenTrial> complete = study.trials(TrialState.COMPLETE);
            assertThat(complete).hasSize(40);
            assertThat(study.trials(TrialState.FAIL)).isEmpty();
            assertThat(complete).allSatisfy(t -> assertThat(t.values().get(0))
                    .isEqualTo(Math.pow((Double) t.params().get("x"), 2)));
            // the trials finished before the outage are still there, unchanged
            Map<Integer, List<Double>> after = finished(storage, study.id());
            assertThat(after).containsAllEntriesOf(before);
        } finally {
            server.stop();
        }
    }

    @Test
    void anOutageLongerThanTheRetryBudgetIsReportedClearlyAndLeavesCompleteTrialsComplete() throws Exception {
        int port = freePort();
        Server server = tcpServer(port);
        String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/down";
        try (JdbcStorage storage = JdbcStorage.open(url, true, Duration.ofSeconds(1))) {
            long study = storage.createStudy("down", List.of(StudyDirection.MINIMIZE));
            FrozenTrial done = storage.createTrial(study, null);
            storage.setTrialStateValues(done.id(), TrialState.COMPLETE, List.of(0.25));
            FrozenTrial running = storage.createTrial(study, null);
            server.stop();
            long start = System.nanoTime();
            assertThatThrownBy(() -> storage.setTrialStateValues(running.id(), TrialState.COMPLETE, List.of(1.0)))
                    .isInstanceOf(StorageException.class)
                    .hasMessageStartingWith("storage unavailable for 1 s")
                    .hasMessageContaining("127.0.0.1:" + port);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
            server = tcpServer(port);
            assertThat(storage.trial(done.id()).state()).isEqualTo(TrialState.COMPLETE);
            assertThat(storage.trial(done.id()).values()).containsExactly(0.25);
            // the finish that never reached the database can be sent again
            storage.setTrialStateValues(running.id(), TrialState.COMPLETE, List.of(1.0));
            assertThat(storage.trial(running.id()).values()).containsExactly(1.0);
        } finally {
            server.stop();
        }
    }

    private static Map<Integer, List<Double>> finished(JdbcStorage storage, long study) {
        return storage.trials(study, Set.of(TrialState.COMPLETE)).stream()
                .collect(Collectors.toMap(FrozenTrial::number, FrozenTrial::values));
    }
}
