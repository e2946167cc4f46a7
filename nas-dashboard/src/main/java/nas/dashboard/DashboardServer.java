package nas.dashboard;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import nas.api.storage.Storage;

/** A dashboard on an HTTP server of its own ({@code nas dashboard}). */
public final class DashboardServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final DashboardOptions options;

    private DashboardServer(HttpServer server, ExecutorService executor, DashboardOptions options) {
        this.server = server;
        this.executor = executor;
        this.options = options;
    }

    /**
     * Starts serving {@code storage} on {@code host}:{@code port} (port 0 = any free port).
     *
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static DashboardServer start(Storage storage, String host, int port, DashboardOptions options) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 64);
            AtomicInteger n = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "nas-dashboard-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            Dashboard.mount(server, storage, options);
            server.start();
            return new DashboardServer(server, executor, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the dashboard on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The address of the studies page without the token. */
    public String baseUrl() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + a.getPort() + options.basePath() + "/";
    }

    /** The address to open: the studies page with the access token. */
    public String url() {
        return baseUrl() + "?token=" + options.token().value();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
