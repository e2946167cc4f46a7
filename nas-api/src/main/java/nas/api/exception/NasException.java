package nas.api.exception;

/** Base of the domain exceptions; argument errors stay {@link IllegalArgumentException}. */
public class NasException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An error with its message.
     *
     * @param message the message
     */
    public NasException(String message) {
        super(message);
    }

    /**
     * An error with its message and cause.
     *
     * @param message the message
     * @param cause the underlying error
     */
    public NasException(String message, Throwable cause) {
        super(message, cause);
    }
}
