package nas.sim.physics;

import java.util.Arrays;

/**
 * A binary arithmetic (range) coder's writing side, as in LZMA: 32-bit range, byte-wise output with carry
 * propagation, bit probabilities of 11 bits that adapt after each bit. The reading side
 * is {@link BinaryRangeDecoder}.
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

    private byte[] out = new byte[256];
    private int size;
    private long low;
    private int range = -1;
    private int cache;
    private long cacheSize = 1;

    /** A fresh model of {@code n} bits, each at probability 1/2. */
    static short[] models(int n) {
        short[] p = new short[n];
        Arrays.fill(p, (short) (ONE / 2));
        return p;
    }

    /** Writes {@code bit} with the probability {@code models[i]} and adapts it. */
    void bit(short[] models, int i, int bit) {
        int p = models[i];
        int bound = (range >>> PROBABILITY_BITS) * p;
        if (bit == 0) {
            range = bound;
            models[i] = (short) (p + ((ONE - p) >>> ADAPT_SHIFT));
        } else {
            low += bound & 0xFFFFFFFFL;
            range -= bound;
            models[i] = (short) (p - (p >>> ADAPT_SHIFT));
        }
        normalize();
    }

    /** Writes the low {@code count} bits of {@code bits}, highest first, each at probability 1/2. */
    void direct(int bits, int count) {
        for (int k = count - 1; k >= 0; k--) {
            range >>>= 1;
            if (((bits >>> k) & 1) != 0) {
                low += range & 0xFFFFFFFFL;
            }
            normalize();
        }
    }

    private void normalize() {
        while ((range & 0xFF000000) == 0) {
            range <<= 8;
            shiftLow();
        }
    }

    private void shiftLow() {
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
        low = (low & 0x00FFFFFFL) << 8;
    }

    private void put(int b) {
        if (size == out.length) {
            out = Arrays.copyOf(out, size * 2);
        }
        out[size++] = (byte) b;
    }

    /** Flushes the coder and returns everything written (the coder is spent afterwards). */
    byte[] finish() {
        for (int k = 0; k < 5; k++) {
            shiftLow();
        }
        return Arrays.copyOf(out, size);
    }
}
