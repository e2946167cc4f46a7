package nas.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The secret that keeps other users of the machine out of a dashboard (as Jupyter does): the URL printed
 * at start carries {@code ?token=...}; the first visit exchanges it for an HttpOnly, SameSite=Strict
 * cookie, and programs send {@code Authorization: Bearer TOKEN}. Comparisons take constant time.
 */
public final class AccessToken {

    /** Name of the cookie that carries the token. */
    public static final String COOKIE = "nas_dashboard_token";

    private final String value;

    private AccessToken(String value) {
        if (value == null || value.length() < 16) {
            throw new IllegalArgumentException("an access token needs at least 16 characters");
        }
        this.value = value;
    }

    /** A fresh token of 32 random bytes (hex). Security, not reproducibility: from the system's secure source. */
    public static AccessToken random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new AccessToken(HexFormat.of().formatHex(bytes));
    }

    /** A token chosen by the caller (for a server that keeps its own secret). */
    public static AccessToken of(String value) {
        return new AccessToken(value);
    }

    /** The token text, for the URL printed at start. */
    public String value() {
        return value;
    }

    /** Whether the request carries the token in its cookie or its Authorization header. */
    boolean admits(HttpExchange exchange) {
        List<String> auth = exchange.getRequestHeaders().get("Authorization");
        if (auth != null) {
            for (String a : auth) {
                String v = a.trim();
                int space = v.indexOf(' ');
                if (space > 0 && matches(v.substring(space + 1).trim())) {
                    return true;
                }
            }
        }
        List<String> cookies = exchange.getRequestHeaders().get("Cookie");
        if (cookies != null) {
            for (String header : cookies) {
                for (String c : header.split(";")) {
                    String t = c.trim();
                    if (t.startsWith(COOKIE + "=") && matches(t.substring(COOKIE.length() + 1))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8));
    }

    /** The Set-Cookie header value that hands the token to a browser. */
    String cookie(String path) {
        return COOKIE + "=" + value + "; Path=" + (path.isEmpty() ? "/" : path) + "; HttpOnly; SameSite=Strict";
    }

    @Override
    public String toString() {
        return "AccessToken[hidden]";
    }
}
