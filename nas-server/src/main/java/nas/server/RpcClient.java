package nas.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import nas.api.exception.StorageException;

/**
 * Calls named methods on a server ({@link RpcHandler}). When the server cannot be reached the
 * client asks its endpoint source again (which may start a new server) and resends, for at most
 * the reconnect budget. A call that may not run twice carries a request id: if its reply is lost,
 * the resent request gets the first one's reply from the same server. Calls go over kept-alive
 * connections, on the caller's thread ({@link RpcTransport}).
 */
public final class RpcClient implements AutoCloseable {

    /** How a call may be repeated when its reply is lost. */
    public enum Kind {
        /** Reads and writes that leave the same state when repeated. */
        REPEATABLE,
        /** Writes that must run once: sent with a request id. */
        ONCE
    }

    /** What reads a streamed reply; its input's {@link IOException}s mean the reply broke off. */
    @FunctionalInterface
    public interface ReplyReader {
        void read(InputStream reply) throws IOException;
    }

    /** A reply and whether the call was sent to a server other than the first one tried. */
    public record Reply(Object result, RuntimeException error, boolean movedServer) {
    }

    private final Supplier<ServerEndpoint> endpoints;
    private final Duration reconnectBudget;
    private final String serving;
    private final RpcTransport transport = new RpcTransport(10_000, 0);
    private volatile ServerEndpoint endpoint;

    /**
     * @param endpoints       the server to talk to, asked again whenever it cannot be reached
     * @param reconnectBudget how long a call keeps trying to reach a server
     */
    public RpcClient(Supplier<ServerEndpoint> endpoints, Duration reconnectBudget) {
        this(endpoints, reconnectBudget, null);
    }

    /**
     * @param endpoints       the server to talk to, asked again whenever it cannot be reached
     * @param reconnectBudget how long a call keeps trying to reach a server
     * @param serving         what the server serves (its database), named in messages; null: its address
     */
    public RpcClient(Supplier<ServerEndpoint> endpoints, Duration reconnectBudget, String serving) {
        this.endpoints = endpoints;
        this.reconnectBudget = reconnectBudget;
        this.serving = serving;
        this.endpoint = endpoints.get();
    }

    /**
     * A server that answers but has no {@code method} (HTTP 404 from {@link RpcHandler}) was started by an older
     * NAS version than this client's: said in one line with what to do, for every method alike.
     */
    private OlderServerException older(ServerEndpoint at, String method) {
        return new OlderServerException("the storage server " + (serving != null ? "of " + serving + " (pid " + at.pid()
                + ")" : "at " + at.host() + ":" + at.port() + " (pid " + at.pid() + ")") + " was started by an older "
                + "NAS version and has no '" + method + "': stop it (kill " + at.pid() + "; one a command started also "
                + "exits after 60 s without requests) and run the command again, which starts one of this version");
    }

    /** The server in use now. */
    public ServerEndpoint endpoint() {
        return endpoint;
    }

    /** Calls {@code method}; returns its result or throws what it threw on the server. */
    public Object call(String method, Map<String, Object> args, Kind kind) {
        Reply reply = send(method, args, kind);
        if (reply.error() != null) {
            throw reply.error();
        }
        return reply.result();
    }

    /** Calls {@code method} and returns its reply, error included. */
    public Reply send(String method, Map<String, Object> args, Kind kind) {
        return send(method, Wire.write(args), "application/json", kind);
    }

    /**
     * Calls a method that reads its request body itself ({@link RpcHandler.BodyMethod}); returns its result or
     * throws what it threw on the server.
     */
    public Object callWithBody(String method, byte[] body, Kind kind) {
        Reply reply = send(method, body, RpcHandler.BODY_TYPE, kind);
        if (reply.error() != null) {
            throw reply.error();
        }
        return reply.result();
    }

    private Reply send(String method, byte[] body, String contentType, Kind kind) {
        String requestId = kind == Kind.ONCE ? UUID.randomUUID().toString() : null;
        long deadline = System.nanoTime() + reconnectBudget.toNanos();
        ServerEndpoint first = endpoint;
        IOException last = null;
        for (int attempt = 0; ; attempt++) {
            ServerEndpoint at = endpoint;
            try {
                int status;
                byte[] replyBody;
                try (RpcTransport.Exchange reply = post(at, method, body, contentType, requestId)) {
                    status = reply.status();
                    replyBody = reply.body().readAllBytes();
                }
                if (status == 401 && attempt == 0) {
                    // a server restarted with a new secret since this client last looked
                    endpoint = endpoints.get();
                    continue;
                }
                if (status == RpcHandler.NO_METHOD) {
                    throw older(at, method);
                }
                Map<String, Object> m = Wire.readObject(replyBody);
                boolean moved = !at.equals(first);
                if (m.get("error") instanceof Map<?, ?> error) {
                    return new Reply(null, WireError.toException(error, null), moved);
                }
                return new Reply(m.get("result"), null, moved);
            } catch (SocketTimeoutException e) {
                throw new StorageException("the storage server at " + at.host() + ":" + at.port()
                        + " did not answer in time", e);
            } catch (IOException e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new StorageException("the storage server at " + at.host() + ":" + at.port() + " cannot be reached ("
                        + (last instanceof ConnectException ? "connection refused" : last.toString()) + ")", last);
            }
            sleep(Math.min(500, 20L << Math.min(attempt, 5)));
            try {
                endpoint = endpoints.get();
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    /**
     * Calls a streamed method ({@link StreamMethod}) and hands its reply to {@code reader} as it
     * arrives. The call is resent only while no reply has come (a server being started); a reply
     * broken off midway throws once the reader has had the bytes that came.
     */
    public void download(String method, Map<String, Object> args, ReplyReader reader) {
        byte[] body = Wire.write(args);
        long deadline = System.nanoTime() + reconnectBudget.toNanos();
        for (int attempt = 0; ; attempt++) {
            ServerEndpoint at = endpoint;
            RpcTransport.Exchange response;
            try {
                response = post(at, method, body, "application/json", null);
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new StorageException("the storage server at " + at.host() + ":" + at.port()
                            + " cannot be reached (" + e + ")", e);
                }
                sleep(Math.min(500, 20L << Math.min(attempt, 5)));
                endpoint = endpoints.get();
                continue;
            }
            try (response) {
                InputStream in = response.body();
                if (response.status() == 401 && attempt == 0) {
                    endpoint = endpoints.get();
                    continue;
                }
                if (response.status() == RpcHandler.NO_METHOD) {
                    throw older(at, method);
                }
                if (!response.contentType().equals(RpcHandler.STREAM_TYPE)) {
                    Map<String, Object> m = Wire.readObject(in.readAllBytes());
                    if (m.get("error") instanceof Map<?, ?> error) {
                        throw WireError.toException(error, null);
                    }
                    throw new StorageException("the storage server sent no stream for " + method);
                }
                reader.read(in);
                return;
            } catch (IOException e) {
                throw new StorageException("the reply of the storage server at " + at.host() + ":" + at.port()
                        + " broke off (" + e.getMessage() + "); what was written before is incomplete", e);
            }
        }
    }

    /** Closes the connections kept for later calls (a later call opens a new one). */
    @Override
    public void close() {
        transport.close();
    }

    private RpcTransport.Exchange post(ServerEndpoint at, String method, byte[] body, String contentType,
            String requestId) throws IOException {
        String[] headers = requestId == null
                ? new String[] {"Authorization", "Bearer " + at.secret(), "Content-Type", contentType}
                : new String[] {"Authorization", "Bearer " + at.secret(), "Content-Type", contentType,
                        RpcHandler.REQUEST_ID, requestId};
        return transport.post(at, "/rpc/" + method, headers, body);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while reconnecting to the storage server", e);
        }
    }
}
