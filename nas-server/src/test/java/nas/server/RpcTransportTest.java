package nas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client side of the protocol against a bare socket server that answers each request as the
 * test says: which calls share a connection, and what happens when the server closes one.
 */
class RpcTransportTest {

    /** What the server does with a request: reply (and keep or close the connection), or break off. */
    private enum Answer { REPLY, REPLY_AND_CLOSE, BREAK_OFF }

    private final ScriptedServer server = new ScriptedServer();
    private final RpcTransport transport = new RpcTransport(5_000, 10_000);

    @AfterEach
    void stop() throws IOException {
        transport.close();
        server.close();
    }

    @Test
    void callsWhoseRepliesWereReadShareOneConnection() throws Exception {
        server.answers(Answer.REPLY, Answer.REPLY, Answer.REPLY);
        for (int i = 0; i < 3; i++) {
            assertThat(call("n" + i)).isEqualTo("echo n" + i);
        }
        assertThat(server.connections).hasValue(1);
        assertThat(server.requests).containsExactly("n0", "n1", "n2");
    }

    @Test
    void aConnectionTheServerClosedMeanwhileIsReplacedAndTheRequestSentOnTheNewOne() throws Exception {
        server.answers(Answer.REPLY_AND_CLOSE, Answer.REPLY);
        assertThat(call("first")).isEqualTo("echo first");
        server.awaitClosed();
        assertThat(call("second")).isEqualTo("echo second");
        assertThat(server.connections).hasValue(2);
        // the server saw the second request once: on the new connection
        assertThat(server.requests).containsExactly("first", "second");
    }

    @Test
    void aReplyBrokenOffIsAnErrorAndItsConnectionIsNotUsedAgain() throws Exception {
        server.answers(Answer.BREAK_OFF, Answer.REPLY);
        try (RpcTransport.Exchange reply = post("cut")) {
            assertThat(reply.status()).isEqualTo(200);
            assertThatThrownBy(() -> reply.body().readAllBytes()).isInstanceOf(EOFException.class);
        }
        assertThat(call("after")).isEqualTo("echo after");
        assertThat(server.connections).hasValue(2);
    }

    @Test
    void aReplyLeftUnreadClosesItsConnection() throws Exception {
        server.answers(Answer.REPLY, Answer.REPLY);
        try (RpcTransport.Exchange reply = post("unread")) {
            assertThat(reply.status()).isEqualTo(200);
        }
        assertThat(call("next")).isEqualTo("echo next");
        assertThat(server.connections).hasValue(2);
    }

    @Test
    void aServerThatIsGoneIsAConnectionError() throws Exception {
        server.close();
        assertThatThrownBy(() -> post("anyone?")).isInstanceOf(java.net.ConnectException.class);
    }

    private String call(String body) throws IOException {
        try (RpcTransport.Exchange reply = post(body)) {
            return new String(reply.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private RpcTransport.Exchange post(String body) throws IOException {
        return transport.post(server.endpoint(), "/rpc/test", new String[] {"Authorization", "Bearer x"},
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** Accepts connections and answers requests, in order, as scripted. */
    private static final class ScriptedServer implements AutoCloseable {
        private final ServerSocket socket;
        private final BlockingQueue<Answer> script = new LinkedBlockingQueue<>();
        private final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger connections = new AtomicInteger();
        private final java.util.concurrent.Semaphore closed = new java.util.concurrent.Semaphore(0);
        private final Thread thread;

        ScriptedServer() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            thread = new Thread(this::serve, "scripted-server");
            thread.setDaemon(true);
            thread.start();
        }

        void answers(Answer... answers) {
            script.addAll(List.of(answers));
        }

        ServerEndpoint endpoint() {
            return new ServerEndpoint("127.0.0.1", socket.getLocalPort(), "x", 0);
        }

        void awaitClosed() throws InterruptedException {
            assertThat(closed.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket c = socket.accept()) {
                    connections.incrementAndGet();
                    answerOn(c);
                } catch (IOException e) {
                    // the test closed the server, or the client its connection
                }
                closed.release();
            }
        }

        private void answerOn(Socket c) throws IOException {
            InputStream in = new BufferedInputStream(c.getInputStream());
            OutputStream out = c.getOutputStream();
            while (true) {
                String body = readRequest(in);
                if (body == null) {
                    return;
                }
                requests.add(body);
                Answer answer = script.poll();
                byte[] reply = ("echo " + body).getBytes(StandardCharsets.UTF_8);
                if (answer == Answer.BREAK_OFF) {
                    out.write(("HTTP/1.1 200 OK\r\nContent-length: " + (reply.length + 10) + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.write(reply);
                    out.flush();
                    return;
                }
                out.write(("HTTP/1.1 200 OK\r\nContent-type: text/plain\r\nContent-length: " + reply.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(reply);
                out.flush();
                if (answer != Answer.REPLY) {
                    return;
                }
            }
        }

        /** The body of the next request, or null when the client closed the connection. */
        private static String readRequest(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.append((char) b);
            }
            int length = 0;
            for (String line : head.toString().split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring("content-length:".length()).trim());
                }
            }
            return new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
            try {
                // the listening socket is gone only once the thread blocked in accept has left it
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
