package nas.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The shared secret every request presents: 256 random bits from {@link SecureRandom}, compared in
 * constant time so a client cannot learn it byte by byte from response times.
 */
public final class ServerSecret {

    private static final int BYTES = 32;

    private final byte[] token;

    private ServerSecret(String token) {
        this.token = token.getBytes(StandardCharsets.US_ASCII);
    }

    public static ServerSecret random() {
        byte[] bytes = new byte[BYTES];
        new SecureRandom().nextBytes(bytes);
        return new ServerSecret(HexFormat.of().formatHex(bytes));
    }

    public static ServerSecret of(String token) {
        return new ServerSecret(token);
    }

    /** The secret as text (hex), for the owner-only server file and the client's requests. */
    public String token() {
        return new String(token, StandardCharsets.US_ASCII);
    }

    /** Whether {@code presented} is this secret; takes the same time wherever the first difference is. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.US_ASCII));
    }
}
