package nas.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas.api.TrialState;
import nas.api.exception.StudyNotFoundException;
import nas.api.json.Json;
import nas.api.storage.Storage;

/**
 * The web dashboard over one {@link Storage}: its pages, their static files and the JSON API, mounted on a
 * JDK {@link HttpServer} (its own, see {@link DashboardServer}, or a server that also does other work).
 *
 * <p>Routes, under {@link DashboardOptions#basePath()}: {@code /} (studies and evolution runs), {@code /study?name=N},
 * {@code /trial?study=N&number=K}, {@code /run?name=R}, {@code /static/*}, and {@code /api/...} (see
 * {@link StudyApi} and {@link RunApi}). Every page and
 * API call needs the access token; static files (the page script and the chart library) do not. A storage
 * failure answers 503 with its message and never stops the server.
 */
public final class Dashboard implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(Dashboard.class.getName());

    private final Storage storage;
    private final DashboardOptions options;
    private final StudyCache cache;
    private final StudyApi api;
    private final RunApi runs;
    private final OutageLog outage = new OutageLog(LOG);

    private Dashboard(Storage storage, DashboardOptions options) {
        this.storage = storage;
        this.options = options;
        this.cache = new StudyCache(storage, options.refresh(), true);
        this.api = new StudyApi(cache);
        this.runs = new RunApi(storage);
    }

    /** Mounts the dashboard on {@code server} at the options' base path. */
    public static Dashboard mount(HttpServer server, Storage storage, DashboardOptions options) {
        Dashboard d = new Dashboard(storage, options);
        server.createContext(options.basePath().isEmpty() ? "/" : options.basePath(), d);
        return d;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath().substring(options.basePath().length());
            if (path.isEmpty()) {
                path = "/";
            }
            Map<String, String> query = query(exchange.getRequestURI());
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            if (path.startsWith("/static/")) {
                staticFile(exchange, path.substring("/static/".length()));
                return;
            }
            String token = query.get("token");
            if (token != null && !path.startsWith("/api/")) {
                if (!options.token().matches(token)) {
                    send(exchange, 401, "text/plain", "wrong access token\n".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                exchange.getResponseHeaders().add("Set-Cookie", options.token().cookie(options.basePath()));
                exchange.getResponseHeaders().set("Location", withoutToken(exchange.getRequestURI()));
                send(exchange, 303, "text/plain", new byte[0]);
                return;
            }
            if (!options.token().admits(exchange)) {
                if (path.startsWith("/api/")) {
                    json(exchange, 401, Map.of("error", "missing or wrong access token (send the cookie, or "
                            + "'Authorization: Bearer TOKEN')"));
                } else {
                    send(exchange, 401, "text/plain; charset=utf-8", ("This dashboard needs its access token: open the URL "
                            + "it printed at start (it ends with ?token=...).\n").getBytes(StandardCharsets.UTF_8));
                }
                return;
            }
            if (path.startsWith("/api/")) {
                apiCall(exchange, path.substring("/api".length()), query);
                return;
            }
            String page = switch (path) {
                case "/" -> "studies";
                case "/study" -> "study";
                case "/trial" -> "trial";
                case "/run" -> "run";
                default -> null;
            };
            if (page == null) {
                send(exchange, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            exchange.getResponseHeaders().set("Content-Security-Policy", Pages.CONTENT_SECURITY_POLICY);
            send(exchange, 200, "text/html; charset=utf-8",
                    Pages.live(page, options.basePath()).getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, "dashboard request " + exchange.getRequestURI() + " failed", e);
        }
    }

    private void apiCall(HttpExchange exchange, String path, Map<String, String> query) throws IOException {
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segments.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
            }
        }
        String method = exchange.getRequestMethod();
        try {
            if (method.equals("DELETE") && segments.size() == 2 && segments.get(0).equals("studies")) {
                delete(exchange, segments.get(1));
                return;
            }
            if (!method.equals("GET")) {
                json(exchange, 405, Map.of("error", "method " + method + " not allowed here"));
                return;
            }
            if (segments.equals(List.of("info"))) {
                json(exchange, 200, Map.of("allow_write", options.allowWrite()));
                return;
            }
            Object answer = !segments.isEmpty() && segments.get(0).equals("runs") ? runs.get(segments, query)
                    : api.get(segments, query);
            if (answer == null) {
                json(exchange, 404, Map.of("error", "no such API route: /api" + path));
            } else {
                outage.answered();
                json(exchange, 200, answer);
            }
        } catch (StudyNotFoundException | NotFoundException e) {
            json(exchange, 404, Map.of("error", e.getMessage()));
        } catch (BadRequestException e) {
            json(exchange, 400, Map.of("error", e.getMessage()));
        } catch (RuntimeException e) {
            // a storage that went away, a broken study: say so and keep serving
            outage.failed(e);
            json(exchange, 503, Map.of("error", "the storage could not answer: " + describe(e)));
        }
    }

    private void delete(HttpExchange exchange, String name) throws IOException {
        if (!options.allowWrite()) {
            json(exchange, 403, Map.of("error", "this dashboard is read-only (start it with --allow-write to delete studies)"));
            return;
        }
        Object body;
        try (InputStream in = exchange.getRequestBody()) {
            body = Json.read(new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            body = null;
        }
        if (!(body instanceof Map<?, ?> m) || !name.equals(m.get("confirm"))) {
            json(exchange, 400, Map.of("error", "deleting a study needs the body {\"confirm\": NAME} with its exact name"));
            return;
        }
        Object force = m.get("force");
        if (force != null && !(force instanceof Boolean)) {
            json(exchange, 400, Map.of("error", "\"force\" is true or false, not " + Json.write(force)));
            return;
        }
        long id = storage.findStudy(name).orElseThrow(() -> new StudyNotFoundException("named '" + name + "'"));
        int running = Boolean.TRUE.equals(force) ? 0 : storage.countTrials(id, EnumSet.of(TrialState.RUNNING));
        if (running > 0) {
            // as 'nas delete-study' without --force: a search running on it would die at its next write
            json(exchange, 409, Map.of("error", "study '" + name + "' has " + running + " RUNNING trial"
                    + (running == 1 ? "" : "s") + ": a search may be running on it; stop it first, or delete it anyway"
                    + " with 'nas delete-study --study " + name + " --force'", "running", running));
            return;
        }
        storage.deleteStudy(id);
        cache.forget(name);
        LOG.log(System.Logger.Level.INFO, "study '" + name + "' deleted from the dashboard");
        json(exchange, 200, Map.of("deleted", name));
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    private void staticFile(HttpExchange exchange, String name) throws IOException {
        byte[] body = Pages.asset(name);
        if (body == null) {
            send(exchange, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        exchange.getResponseHeaders().set("Cache-Control", "max-age=3600");
        send(exchange, 200, Pages.contentType(name), body);
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, status, "application/json; charset=utf-8", Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static String withoutToken(URI uri) {
        String raw = uri.getRawQuery();
        StringBuilder q = new StringBuilder();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (!pair.startsWith("token=") && !pair.isEmpty()) {
                    q.append(q.length() == 0 ? "?" : "&").append(pair);
                }
            }
        }
        return uri.getRawPath() + q;
    }
}
