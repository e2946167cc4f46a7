package nas.server;

import java.io.OutputStream;

/**
 * A method whose reply is a stream of bytes of any length (an export) instead of one JSON value:
 * it writes to {@code out} as it reads, so neither end holds the whole reply. What it throws
 * before its first bytes leave goes back as a {@link WireError}; what it throws later cuts the
 * reply off, and the client reports the stream as broken (never as complete).
 */
@FunctionalInterface
public interface StreamMethod {

    void call(Args args, OutputStream out) throws Exception;
}
