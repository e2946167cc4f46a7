package nas.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nas.api.MultiObjective;
import nas.api.Study;
import nas.api.Trial;
import nas.api.TrialState;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM during {@code nas search}.
 *
 * <ul>
 *   <li>The first signal stops the search from starting trials; the running ones finish and are
 *       stored, then the search prints its best trial and "interrupted" and exits with 130 (SIGINT) or
 *       143 (SIGTERM), the codes a shell gives a process ended by that signal.</li>
 *   <li>A second signal aborts: the running trials are stored as FAIL with the reason "interrupted",
 *       the programs they started are stopped, the storage is closed, and the process exits at once.</li>
 * </ul>
 *
 * <p>The handlers replace the JVM's default, which would start shutting down (closing the database
 * under the running trials) while the search still runs. They use {@code sun.misc.Signal} (module
 * {@code jdk.unsupported}), the JDK's only way to handle a signal without shutting down.
 */
final class SearchInterrupts implements AutoCloseable {

    /** Exit code after SIGINT (128 + 2). */
    static final int SIGINT_EXIT = 130;
    /** Exit code after SIGTERM (128 + 15). */
    static final int SIGTERM_EXIT = 143;
    /** The failure reason of a trial a second signal aborted. */
    static final String REASON = "interrupted";

    private final Study study;
    private final PrintWriter err;
    private final Runnable onAbort;
    private final Set<Trial> running = ConcurrentHashMap.newKeySet();
    private final List<Signal> signals = List.of(new Signal("INT"), new Signal("TERM"));
    private final List<SignalHandler> previous;
    private final Set<Long> childrenBefore;
    private volatile int exitCode;
    private volatile boolean aborting;

    /**
     * Installs the handlers for a search of {@code study}.
     *
     * @param onAbort what a second signal does after failing the running trials: print the best trial and
     *                close the storage (it is followed by {@code System.exit})
     */
    SearchInterrupts(Study study, PrintWriter err, Runnable onAbort) {
        this.study = study;
        this.err = err;
        this.onAbort = onAbort;
        this.childrenBefore = ProcessHandle.current().children().map(ProcessHandle::pid)
                .collect(java.util.stream.Collectors.toSet());
        this.previous = signals.stream().map(s -> Signal.handle(s, this::onSignal)).toList();
    }

    /**
     * {@code objective}, remembering which trials run, so that an abort can fail them. A trial that fails
     * after the signal (a terminal's Ctrl-C reaches the programs a trial started too) fails as
     * "interrupted", with what it threw in parentheses.
     */
    MultiObjective track(MultiObjective objective) {
        return trial -> {
            running.add(trial);
            try {
                return objective.evaluate(trial);
            } catch (Exception e) {
                if (interrupted() && !(e instanceof nas.api.exception.TrialPrunedException)) {
                    throw new Interrupted(e);
                }
                throw e;
            } finally {
                running.remove(trial);
            }
        };
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

    /** Whether a signal interrupted the search. */
    boolean interrupted() {
        return exitCode != 0;
    }

    /** Whether a second signal is aborting the process (the main thread must then wait for its exit). */
    boolean aborting() {
        return aborting;
    }

    /** 130 after SIGINT, 143 after SIGTERM, 0 if no signal came. */
    int exitCode() {
        return exitCode;
    }

    private synchronized void onSignal(Signal signal) {
        if (exitCode == 0) {
            exitCode = signal.getName().equals("TERM") ? SIGTERM_EXIT : SIGINT_EXIT;
            study.stop();
            int n = running.size();
            err.println("[" + study.name() + "] interrupted (SIG" + signal.getName() + "): no new trials; "
                    + (n == 0 ? "stopping" : "finishing " + n + " running trial(s); signal again to abort them"));
            err.flush();
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

    /** Puts the previous handlers back. */
    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
