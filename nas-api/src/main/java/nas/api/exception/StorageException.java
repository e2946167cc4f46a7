package nas.api.exception;

/** The storage failed for a reason outside the caller's control (I/O, lost connection, ...). */
public class StorageException extends NasException {
    private static final long serialVersionUID = 1L;

    /** A storage failure with its message. */
    public StorageException(String message) {
        super(message);
    }

    /** A storage failure with its message and cause. */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
