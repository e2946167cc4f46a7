package nas.api.exception;

/** No study with the requested name or id exists in the storage. */
public class StudyNotFoundException extends NasException {
    private static final long serialVersionUID = 1L;

    /**
     * No study matches {@code what} (a name or an id).
     *
     * @param what the name or id asked for
     */
    public StudyNotFoundException(String what) {
        super("no study " + what + " exists");
    }

    /**
     * With a message given in full (a storage server's client rethrows the server's exception with it).
     *
     * @param message the message, given in full
     * @param cause the underlying error
     */
    public StudyNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
