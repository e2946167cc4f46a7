package nas.server;

/**
 * A storage server answered but has no method this client calls: it was started by an older NAS version (a newer
 * client knows methods it lacks). An {@link IllegalArgumentException} as before, so a command still exits with 2;
 * the message names the server, says it is older and what to do.
 */
public final class OlderServerException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the one line shown to the user
     */
    public OlderServerException(String message) {
        super(message);
    }
}
