package nas.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves named methods at {@code POST <context>/<name>}: the body is a JSON object of named
 * arguments, the reply {@code {"result": ...}} or {@code {"error": {"type", "message"}}}. Every
 * request must carry {@code Authorization: Bearer <secret>}; a request can reach nothing but the
 * methods registered here (no SQL, no code).
 */
public final class RpcHandler implements HttpHandler {

    /** Header naming a call that a client may send twice (after a lost reply): the second gets the first's reply. */
    public static final String REQUEST_ID = "X-Nas-Request";

    private final String context;
    private final ServerSecret secret;
    private final Map<String, RpcMethod> methods = new ConcurrentHashMap<>();
    private final RecentReplies replies = new RecentReplies(4096);
    private volatile long lastCallNanos = System.nanoTime();
    private final java.util.concurrent.atomic.LongAdder calls = new java.util.concurrent.atomic.LongAdder();

    public RpcHandler(String context, ServerSecret secret) {
        this.context = context.endsWith("/") ? context : context + "/";
        this.secret = secret;
    }

    /** The path prefix this handler is mounted at, ending with '/'. */
    public String context() {
        return context;
    }

    /** Offers {@code method} under {@code name}. */
    public void register(String name, RpcMethod method) {
        if (methods.putIfAbsent(name, method) != null) {
            throw new IllegalArgumentException("method '" + name + "' is already registered");
        }
    }

    /** When the last authenticated call arrived ({@link System#nanoTime()}). */
    public long lastCallNanos() {
        return lastCallNanos;
    }

    /** How many authenticated calls arrived. */
    public long calls() {
        return calls.sum();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ") || !secret.matches(auth.substring("Bearer ".length()))) {
                send(exchange, 401, error("Storage", "not authorized: the request lacks this server's secret"));
                return;
            }
            lastCallNanos = System.nanoTime();
            calls.increment();
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, error("IllegalArgument", "use POST"));
                return;
            }
            String name = exchange.getRequestURI().getPath().substring(context.length());
            RpcMethod method = methods.get(name);
            if (method == null) {
                send(exchange, 404, error("IllegalArgument", "no method '" + name + "' on this server"));
                return;
            }
            String requestId = exchange.getRequestHeaders().getFirst(REQUEST_ID);
            byte[] reply = requestId == null ? call(method, body) : replies.computeOnce(requestId, () -> call(method, body));
            send(exchange, 200, reply);
        }
    }

    private static byte[] call(RpcMethod method, byte[] body) {
        try {
            Object result = method.call(new Args(Wire.readObject(body)));
            return Wire.write(java.util.Collections.singletonMap("result", result));
        } catch (Exception e) {
            return Wire.write(Map.of("error", WireError.of(e)));
        }
    }

    private static byte[] error(String type, String message) {
        return Wire.write(Map.of("error", Map.of("type", type, "message", message)));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
