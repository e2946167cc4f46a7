package nas.api.objective.external;

import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * Where the programs of the {@code external} objective start: a caller that must be able to refuse a start
 * (a search that was interrupted starts no new program) runs an evaluation {@link #through} a gate; every
 * program that evaluation starts on this thread is started by the gate. Deciding and starting in one step
 * lets the gate close the gap a check before the evaluation leaves: between it and the start, the trial's
 * parameters are sampled and stored.
 */
public final class ProgramStarts {

    /** Starts a trial's program, or refuses to. */
    @FunctionalInterface
    public interface Gate {

        /**
         * Starts the process ({@link ProcessBuilder#start()}) or throws an unchecked exception, which fails the
         * trial with that exception.
         *
         * @param program the program, ready to start
         * @return the started process
         * @throws IOException when it cannot be started
         */
        Process start(ProcessBuilder program) throws IOException;
    }

    private static final ThreadLocal<Gate> GATE = new ThreadLocal<>();

    private ProgramStarts() {
    }

    /**
     * Runs {@code evaluation} with every program it starts on this thread started by {@code gate}.
     *
     * @param gate       starts the programs, or refuses to
     * @param evaluation an evaluation of the {@code external} objective, e.g. {@code () -> f.evaluate(trial)}
     * @param <T>        what the evaluation returns
     * @return what the evaluation returned
     * @throws Exception what the evaluation threw
     */
    public static <T> T through(Gate gate, Callable<T> evaluation) throws Exception {
        Gate outer = GATE.get();
        GATE.set(gate);
        try {
            return evaluation.call();
        } finally {
            if (outer == null) {
                GATE.remove();
            } else {
                GATE.set(outer);
            }
        }
    }

    /** Starts {@code program} through this thread's gate, if any. */
    static Process start(ProcessBuilder program) throws IOException {
        Gate gate = GATE.get();
        return gate == null ? program.start() : gate.start(program);
    }
}
