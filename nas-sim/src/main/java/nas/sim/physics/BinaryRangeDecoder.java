package nas.sim.physics;

/** Reads what a {@link BinaryRangeEncoder} wrote, with models that adapt the same way. */
final class BinaryRangeDecoder {

    private final byte[] in;
    private int pos;
    private int range = -1;
    private int code;

    /** Reads from {@code in[from]} on. @throws IllegalArgumentException when it is too short to be coded data */
    BinaryRangeDecoder(byte[] in, int from) {
        this.in = in;
        this.pos = from;
        if (next() != 0) {
            throw new IllegalArgumentException("frames data is not range coded");
        }
        for (int k = 0; k < 4; k++) {
            code = (code << 8) | next();
        }
    }

    int bit(short[] models, int i) {
        int p = models[i];
        int bound = (range >>> BinaryRangeEncoder.PROBABILITY_BITS) * p;
        int bit;
        if (Integer.compareUnsigned(code, bound) < 0) {
            range = bound;
            models[i] = (short) (p + ((BinaryRangeEncoder.ONE - p) >>> BinaryRangeEncoder.ADAPT_SHIFT));
            bit = 0;
        } else {
            code -= bound;
            range -= bound;
            models[i] = (short) (p - (p >>> BinaryRangeEncoder.ADAPT_SHIFT));
            bit = 1;
        }
        normalize();
        return bit;
    }

    int direct(int count) {
        int bits = 0;
        for (int k = 0; k < count; k++) {
            range >>>= 1;
            int bit = Integer.compareUnsigned(code, range) >= 0 ? 1 : 0;
            if (bit == 1) {
                code -= range;
            }
            bits = (bits << 1) | bit;
            normalize();
        }
        return bits;
    }

    private void normalize() {
        while ((range & 0xFF000000) == 0) {
            range <<= 8;
            code = (code << 8) | next();
        }
    }

    /** Bytes not read yet. */
    int remaining() {
        return in.length - pos;
    }

    private int next() {
        if (pos >= in.length) {
            throw new IllegalArgumentException("frames data is truncated");
        }
        return in[pos++] & 0xFF;
    }
}
