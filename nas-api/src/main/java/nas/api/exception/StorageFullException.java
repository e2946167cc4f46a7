package nas.api.exception;

/**
 * The storage's disk is full. What was stored before stays stored; the call that hit the full disk
 * stored nothing. Freeing space is all it takes to go on.
 */
public class StorageFullException extends StorageException {
    private static final long serialVersionUID = 1L;

    /**
     * A full disk; {@code cause} is the storage's own error.
     *
     * @param message the message
     * @param cause the storage's own error
     */
    public StorageFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
