package nas.sim.physics;

import java.util.Arrays;

/**
 * A binary arithmetic (range) coder's writing side, as in LZMA: 32-bit range, byte-wise output with carry
 * propagation, bit probabilities of 11 bits that adapt after each bit. The reading side is
 * {@link BinaryRangeDecoder}.
 *
 * <p>The coder's two hot values, {@code low} and {@code range}, are the caller's locals, passed in and returned:
 * {@link FrameCodec#encode} codes every bit inline with them, which the JIT keeps in registers (a quarter less CPU
 * than the same coder with them in fields, measured on recorded frames: the bytes are the same). This object keeps
 * what changes once per output byte: the bytes written, the byte held back for a carry and the run of 0xFF bytes
 * behind it. A coder starts with {@code low = 0} and {@code range = -1} (2^32 - 1 as unsigned); after each bit the
 * caller renormalises: while {@code range} is below 2^24, {@code range <<= 8} and {@code low = shiftLow(low)}.
 */
final class BinaryRangeEncoder {

    /** Probabilities are of a 0 bit, out of {@code 1 << PROBABILITY_BITS}. */
    static final int PROBABILITY_BITS = 11;
    static final int ONE = 1 << PROBABILITY_BITS;
    /**
     * Adaptation speed: a probability moves 1/16 of the way to the bit seen (LZMA's 1/32 measured 2% larger on
     * recorded frames, whose models see a few thousand bits each).
     */
    static final int ADAPT_SHIFT = 4;

    private byte[] out;
    private int size;
    private int cache;
    private long cacheSize = 1;

    /** A coder whose output follows {@code prefix}, with room for about {@code capacity} bytes of it. */
    BinaryRangeEncoder(byte[] prefix, int capacity) {
        out = Arrays.copyOf(prefix, Math.max(prefix.length + capacity, 64));
        size = prefix.length;
    }

    /** A fresh model of {@code n} bits, each at probability 1/2. */
    static short[] models(int n) {
        short[] p = new short[n];
        Arrays.fill(p, (short) (ONE / 2));
        return p;
    }

    /** Moves the top byte of {@code low} out (held back while a carry may still reach it); returns the new low. */
    long shiftLow(long low) {
        if (low < 0xFF000000L || low > 0xFFFFFFFFL) {
            int carry = (int) (low >>> 32);
            int pending = cache;
            do {
                put(pending + carry);
                pending = 0xFF;
            } while (--cacheSize != 0);
            cache = (int) (low >>> 24) & 0xFF;
        }
        cacheSize++;
        return (low & 0x00FFFFFFL) << 8;
    }

    private void put(int b) {
        if (size == out.length) {
            out = Arrays.copyOf(out, size * 2);
        }
        out[size++] = (byte) b;
    }

    /** Flushes the coder at {@code low} and returns the prefix and everything written (the coder is spent). */
    byte[] finish(long low) {
        for (int k = 0; k < 5; k++) {
            low = shiftLow(low);
        }
        return Arrays.copyOf(out, size);
    }
}
