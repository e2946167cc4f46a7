package nas.cli;

import nas.storage.RunLiveness;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
            assertThat(lease.owner().host()).isEqualTo(RunLiveness.WHERE);
            assertThat(lease.owner().hostName()).isEqualTo(RunLiveness.HOST);
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
    void aHolderIsAliveWhileItHoldsTheLeaseBeatsWithinTheGraceAndInThisPidSpaceItsPidLives() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long me = ProcessHandle.current().pid();
        long grace = RunLease.grace().toMillis();
        assertThat(grace).isEqualTo(60_000L);
        String here = RunLiveness.WHERE;
        // this host's name, its boot and the pid namespace the test runs in, as the kernel shows them to a shell
        String boot = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/random/boot_id")).trim();
        Process stat = new ProcessBuilder("stat", "-L", "-c", "%i", "/proc/" + me + "/ns/pid").start();
        String inode = new String(stat.getInputStream().readAllBytes()).trim();
        assertThat(stat.waitFor()).isZero();
        assertThat(here).isEqualTo(RunLiveness.HOST + " pid:[" + inode + "]@" + boot);
        assertThat(RunLiveness.HOST).isEqualTo(java.nio.file.Files.readString(
                java.nio.file.Path.of("/proc/sys/kernel/hostname")).trim());

        assertThat(RunLiveness.alive(beat(here, me, 1, 0))).isTrue();
        assertThat(RunLiveness.alive(beat(here, me, 1, grace))).isTrue();
        assertThat(RunLiveness.alive(beat(here, me, 1, grace + 1))).isFalse();
        assertThat(RunLiveness.alive(beat(here, me, 0, 0))).as("given up").isFalse();
        assertThat(RunLiveness.alive(beat(here, gone.pid(), 1, 0))).as("its pid is gone").isFalse();
        // on another host its pid cannot be looked at: the heartbeat alone decides
        assertThat(RunLiveness.alive(beat("elsewhere", gone.pid(), 1, 0))).isTrue();
        assertThat(RunLiveness.alive(beat("elsewhere", gone.pid(), 1, grace + 1))).isFalse();
        // nor on this host's name in another pid namespace, after another boot, or with no pid space recorded (a
        // lease written before it was, or where /proc could not tell)
        long otherInode = Long.parseLong(inode) + 1;
        String otherBoot = (boot.charAt(0) == 'a' ? "b" : "a") + boot.substring(1);
        for (String there : List.of(RunLiveness.HOST + " pid:[" + otherInode + "]@" + boot,
                RunLiveness.HOST + " pid:[" + inode + "]@" + otherBoot, RunLiveness.HOST, "elsewhere pid:[" + inode
                + "]@" + boot)) {
            assertThat(RunLiveness.alive(beat(there, gone.pid(), 1, 0))).as(there).isTrue();
            assertThat(RunLiveness.alive(beat(there, gone.pid(), 1, grace + 1))).as(there).isFalse();
            assertThat(RunLiveness.pidVisible(beat(there, me, 1, 0).owner())).as(there).isFalse();
        }
        assertThat(RunLiveness.pidVisible(beat(here, gone.pid(), 1, 0).owner())).isTrue();
        // messages name the host alone
        assertThat(beat(RunLiveness.HOST + " pid:[" + otherInode + "]@" + boot, 42, 1, 0).owner().describe())
                .isEqualTo("pid 42 on " + RunLiveness.HOST);
        assertThat(RunLease.whyStopped(Optional.of(beat("elsewhere", 9, 1, 185_000))))
                .isEqualTo("no heartbeat from pid 9 on elsewhere for 3m05s");
        assertThat(RunLease.whyStopped(Optional.of(beat(here, gone.pid(), 1, 2_400))))
                .isEqualTo("pid " + gone.pid() + " on " + RunLiveness.HOST + " has ended (last heartbeat 2s ago)");
        assertThat(RunLease.whyStopped(Optional.empty())).isEqualTo("no process holds it");
        assertThat(RunLease.graceText()).isEqualTo("60 s");
        assertThat(RunLease.interval()).isEqualTo(Duration.ofSeconds(10));
    }

    private static RunStore.Heartbeat beat(String host, long pid, long lease, long silentMillis) {
        return new RunStore.Heartbeat(new RunStore.Owner(host, pid, lease), silentMillis);
    }
}
