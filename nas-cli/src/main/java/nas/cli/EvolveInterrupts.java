package nas.cli;

import java.io.PrintWriter;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT), SIGTERM and SIGHUP during {@code nas evolve}. The first signal lets the generation being
 * run finish: it is stored with a checkpoint, the run is marked {@code INTERRUPTED}, and the process exits
 * with 128 + the signal's number (130, 143, 129), so {@code nas evolve --resume} runs no generation again.
 * A second signal exits at once: the run's last checkpoint stays usable, the generations after it are run
 * again (identically) by a resume.
 */
final class EvolveInterrupts implements AutoCloseable {

    private final String runId;
    private final PrintWriter err;
    private final SignalHandlers handlers;
    private volatile int exitCode;
    private volatile String signal;

    EvolveInterrupts(String runId, PrintWriter err) {
        this.runId = runId;
        this.err = err;
        this.handlers = new SignalHandlers(this::onSignal);
    }

    private synchronized void onSignal(Signal s) {
        if (exitCode == 0) {
            exitCode = 128 + s.getNumber();
            signal = "SIG" + s.getName();
            err.println("[" + runId + "] interrupted (" + signal + "): finishing this generation, then stopping; "
                    + "signal again to stop at once");
            err.flush();
            return;
        }
        err.println("[" + runId + "] stopped at once (SIG" + s.getName() + "); resume from the last checkpoint with: "
                + "nas evolve --resume " + runId);
        err.flush();
        System.exit(exitCode);
    }

    /** Whether a signal came: the generation just run is the last. */
    boolean interrupted() {
        return exitCode != 0;
    }

    /** 130 after SIGINT, 143 after SIGTERM, 129 after SIGHUP, 0 if no signal came. */
    int exitCode() {
        return exitCode;
    }

    /** The signal that came first, e.g. "SIGTERM". */
    String signal() {
        return signal;
    }

    @Override
    public void close() {
        handlers.close();
    }
}
