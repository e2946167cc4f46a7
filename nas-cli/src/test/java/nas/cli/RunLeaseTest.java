package nas.cli;

import nas.storage.RunLiveness;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import nas.storage.JdbcStorage;
import nas.storage.RunStore;
import nas.storage.RunStoreContractTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A held run's heartbeat is kept fresh by the timer between generations, given up at the end, and a holder whose run
 * was taken over learns it from its next beat; who counts as alive.
 */
class RunLeaseTest {

    @TempDir
    Path dir;

    @Test
    void theTimerBeatsBetweenGenerationsAndTheLeaseIsGivenUpAtTheEnd() throws Exception {
        try (JdbcStorage storage = JdbcStorage.open("jdbc:h2:" + dir.resolve("runs"))) {
            RunStore runs = storage.runs();
            RunLease lease = RunLease.create(runs, RunStoreContractTest.run("r"), Duration.ofMillis(50));
            assertThat(lease.owner().pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(lease.owner().host()).isEqualTo(RunLiveness.HOST);
            // no generation stored: only the timer keeps the heartbeat younger than the 0.5 s slept
            Thread.sleep(500);
            RunStore.Heartbeat h = runs.heartbeat("r").orElseThrow();
            assertThat(h.owner()).isEqualTo(lease.owner());
            assertThat(h.silentMillis()).isLessThan(400L);
            assertThat(RunLiveness.alive(h)).isTrue();
            assertThat(RunLiveness.shownStatus(runs.run("r").orElseThrow(), Optional.of(h))).isEqualTo(RunStore.RUNNING);

            lease.close();
            RunStore.Heartbeat released = runs.heartbeat("r").orElseThrow();
            assertThat(released.held()).isFalse();
            assertThat(RunLiveness.alive(released)).isFalse();
            assertThat(RunLiveness.shownStatus(runs.run("r").orElseThrow(), Optional.of(released)))
                    .isEqualTo(RunLiveness.STOPPED);
            Thread.sleep(200);
            // closed, it beats no more
            assertThat(runs.heartbeat("r").orElseThrow().silentMillis()).isGreaterThanOrEqualTo(190L);
        }
    }

    @Test
    void aHolderWhoseRunWasTakenOverLearnsItFromItsNextBeatAndStops() throws Exception {
        try (JdbcStorage storage = JdbcStorage.open("jdbc:h2:" + dir.resolve("runs"))) {
            RunStore runs = storage.runs();
            RunLease first = RunLease.create(runs, RunStoreContractTest.run("r"), Duration.ofMillis(50));
            RunStore.Owner other = new RunStore.Owner("elsewhere", 17, 1234);
            assertThat(runs.claim("r", other, first.owner().lease())).isTrue();
            // its timer's next beat finds the lease another's (nothing asked of the store here)
            long deadline = System.nanoTime() + 10_000_000_000L;
            Nas.FailureException stopped = null;
            while (stopped == null && System.nanoTime() < deadline) {
                try {
                    first.check();
                    Thread.sleep(20);
                } catch (Nas.FailureException e) {
                    stopped = e;
                }
            }
            assertThat(stopped).isNotNull()
                    .hasMessage("run 'r' was taken over by pid 17 on elsewhere while this process (pid "
                            + ProcessHandle.current().pid() + " on " + RunLiveness.HOST + ") sent no heartbeat for a "
                            + "while: it stops, writing no more of the run");
            first.close();
            // it gave nothing up: the run stays the new holder's
            assertThat(runs.heartbeat("r").orElseThrow().owner()).isEqualTo(other);
        }
    }

    @Test
    void aHolderIsAliveWhileItHoldsTheLeaseBeatsWithinTheGraceAndOnThisHostItsPidLives() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long me = ProcessHandle.current().pid();
        long grace = RunLease.grace().toMillis();
        assertThat(grace).isEqualTo(60_000L);
        assertThat(RunLiveness.alive(beat(RunLiveness.HOST, me, 1, 0))).isTrue();
        assertThat(RunLiveness.alive(beat(RunLiveness.HOST, me, 1, grace))).isTrue();
        assertThat(RunLiveness.alive(beat(RunLiveness.HOST, me, 1, grace + 1))).isFalse();
        assertThat(RunLiveness.alive(beat(RunLiveness.HOST, me, 0, 0))).as("given up").isFalse();
        assertThat(RunLiveness.alive(beat(RunLiveness.HOST, gone.pid(), 1, 0))).as("its pid is gone").isFalse();
        // on another host its pid cannot be looked at: the heartbeat alone decides
        assertThat(RunLiveness.alive(beat("elsewhere", gone.pid(), 1, 0))).isTrue();
        assertThat(RunLiveness.alive(beat("elsewhere", gone.pid(), 1, grace + 1))).isFalse();
        assertThat(RunLease.whyStopped(Optional.of(beat("elsewhere", 9, 1, 185_000))))
                .isEqualTo("no heartbeat from pid 9 on elsewhere for 3m05s");
        assertThat(RunLease.whyStopped(Optional.of(beat(RunLiveness.HOST, gone.pid(), 1, 2_400))))
                .isEqualTo("pid " + gone.pid() + " on " + RunLiveness.HOST + " has ended (last heartbeat 2s ago)");
        assertThat(RunLease.whyStopped(Optional.empty())).isEqualTo("no process holds it");
        assertThat(RunLease.graceText()).isEqualTo("60 s");
        assertThat(RunLease.interval()).isEqualTo(Duration.ofSeconds(10));
    }

    private static RunStore.Heartbeat beat(String host, long pid, long lease, long silentMillis) {
        return new RunStore.Heartbeat(new RunStore.Owner(host, pid, lease), silentMillis);
    }
}
