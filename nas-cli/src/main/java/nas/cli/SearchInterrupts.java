package nas.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nas.api.MultiObjective;
import nas.api.Study;
import nas.api.Trial;
import nas.api.TrialState;
import nas.api.objective.external.ProgramFailure;
import nas.api.objective.external.ProgramStarts;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT), SIGTERM and SIGHUP (the terminal closed, the ssh session dropped) during {@code nas search}.
 *
 * <ul>
 *   <li>The first signal stops the search from starting trials; the running ones finish and are
 *       stored, then the search prints its best trial and "interrupted" and exits with 130 (SIGINT),
 *       143 (SIGTERM) or 129 (SIGHUP), the codes a shell gives a process ended by that signal.</li>
 *   <li>A second signal aborts: the running trials are stored as FAIL with the reason "interrupted",
 *       the programs they started are stopped, the storage is closed, and the process exits at once.</li>
 *   <li>A trial's program that ends by SIGINT, SIGTERM or SIGHUP (exit code 130, 143 or 129) counts as that
 *       signal's first arrival. A terminal's Ctrl-C (systemd's stop, a closed terminal likewise) signals the
 *       whole process group at once, and the program's death may be seen before this process's handler has
 *       run: without this rule the trial would be stored as an ordinary failure and the next trial's program
 *       started after the Ctrl-C. The handler, whenever it runs, then takes that signal as the first, not as
 *       a second one.</li>
 *   <li>After the first interruption no trial's program starts (see {@link #track}).</li>
 *   <li>A Ctrl-C to the process group while the JDK starts a program kills the JDK's helper process before
 *       it runs the program: the trial is stored as "interrupted (program not started)", and the helper's
 *       death counts as that signal's first arrival, as a program's does.</li>
 * </ul>
 *
 * <p>The handlers ({@link SignalHandlers}) replace the JVM's default, which would start shutting down
 * (closing the database under the running trials) while the search still runs.
 */
final class SearchInterrupts implements AutoCloseable {

    /** Exit code after SIGINT (128 + 2). */
    static final int SIGINT_EXIT = 130;
    /** Exit code after SIGTERM (128 + 15). */
    static final int SIGTERM_EXIT = 143;
    /** Exit code after SIGHUP (128 + 1). */
    static final int SIGHUP_EXIT = 129;
    /** The failure reason of a trial a second signal aborted. */
    static final String REASON = "interrupted";

    private final Study study;
    private final PrintWriter err;
    private final Runnable onAbort;
    private final Set<Trial> running = ConcurrentHashMap.newKeySet();
    private final SignalHandlers handlers;
    private final Set<Long> childrenBefore;
    private volatile int exitCode;
    private volatile boolean aborting;
    /** Whether a signal reached this process (a program's death by one does not count); guarded by this. */
    private boolean signalled;
    /** How far the running trials are ("trial 7: generation 13/30"), "" if unknown; for the first signal's line. */
    private volatile java.util.function.Supplier<String> howFar = () -> "";
    /** Prints the first interruption's line on a line of its own (after the progress line, when there is one). */
    private volatile java.util.function.Consumer<String> lines;
    /** Starts the trials' programs: {@link ProcessBuilder#start()}, but for tests. */
    private final ProgramStarts.Gate starter;

    /**
     * How the JDK says that its helper process, which starts a program, died of a signal before the program
     * ran: "Cannot run program ...: error=0, Failed to exec spawn helper: pid: 123, signal: 2".
     */
    private static final java.util.regex.Pattern SPAWN_HELPER_SIGNAL =
            java.util.regex.Pattern.compile("spawn helper: pid: \\d+, signal: (\\d+)");

    /**
     * Installs the handlers for a search of {@code study}.
     *
     * @param onAbort what a second signal does after failing the running trials: print the best trial and
     *                close the storage (it is followed by {@code System.exit})
     */
    SearchInterrupts(Study study, PrintWriter err, Runnable onAbort) {
        this(study, err, onAbort, ProcessBuilder::start);
    }

    /** As the other constructor, with the trials' programs started by {@code starter}. */
    SearchInterrupts(Study study, PrintWriter err, Runnable onAbort, ProgramStarts.Gate starter) {
        this.starter = starter;
        this.study = study;
        this.err = err;
        this.lines = line -> {
            err.println(line);
            err.flush();
        };
        this.onAbort = onAbort;
        this.childrenBefore = ProcessHandle.current().children().map(ProcessHandle::pid)
                .collect(java.util.stream.Collectors.toSet());
        this.handlers = new SignalHandlers(this::onSignal);
    }

    /**
     * {@code objective}, remembering which trials run, so that an abort can fail them. A trial that fails
     * after the signal (a terminal's Ctrl-C reaches the programs a trial started too), or whose program a
     * signal ended, fails as "interrupted", with what it threw in parentheses. A trial created before the
     * interruption whose first program had not started yet does not start it: it fails as "interrupted
     * (program not started)". The Ctrl-C could not reach that program, which would otherwise run to its end.
     */
    MultiObjective track(MultiObjective objective) {
        return trial -> {
            running.add(trial);
            boolean[] started = {false};
            try {
                return ProgramStarts.through(program -> start(program, started), () -> objective.evaluate(trial));
            } catch (Exception e) {
                if (e instanceof nas.api.exception.TrialPrunedException) {
                    throw e;
                }
                int signalExit = signalExit(e);
                if (signalExit != 0) {
                    onProgramSignal(trial, signalExit, e instanceof NotStarted);
                }
                if (interrupted()) {
                    throw new Interrupted(e);
                }
                throw e;
            } finally {
                running.remove(trial);
            }
        };
    }

    /**
     * Starts a trial's program, unless it would be the trial's first and the search is interrupted. Deciding
     * and starting under the lock the handlers take: no program starts after an interruption was handled.
     */
    private synchronized Process start(ProcessBuilder program, boolean[] trialStarted) throws java.io.IOException {
        if (!trialStarted[0] && interrupted()) {
            throw new NotStarted(0);
        }
        Process p;
        try {
            p = starter.start(program);
        } catch (java.io.IOException e) {
            int signalExit = spawnHelperSignalExit(e);
            if (signalExit != 0) {
                // the group's Ctrl-C reached the JDK's helper first; its text ("cannot start ... spawn helper ...
                // signal: 2") is the JDK's, not a reason a user can act on
                throw new NotStarted(signalExit);
            }
            throw e;
        }
        trialStarted[0] = true;
        return p;
    }

    /**
     * 130, 143 or 129 when {@code e} says that the JDK's helper process died of SIGINT, SIGTERM or SIGHUP before
     * it ran the program; 0 otherwise.
     */
    static int spawnHelperSignalExit(java.io.IOException e) {
        java.util.regex.Matcher m = SPAWN_HELPER_SIGNAL.matcher(String.valueOf(e.getMessage()));
        if (!m.find() || m.group(1).length() > 2) {
            return 0;
        }
        int code = 128 + Integer.parseInt(m.group(1));
        return code == SIGINT_EXIT || code == SIGTERM_EXIT || code == SIGHUP_EXIT ? code : 0;
    }

    /** A trial's program not started because the search was interrupted first, or a signal stopped its start. */
    private static final class NotStarted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** 130, 143 or 129 when a signal killed the JDK's helper starting the program; 0 otherwise. */
        private final int signalExit;

        NotStarted(int signalExit) {
            super("program not started", null, false, false);
            this.signalExit = signalExit;
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    /** A trial's failure after the search was interrupted; its text is the stored failure reason. */
    static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted(Exception cause) {
            super(REASON + " (" + cause + ")", cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    /**
     * Says how far the running trials are in the line the first interruption prints (from the progress line's
     * reported steps), so that whoever waits for them knows how long it may take; that line is printed through
     * {@code progress}, which ends its in-place line at a terminal first ({@link SearchProgress#printLine}).
     */
    void describeRunning(SearchProgress progress) {
        this.howFar = progress::runningSteps;
        this.lines = progress::printLine;
    }

    /** The line the first interruption prints. */
    static String stopLine(String study, String cause, int stillRunning, String howFar) {
        return "[" + study + "] interrupted (" + cause + "): no new trials; " + (stillRunning <= 0 ? "stopping"
                : "finishing " + stillRunning + " running trial(s)" + (howFar.isEmpty() ? "" : " (" + howFar + ")")
                + "; signal again to abort them");
    }

    /** Whether a signal interrupted the search. */
    boolean interrupted() {
        return exitCode != 0;
    }

    /** Whether a second signal is aborting the process (the main thread must then wait for its exit). */
    boolean aborting() {
        return aborting;
    }

    /** 130 after SIGINT, 143 after SIGTERM, 129 after SIGHUP, 0 if no signal came. */
    int exitCode() {
        return exitCode;
    }

    /**
     * 130, 143 or 129 when {@code e} is, or was caused by, the failure of a program that SIGINT, SIGTERM or
     * SIGHUP ended (or that exited with that code, as a shell does when its child was ended so); 0 otherwise.
     */
    static int signalExit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NotStarted n) {
                return n.signalExit;
            }
            if (t instanceof ProgramFailure f) {
                int code = f.exitCode().orElse(0);
                return code == SIGINT_EXIT || code == SIGTERM_EXIT || code == SIGHUP_EXIT ? code : 0;
            }
        }
        return 0;
    }

    /** A trial's program ended by a signal: the same as the first arrival of that signal here. */
    private synchronized void onProgramSignal(Trial trial, int signalExit, boolean whileStarting) {
        String signal = "SIG" + (signalExit == SIGTERM_EXIT ? "TERM" : signalExit == SIGHUP_EXIT ? "HUP" : "INT");
        stopStarting(signalExit, whileStarting ? signal + " while trial " + trial.number() + "'s program was starting"
                : "trial " + trial.number() + "'s program ended by " + signal, running.size() - 1);
    }

    private synchronized void onSignal(Signal signal) {
        if (!signalled) {
            signalled = true;
            stopStarting(128 + signal.getNumber(), "SIG" + signal.getName(), running.size());
            return;
        }
        aborting = true;
        for (Trial trial : List.copyOf(running)) {
            try {
                study.tell(trial, TrialState.FAIL, REASON);
            } catch (RuntimeException e) {
                // finished meanwhile: nothing to fail
            }
        }
        // the programs trials started; not the processes this one had before the search (the storage server
        // it may have started owns the database file and serves other workers)
        ProcessHandle.current().children().filter(c -> !childrenBefore.contains(c.pid())).forEach(c -> {
            c.descendants().forEach(ProcessHandle::destroyForcibly);
            c.destroyForcibly();
        });
        try {
            onAbort.run();
        } finally {
            err.flush();
            System.exit(exitCode);
        }
    }

    /**
     * The first interruption (by a signal here or by a program's death): no new trials. Later ones change
     * nothing; only a second signal here aborts.
     */
    private void stopStarting(int code, String cause, int stillRunning) {
        if (exitCode != 0) {
            return;
        }
        exitCode = code;
        study.stop();
        lines.accept(stopLine(study.name(), cause, stillRunning, stillRunning <= 0 ? "" : howFar.get()));
    }

    /** Puts the previous handlers back. */
    @Override
    public void close() {
        handlers.close();
    }
}
