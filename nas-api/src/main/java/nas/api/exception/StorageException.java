package nas.api.exception;

/** The storage failed for a reason outside the caller's control (I/O, lost connection, ...). */
public class StorageException extends NasException {
    private static final long serialVersionUID = 1L;

    /**
     * A storage failure with its message.
     *
     * @param message the message
     */
    public StorageException(String message) {
        super(message);
    }

    /**
     * A storage failure with its message and cause.
     *
     * @param message the message
     * @param cause the underlying error
     */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
