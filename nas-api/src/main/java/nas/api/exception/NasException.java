package nas.api.exception;

/** Base of the domain exceptions; argument errors stay {@link IllegalArgumentException}. */
public class NasException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NasException(String message) {
        super(message);
    }

    public NasException(String message, Throwable cause) {
        super(message, cause);
    }
}
