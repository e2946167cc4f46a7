package nas.cli;

import nas.storage.RunLiveness;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nas.api.json.Json;
import nas.storage.RunStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stored run tells a live writer from a dead one, and two processes never write one run. Real {@code nas evolve}
 * processes, frozen (SIGSTOP), woken (SIGCONT) and killed (SIGKILL): a live run's resume and delete are refused with
 * one line naming its process, and change nothing; a killed run is listed STOPPED at once (its pid is gone), a frozen
 * one once its heartbeat is older than the grace, and both then resume and end exactly as a run never stopped; the
 * frozen process, woken after its run was taken over, stops without writing.
 */
class RunLivenessTest {

    private static final int GENERATIONS = 24;
    private static final String[] SETTINGS = {"-c", "pure_baseline", "-p", "12", "-g", String.valueOf(GENERATIONS),
        "-s", "7", "--checkpoint-every", "4", "--set", "stagnation_limit=1000", "-t", "2", "--frame-top", "2",
        "--frame-random", "1", "--frame-bottom", "1", "-q"};
    private static final String HOST = RunLiveness.HOST;

    /** One H2 file for the class: its run "reference", never stopped, and each test's own run. */
    @TempDir
    static Path dir;

    private static String url() {
        return dir.resolve("runs").toString();
    }

    @BeforeAll
    static void runTheReference() throws Exception {
        CliProcess.Result reference = CliProcess.start(dir, evolve(url(), "--run-id", "reference")).await(300);
        assertThat(reference.exitCode()).as(reference.err()).isZero();
    }

    @Test
    void aLiveRunIsNeitherResumedNorDeletedAndOnceKilledItIsStoppedAndResumesBitIdentical() throws Exception {
        CliProcess live = CliProcess.start(dir, evolve(url(), "--run-id", "live"));
        Snapshot before = freeze(live, url(), "live");

        Map<String, Object> listed = listed(CliRunner.runOn(url(), "runs", "--format", "json"), "live");
        assertThat(listed).containsEntry("status", "RUNNING").containsEntry("writer", "pid " + live.pid() + " on "
                + HOST);
        // a second process may neither resume nor delete it: one line each, exit 2
        for (String doing : List.of("resume", "delete")) {
            CliProcess.Result refused = CliProcess.run(dir, doing.equals("resume")
                    ? new String[] {"evolve", "--storage", url(), "--resume", "live"}
                    : new String[] {"runs", "delete", "live", "--storage", url()});
            assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
            assertThat(refused.err()).matches("nas: run 'live' is running in pid " + live.pid() + " on " + HOST
                    + " \\(last heartbeat \\d+s ago\\): one process at a time writes a run; " + doing
                    + " it once that process has ended\\R");
            assertThat(refused.out()).isEmpty();
        }
        assertThat(Snapshot.of(url(), "live")).isEqualTo(before);

        live.kill(); // SIGKILL: no word from it, its heartbeat as it was
        assertThat(listed(CliRunner.runOn(url(), "runs", "--format", "json"), "live"))
                .containsEntry("status", RunLiveness.STOPPED).containsEntry("writer", null);
        CliRunner.Result table = CliRunner.runOn(url(), "runs");
        assertThat(table.out()).containsPattern("\\blive +pure_baseline +7 +STOPPED +" + before.run().generationsDone()
                + "/" + GENERATIONS).contains("STOPPED: its process ended without finishing it (killed, or silent for "
                        + "over 60 s); 'nas evolve --resume RUN' continues it from its last checkpoint");
        CliRunner.Result status = CliRunner.runOn(url(), "run-status", "live");
        assertThat(status.out()).containsPattern("Status:      STOPPED, " + before.run().generationsDone()
                + " of " + GENERATIONS + " generations done \\(\\d+%\\); its process stopped: pid " + live.pid() + " on " + HOST
                + " has ended \\(last heartbeat \\d+s ago\\); resume with: nas evolve --resume live\\R")
                .doesNotContain("ETA");
        assertThat(Json.read(CliRunner.runOn(url(), "run-status", "live", "--format", "json").out()))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("eta_seconds", null)
                .containsEntry("status", RunLiveness.STOPPED);

        CliProcess.Result resumed = CliProcess.start(dir, "evolve", "--storage", url(), "--resume", "live", "-q")
                .await(300);
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        CliRunner.readRuns(url(), s -> {
            EvolveKillResumeTest.assertBitIdentical(s, "reference", "live");
            // ended, it gave the run up
            assertThat(s.heartbeat("live").orElseThrow().held()).isFalse();
            return null;
        });
        assertThat(listed(CliRunner.runOn(url(), "runs", "--format", "json"), "live"))
                .containsEntry("status", RunStore.COMPLETE).containsEntry("writer", null);
    }

    @Test
    void aRunSilentForLongerThanTheGraceIsStoppedAndTakenOverAndItsWokenProcessWritesNoMore() throws Exception {
        // every process with a grace of 1.5 s (heartbeats every 0.25 s)
        Map<String, String> grace = Map.of(RunLiveness.GRACE_ENV, "1.5");
        CliProcess frozen = CliProcess.start(grace, dir, evolve(url(), "--run-id", "frozen"));
        Snapshot before = freeze(frozen, url(), "frozen");

        // its pid lives, but its heartbeat ages past the grace: STOPPED
        long deadline = System.nanoTime() + 60_000_000_000L;
        Map<String, Object> listed;
        do {
            Thread.sleep(200);
            listed = listed(CliProcess.start(grace, dir, "runs", "--storage", url(), "--format", "json").await(60),
                    "frozen");
        } while (!RunLiveness.STOPPED.equals(listed.get("status")) && System.nanoTime() < deadline);
        assertThat(listed).containsEntry("status", RunLiveness.STOPPED);
        assertThat(((Number) listed.get("heartbeat_seconds_ago")).doubleValue()).isGreaterThan(1.5);
        assertThat(Snapshot.of(url(), "frozen")).isEqualTo(before);

        CliProcess.Result resumed = CliProcess.start(grace, dir, "evolve", "--storage", url(), "--resume", "frozen",
                "-q").await(300);
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        // woken, the frozen process finds the run taken over: it stops with one line and writes nothing
        frozen.signal("CONT");
        CliProcess.Result woken = frozen.await(120);
        assertThat(woken.exitCode()).as(woken.err()).isEqualTo(1);
        assertThat(woken.err()).isEqualTo("nas: run 'frozen' was taken over while this process (pid " + frozen.pid()
                + " on " + HOST + ") sent no heartbeat for a while: it stops, writing no more of the run\n");
        CliRunner.readRuns(url(), s -> {
            EvolveKillResumeTest.assertBitIdentical(s, "reference", "frozen");
            return null;
        });
    }

    @Test
    void onPostgresqlALiveRunIsNotResumedAndAKilledOneIs() throws Exception {
        String pg = nas.storage.PostgresTestServer.freshUrl("liveness");
        CliProcess live = CliProcess.start(dir, evolve(pg, "--run-id", "live"));
        Snapshot before = freeze(live, pg, "live");
        CliProcess.Result refused = CliProcess.run(dir, "evolve", "--storage", pg, "--resume", "live");
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
        assertThat(refused.err()).matches("nas: run 'live' is running in pid " + live.pid() + " on " + HOST
                + " \\(last heartbeat \\d+s ago\\): one process at a time writes a run; resume it once that process "
                + "has ended\\R");
        assertThat(Snapshot.of(pg, "live")).isEqualTo(before);

        live.kill();
        assertThat(listed(CliRunner.runOn(pg, "runs", "--format", "json"), "live"))
                .containsEntry("status", RunLiveness.STOPPED);
        CliRunner.Result resumed = CliRunner.runOn(pg, "evolve", "--resume", "live", "-q");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        CliRunner.readRuns(pg, s -> {
            assertThat(s.run("live").orElseThrow().status()).isEqualTo(RunStore.COMPLETE);
            assertThat(s.generations("live", 0)).extracting(RunStore.Generation::generation)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, GENERATIONS).boxed().toList());
            return null;
        });
    }

    @Test
    void aRunWrittenInAnotherPidNamespaceOfThisHostIsJudgedByItsHeartbeatNotByAPidOfThisOne() throws Exception {
        OtherUser.assumeAvailable(); // root: unshare --pid
        // its pid there: one no process of this namespace has, nor gets soon (below the last one given out)
        long last;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(Path.of("/proc/sys/kernel/ns_last_pid"))) {
            last = Long.parseLong(new String(in.readNBytes(32), java.nio.charset.StandardCharsets.US_ASCII).trim());
        }
        long pid = last - 200;
        while (pid > 300 && ProcessHandle.of(pid).isPresent()) {
            pid--;
        }
        assertThat(ProcessHandle.of(pid)).isEmpty();
        // every process with a grace of 15 s (heartbeats every 2.5 s)
        Map<String, String> grace = Map.of(RunLiveness.GRACE_ENV, "15");
        CliProcess contained = CliProcess.startInPidNamespace(grace, dir, pid, evolve(url(), "--run-id", "contained"));
        // frozen, so that it is still RUNNING while looked at (its heartbeat ages: the grace is long enough to look)
        Snapshot before = freeze(contained, url(), "contained");
        long javaHere = contained.javaPid();
        // its lease names its pid there and its pid namespace, the one this host shows for its java process
        String namespace = java.nio.file.Files.readSymbolicLink(Path.of("/proc/" + javaHere + "/ns/pid")).toString();
        assertThat(before.owner().pid()).isEqualTo(pid);
        assertThat(before.owner().host()).isEqualTo(HOST + " " + namespace + "@" + java.nio.file.Files.readString(
                Path.of("/proc/sys/kernel/random/boot_id")).trim());
        assertThat(namespace)
                .isNotEqualTo(java.nio.file.Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString());
        assertThat(ProcessHandle.of(pid)).as("its pid there is none here").isEmpty();

        // here its pid is no process, yet it runs: RUNNING, and neither resumed nor deleted
        Map<String, Object> listed = listed(CliProcess.start(grace, dir, "runs", "--storage", url(), "--format", "json")
                .await(60), "contained");
        assertThat(listed).containsEntry("status", "RUNNING").containsEntry("writer", "pid " + pid + " on " + HOST);
        CliProcess.Result refused = CliProcess.start(grace, dir, "evolve", "--storage", url(), "--resume", "contained")
                .await(60);
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
        assertThat(refused.err()).matches("nas: run 'contained' is running in pid " + pid + " on " + HOST
                + " \\(last heartbeat \\d+s ago\\): one process at a time writes a run; resume it once that process "
                + "has ended\\R");
        assertThat(Snapshot.of(url(), "contained")).isEqualTo(before);

        // killed with its namespace, it is STOPPED once its heartbeat is older than the grace, and then resumes
        contained.kill();
        long deadline = System.nanoTime() + 60_000_000_000L;
        do {
            Thread.sleep(200);
            listed = listed(CliProcess.start(grace, dir, "runs", "--storage", url(), "--format", "json").await(60),
                    "contained");
        } while (!RunLiveness.STOPPED.equals(listed.get("status")) && System.nanoTime() < deadline);
        assertThat(listed).containsEntry("status", RunLiveness.STOPPED).containsEntry("writer", null);
        assertThat(((Number) listed.get("heartbeat_seconds_ago")).doubleValue()).isGreaterThan(15.0);
        CliProcess.Result status = CliProcess.start(grace, dir, "run-status", "contained", "--storage", url())
                .await(60);
        assertThat(status.out()).containsPattern("its process stopped: no heartbeat from pid " + pid + " on " + HOST
                + " for \\d+s;");
        CliProcess.Result resumed = CliProcess.start(grace, dir, "evolve", "--storage", url(), "--resume", "contained",
                "-q").await(300);
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        CliRunner.readRuns(url(), s -> {
            EvolveKillResumeTest.assertBitIdentical(s, "reference", "contained");
            return null;
        });
    }

    /** What a refused command must leave as it was: the run's row, generations, newest checkpoint and holder. */
    record Snapshot(RunStore.Run run, List<RunStore.Generation> generations, int checkpoint, RunStore.Owner owner) {

        static Snapshot of(String url, String id) {
            return CliRunner.readRuns(url, s -> new Snapshot(s.run(id).orElseThrow(), s.generations(id, 0),
                    s.lastCheckpoint(id).map(RunStore.Checkpoint::generation).orElse(-1),
                    s.heartbeat(id).orElseThrow().owner()));
        }
    }

    /**
     * Freezes {@code p}'s JVM (SIGSTOP) once its run has stored 5 generations (a checkpoint), and waits for what it had
     * sent to be stored (the same twice, 0.3 s apart).
     */
    private static Snapshot freeze(CliProcess p, String url, String id) throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (CliRunner.readRuns(url, s -> s.run(id).map(RunStore.Run::generationsDone).orElse(0)) < 5) {
            if (System.nanoTime() > deadline || !p.isAlive()) {
                throw new IllegalStateException("run " + id + " did not reach generation 5: " + p.errorOutput());
            }
            Thread.sleep(20);
        }
        p.signalJava("STOP");
        Snapshot last = Snapshot.of(url, id);
        while (true) {
            Thread.sleep(300);
            Snapshot now = Snapshot.of(url, id);
            if (now.equals(last)) {
                assertThat(now.run().generationsDone()).isBetween(5, GENERATIONS - 1);
                return now;
            }
            last = now;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> listed(Object result, String id) {
        String out = result instanceof CliRunner.Result r ? r.out() : ((CliProcess.Result) result).out();
        for (Object row : (List<Object>) Json.read(out)) {
            if (id.equals(((Map<String, Object>) row).get("run"))) {
                return (Map<String, Object>) row;
            }
        }
        throw new AssertionError("no run " + id + " in " + out);
    }

    private static String[] evolve(String url, String... more) {
        return CliRunner.concat(CliRunner.concat(new String[] {"evolve", "--storage", url}, more), SETTINGS);
    }
}
