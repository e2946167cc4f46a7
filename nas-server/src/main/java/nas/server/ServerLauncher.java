package nas.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nas.api.exception.StorageDamagedException;
import nas.api.exception.StorageException;

/**
 * Finds the live server of a database, starting one when there is none: a detached daemon
 * process (its own session, so a terminal's Ctrl-C does not reach it) logging to the file next to
 * the database, waited for until it answers. Several clients starting at once may each start a
 * daemon; the owner lock lets exactly one of them serve, and all clients find that one.
 */
public final class ServerLauncher {

    private static final Duration START_BUDGET = Duration.ofSeconds(60);
    /** The exit code of a server that refused its input (a damaged file, a bad option): the CLI's exit 2. */
    private static final int REFUSED = 2;

    private final ServerFiles files;
    private final List<String> daemonCommand;

    /**
     * @param files         the database's server files
     * @param daemonCommand the command line that runs a server on it as a daemon
     */
    public ServerLauncher(ServerFiles files, List<String> daemonCommand) {
        this.files = files;
        this.daemonCommand = List.copyOf(daemonCommand);
    }

    /**
     * A storage talking to the server in front of a database elsewhere (PostgreSQL) when one
     * answers now; empty when none does (the caller then connects to the database itself). Such a
     * server is started by hand ({@code nas server}), never by a client: if it goes away, calls wait
     * for it to come back for a while, then fail.
     */
    public static Optional<RemoteStorage> connectIfServed(ServerFiles files) {
        ServerLauncher launcher = new ServerLauncher(files, List.of());
        Optional<ServerEndpoint> published = ServerEndpoint.read(files.endpoint());
        if (published.isEmpty() || !launcher.answers(published.get())) {
            return Optional.empty();
        }
        return Optional.of(launcher.connect());
    }

    /** A storage talking to the database's server, which is started if needed and restarted if it goes away. */
    public RemoteStorage connect() {
        return new RemoteStorage(client(START_BUDGET));
    }

    /**
     * A client of the database's server (started if needed) that names the database in its messages.
     *
     * @param reconnectBudget how long a call keeps trying to reach a server
     * @return the client
     */
    public RpcClient client(Duration reconnectBudget) {
        return new RpcClient(this::liveEndpoint, reconnectBudget, files.database().toString());
    }

    /** The endpoint of the database's live server, started if there is none. */
    public ServerEndpoint liveEndpoint() {
        long deadline = System.nanoTime() + START_BUDGET.toNanos();
        Process daemon = null;
        try {
            while (true) {
                Optional<ServerEndpoint> published = ServerEndpoint.read(files.endpoint());
                if (published.isPresent() && answers(published.get())) {
                    return published.get();
                }
                if (daemonCommand.isEmpty()) {
                    if (System.nanoTime() > deadline) {
                        throw new StorageException("the storage server of " + files.endpoint() + " stopped and no other "
                                + "answered within " + START_BUDGET.toSeconds() + " s (start it again with nas server)");
                    }
                    Thread.sleep(100);
                    continue;
                }
                if ((daemon == null || !daemon.isAlive()) && !OwnerLock.isHeld(files.lock())) {
                    if (daemon != null && daemon.exitValue() == REFUSED) {
                        throw refusal(lastLines(files.log(), 1).replaceFirst("^nas: ", ""));
                    }
                    if (daemon != null && daemon.exitValue() != 0 && !killed(daemon)) {
                        throw new StorageException("the storage server for " + files.database() + " did not start: "
                                + lastLines(files.log(), 3) + " (log: " + files.log() + ")");
                    }
                    daemon = startDaemon();
                }
                if (System.nanoTime() > deadline) {
                    throw new StorageException("no storage server for " + files.database() + " answered within "
                            + START_BUDGET.toSeconds() + " s (log: " + files.log() + ")");
                }
                Thread.sleep(25);
            }
        } catch (IOException e) {
            throw new StorageException("cannot start a storage server for " + files.database() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while starting the storage server", e);
        }
    }

    /**
     * Whether the daemon ended by a signal (SIGKILL, SIGTERM: exit code 128 + signal): it did not refuse to start and
     * may have served already (this launcher may still have been waiting for its answer), so another is started.
     */
    private static boolean killed(Process daemon) {
        return daemon.exitValue() > 128;
    }

    /** Whether a server answers at {@code endpoint} and accepts its secret. */
    boolean answers(ServerEndpoint endpoint) {
        // a connection of its own, closed after: a launcher asks rarely (at start and after losing its server)
        try (RpcTransport pings = new RpcTransport(2_000, 10_000);
                RpcTransport.Exchange reply = pings.post(endpoint, "/rpc/" + StorageServer.PING,
                        new String[] {"Authorization", "Bearer " + endpoint.secret()},
                        "{}".getBytes(StandardCharsets.UTF_8))) {
            reply.body().readAllBytes();
            return reply.status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private Process startDaemon() throws IOException {
        Path log = files.log();
        if (Files.notExists(log)) {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.createFile(log, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            // a session of its own: the terminal's signals (Ctrl-C, hang-up) are not the daemon's
            command.add("/usr/bin/setsid");
        }
        // files the daemon creates (database, H2's trace file) are owner-only
        command.addAll(List.of("/bin/sh", "-c", "umask 077 && exec \"$0\" \"$@\""));
        command.addAll(daemonCommand);
        return new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true).start();
    }

    /**
     * What a server that refused the database said, as the error it was on the server: a damaged
     * file (its message names the last trial known to be stored) or another bad input.
     */
    private static RuntimeException refusal(String message) {
        return message.contains(StorageDamagedException.LAST_STORED) ? new StorageDamagedException(message)
                : new IllegalArgumentException(message);
    }

    private static String lastLines(Path file, int n) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join(" / ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
