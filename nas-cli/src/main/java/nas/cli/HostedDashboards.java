package nas.cli;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nas.api.storage.Storage;
import nas.dashboard.AccessToken;
import nas.dashboard.DashboardOptions;
import nas.dashboard.DashboardServer;
import nas.server.RpcHandler;

/**
 * Dashboards served by the storage server that owns an H2 file, each on an address of its own, for the
 * {@code nas dashboard} processes of that file: one process owns the file and serves both the workers and the
 * browsers, and the dashboard reads the studies in that process (a large study is not copied over the wire).
 *
 * <p>A {@code nas dashboard} process opens its dashboard here with a token it chose, then renews it every few
 * seconds; a dashboard not renewed for {@link #LEASE} is closed (its process died), and one closed with the
 * process's Ctrl+C goes at once. Renewals are storage-server calls, so they also keep an auto-started server
 * from stopping while its dashboard is open.
 */
final class HostedDashboards {

    static final String OPEN = "dashboard.open";
    static final String RENEW = "dashboard.renew";
    static final String CLOSE = "dashboard.close";
    /** How long a dashboard stays open without a renewal; clients renew every {@link #RENEW_EVERY}. */
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration RENEW_EVERY = Duration.ofSeconds(5);

    private final Storage storage;
    private final Map<String, Hosted> byToken = new ConcurrentHashMap<>();

    private record Hosted(DashboardServer server, AtomicLong renewedAt) {
    }

    private HostedDashboards(Storage storage) {
        this.storage = storage;
    }

    /** Offers {@link #OPEN}, {@link #RENEW} and {@link #CLOSE} on {@code rpc} over {@code storage}. */
    static void register(RpcHandler rpc, Storage storage) {
        HostedDashboards d = new HostedDashboards(storage);
        rpc.register(OPEN, args -> d.open(args.getString("token"), args.getString("host"), args.getInt("port"),
                args.getBoolean("allow_write")));
        rpc.register(RENEW, args -> d.renew(args.getString("token")));
        rpc.register(CLOSE, args -> d.close(args.getString("token")));
        ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nas-dashboard-leases");
            t.setDaemon(true);
            return t;
        });
        reaper.scheduleWithFixedDelay(d::closeExpired, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Serves a dashboard on {@code host:port}; returns its address (without the token) and this process's id.
     * Opening again with the same token answers the dashboard already open.
     *
     * @throws IllegalArgumentException when the address cannot be bound (the port is in use)
     */
    private synchronized Map<String, Object> open(String token, String host, int port, boolean allowWrite) {
        Hosted h = byToken.get(token);
        if (h == null) {
            DashboardServer server;
            try {
                server = DashboardServer.start(storage, host, port,
                        DashboardOptions.of(AccessToken.of(token)).withAllowWrite(allowWrite));
            } catch (UncheckedIOException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            h = new Hosted(server, new AtomicLong(System.nanoTime()));
            byToken.put(token, h);
        }
        return Map.of("url", h.server().baseUrl(), "pid", ProcessHandle.current().pid());
    }

    /** Whether the dashboard is (still) open here; renews its lease. */
    private boolean renew(String token) {
        Hosted h = byToken.get(token);
        if (h == null) {
            return false;
        }
        h.renewedAt().set(System.nanoTime());
        return true;
    }

    private boolean close(String token) {
        Hosted h = byToken.remove(token);
        if (h != null) {
            h.server().close();
        }
        return h != null;
    }

    private void closeExpired() {
        long now = System.nanoTime();
        byToken.forEach((token, h) -> {
            if (now - h.renewedAt().get() > LEASE.toNanos()) {
                close(token);
            }
        });
    }
}
