package nas.api.exception;

/** An attempt to change a trial that is already COMPLETE, PRUNED or FAIL. */
public class TrialFinishedException extends NasException {
    private static final long serialVersionUID = 1L;

    /**
     * Trial {@code number} is finished already (in {@code state}).
     *
     * @param number the trial's number in its study
     * @param state the state it is in
     */
    public TrialFinishedException(int number, Object state) {
        super("trial " + number + " is already finished (" + state + ") and cannot be changed");
    }

    /**
     * With a message given in full (a storage server's client rethrows the server's exception with it).
     *
     * @param message the message, given in full
     * @param cause the underlying error
     */
    public TrialFinishedException(String message, Throwable cause) {
        super(message, cause);
    }
}
