package nas.api.exception;

/**
 * Thrown by an objective to end its trial as PRUNED. The trial keeps its last reported
 * intermediate value as its value, so samplers can still learn from it.
 */
public class TrialPrunedException extends NasException {
    private static final long serialVersionUID = 1L;

    /** The trial is pruned. */
    public TrialPrunedException() {
        super("trial was pruned");
    }

    /**
     * The trial is pruned, with a note why.
     *
     * @param message why the trial was pruned
     */
    public TrialPrunedException(String message) {
        super(message);
    }
}
