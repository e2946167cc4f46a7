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

    /** The content type of a streamed reply ({@link StreamMethod}); a JSON reply is {@code application/json}. */
    public static final String STREAM_TYPE = "application/octet-stream";

    /**
     * The HTTP status of a call to a method this server does not have (one a newer client knows): every server
     * version answers it so, which is how a client tells an older server ({@link OlderServerException}).
     */
    public static final int NO_METHOD = 404;

    /** The content type of a request body a {@link BodyMethod} reads. */
    public static final String BODY_TYPE = "application/octet-stream";

    /** Header naming a call that a client may send twice (after a lost reply): the second gets the first's reply. */
    public static final String REQUEST_ID = "X-Nas-Request";

    private final String context;
    private final ServerSecret secret;
    private final Map<String, RpcMethod> methods = new ConcurrentHashMap<>();
    private final Map<String, StreamMethod> streams = new ConcurrentHashMap<>();
    private final Map<String, BodyMethod> bodies = new ConcurrentHashMap<>();
    private final RecentReplies replies = new RecentReplies(4096);
    private volatile long lastCallNanos = System.nanoTime();
    /** Calls being answered: a long one (a streamed export) keeps the server busy, not idle. */
    private final java.util.concurrent.atomic.AtomicInteger active = new java.util.concurrent.atomic.AtomicInteger();
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
        if (bodies.containsKey(name) || methods.putIfAbsent(name, method) != null) {
            throw new IllegalArgumentException("method '" + name + "' is already registered");
        }
    }

    /**
     * A method whose request body is its own bytes ({@code application/octet-stream}), not JSON arguments: for
     * large binary data, which JSON would carry as base64 text. The reply is JSON as for every method.
     */
    @FunctionalInterface
    public interface BodyMethod {
        Object call(byte[] body) throws Exception;
    }

    /** Offers {@code method}, which reads its request body itself, under {@code name}. */
    public void registerBody(String name, BodyMethod method) {
        if (methods.containsKey(name) || streams.containsKey(name) || bodies.putIfAbsent(name, method) != null) {
            throw new IllegalArgumentException("method '" + name + "' is already registered");
        }
    }

    /** Offers {@code method}, whose reply is streamed, under {@code name}. */
    public void registerStream(String name, StreamMethod method) {
        if (methods.containsKey(name) || bodies.containsKey(name) || streams.putIfAbsent(name, method) != null) {
            throw new IllegalArgumentException("method '" + name + "' is already registered");
        }
    }

    /** When the last authenticated call arrived or ended ({@link System#nanoTime()}); now while one is answered. */
    public long lastCallNanos() {
        return active.get() > 0 ? System.nanoTime() : lastCallNanos;
    }

    /** How many authenticated calls arrived. */
    public long calls() {
        return calls.sum();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        active.incrementAndGet();
        try {
            answer(exchange);
        } finally {
            active.decrementAndGet();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        StreamMethod stream = streams.get(exchange.getRequestURI().getPath().substring(context.length()));
        if (stream != null && authorized(exchange) && exchange.getRequestMethod().equals("POST")) {
            stream(exchange, stream);
            return;
        }
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (!authorized(exchange)) {
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
            RpcMethod named = methods.get(name);
            BodyMethod method = named != null ? b -> named.call(new Args(Wire.readObject(b))) : bodies.get(name);
            if (method == null && streams.containsKey(name)) {
                send(exchange, 405, error("IllegalArgument", "use POST"));
                return;
            }
            if (method == null) {
                send(exchange, NO_METHOD, error("IllegalArgument", "no method '" + name + "' on this server"));
                return;
            }
            String requestId = exchange.getRequestHeaders().getFirst(REQUEST_ID);
            byte[] reply = requestId == null ? call(method, body) : replies.computeOnce(requestId, () -> call(method, body));
            send(exchange, 200, reply);
        }
    }

    private boolean authorized(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        return auth != null && auth.startsWith("Bearer ") && secret.matches(auth.substring("Bearer ".length()));
    }

    /**
     * Runs a streamed method: its first 64 KB are held back, so that a method failing early still
     * answers with a JSON error; once bytes have left, a failure closes the connection without the
     * chunked reply's last chunk, which the client reads as a broken stream.
     */
    private void stream(HttpExchange exchange, StreamMethod method) throws IOException {
        lastCallNanos = System.nanoTime();
        calls.increment();
        ReplyStream out = new ReplyStream(exchange);
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            method.call(new Args(Wire.readObject(body)), out);
        } catch (Exception e) {
            if (out.committed()) {
                // the server logs it; closing the exchange here would end the reply as if complete
                throw new IOException("streamed reply of " + exchange.getRequestURI().getPath() + " cut off: " + e, e);
            }
            try (exchange) {
                send(exchange, 200, Wire.write(Map.of("error", WireError.of(e))));
            }
            return;
        }
        try (exchange) {
            out.finish();
        }
        lastCallNanos = System.nanoTime();
    }

    private static byte[] call(BodyMethod method, byte[] body) {
        try {
            Object result = method.call(body);
            return Wire.write(java.util.Collections.singletonMap("result", result));
        } catch (Exception e) {
            return Wire.write(Map.of("error", WireError.of(e)));
        }
    }

    private static byte[] error(String type, String message) {
        return Wire.write(Map.of("error", Map.of("type", type, "message", message)));
    }

    /** A streamed reply: buffered, then sent chunked once the buffer first fills (or all at once if it never does). */
    private static final class ReplyStream extends OutputStream {
        private final HttpExchange exchange;
        private final byte[] buffer = new byte[1 << 16];
        private int size;
        private OutputStream body;

        ReplyStream(HttpExchange exchange) {
            this.exchange = exchange;
        }

        boolean committed() {
            return body != null;
        }

        @Override
        public void write(int b) throws IOException {
            if (size == buffer.length) {
                drain();
            }
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (size + len > buffer.length || len >= buffer.length) {
                drain();
            }
            if (len >= buffer.length) {
                body.write(b, off, len);
            } else {
                System.arraycopy(b, off, buffer, size, len);
                size += len;
            }
        }

        private void drain() throws IOException {
            if (body == null) {
                exchange.getResponseHeaders().set("Content-Type", STREAM_TYPE);
                exchange.sendResponseHeaders(200, 0);
                body = exchange.getResponseBody();
            }
            body.write(buffer, 0, size);
            size = 0;
        }

        /** Sends what is left and ends the reply. */
        void finish() throws IOException {
            if (body == null) {
                exchange.getResponseHeaders().set("Content-Type", STREAM_TYPE);
                exchange.sendResponseHeaders(200, size == 0 ? -1 : size);
                body = exchange.getResponseBody();
            }
            body.write(buffer, 0, size);
            size = 0;
            body.close();
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
