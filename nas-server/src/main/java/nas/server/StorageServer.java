package nas.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import nas.api.storage.Storage;

/**
 * Serves a storage to other processes: an HTTP server (by default on 127.0.0.1 only) whose
 * {@link RpcHandler} at {@code /rpc/} offers the storage contract ({@link StorageMethods}). Other
 * stores can register their methods on {@link #rpc()}, and other pages (the dashboard) can be
 * mounted on {@link #http()}.
 */
public final class StorageServer implements AutoCloseable {

    /** The method every server answers, with its process id: how clients tell a live server. */
    public static final String PING = "server.ping";

    static {
        // replies are written as headers then body: without TCP_NODELAY, Nagle's algorithm holds the
        // body until the client's delayed ACK (40 ms a call on Linux)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** How long {@link #close} waits for the requests in progress. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(1);

    private final HttpServer http;
    private final Storage storage;
    private final RpcHandler rpc;
    private final ThreadPoolExecutor executor;

    private StorageServer(HttpServer http, Storage storage, RpcHandler rpc, ThreadPoolExecutor executor) {
        this.http = http;
        this.storage = storage;
        this.rpc = rpc;
        this.executor = executor;
    }

    /**
     * Starts serving {@code storage} on {@code address:port} (port 0: any free port) to clients
     * presenting {@code secret}.
     */
    public static StorageServer start(Storage storage, InetAddress address, int port, ServerSecret secret)
            throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(address, port), 256);
        RpcHandler rpc = new RpcHandler("/rpc/", secret);
        rpc.register(PING, args -> ProcessHandle.current().pid());
        StorageMethods.register(rpc, storage);
        http.createContext(rpc.context(), rpc);
        // one thread per concurrent request: calls block on the database (and on group commits)
        ThreadPoolExecutor executor = (ThreadPoolExecutor) Executors.newCachedThreadPool(daemonThreads());
        http.setExecutor(executor);
        http.start();
        return new StorageServer(http, storage, rpc, executor);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "nas-server-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The loopback address, where a server listens unless told otherwise. */
    public static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    public HttpServer http() {
        return http;
    }

    /** The storage it serves. */
    public Storage storage() {
        return storage;
    }

    public RpcHandler rpc() {
        return rpc;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The endpoint clients use to reach this server with {@code secret}. */
    public ServerEndpoint endpoint(ServerSecret secret) {
        return new ServerEndpoint(http.getAddress().getAddress().getHostAddress(), port(), secret.token(),
                ProcessHandle.current().pid());
    }

    /**
     * Lets the requests being answered finish (up to a second) and stops. {@code HttpServer.stop(1)} of the
     * JDK 17 in use waits the whole second even when no request is in progress (JDK-8304065, fixed in later
     * updates), and a server stops at every idle exit and after every test that starts one: so the wait is
     * done here, only while the executor runs a request, and then the server stops at once.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (executor.getActiveCount() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        http.stop(0);
        executor.shutdown();
    }
}
