package nas.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import nas.api.exception.StorageException;
import nas.api.storage.Storage;
import nas.dashboard.AccessToken;
import nas.dashboard.DashboardOptions;
import nas.dashboard.DashboardServer;
import nas.server.RpcClient;
import nas.server.ServerEndpoint;
import nas.server.ServerLauncher;
import nas.storage.JdbcStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nas dashboard}: the web UI over a storage, until stopped. */
@Command(name = "dashboard", sortOptions = false,
        description = {"Serve the web dashboard over a storage: every study with live plots (history, Pareto front, "
                + "learning curves, parallel coordinates, slices, contours, importance, EDF, timeline), a trial table and "
                + "trial pages, Evolution Lab creature replays, and the JSON API behind them. Runs until Ctrl+C.",
            "The address printed at start carries a random access token (?token=...): other users of the machine "
                + "cannot read the studies without it. Read-only unless --allow-write.",
            "On an H2 file, the storage server that owns the file (see nas server) serves the dashboard, beside the "
                + "searches running on it; this command keeps it open until Ctrl+C. An H2 file you cannot write "
                + "(another user's, read-only) is served read-only by this command itself."},
        footer = {"%nExamples:", "  nas dashboard", "  nas dashboard --storage jdbc:h2:./runs --port 8081"})
public final class DashboardCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "TCP port (default 8080; 0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default 127.0.0.1, this machine only). Any other prints a warning.")
    String host;

    @Option(names = "--allow-write", description = "Allow deleting studies from the UI (each deletion asks for the study's name).")
    boolean allowWrite;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new Nas.BadInputException("--port must be 0..65535, but got " + port);
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!isLoopback(host)) {
            err.println("nas: warning: --host " + host + " lets other machines reach the dashboard; anyone with the token "
                    + "can read every study (and delete them with --allow-write)");
            err.flush();
        }
        if (storage.readOnly()) {
            // a file this user cannot write (another user's, an archive): read-only, served here
            if (allowWrite) {
                throw new Nas.BadInputException("--allow-write: " + JdbcStorage.whyNotWritable(storage.url()).orElseThrow()
                        + "; serve it without --allow-write");
            }
            return servedHere(storage.openForReading());
        }
        // on an H2 file the server that owns it serves the dashboard (and stays up while it is open)
        Optional<ServerLauncher> owner = storage.existingServer();
        return owner.isPresent() ? servedByOwner(owner.get()) : servedHere(storage.openExisting());
    }

    /**
     * Another database (PostgreSQL), or an H2 file this user can only read: this process serves the dashboard,
     * reading the database directly.
     */
    private int servedHere(Storage store) throws InterruptedException {
        DashboardServer server;
        try {
            server = DashboardServer.start(store, host, port, DashboardOptions.of(AccessToken.random()).withAllowWrite(allowWrite));
        } catch (UncheckedIOException e) {
            store.close();
            throw new Nas.BadInputException(e.getMessage() + portHint());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl+C: stop serving; the database closes itself as the JVM exits (closing it here as well would race
        // the database's own exit hook)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "nas-dashboard-stop"));
        announce(server.url(), "");
        stopped.await();
        return Nas.OK;
    }

    /**
     * An H2 file: the storage server that owns it (started if none runs) serves the dashboard, so that it reads
     * the studies in the process that owns them, beside the searches; this process keeps it open until Ctrl+C.
     */
    private int servedByOwner(ServerLauncher launcher) throws InterruptedException {
        RpcClient rpc;
        try {
            rpc = launcher.client(Duration.ofSeconds(60));
        } catch (StorageException e) {
            throw new Nas.BadInputException(e.getMessage(), e);
        }
        AccessToken token = AccessToken.random();
        Map<String, Object> request = Map.of("token", token.value(), "host", host, "port", port, "allow_write", allowWrite);
        Map<?, ?> opened = open(rpc, request);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean closing = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closing.set(true);
            try {
                rpc.call(HostedDashboards.CLOSE, Map.of("token", token.value()), RpcClient.Kind.REPEATABLE);
            } catch (RuntimeException e) {
                // the server is gone, and its dashboard with it
            }
            stopped.countDown();
        }, "nas-dashboard-stop"));
        announce(opened.get("url") + "?token=" + token.value(), ", served by the storage server of the file (pid "
                + opened.get("pid") + ")");
        PrintWriter err = spec.commandLine().getErr();
        while (!stopped.await(HostedDashboards.RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
            try {
                boolean open = Boolean.TRUE.equals(rpc.call(HostedDashboards.RENEW, Map.of("token", token.value()),
                        RpcClient.Kind.REPEATABLE));
                if (!open && !closing.get()) {
                    // the storage server was restarted: the new one serves the dashboard again, with the same token
                    opened = open(rpc, request);
                    err.println("nas: the storage server restarted; the dashboard is at " + opened.get("url")
                            + "?token=" + token.value() + " (pid " + opened.get("pid") + ")");
                    err.flush();
                }
            } catch (RuntimeException e) {
                err.println("nas: warning: the dashboard could not be kept open: " + e.getMessage());
                err.flush();
            }
        }
        return Nas.OK;
    }

    private Map<?, ?> open(RpcClient rpc, Map<String, Object> request) {
        try {
            return (Map<?, ?>) rpc.call(HostedDashboards.OPEN, request, RpcClient.Kind.REPEATABLE);
        } catch (IllegalArgumentException e) {
            throw new Nas.BadInputException(e.getMessage() + portHint(), e);
        } catch (StorageException e) {
            throw new Nas.BadInputException(e.getMessage(), e);
        }
    }

    private String portHint() {
        return port != 0 ? " (is the port in use? pick another with --port)" : "";
    }

    private void announce(String url, String servedBy) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("NAS dashboard of " + storage.shownName() + (allowWrite ? " (writes allowed)" : " (read-only)") + servedBy);
        out.println("open " + url);
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println("press Ctrl+C to stop");
        err.flush();
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new Nas.BadInputException("unknown host '" + host + "'");
        }
    }
}
