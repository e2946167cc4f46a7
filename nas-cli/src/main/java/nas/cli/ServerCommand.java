package nas.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import nas.dashboard.AccessToken;
import nas.dashboard.Dashboard;
import nas.dashboard.DashboardOptions;
import nas.server.ServerFiles;
import nas.server.StorageDaemon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nas server}: the one process that owns an H2 file and serves it to every other command.
 * Commands start one by themselves when none runs; this command runs one in the foreground. In
 * front of PostgreSQL it serves the same calls through a few pooled connections.
 */
@Command(name = "server", sortOptions = false,
        description = {"Own an H2 database file and serve its studies to other nas processes on this machine.",
            "Other commands on the file start a server by themselves when none runs (it exits after "
                + StorageOptions.DAEMON_IDLE_SECONDS + " s without requests); run this to keep one in the foreground.",
            "Given a PostgreSQL URL, it serves that database through at most --connections connections; every "
                + "command on this machine given the same URL then goes through it.",
            "It listens on 127.0.0.1 only; each request must carry a secret, readable by its owner only, kept "
                + "beside the database as NAME.nas-server for NAME.mv.db (for PostgreSQL in ~/.nas/servers, or $"
                + ServerFiles.DIR_ENV + ")."})
public final class ServerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0",
            description = "TCP port (default 0: any free port; clients find it in the server file).")
    int port;

    @Option(names = "--idle-timeout", paramLabel = "S", defaultValue = "0",
            description = "Stop after S seconds without requests (default 0: run until stopped).")
    double idleTimeout;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default 127.0.0.1). Any other address is reachable from other "
                    + "machines, without TLS: see the README.")
    String bind;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "8",
            description = "PostgreSQL: at most N connections to the database, shared by every worker (default 8, at most 1024).")
    int connections;

    @Option(names = "--daemon", hidden = true, description = "Started by another command: quiet when a server already runs.")
    boolean daemon;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            throw new Nas.BadInputException("--port must be in 0..65535, but got " + port);
        }
        if (!(idleTimeout >= 0)) {
            throw new Nas.BadInputException("--idle-timeout must be >= 0 seconds, but got " + idleTimeout);
        }
        Nas.requireAtMostMaxSeconds("--idle-timeout", idleTimeout);
        if (connections < 1) {
            throw new Nas.BadInputException("--connections must be >= 1, but got " + connections);
        }
        Nas.requireAtMost("--connections", connections, nas.api.Limits.MAX_THREADS);
        checkServable(storage.url());
        boolean postgres = StorageOptions.isPostgres(storage.url());
        if (storage.h2File().isEmpty() && !postgres) {
            throw new Nas.BadInputException("nas server serves an H2 file or a PostgreSQL database; "
                    + storage.shownName() + " is neither");
        }
        StorageOptions.refuseDirectory(storage.url());
        InetAddress address = address(bind);
        if (!address.isLoopbackAddress()) {
            err.println("nas server: WARNING: listening on " + address.getHostAddress() + ", reachable from other "
                    + "machines; requests are not encrypted (no TLS), so anyone on the network path can read the secret "
                    + "and the studies. Prefer 127.0.0.1 with an SSH tunnel, or PostgreSQL across machines.");
        }
        StorageDaemon server;
        try {
            server = new StorageDaemon(storage.url(), address, port, Duration.ofMillis(Math.round(idleTimeout * 1000)),
                    postgres ? connections : 0, System.err);
        } catch (IllegalArgumentException e) {
            throw new Nas.BadInputException("--storage: " + e.getMessage(), e);
        }
        StorageDaemon.Outcome outcome;
        try {
            outcome = server.run(s -> {
                // nas dashboard on this file asks this process to serve it (it owns the file)
                HostedDashboards.register(s.rpc(), s.storage());
                // nas trials --format csv|json: the rows are written here and streamed
                TrialExport.register(s.rpc(), s.storage());
                if (!daemon) {
                    // the web dashboard on the same port, over the same storage
                    DashboardOptions options = DashboardOptions.of(AccessToken.random());
                    Dashboard.mount(s.http(), s.storage(), options);
                    err.println("nas server: dashboard at http://" + address.getHostAddress() + ":" + s.port()
                            + "/?token=" + options.token().value());
                    err.flush();
                }
            });
        } catch (java.net.BindException e) {
            throw new Nas.BadInputException("cannot listen on " + address.getHostAddress() + ":" + port + ": "
                    + e.getMessage() + " (is the port in use, or the address not one of this machine's? pick another "
                    + "with --port or --bind)", e);
        }
        if (outcome == StorageDaemon.Outcome.OWNED_ELSEWHERE && !daemon) {
            throw new Nas.BadInputException("another process owns " + storage.shownName() + ": a server already runs on "
                    + "it (see "
                    + server.files().endpoint() + ")");
        }
        return Nas.OK;
    }

    /** A file served by NAS is never shared through H2's own server mode. */
    static void checkServable(String url) {
        if (url.toLowerCase(Locale.ROOT).contains("auto_server=true")) {
            throw new Nas.BadInputException("AUTO_SERVER=TRUE is not supported: nas serves an H2 file from one process "
                    + "(nas server, started on demand); remove it from " + url);
        }
    }

    private static InetAddress address(String bind) {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new Nas.BadInputException("--bind: unknown address '" + bind + "'");
        }
    }
}
