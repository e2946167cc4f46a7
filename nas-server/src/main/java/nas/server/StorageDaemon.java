package nas.server;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import nas.storage.FileIdentity;
import nas.storage.JdbcStorage;

/**
 * The life of the process that owns a database file: take the owner lock, open the file (H2
 * without {@code AUTO_SERVER}: nobody else ever opens it), serve it, publish the endpoint file,
 * and stop when idle for the given time, when the database file is deleted, or when the process
 * is asked to stop. On stopping, everything is committed and the endpoint file removed.
 *
 * <p>In front of a database elsewhere (PostgreSQL) the same life serves it through a limited pool
 * of connections, its files in the user's server directory ({@link ServerFiles#forDatabase}).
 */
public final class StorageDaemon {

    /** What happened to a start. */
    public enum Outcome {
        /** Served until idle, stopped or the file was removed. */
        SERVED,
        /** Another process owns the database; nothing was done. */
        OWNED_ELSEWHERE
    }

    /**
     * The method that compacts the served H2 file ({@link JdbcStorage#compact}): the server's other calls wait
     * meanwhile, then go on. Its result: {@code bytesBefore}, {@code bytesAfter}, {@code bytesNeeded},
     * {@code waitSeconds}, {@code seconds}.
     */
    public static final String COMPACT = "server.compact";

    /** How long a starting server waits for the owner lock (a client may be probing it). */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(5);

    private final String url;
    private final ServerFiles files;
    private final InetAddress address;
    private final int port;
    private final Duration idleTimeout;
    private final int connectionLimit;
    private final PrintStream log;
    private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
    /** The database file served (null for a database elsewhere); replaced by this process's own compaction. */
    private FileIdentity served;

    /**
     * @param url             the database URL to open (as the user gave it): an H2 file or PostgreSQL
     * @param address         where to listen
     * @param port            the TCP port (0: any free one)
     * @param idleTimeout     stop after this long without a request (zero: never)
     * @param connectionLimit at most this many database connections at once (0: one per concurrent call)
     * @param log             where to say what it does
     */
    public StorageDaemon(String url, InetAddress address, int port, Duration idleTimeout, int connectionLimit,
            PrintStream log) {
        this.url = url;
        this.files = ServerFiles.forDatabase(url);
        this.address = address;
        this.port = port;
        this.idleTimeout = idleTimeout;
        this.connectionLimit = connectionLimit;
        this.log = log;
    }

    /** Its files: endpoint and secret, lock, log. */
    public ServerFiles files() {
        return files;
    }

    /** Serves until it should stop; {@code mount} adds pages to the server before it is announced. */
    public Outcome run(Consumer<StorageServer> mount) throws IOException, InterruptedException {
        files.createDirectory();
        Optional<OwnerLock> lock = acquire();
        if (lock.isEmpty()) {
            return Outcome.OWNED_ELSEWHERE;
        }
        try (OwnerLock held = lock.get()) {
            if (files.besideDatabaseFile()) {
                createOwnerOnly(files.database());
            }
            ServerSecret secret = ServerSecret.random();
            try (JdbcStorage storage = JdbcStorage.openForServer(url, connectionLimit);
                    StorageServer server = StorageServer.start(storage, address, port, secret)) {
                RunStoreMethods.register(server.rpc(), storage.runs());
                if (files.besideDatabaseFile()) {
                    server.rpc().register(COMPACT, args -> compact(storage));
                }
                mount.accept(server);
                ServerEndpoint endpoint = server.endpoint(secret);
                Thread stopper = new Thread(() -> stop(server, storage), "nas-server-stop");
                Runtime.getRuntime().addShutdownHook(stopper);
                endpoint.write(files.endpoint());
                log.printf("%s nas server: serving %s on %s:%d (pid %d; endpoint and secret in %s)%n", Instant.now(),
                        files.besideDatabaseFile() ? files.database() : storage.shownName(), endpoint.host(),
                        endpoint.port(), endpoint.pid(), files.endpoint());
                log.flush();
                synchronized (this) {
                    served = files.besideDatabaseFile() ? FileIdentity.of(files.database()) : null;
                }
                String why = awaitStop(server);
                log.printf("%s nas server: stopping (%s)%n", Instant.now(), why);
                log.flush();
                stop(server, storage);
                Runtime.getRuntime().removeShutdownHook(stopper);
            }
        }
        return Outcome.SERVED;
    }

    private Optional<OwnerLock> acquire() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (true) {
            Optional<OwnerLock> lock = OwnerLock.tryAcquire(files.lock());
            if (lock.isPresent() || System.nanoTime() > deadline) {
                return lock;
            }
            Thread.sleep(50);
        }
    }

    /** A new database file is created owner-only, so other users cannot read the studies in it. */
    private static void createOwnerOnly(Path database) throws IOException {
        if (Files.notExists(database)) {
            Files.createDirectories(database.toAbsolutePath().getParent());
            try {
                Files.createFile(database, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another program made it meanwhile; opening it will tell
            }
        }
    }

    /** Why to stop: idle too long, or the database file ({@code served}, when local) removed or replaced. */
    private String awaitStop(StorageServer server) throws InterruptedException {
        while (true) {
            Thread.sleep(500);
            synchronized (this) {
                if (served != null && !served.unchanged()) {
                    return "the database file was removed or replaced";
                }
            }
            long idle = System.nanoTime() - server.rpc().lastCallNanos();
            if (!idleTimeout.isZero() && idle > idleTimeout.toNanos()) {
                return "idle for " + idleTimeout.toSeconds() + " s";
            }
        }
    }

    /**
     * Compacts the served file; the file it replaces it with is this server's own (not a file removed or replaced
     * behind its back), so it goes on serving it. Only one compaction at a time.
     */
    private synchronized java.util.Map<String, Object> compact(JdbcStorage storage) {
        boolean ours = served == null || served.unchanged();
        log.printf("%s nas server: compacting %s (other calls wait)%n", Instant.now(), files.database());
        log.flush();
        JdbcStorage.Compaction done;
        try {
            done = storage.compact();
        } catch (RuntimeException e) {
            log.printf("%s nas server: not compacted: %s%n", Instant.now(), e.getMessage());
            log.flush();
            throw e;
        }
        if (ours) {
            served = FileIdentity.of(files.database());
        }
        log.printf(java.util.Locale.ROOT, "%s nas server: compacted %s: %d -> %d bytes in %.1f s (waited %.1f s for "
                + "the calls in progress; asked for %d bytes free)%n", Instant.now(), files.database(), done.bytesBefore(),
                done.bytesAfter(), done.nanos() / 1e9, done.waitNanos() / 1e9, done.bytesNeeded());
        log.flush();
        java.util.Map<String, Object> result = new java.util.LinkedHashMap<>();
        result.put("bytesBefore", done.bytesBefore());
        result.put("bytesAfter", done.bytesAfter());
        result.put("bytesNeeded", done.bytesNeeded());
        result.put("waitSeconds", done.waitNanos() / 1e9);
        result.put("seconds", done.nanos() / 1e9);
        return result;
    }

    private void stop(StorageServer server, JdbcStorage storage) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        server.close();
        log.printf("%s nas server: served %d calls with at most %d database connections at once%n", Instant.now(),
                server.rpc().calls(), storage.mostConnectionsInUse());
        log.flush();
        storage.close();
        Optional<ServerEndpoint> published = ServerEndpoint.read(files.endpoint());
        if (published.isPresent() && published.get().pid() == ProcessHandle.current().pid()) {
            try {
                Files.deleteIfExists(files.endpoint());
            } catch (IOException e) {
                // a stale endpoint file is recognised by its dead port
            }
        }
    }
}
