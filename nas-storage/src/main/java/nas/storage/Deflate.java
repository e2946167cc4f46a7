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

    public static byte[] text(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    public static String toText(byte[] compressed) {
        return new String(inflate(compressed), StandardCharsets.UTF_8);
    }

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
