package nas.storage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** The compression of stored genomes, frames and checkpoints: zlib's deflate (RFC 1950). */
public final class Deflate {

    private Deflate() {
    }

    /**
     * Text compressed: its UTF-8 bytes through {@link #bytes(byte[])}.
     *
     * @param s the text
     * @return the compressed bytes
     */
    public static byte[] text(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The text {@link #text(String)} compressed.
     *
     * @param compressed the compressed bytes
     * @return the text
     * @throws IllegalArgumentException if the bytes are not deflated data, or are cut short
     */
    public static String toText(byte[] compressed) {
        return new String(inflate(compressed), StandardCharsets.UTF_8);
    }

    /**
     * Bytes compressed with zlib's deflate at its fastest level ({@link Deflater#BEST_SPEED}).
     *
     * @param raw the bytes
     * @return the compressed bytes (a zlib stream, RFC 1950)
     */
    public static byte[] bytes(byte[] raw) {
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        try {
            d.setInput(raw);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 3));
            byte[] buf = new byte[8192];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    /**
     * The bytes {@link #bytes(byte[])} compressed.
     *
     * @param compressed a zlib stream
     * @return the bytes
     * @throws IllegalArgumentException if the bytes are not deflated data, or are cut short
     */
    public static byte[] inflate(byte[] compressed) {
        Inflater i = new Inflater();
        try {
            i.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 3);
            byte[] buf = new byte[8192];
            while (!i.finished()) {
                int n = i.inflate(buf);
                if (n == 0 && (i.needsInput() || i.needsDictionary())) {
                    throw new IllegalArgumentException("truncated compressed data");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not deflated data: " + e.getMessage(), e);
        } finally {
            i.end();
        }
    }
}
