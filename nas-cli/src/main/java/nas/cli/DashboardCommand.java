package nas.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import nas.api.storage.Storage;
import nas.dashboard.AccessToken;
import nas.dashboard.DashboardOptions;
import nas.dashboard.DashboardServer;
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
                + "cannot read the studies without it. Read-only unless --allow-write."},
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
        Storage store = storage.openExisting();
        DashboardServer server;
        try {
            server = DashboardServer.start(store, host, port, DashboardOptions.of(AccessToken.random()).withAllowWrite(allowWrite));
        } catch (UncheckedIOException e) {
            store.close();
            throw new Nas.BadInputException(e.getMessage() + (port != 0 ? " (is the port in use? pick another with --port)" : ""));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl+C: stop serving; the database closes itself as the JVM exits (closing it here as well would race
        // the database's own exit hook)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "nas-dashboard-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("NAS dashboard of " + storage.shownName() + (allowWrite ? " (writes allowed)" : " (read-only)"));
        out.println("open " + server.url());
        out.flush();
        err.println("press Ctrl+C to stop");
        err.flush();
        stopped.await();
        return Nas.OK;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new Nas.BadInputException("unknown host '" + host + "'");
        }
    }
}
