package nas.api.exception;

/** A study with the requested name already exists in the storage. */
public class DuplicateStudyException extends NasException {
    private static final long serialVersionUID = 1L;

    /**
     * A study named {@code studyName} exists already.
     *
     * @param studyName the study's name
     */
    public DuplicateStudyException(String studyName) {
        super("a study named '" + studyName + "' already exists");
    }

    /**
     * With a message given in full (a storage server's client rethrows the server's exception with it).
     *
     * @param message the message, given in full
     * @param cause the underlying error
     */
    public DuplicateStudyException(String message, Throwable cause) {
        super(message, cause);
    }
}
