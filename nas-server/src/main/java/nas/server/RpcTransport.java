package nas.server;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * HTTP/1.1 POSTs to a storage server over kept-alive connections, each sent and its reply read on
 * the caller's own thread with a blocking socket. The JDK's {@code java.net.http.HttpClient} hands
 * every call from the caller to its worker and selector threads and back; on two cores that cost a
 * worker 0.5 ms a call when busy and 1.5 ms (up to 8 ms under load) after waiting 20 ms for its
 * objective, against 0.2 and 0.5 ms here (a storage server ping, measured side by side). A trial is
 * two calls.
 */
final class RpcTransport implements AutoCloseable {

    /** A kept connection idle longer than this is closed rather than reused: the JDK's server drops idle ones after 30 s. */
    private static final long KEEP_IDLE_NANOS = 20_000_000_000L;

    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    /** Connections waiting for their next call, the most recently used first. */
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();

    /**
     * @param connectTimeoutMillis how long to wait for a connection
     * @param readTimeoutMillis    how long to wait for each read of a reply (0: as long as it takes)
     */
    RpcTransport(int connectTimeoutMillis, int readTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /**
     * Sends {@code POST path} with {@code headers} (name, value, ...) and {@code body} to the server
     * at {@code at} and returns its reply once the status and headers have arrived. A kept
     * connection that the server has closed meanwhile is replaced by a new one, and the request sent
     * again, when no byte of a reply came on it.
     */
    Exchange post(ServerEndpoint at, String path, String[] headers, byte[] body) throws IOException {
        byte[] head = HttpReply.postHead(at.host(), at.port(), path, headers, body.length);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        Connection kept = kept(at);
        if (kept != null) {
            try {
                return kept.exchange(request);
            } catch (IOException e) {
                kept.close();
                if (kept.replyStarted) {
                    throw e;
                }
            }
        }
        return open(at).exchange(request);
    }

    /** Closes the connections kept for later calls. */
    @Override
    public void close() {
        for (Connection c = idle.poll(); c != null; c = idle.poll()) {
            c.close();
        }
    }

    /** A kept connection to {@code at} idle for less than {@link #KEEP_IDLE_NANOS}; connections too old or to another server are closed. */
    private Connection kept(ServerEndpoint at) {
        long now = System.nanoTime();
        for (Connection c = idle.poll(); c != null; c = idle.poll()) {
            if (c.host.equals(at.host()) && c.port == at.port() && now - c.idleSince < KEEP_IDLE_NANOS) {
                return c;
            }
            c.close();
        }
        return null;
    }

    private Connection open(ServerEndpoint at) throws IOException {
        Socket socket = new Socket();
        try {
            // requests and replies are small and answered at once: no waiting to fill segments (Nagle)
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(at.host(), at.port()), connectTimeoutMillis);
            socket.setSoTimeout(readTimeoutMillis);
            return new Connection(socket, at.host(), at.port());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** A call's reply; closing it hands its connection back for the next call if the body was read to its end. */
    final class Exchange implements Closeable {
        private final Connection connection;
        private final HttpReply reply;
        private boolean closed;

        private Exchange(Connection connection, HttpReply reply) {
            this.connection = connection;
            this.reply = reply;
        }

        int status() {
            return reply.status();
        }

        String contentType() {
            return reply.contentType();
        }

        InputStream body() {
            return reply.body();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (reply.keepAlive() && reply.bodyEnded()) {
                connection.idleSince = System.nanoTime();
                idle.push(connection);
            } else {
                connection.close();
            }
        }
    }

    /** One connection to a server, used by one call at a time. */
    private final class Connection {
        private final Socket socket;
        private final String host;
        private final int port;
        private final BufferedInputStream in;
        private final OutputStream out;
        private long idleSince;
        /** Whether a byte of a reply has arrived on this connection (then a failure is not a stale connection's). */
        private boolean replyStarted;

        Connection(Socket socket, String host, int port) throws IOException {
            this.socket = socket;
            this.host = host;
            this.port = port;
            this.in = new BufferedInputStream(socket.getInputStream(), 8192);
            this.out = socket.getOutputStream();
        }

        Exchange exchange(byte[] request) throws IOException {
            replyStarted = false;
            out.write(request);
            out.flush();
            in.mark(1);
            if (in.read() < 0) {
                throw new EOFException("the server closed the connection without replying");
            }
            in.reset();
            replyStarted = true;
            return new Exchange(this, HttpReply.read(in));
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a connection that is given up: nothing left to do
            }
        }
    }
}
