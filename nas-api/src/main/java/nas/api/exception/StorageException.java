package nas.api.exception;

/** The storage failed for a reason outside the caller's control (I/O, lost connection, ...). */
public class StorageException extends NasException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
