package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nas.storage.PostgresTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C, SIGTERM and SIGHUP during {@code nas search}, with real signals sent by kill(1) to a real process,
 * on an H2 file and on PostgreSQL: the first signal lets running trials finish, the second fails them
 * ("interrupted"); either way the storage is closed cleanly, the best trial so far and "interrupted" are
 * printed and the exit code is 130 (SIGINT), 143 (SIGTERM) or 129 (SIGHUP). A trial's program that such a
 * signal ended is the same interruption, whichever of the program's death and the search's handler comes first.
 */
class SearchInterruptTest {

    @TempDir
    Path dir;

    @Test
    void ctrlCOnAnH2FileLetsTheRunningTrialFinishAndExits130() throws Exception {
        assertFirstSignalFinishesRunningTrials("INT", 130, "./studies");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(f -> f.endsWith(".trace.db"));
        }
    }

    @Test
    void sigtermOnPostgresqlLetsTheRunningTrialFinishAndExits143() throws Exception {
        assertFirstSignalFinishesRunningTrials("TERM", 143, PostgresTestServer.freshUrl("interrupt"));
    }

    @Test
    void aSecondCtrlCOnAnH2FileFailsTheRunningTrialAndStopsItsProgram() throws Exception {
        assertSecondSignalAbortsRunningTrials("INT", 130, "./studies");
    }

    @Test
    void aSecondSigtermOnPostgresqlFailsTheRunningTrialAndStopsItsProgram() throws Exception {
        assertSecondSignalAbortsRunningTrials("TERM", 143, PostgresTestServer.freshUrl("abort"));
    }

    @Test
    void ctrlCAtATerminalReachesTheTrialsProgramWhoseTrialFailsAsInterrupted() throws Exception {
        CliProcess search = search("./studies", "if [ $NAS_TRIAL_NUMBER -ge 1 ]; then "
                + "touch \"$NAS_TRIAL_DIR/started\"; exec sleep 600; fi; echo nas:result 5", true);
        awaitFile(dir.resolve("nas-runs/sig/trial-00001/started"));
        Thread.sleep(300);
        search.signalGroup("INT");
        CliProcess.Result r = search.await(120);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(130);
        assertThat(r.err()).contains("[sig] interrupted").doesNotContain("unexpected error");
        List<String> rows = trials("./studies");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("0,COMPLETE,");
        // whether the program's death or the JVM's handler comes first, the trial is interrupted, not failed
        assertThat(rows.get(1)).startsWith("1,FAIL,interrupted (program exited with code 130");
    }

    @Test
    void sighupOnAnH2FileLetsTheRunningTrialFinishAndExits129() throws Exception {
        // SIGHUP to nas alone (kill -HUP PID) is SIGTERM's twin
        assertFirstSignalFinishesRunningTrials("HUP", 129, "./studies");
    }

    @Test
    void aClosedTerminalsSighupStopsTheSearchAndStoresTheRunningTrialAsInterrupted() throws Exception {
        // closing the terminal (or a dropped ssh session) sends SIGHUP to the foreground job's whole group: the
        // trial's program dies of it, nas stores its trial as interrupted, starts no new one and exits 129
        CliProcess search = search("./studies", "if [ $NAS_TRIAL_NUMBER -ge 2 ]; then "
                + "touch \"$NAS_TRIAL_DIR/started\"; fi; if [ $NAS_TRIAL_NUMBER -eq 1 ]; then "
                + "echo $$ > \"$NAS_TRIAL_DIR/pid\"; exec sleep 600; fi; echo nas:result 5", true);
        long program = awaitPid(dir.resolve("nas-runs/sig/trial-00001/pid"));
        search.signalGroup("HUP");
        CliProcess.Result r = search.await(120);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(129);
        assertThat(r.err()).containsPattern("\\[sig\\] interrupted \\((SIGHUP|trial 1's program ended by SIGHUP)\\)")
                .endsWith("[sig] interrupted\n").doesNotContain("unexpected error");
        assertThat(ProcessHandle.of(program).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertTrialOneInterruptedByItsProgramsExitAndNoTrialAfter(129);
    }

    @Test
    void underNohupSighupChangesNothingAndTheSearchRunsToItsEnd() throws Exception {
        // nohup leaves SIGHUP ignored; nas must not install a handler over it: the terminal's SIGHUP reaches nas
        // and the trial's program (ignored by both, so discarded) while trial 1 waits, then all 4 trials run
        Files.writeString(dir.resolve("objective.sh"), "if [ $NAS_TRIAL_NUMBER -eq 1 ]; then "
                + "echo $$ > \"$NAS_TRIAL_DIR/pid\"; "
                + "for i in $(seq 1200); do [ -e hup-sent ] && break; sleep 0.1; done; "
                + "fi; echo nas:result $NAS_TRIAL_NUMBER\n");
        Files.writeString(dir.resolve("space.json"),
                "{\"params\": {\"x\": {\"type\": \"float\", \"low\": 0, \"high\": 1}}}");
        CliProcess search = CliProcess.startAsNohupJob(dir, "search", "--study", "sig", "--objective", "external",
                "-O", "command=sh objective.sh", "-O", "space=space.json", "--n-trials", "4", "--storage", "./studies");
        awaitPid(dir.resolve("nas-runs/sig/trial-00001/pid"));
        search.signalGroup("HUP");
        // (a program that died of it would fail trial 1 with exit code 129 and stop the search)
        Files.writeString(dir.resolve("hup-sent"), "");
        CliProcess.Result r = search.await(120);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("interrupted");
        assertThat(trials("./studies")).hasSize(4).allSatisfy(row -> assertThat(row).contains(",COMPLETE,"));
    }

    @Test
    void aSearchInAJvmThatKeepsTheSignalsToItselfRuns() throws Exception {
        // -Xrs (e.g. in NAS_JAVA_OPTS) reserves SIGINT, SIGTERM and SIGHUP to the JVM: no handler can be installed
        CliProcess.Result r = CliProcess.start(java.util.Map.of("JAVA_TOOL_OPTIONS", "-Xrs"), dir, "search",
                "--study", "xrs", "--objective", "ellipsoid", "--n-trials", "3", "--print-trials",
                "--storage", "./studies").await(120);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("trial ") && l.contains(" COMPLETE "))).hasSize(3);
    }

    @Test
    void aTrialWhoseProgramSigtermEndedStopsTheSearchAsSigtermWould() throws Exception {
        // no signal reaches nas: the program's death alone is the interruption (at a terminal or under systemd
        // the program may die of the group's signal before nas's own handler runs)
        CliProcess search = search("./studies", "if [ $NAS_TRIAL_NUMBER -ge 2 ]; then "
                + "touch \"$NAS_TRIAL_DIR/started\"; fi; if [ $NAS_TRIAL_NUMBER -eq 1 ]; then kill -TERM $$; fi; "
                + "echo nas:result 5");
        CliProcess.Result r = search.await(120);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(143);
        assertThat(r.err()).contains("[sig] interrupted (trial 1's program ended by SIGTERM): no new trials; stopping")
                .endsWith("[sig] interrupted\n").doesNotContain("unexpected error");
        assertTrialOneInterruptedByItsProgramsExitAndNoTrialAfter(143);
    }

    @Test
    void theSignalArrivingAfterItsProgramsDeathWasSeenIsTheFirstNotASecond() throws Exception {
        // the order a terminal's Ctrl-C may take, made certain: trial 1's program dies of SIGTERM; once nas has
        // said so, a helper of it sends nas its SIGTERM, then lets trial 0 (running on the other worker) finish.
        // That signal must not abort trial 0 as a second one would. Trial 1's program dies only once trial 0's
        // has started: a trial whose program has not started when the interruption comes is stored FAIL
        // ("interrupted (program not started)"), which under load made this test fail.
        CliProcess search = search("./studies", "case $NAS_TRIAL_NUMBER in "
                + "0) touch t0-started; for i in $(seq 600); do [ -e sent ] && break; sleep 0.1; done; "
                + "echo nas:result 5;; "
                + "1) for i in $(seq 600); do [ -e t0-started ] && break; sleep 0.1; done; "
                + "nas=$PPID; (for i in $(seq 300); do grep -qs \"program ended by\" nas-err*.txt && break; "
                + "sleep 0.1; done; kill -TERM $nas; touch sent) </dev/null >/dev/null 2>&1 & kill -TERM $$;; "
                + "*) touch \"$NAS_TRIAL_DIR/started\"; echo nas:result 7;; esac", false,
                "--jobs", "2", "--no-deterministic");
        CliProcess.Result r = search.await(120);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(143);
        // (whether trial 0 counts as running yet when trial 1's death is seen depends on the threads: not asserted)
        assertThat(r.err()).contains("[sig] interrupted (trial 1's program ended by SIGTERM): no new trials; ")
                .endsWith("[sig] interrupted\n")
                .doesNotContain("stored as FAIL").doesNotContain("unexpected error");
        assertThat(r.out()).contains("best trial 0 of study 'sig' (minimize): value 5\n");
        assertTrialOneInterruptedByItsProgramsExitAndNoTrialAfter(143);
    }

    @Test
    void aTrialCreatedBeforeTheInterruptionIsStoredInterruptedWithoutStartingItsProgram() throws Exception {
        // the order that let such a trial's program run to its end: trials 0 and 1 are created, trial 0's program
        // dies of SIGTERM (the first interruption), and only then does trial 1's evaluation come to start its
        // program (a terminal's Ctrl-C could not reach it: it did not exist yet)
        nas.api.objective.ObjectiveDefinition definition = externalObjective("if [ $NAS_TRIAL_NUMBER -eq 0 ]; then "
                + "kill -TERM $$; fi; touch \"$NAS_TRIAL_DIR/started\"; echo nas:result 1\n");
        nas.api.Study study = nas.api.Studies.builder("race").create();
        java.io.StringWriter err = new java.io.StringWriter();
        try (SearchInterrupts interrupts = new SearchInterrupts(study, new java.io.PrintWriter(err), () -> { })) {
            nas.api.MultiObjective f = interrupts.track(definition.function());
            nas.api.Trial first = study.ask();
            nas.api.Trial second = study.ask();

            assertThatThrownBy(() -> f.evaluate(first))
                    .hasMessageStartingWith("interrupted (program exited with code 143");
            assertThat(interrupts.exitCode()).isEqualTo(143);
            assertThatThrownBy(() -> f.evaluate(second)).isInstanceOf(SearchInterrupts.Interrupted.class)
                    .hasMessage("interrupted (program not started)");
        }
        assertThat(dir.resolve("runs/race/trial-00001/started")).doesNotExist();
        assertThat(dir.resolve("runs/race/trial-00001/params.json")).exists();
    }

    @Test
    void aCtrlCThatKillsTheJdksSpawnHelperIsStoredAsProgramNotStarted() throws Exception {
        // a terminal's Ctrl-C reaches the whole process group: while the JDK starts a trial's program it may kill the
        // JDK's helper process first. Before: the trial was stored with the JDK's text, "cannot start [sh, ...]:
        // Cannot run program "sh" ...: error=0, Failed to exec spawn helper: pid: 4242, signal: 2". The helper's
        // death cannot be timed from a test: the JDK's exception is thrown here with the JDK's text.
        nas.api.objective.ObjectiveDefinition definition = externalObjective(
                "touch \"$NAS_TRIAL_DIR/started\"; echo nas:result 1\n");
        nas.api.Study study = nas.api.Studies.builder("spawn").create();
        java.io.StringWriter err = new java.io.StringWriter();
        nas.api.objective.external.ProgramStarts.Gate helperKilled = program -> {
            throw new java.io.IOException("Cannot run program \"sh\" (in directory \"" + dir + "\"): error=0, Failed "
                    + "to exec spawn helper: pid: 4242, signal: 2");
        };
        try (SearchInterrupts interrupts = new SearchInterrupts(study, new java.io.PrintWriter(err), () -> { },
                helperKilled)) {
            nas.api.MultiObjective f = interrupts.track(definition.function());
            assertThatThrownBy(() -> f.evaluate(study.ask())).isInstanceOf(SearchInterrupts.Interrupted.class)
                    .hasMessage("interrupted (program not started)");
            // the helper's death is the Ctrl-C's first arrival, as a program's death by it is
            assertThat(interrupts.exitCode()).isEqualTo(130);
            assertThat(err.toString()).isEqualTo("[spawn] interrupted (SIGINT while trial 0's program was starting): "
                    + "no new trials; stopping" + System.lineSeparator());
        }
        assertThat(dir.resolve("runs/spawn/trial-00000/started")).doesNotExist();
        // another failure to start stays the JDK's words: it is no signal
        assertThat(SearchInterrupts.spawnHelperSignalExit(new java.io.IOException("Cannot run program \"x\": error=0, "
                + "Failed to exec spawn helper: pid: 7306, signal: 11"))).isZero();
        assertThat(SearchInterrupts.spawnHelperSignalExit(new java.io.IOException("Cannot run program \"x\": error=0, "
                + "Failed to exec spawn helper: pid: 7306, signal: 15"))).isEqualTo(143);
    }

    @Test
    void atATerminalTheFirstInterruptionsLineStartsALineOfItsOwnAfterTheProgressLine() throws Exception {
        // a terminal's progress line is redrawn in place ('\r', no newline): the first interruption's line went on
        // its end ("... | ETA 25s\033[K[lab] interrupted (SIGINT): ..."). Trial 0 runs (generation 2 of 30 drawn),
        // trial 1's program start meets the Ctrl-C (the JDK's helper killed: the first interruption, as in
        // aCtrlCThatKillsTheJdksSpawnHelperIsStoredAsProgramNotStarted)
        nas.api.objective.ObjectiveDefinition definition = externalObjective("echo nas:result 1\n");
        nas.api.Study study = nas.api.Studies.builder("tty").create();
        java.io.StringWriter text = new java.io.StringWriter();
        java.io.PrintWriter err = new java.io.PrintWriter(text);
        java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
        SearchProgress progress = new SearchProgress(err, study, 5, null, true, clock::get);
        progress.steps(new nas.api.objective.TrialSteps("generation", 30));
        nas.api.objective.external.ProgramStarts.Gate helperKilled = program -> {
            throw new java.io.IOException("Cannot run program \"sh\": error=0, Failed to exec spawn helper: pid: 4242, "
                    + "signal: 2");
        };
        java.util.concurrent.CountDownLatch drawn = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (SearchInterrupts interrupts = new SearchInterrupts(study, err, () -> { }, helperKilled)) {
            interrupts.describeRunning(progress);
            nas.api.MultiObjective lab = interrupts.track(progress.track(trial -> {
                trial.report(1.0, 0);
                trial.report(1.0, 1);
                clock.addAndGet(1_000_000_000L);
                progress.tick();
                drawn.countDown();
                release.await();
                return new double[] {1.0};
            }));
            nas.api.Trial running = study.ask();
            java.util.concurrent.CompletableFuture<double[]> first = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return lab.evaluate(running);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
            drawn.await();
            nas.api.MultiObjective external = interrupts.track(definition.function());
            assertThatThrownBy(() -> external.evaluate(study.ask())).isInstanceOf(SearchInterrupts.Interrupted.class);
            release.countDown();
            assertThat(first.get()).containsExactly(1.0);
        } finally {
            progress.close();
        }
        // 2/30 of a trial in 1 s: 0.067 trials/s, (5 - 2/30) / (2/30) = 74 s left
        assertThat(text.toString()).isEqualTo(
                "\r[tty] 0/5 trials | trial 0: generation 2/30 | 0.1 trials/s | ETA 1m14s\033[K" + System.lineSeparator()
                + "[tty] interrupted (SIGINT while trial 1's program was starting): no new trials; finishing 1 running "
                + "trial(s) (trial 0: generation 2/30); signal again to abort them" + System.lineSeparator());
    }

    @Test
    void aTrialWhoseProgramWouldStartAfterSigtermIsStoredInterruptedUnrunOnPostgresql() throws Exception {
        // the same with a real SIGTERM to a real search: trial 1 is created, then its evaluation waits to store
        // its directory (user attribute) until this test's lock on that table goes; meanwhile nas gets SIGTERM
        String url = PostgresTestServer.freshUrl("unstarted");
        CliProcess search = search(url, "if [ $NAS_TRIAL_NUMBER -eq 0 ]; then echo $$ > pid; "
                + "for i in $(seq 1200); do [ -e locked ] && break; sleep 0.1; done; fi; "
                + "touch \"$NAS_TRIAL_DIR/started\"; echo nas:result 5");
        awaitPid(dir.resolve("pid"));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("LOCK TABLE trial_user_attributes IN EXCLUSIVE MODE");
                Files.writeString(dir.resolve("locked"), "");
                awaitRows(s, "SELECT 1 FROM trials WHERE trial_number = 1");
                awaitRows(s, "SELECT 1 FROM pg_locks WHERE NOT granted "
                        + "AND relation = 'trial_user_attributes'::regclass");
                search.signal("TERM");
                for (int i = 0; i < 1200 && !search.errorOutput().contains("interrupted (SIGTERM)"); i++) {
                    Thread.sleep(100);
                }
            }
            c.rollback();
        }
        CliProcess.Result r = search.await(120);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(143);
        assertThat(r.err()).contains("[sig] interrupted (SIGTERM): no new trials; finishing 1 running trial(s)")
                .doesNotContain("unexpected error");
        List<String> rows = trials(url);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("0,COMPLETE,");
        assertThat(rows.get(1)).isEqualTo("1,FAIL,interrupted (program not started)");
        assertThat(dir.resolve("nas-runs/sig/trial-00001/started")).doesNotExist();
    }

    /** Waits up to 2 minutes until {@code query} returns a row. */
    private static void awaitRows(java.sql.Statement s, String query) throws Exception {
        for (int i = 0; i < 1200; i++) {
            try (java.sql.ResultSet rs = s.executeQuery(query)) {
                if (rs.next()) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no row from " + query + " within 2 minutes");
    }

    /** Trial 0 finished, trial 1 stored as interrupted by its program's exit with {@code code}, and no trial 2. */
    private void assertTrialOneInterruptedByItsProgramsExitAndNoTrialAfter(int code) throws Exception {
        List<String> rows = trials("./studies");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("0,COMPLETE,");
        assertThat(rows.get(1)).startsWith("1,FAIL,interrupted (program exited with code " + code);
        assertThat(dir.resolve("nas-runs/sig/trial-00002")).doesNotExist();
    }

    @Test
    void twoCtrlCsAtATerminalLeaveTheStorageServerTheSearchStartedRunning() throws Exception {
        // the trial's program ignores SIGINT (as a program with its own handler may), so the first Ctrl-C at the
        // terminal leaves it running and a second one is needed to abort it
        CliProcess search = search("./studies", "if [ $NAS_TRIAL_NUMBER -ge 1 ]; then trap '' INT; "
                + "echo $$ > \"$NAS_TRIAL_DIR/pid\"; exec sleep 600; fi; echo nas:result 5", true);
        long program = awaitPid(dir.resolve("nas-runs/sig/trial-00001/pid"));
        long server = serverPid();
        assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive)).contains(true);

        search.signalGroup("INT");
        for (int i = 0; i < 300 && !search.errorOutput().contains("signal again"); i++) {
            Thread.sleep(100);
        }
        assertThat(ProcessHandle.of(program).map(ProcessHandle::isAlive)).as("ignores SIGINT").contains(true);
        search.signalGroup("INT");
        CliProcess.Result r = search.await(60);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(130);
        assertThat(r.err()).contains("signal again to abort them").contains("running trials stored as FAIL")
                .doesNotContain("unexpected error");
        ProcessHandle.of(program)
                .ifPresent(p -> assertThat(p.onExit()).succeedsWithin(java.time.Duration.ofSeconds(30)));
        // the server got neither Ctrl-C (it runs in a session of its own) nor the abort's kill, and serves the
        // next command: same process, same endpoint
        Thread.sleep(500);
        assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive)).as("storage server alive").contains(true);
        List<String> rows = trials("./studies");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("0,COMPLETE,");
        assertThat(rows.get(1)).startsWith("1,FAIL,").contains("interrupted");
        assertThat(serverPid()).isEqualTo(server);
    }

    /** The pid of the storage server serving the H2 file in the temporary directory. */
    private long serverPid() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            Path endpoint = files.filter(f -> f.getFileName().toString().endsWith(".nas-server")).findFirst()
                    .orElseThrow(() -> new AssertionError("no storage server endpoint file in " + dir));
            return nas.server.ServerEndpoint.read(endpoint).orElseThrow().pid();
        }
    }

    @Test
    void ctrlCDuringAnEvolutionLabTrialLetsItFinishAndSaysHowFarItIs() throws Exception {
        // docs/signals.md: the first signal starts no new trial; the running one finishes and is stored; exit 130
        CliProcess search = evolutionLab();
        search.awaitOutputLines(1, 300); // trial 0 stored
        Thread.sleep(1500); // trial 1 reports its first generations
        search.signal("INT");
        CliProcess.Result r = search.await(600);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(130);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[lab\\] interrupted \\(SIGINT\\): no new trials; "
                + "finishing 1 running trial\\(s\\) \\(trial (\\d+): generation (\\d+)/60\\); signal again to abort them")
                .matcher(r.err());
        assertThat(m.find()).as(r.err()).isTrue();
        assertThat(r.err()).endsWith("[lab] interrupted\n").doesNotContain("Exception");
        List<java.util.Map<String, Object>> rows = labTrials();
        // every trial stored COMPLETE, the one running at the signal included, none after it
        assertThat(rows).hasSizeBetween(2, 9).allSatisfy(t -> assertThat(t.get("state")).isEqualTo("COMPLETE"));
        java.util.Map<String, Object> running = rows.get(rows.size() - 1);
        assertThat(((Number) running.get("number")).intValue()).isEqualTo(Integer.parseInt(m.group(1)));
        // the generations it had done when the signal came, of those it ran to its end (60, or its early stop)
        assertThat(Integer.parseInt(m.group(2))).isBetween(1, ((Number) running.get("last_step")).intValue() + 1);
        assertThat(r.out()).contains("best trial ").contains("of study 'lab' (maximize)");
    }

    @Test
    void aSecondCtrlCFailsTheRunningEvolutionLabTrialAtOnce() throws Exception {
        CliProcess search = evolutionLab();
        search.awaitOutputLines(1, 300);
        Thread.sleep(1500); // trial 1 runs
        search.signal("INT");
        for (int i = 0; i < 300 && !search.errorOutput().contains("signal again"); i++) {
            Thread.sleep(100);
        }
        assertThat(search.errorOutput()).contains("finishing 1 running trial(s)");
        long second = System.nanoTime();
        search.signal("INT");
        CliProcess.Result r = search.await(60);
        double seconds = (System.nanoTime() - second) / 1e9;

        assertThat(r.exitCode()).as(r.err()).isEqualTo(130);
        assertThat(r.err()).contains("running trials stored as FAIL (reason 'interrupted')");
        List<java.util.Map<String, Object>> rows = labTrials();
        assertThat(rows.subList(0, rows.size() - 1)).allSatisfy(t -> assertThat(t.get("state")).isEqualTo("COMPLETE"));
        assertThat(rows.get(rows.size() - 1)).containsEntry("state", "FAIL").containsEntry("fail_reason", "interrupted");
        // stored as FAIL: the rest of the trial did not run; the time to store it and exit
        assertThat(seconds).isLessThan(30);
    }

    /** An evolution-lab search whose trials run 60 generations, or at least 51 to their early stop. */
    private CliProcess evolutionLab() throws Exception {
        return CliProcess.start(dir, "search", "--study", "lab", "--objective", "evolution-lab", "--generations",
                "60", "--seeds", "1", "-O", "population-size=150", "-O", "threads=1", "--sampler", "random",
                "--n-trials", "10", "--print-trials", "--storage", "./studies");
    }

    /** The evolution-lab study's trials, as nas trials --format json gives them. */
    private List<java.util.Map<String, Object>> labTrials() throws Exception {
        CliProcess.Result r = CliProcess.run(dir, "trials", "--study", "lab", "--format", "json", "--storage", "./studies");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return ((List<?>) nas.api.json.Json.read(r.out())).stream()
                .map(o -> {
                    @SuppressWarnings("unchecked")
                    java.util.Map<String, Object> m = (java.util.Map<String, Object>) o;
                    return m;
                }).toList();
    }

    private void assertFirstSignalFinishesRunningTrials(String signal, int exitCode, String storage) throws Exception {
        CliProcess search = search(storage, "sleep 0.3; echo nas:result $NAS_TRIAL_NUMBER");
        search.awaitOutputLines(2, 120);
        assertThat(search.outputLines()).as(search.errorOutput()).isGreaterThanOrEqualTo(2);
        search.signal(signal);
        CliProcess.Result r = search.await(120);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(exitCode);
        assertThat(r.err()).contains("interrupted (SIG" + signal + ")").endsWith("[sig] interrupted\n")
                .doesNotContain("unexpected error").doesNotContain("Exception");
        assertThat(r.out()).contains("best trial 0 of study 'sig' (minimize): value 0\n");
        List<String> rows = trials(storage);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(2).hasSizeLessThan(100);
        assertThat(rows.subList(0, rows.size() - 1)).allSatisfy(row -> assertThat(row).contains(",COMPLETE,"));
        // the last one ran, or was created just before the signal and its program was then not started
        assertThat(rows.get(rows.size() - 1)).matches("\\d+,COMPLETE,.*|\\d+,FAIL,interrupted \\(program not started\\)");
        // every trial it stored was printed by --print-trials: the storage was closed after the last one
        assertThat(r.out().lines().filter(l -> l.startsWith("trial "))).hasSize(rows.size());
    }

    private void assertSecondSignalAbortsRunningTrials(String signal, int exitCode, String storage) throws Exception {
        CliProcess search = search(storage, "if [ $NAS_TRIAL_NUMBER -ge 1 ]; then echo $$ > \"$NAS_TRIAL_DIR/pid\"; "
                + "exec sleep 600; fi; echo nas:result 5");
        search.awaitOutputLines(1, 120);
        long program = awaitPid(dir.resolve("nas-runs/sig/trial-00001/pid"));
        search.signal(signal);
        for (int i = 0; i < 300 && !search.errorOutput().contains("signal again"); i++) {
            Thread.sleep(100);
        }
        search.signal(signal);
        CliProcess.Result r = search.await(60);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(exitCode);
        assertThat(r.err()).contains("finishing 1 running trial(s); signal again to abort them")
                .contains("running trials stored as FAIL").doesNotContain("unexpected error");
        assertThat(r.out()).contains("best trial 0 of study 'sig' (minimize): value 5\n");
        assertThat(ProcessHandle.of(program).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        List<String> rows = trials(storage);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).contains(",COMPLETE,");
        assertThat(rows.get(1)).contains(",FAIL,").contains("interrupted");
    }

    private CliProcess search(String storage, String script) throws Exception {
        return search(storage, script, false);
    }

    /**
     * Starts a search whose trials run {@code script}, with {@code more} options; {@code asJob} starts it as a
     * terminal's foreground job (see {@link CliProcess#startAsJob}).
     */
    private CliProcess search(String storage, String script, boolean asJob, String... more) throws Exception {
        Files.writeString(dir.resolve("objective.sh"), script + "\n");
        Files.writeString(dir.resolve("space.json"), "{\"params\": {\"x\": {\"type\": \"float\", \"low\": 0, \"high\": 1}}}");
        List<String> args = new java.util.ArrayList<>(List.of("search", "--study", "sig", "--objective", "external",
                "-O", "command=sh objective.sh", "-O", "space=space.json", "--n-trials", "100", "--print-trials",
                "--storage", storage));
        args.addAll(List.of(more));
        String[] a = args.toArray(String[]::new);
        return asJob ? CliProcess.startAsJob(dir, a) : CliProcess.start(dir, a);
    }

    /** Waits up to 2 minutes for a trial's program to write {@code file}. */
    private static void awaitFile(Path file) throws InterruptedException {
        for (int i = 0; i < 1200 && !Files.exists(file); i++) {
            Thread.sleep(100);
        }
    }

    /**
     * The pid a trial's program wrote ("echo $$ > pid" creates the file empty, then writes it), once the whole
     * line is there, waiting up to 2 minutes.
     */
    private static long awaitPid(Path file) throws Exception {
        for (int i = 0; i < 1200; i++) {
            String text = Files.exists(file) ? Files.readString(file) : "";
            if (text.endsWith("\n")) {
                return Long.parseLong(text.strip());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no pid written to " + file + " within 2 minutes");
    }

    /** The study's trials as "number,state,fail_reason" lines. */
    private List<String> trials(String storage) throws Exception {
        CliProcess.Result r = CliProcess.run(dir, "trials", "--study", "sig", "--format", "json", "--storage", storage);
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<?> list = (List<?>) nas.api.json.Json.read(r.out());
        return list.stream().map(o -> {
            java.util.Map<?, ?> m = (java.util.Map<?, ?>) o;
            return m.get("number") + "," + m.get("state") + "," + m.get("fail_reason");
        }).toList();
    }

    /** The external objective running {@code script} (sh) over one float x in [0, 1], its trials in dir/runs. */
    private nas.api.objective.ObjectiveDefinition externalObjective(String script) throws java.io.IOException {
        Files.writeString(dir.resolve("prog.sh"), script);
        Files.writeString(dir.resolve("space.json"),
                "{\"params\": {\"x\": {\"type\": \"float\", \"low\": 0, \"high\": 1}}}");
        return nas.api.objective.ObjectivePlugins.find("external")
                .create(new nas.api.objective.ObjectiveOptions(java.util.Map.of(
                        "command", "sh " + dir.resolve("prog.sh"), "space", dir.resolve("space.json").toString(),
                        "workdir", dir.resolve("runs").toString())));
    }
}
