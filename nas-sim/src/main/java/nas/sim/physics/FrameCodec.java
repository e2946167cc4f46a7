package nas.sim.physics;

import static nas.sim.physics.BinaryRangeEncoder.ADAPT_SHIFT;
import static nas.sim.physics.BinaryRangeEncoder.ONE;
import static nas.sim.physics.BinaryRangeEncoder.PROBABILITY_BITS;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The stored form of a {@link FrameRecording}'s values (millimetres, exactly).
 *
 * <p>Format 3 (written): the byte 3 (never the first byte of a zlib stream, whose low nibble is 8), the frame
 * rate, node count and frame count as varints, then every value's track in turn, each value as its difference to
 * the constant-velocity prediction from the two frames before ({@code 2 v[f-1] - v[f-2]}; {@code v[f-1]} for the
 * second frame, 0 for the first), zig-zag mapped and range coded ({@link BinaryRangeEncoder}): the number of its
 * significant bits in unary with adaptive bits whose context is the larger size of the two residuals before it
 * on the same track, the bit below the top one adaptive, the rest (sign included) plain. Creatures move in bursts
 * (a node at rest on the ground gives residuals of 0 for many frames, a kicking one residuals of centimetres), so
 * a residual's size is well predicted by the ones before it; deflate cannot use that. A recording's models start
 * from nothing, so they are few (a finer context, such as the residual of the track before in the same frame,
 * measured worse: its models learn too slowly).
 *
 * <p>Where the bytes go, on the plan's recordings of a pure_baseline run (about 2.2 KB for 451 frames; {@code
 * scripts/bench.sh Frames --breakdown}): 79% are the nodes' horizontal tracks, mostly while a node slides on the
 * ground; 14% are the vertical ones; under 1% is the pellet. Seven residuals in ten are 0, the others 1 mm to a few
 * hundred (half of them 16 mm or more). Their bits below the top two are 41% of the bytes and do not compress (adaptive
 * models for them saved nothing), so a recording stays above 0.9 KB however well the sizes are coded. These were
 * measured and not adopted, because the residuals are the creatures' own accelerations:
 * <ul>
 *   <li>frame-by-frame coding that predicts a node from the nodes coded before it in the same frame (+17 to
 *       +20%: springs push nodes apart as often as together);</li>
 *   <li>constant-acceleration, periodic and friction-aware predictors, and least-squares linear prediction from
 *       every node's recent residuals (none more than 5% off, even when told for free which residuals are 0);</li>
 *   <li>per-axis models and more contexts (worse: each model learns from fewer bits);</li>
 *   <li>coding the sign with the residual before it as context, with models primed from a table learnt offline
 *       (5 to 7% off, too little for a new format and a learnt table).</li>
 * </ul>
 *
 * <p>Damaged data is refused with an {@link IllegalArgumentException}: a format 3 blob must end where its last
 * frame ends (one bit or byte changed at random in real recordings: 0.05% still read, as other values, against 29%
 * before this check). Formats 1 (differences to the previous frame, frame by frame) and 2 (format 3's residuals as
 * deflated varints) are still read.
 */
public final class FrameCodec {

    static final int RANGE_CODED = 3;
    static final int SECOND_ORDER_DEFLATED = 2;
    static final int FIRST_ORDER_DEFLATED = 1;

    /** Contexts: the bit count of the residuals before, clipped to this many classes. */
    private static final int SIZE_CLASSES = 6;
    /** Unary positions: a residual has 0 to 32 significant bits. */
    private static final int UNARY = 33;

    private FrameCodec() {
    }

    /** The stored form of {@code r}'s values. */
    public static byte[] encode(FrameRecording r) {
        int stride = r.stride();
        int frames = r.frameCount();
        int[] values = r.values();
        // recorded frames take about a byte for four values
        BinaryRangeEncoder rc = new BinaryRangeEncoder(new Header(r.frameRate(), r.nodes(), frames).bytes(),
                values.length / 4);
        Models m = new Models();
        short[] unary = m.unary;
        short[] second = m.second;
        // the coder's state in locals (see BinaryRangeEncoder); each bit as BinaryRangeDecoder reads it back:
        // a 0 takes the low part of the range, the bound, and its probability rises; a 1 the rest
        long low = 0;
        int range = -1;
        for (int k = 0; k < stride; k++) {
            int before1 = 0;
            int before2 = 0;
            int previous = 0; // the track's values in the two frames before, as predicted() reads them
            int beforePrevious = 0;
            for (int f = 0; f < frames; f++) {
                int value = values[f * stride + k];
                int z = zigzag(value - (f == 0 ? 0 : f == 1 ? previous : 2 * previous - beforePrevious));
                beforePrevious = previous;
                previous = value;
                int bits = 32 - Integer.numberOfLeadingZeros(z);
                int context = Models.context(Math.max(before1, before2));
                // its size in unary: a 1 per significant bit, then a 0 (none after 32)
                for (int i = context; i < context + bits; i++) {
                    int p = unary[i];
                    int bound = (range >>> PROBABILITY_BITS) * p;
                    low += bound & 0xFFFFFFFFL;
                    range -= bound;
                    unary[i] = (short) (p - (p >>> ADAPT_SHIFT));
                    while ((range & 0xFF000000) == 0) {
                        range <<= 8;
                        low = rc.shiftLow(low);
                    }
                }
                if (bits < 32) {
                    int p = unary[context + bits];
                    range = (range >>> PROBABILITY_BITS) * p;
                    unary[context + bits] = (short) (p + ((ONE - p) >>> ADAPT_SHIFT));
                    while ((range & 0xFF000000) == 0) {
                        range <<= 8;
                        low = rc.shiftLow(low);
                    }
                }
                if (bits >= 2) {
                    // the bit below the top one, adaptive
                    int p = second[bits];
                    int bound = (range >>> PROBABILITY_BITS) * p;
                    if (((z >>> (bits - 2)) & 1) == 0) {
                        range = bound;
                        second[bits] = (short) (p + ((ONE - p) >>> ADAPT_SHIFT));
                    } else {
                        low += bound & 0xFFFFFFFFL;
                        range -= bound;
                        second[bits] = (short) (p - (p >>> ADAPT_SHIFT));
                    }
                    while ((range & 0xFF000000) == 0) {
                        range <<= 8;
                        low = rc.shiftLow(low);
                    }
                    // the rest, highest first, each at probability 1/2 (added without a branch: they are random)
                    for (int j = bits - 3; j >= 0; j--) {
                        range >>>= 1;
                        low += (range & 0xFFFFFFFFL) & -(long) ((z >>> j) & 1);
                        while ((range & 0xFF000000) == 0) {
                            range <<= 8;
                            low = rc.shiftLow(low);
                        }
                    }
                }
                before2 = before1;
                before1 = bits;
            }
        }
        return rc.finish(low);
    }

    /** Reads any stored format; the result is null (it is stored with the creature). */
    public static FrameRecording decode(byte[] stored) {
        if (stored.length > 0 && stored[0] == RANGE_CODED) {
            int[] pos = {1};
            Header h = Header.read(stored, pos);
            return new FrameRecording(h.frameRate, h.nodes, h.frames, rangeDecoded(stored, pos[0], h), null);
        }
        byte[] raw = inflate(stored);
        int[] pos = {0};
        int format = readVarint(raw, pos);
        if (format != SECOND_ORDER_DEFLATED && format != FIRST_ORDER_DEFLATED) {
            throw new IllegalArgumentException("frames format " + format + " is unknown");
        }
        Header h = Header.read(raw, pos);
        int stride = h.stride();
        int[] values = new int[h.frames * stride];
        if (format == FIRST_ORDER_DEFLATED) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (i < stride ? 0 : values[i - stride]) + unzigzag(readVarint(raw, pos));
            }
        } else {
            for (int k = 0; k < stride; k++) {
                for (int f = 0; f < h.frames; f++) {
                    values[f * stride + k] = predicted(values, f, k, stride) + unzigzag(readVarint(raw, pos));
                }
            }
        }
        return new FrameRecording(h.frameRate, h.nodes, h.frames, values, null);
    }

    private static int[] rangeDecoded(byte[] stored, int from, Header h) {
        int stride = h.stride();
        int frames = h.frames;
        int[] values = new int[frames * stride];
        BinaryRangeDecoder rc = new BinaryRangeDecoder(stored, from);
        Models m = new Models();
        for (int k = 0; k < stride; k++) {
            int before1 = 0;
            int before2 = 0;
            for (int f = 0; f < frames; f++) {
                int context = Models.context(Math.max(before1, before2));
                int bits = 0;
                while (bits < 32 && rc.bit(m.unary, context + bits) == 1) {
                    bits++;
                }
                int z = bits == 0 ? 0 : 1;
                if (bits >= 2) {
                    z = (z << 1) | rc.bit(m.second, bits);
                    z = (z << (bits - 2)) | rc.direct(bits - 2);
                }
                values[f * stride + k] = predicted(values, f, k, stride) + unzigzag(z);
                before2 = before1;
                before1 = bits;
            }
        }
        if (rc.remaining() != 0) {
            // the decoder reads a byte wherever the encoder wrote one (five to start and finish, one per
            // renormalisation), so stored frames end exactly where decoding ends; a changed bit sends the decoder
            // down another path, which almost always ends elsewhere
            throw new IllegalArgumentException("frames data is damaged: " + rc.remaining()
                    + " bytes left after the last frame");
        }
        return values;
    }

    /** The adaptive bit models of one recording. */
    private static final class Models {
        final short[] unary = BinaryRangeEncoder.models(SIZE_CLASSES * UNARY);
        final short[] second = BinaryRangeEncoder.models(33);

        /** The first unary model of the context of residuals before of {@code beforeBits} bits. */
        static int context(int beforeBits) {
            return Math.min(beforeBits, SIZE_CLASSES - 1) * UNARY;
        }
    }

    /** Value {@code k} of frame {@code f} predicted from the two frames before it (constant velocity). */
    private static int predicted(int[] values, int f, int k, int stride) {
        if (f == 0) {
            return 0;
        }
        int previous = values[(f - 1) * stride + k];
        return f == 1 ? previous : 2 * previous - values[(f - 2) * stride + k];
    }

    private static int zigzag(int d) {
        return (d << 1) ^ (d >> 31);
    }

    private static int unzigzag(int z) {
        return (z >>> 1) ^ -(z & 1);
    }

    /** Frame rate, nodes and frames, as varints; checked so that bad data cannot ask for a huge array. */
    private record Header(int frameRate, int nodes, int frames) {

        /** Values of a recording at most (400 MB of ints). */
        private static final long MAX_VALUES = 100_000_000L;

        int stride() {
            return 3 * nodes + 4;
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream(16);
            out.write(RANGE_CODED);
            for (int v : new int[] {frameRate, nodes, frames}) {
                while ((v & ~0x7F) != 0) {
                    out.write((v & 0x7F) | 0x80);
                    v >>>= 7;
                }
                out.write(v);
            }
            return out.toByteArray();
        }

        static Header read(byte[] in, int[] pos) {
            Header h = new Header(readVarint(in, pos), readVarint(in, pos), readVarint(in, pos));
            if (h.nodes < 0 || h.frames < 0 || (long) h.frames * (3L * h.nodes + 4) > MAX_VALUES) {
                throw new IllegalArgumentException("frames data holds an impossible size: " + h.nodes + " nodes, "
                        + h.frames + " frames");
            }
            return h;
        }
    }

    private static int readVarint(byte[] in, int[] pos) {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (pos[0] >= in.length) {
                throw new IllegalArgumentException("frames data is truncated");
            }
            int b = in[pos[0]++];
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("frames data holds a malformed number");
    }

    private static byte[] inflate(byte[] stored) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stored);
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 4);
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("frames data is truncated");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("frames data is not deflated: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
