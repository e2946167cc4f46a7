package nas.server;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An HTTP/1.1 reply read from a connection: the status, the content type and the body, framed by
 * its {@code Content-Length} or as chunks. The body ends exactly where the reply ends, so the
 * connection can carry the next request once it has been read to its end; a body that stops early
 * (the server closed the connection) throws an {@link EOFException} rather than ending quietly.
 */
final class HttpReply {

    /** Longest status or header line accepted: the server's own are far shorter. */
    private static final int MAX_LINE = 8192;

    private final int status;
    private final String contentType;
    private final boolean keepAlive;
    private final InputStream body;

    private HttpReply(int status, String contentType, boolean keepAlive, InputStream body) {
        this.status = status;
        this.contentType = contentType;
        this.keepAlive = keepAlive;
        this.body = body;
    }

    /** Reads the status line and headers from {@code in}; the body is left to be read from {@link #body()}. */
    static HttpReply read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("not an HTTP reply: '" + statusLine + "'");
        }
        int status = number(statusLine.substring(9, 12), 10, statusLine);
        String contentType = "";
        long length = -1;
        boolean chunked = false;
        boolean close = statusLine.startsWith("HTTP/1.0");
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-type" -> contentType = value;
                case "content-length" -> length = number(value, 10, header);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close |= value.equalsIgnoreCase("close");
                default -> {
                }
            }
        }
        InputStream body;
        if (status == 204 || status == 304) {
            body = new FixedBody(in, 0);
        } else if (chunked) {
            body = new ChunkedBody(in);
        } else if (length >= 0) {
            body = new FixedBody(in, length);
        } else {
            // no framing: the body runs to the end of the connection, which cannot carry another request
            body = in;
            close = true;
        }
        return new HttpReply(status, contentType, !close, body);
    }

    int status() {
        return status;
    }

    /** The {@code Content-Type} header, or "" without one. */
    String contentType() {
        return contentType;
    }

    /** Whether the connection may carry another request once the body has been read to its end. */
    boolean keepAlive() {
        return keepAlive;
    }

    InputStream body() {
        return body;
    }

    /** Whether the body has been read to its end (its framing says where that is). */
    boolean bodyEnded() {
        return body instanceof Framed framed && framed.ended();
    }

    /** A non-negative number in {@code text}, which is part of {@code line}; a malformed one is an {@link IOException}. */
    private static int number(String text, int radix, String line) throws IOException {
        try {
            int n = Integer.parseInt(text.trim(), radix);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IOException("malformed reply line: '" + line + "'");
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the connection closed in the middle of a reply");
            }
            if (c != '\r') {
                if (b.length() == MAX_LINE) {
                    throw new IOException("reply line longer than " + MAX_LINE + " bytes");
                }
                b.append((char) c);
            }
        }
        return b.toString();
    }

    /** A body whose end its framing gives. */
    private abstract static class Framed extends InputStream {
        abstract boolean ended();

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }
    }

    /** A body of {@code Content-Length} bytes. */
    private static final class FixedBody extends Framed {
        private final InputStream in;
        private long left;

        FixedBody(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new EOFException("the reply broke off " + left + " bytes before its end");
            }
            left -= n;
            return n;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), left);
        }

        @Override
        boolean ended() {
            return left == 0;
        }
    }

    /** A chunked body: chunks of hexadecimal size, ended by one of size 0 and the (empty) trailers. */
    private static final class ChunkedBody extends Framed {
        private final InputStream in;
        /** Bytes left in the current chunk; -1 once the last chunk has been read. */
        private long left;

        ChunkedBody(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                nextChunk();
            }
            if (left < 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new EOFException("the reply broke off in the middle of a chunk");
            }
            left -= n;
            if (left == 0 && !line(in).isEmpty()) {
                throw new IOException("a chunk of the reply does not end where its size says");
            }
            return n;
        }

        /** Starts the next chunk; after the last one (its trailers read too) {@code left} is -1. */
        private void nextChunk() throws IOException {
            String size = line(in);
            int ext = size.indexOf(';');
            left = number((ext < 0 ? size : size.substring(0, ext)).trim(), 16, size);
            if (left == 0) {
                while (!line(in).isEmpty()) {
                    // trailers: none expected, skipped
                }
                left = -1;
            }
        }

        @Override
        boolean ended() {
            return left < 0;
        }
    }

    /** The request head (request line and headers) of a POST with a body of {@code length} bytes. */
    static byte[] postHead(String host, int port, String path, String[] headers, int length) {
        StringBuilder b = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ")
                .append(host).append(':').append(port).append("\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            b.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        b.append("Content-Length: ").append(length).append("\r\n\r\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
