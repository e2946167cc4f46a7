package nas.api.exception;

/**
 * The database holds less than it is known to have held: a damaged, truncated or replaced file.
 * It is refused rather than served, since serving it would hand out trial numbers again. The
 * message names the last trial known to be stored.
 */
public class StorageDamagedException extends NasException {
    private static final long serialVersionUID = 1L;

    /** The words before the last stored trial in the message (how another process recognises one). */
    public static final String LAST_STORED = "last trial known to be stored: ";

    /**
     * A damaged database; {@code message} names the file and the last trial known to be stored.
     *
     * @param message names the file and the last trial known to be stored
     */
    public StorageDamagedException(String message) {
        super(message);
    }
}
