package nas.api.objective.external;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * Why a program run did not give a usable value. The trial fails with the message as its reason and the
 * kind in its user attribute {@value #ATTR}, so a summary can count failures by kind.
 */
public final class ProgramFailure extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Trial user attribute holding the {@link Kind} of a failed external-program trial (its label). */
    public static final String ATTR = "failure";

    /** The kinds of failure, each with the label stored in the trial. */
    public enum Kind {
        /** The program ran out of memory (a MemoryError or OutOfMemoryError, or killed by the OOM killer). */
        OOM,
        /** The value, or a loss it is made from, is NaN or infinite. */
        NAN,
        /** The program ran longer than the time-out. */
        TIMEOUT,
        /** The program exited with a non-zero code. */
        EXIT_CODE,
        /** The result file is missing. */
        MISSING_FILE,
        /** The result file is not valid JSON, or lacks the key, or holds no number there. */
        MALFORMED,
        /** The program printed no result line. */
        NO_RESULT,
        /** The program could not be started. */
        START;

        /**
         * The label stored in the trial, e.g. {@code time-out}, {@code exit-code}.
         *
         * @return the label
         */
        public String label() {
            return this == TIMEOUT ? "time-out" : name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /**
         * The kind with this label.
         *
         * @param label a label as {@link #label()} writes it
         * @return the kind
         * @throws IllegalArgumentException for another label
         */
        public static Kind ofLabel(String label) {
            for (Kind k : values()) {
                if (k.label().equals(label)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("no failure kind '" + label + "'");
        }
    }

    /** What went wrong. */
    private final Kind kind;
    /** The program's exit code, or -1 when it did not end by itself (never started, stopped by NAS). */
    private final int exitCode;

    ProgramFailure(Kind kind, String message) {
        this(kind, message, -1);
    }

    ProgramFailure(Kind kind, String message, int exitCode) {
        super(message);
        this.kind = kind;
        this.exitCode = exitCode;
    }

    /**
     * What went wrong.
     *
     * @return the kind of failure
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The exit code of a program that ended with a non-zero one; 128 + n for a program a signal n ended (130
     * after SIGINT, 143 after SIGTERM), as a shell reports it.
     *
     * @return the exit code, or empty when the program did not end by itself or ended with 0
     */
    public OptionalInt exitCode() {
        return exitCode < 0 ? OptionalInt.empty() : OptionalInt.of(exitCode);
    }

    /** The message alone: it is the trial's fail reason, which names the program, not this class. */
    @Override
    public String toString() {
        return getMessage();
    }

    /** The same failure with a prefix to its message (e.g. the evaluation seed it happened with). */
    ProgramFailure prefixed(String prefix) {
        return new ProgramFailure(kind, prefix + getMessage(), exitCode);
    }
}
