package nas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpReplyTest {

    @Test
    void aBodyOfContentLengthEndsWhereItsLengthSaysAndLeavesTheNextReplyUnread() throws IOException {
        InputStream in = stream("HTTP/1.1 200 OK\r\nContent-type: application/json\r\nContent-length: 13\r\n\r\n"
                + "{\"result\":42}HTTP/1.1 401 Unauthorized\r\nContent-length: 0\r\n\r\n");
        HttpReply reply = HttpReply.read(in);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/json");
        assertThat(reply.bodyEnded()).isFalse();
        assertThat(text(reply.body())).isEqualTo("{\"result\":42}");
        assertThat(reply.bodyEnded()).isTrue();
        assertThat(reply.keepAlive()).isTrue();
        HttpReply next = HttpReply.read(in);
        assertThat(next.status()).isEqualTo(401);
        assertThat(next.bodyEnded()).isTrue();
    }

    @Test
    void aChunkedBodyIsJoinedAcrossChunksWithExtensionsAndEndsAfterTheLastChunk() throws IOException {
        // chunks of 5 and 0x10 = 16 bytes, the first with an extension, then the last (size 0) and no trailers
        InputStream in = stream("HTTP/1.1 200 OK\r\nTransfer-encoding: chunked\r\nContent-type: application/octet-stream\r\n\r\n"
                + "5;x=y\r\nhello\r\n10\r\n, chunked world!\r\n0\r\n\r\nrest");
        HttpReply reply = HttpReply.read(in);
        assertThat(reply.contentType()).isEqualTo(RpcHandler.STREAM_TYPE);
        assertThat(text(reply.body())).isEqualTo("hello, chunked world!");
        assertThat(reply.bodyEnded()).isTrue();
        assertThat(reply.keepAlive()).isTrue();
        assertThat(text(in)).isEqualTo("rest");
    }

    @Test
    void aChunkedBodyCutOffBeforeItsLastChunkIsAnErrorNotAnEnd() throws IOException {
        HttpReply midChunk = HttpReply.read(stream("HTTP/1.1 200 OK\r\nTransfer-encoding: chunked\r\n\r\n5\r\nhel"));
        assertThatThrownBy(() -> midChunk.body().readAllBytes()).isInstanceOf(EOFException.class);
        HttpReply betweenChunks = HttpReply.read(stream("HTTP/1.1 200 OK\r\nTransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n"));
        assertThatThrownBy(() -> betweenChunks.body().readAllBytes()).isInstanceOf(EOFException.class);
        assertThat(betweenChunks.bodyEnded()).isFalse();
    }

    @Test
    void aFixedBodyCutOffIsAnErrorNotAnEnd() throws IOException {
        HttpReply reply = HttpReply.read(stream("HTTP/1.1 200 OK\r\nContent-length: 10\r\n\r\n12345"));
        assertThatThrownBy(() -> reply.body().readAllBytes()).isInstanceOf(EOFException.class)
                .hasMessageContaining("5 bytes before its end");
    }

    @Test
    void aBodyWithoutFramingOrAClosingServerEndsTheConnection() throws IOException {
        HttpReply unframed = HttpReply.read(stream("HTTP/1.1 200 OK\r\n\r\nall of it"));
        assertThat(text(unframed.body())).isEqualTo("all of it");
        assertThat(unframed.keepAlive()).isFalse();
        HttpReply closing = HttpReply.read(stream("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-length: 2\r\n\r\nok"));
        assertThat(text(closing.body())).isEqualTo("ok");
        assertThat(closing.keepAlive()).isFalse();
    }

    @Test
    void aReplyWithoutContentHasAnEmptyBodyThatHasEnded() throws IOException {
        HttpReply reply = HttpReply.read(stream("HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 200 OK\r\n"));
        assertThat(reply.body().read()).isEqualTo(-1);
        assertThat(reply.bodyEnded()).isTrue();
        assertThat(reply.keepAlive()).isTrue();
    }

    @Test
    void malformedNumbersAreErrorsOfTheConnection() {
        assertThatThrownBy(() -> HttpReply.read(stream("HTTP/1.1 2x0 OK\r\n\r\n"))).isInstanceOf(IOException.class)
                .hasMessageContaining("malformed reply line");
        assertThatThrownBy(() -> HttpReply.read(stream("HTTP/1.1 200 OK\r\nContent-length: -3\r\n\r\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("Content-length: -3");
        assertThatThrownBy(() -> HttpReply.read(stream("HTTP/1.1 200 OK\r\nTransfer-encoding: chunked\r\n\r\nzz\r\n"))
                .body().read()).isInstanceOf(IOException.class).hasMessageContaining("'zz'");
    }

    @Test
    void whatIsNotAnHttpReplyIsRefused() {
        assertThatThrownBy(() -> HttpReply.read(stream("SSH-2.0-OpenSSH\r\n\r\n"))).isInstanceOf(IOException.class)
                .hasMessageContaining("not an HTTP reply");
        assertThatThrownBy(() -> HttpReply.read(stream("HTTP/1.1 200 OK\r\nContent-length: 2\r\n")))
                .isInstanceOf(EOFException.class);
    }

    @Test
    void theRequestHeadNamesTheServerTheHeadersAndTheBodyLength() {
        byte[] head = HttpReply.postHead("127.0.0.1", 8123, "/rpc/server.ping",
                new String[] {"Authorization", "Bearer s3cret"}, 2);
        assertThat(new String(head, StandardCharsets.ISO_8859_1)).isEqualTo("POST /rpc/server.ping HTTP/1.1\r\n"
                + "Host: 127.0.0.1:8123\r\nAuthorization: Bearer s3cret\r\nContent-Length: 2\r\n\r\n");
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String text(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
