package nas.ga;

import java.util.SplittableRandom;

/**
 * A shared table of pre-generated standard normal values. A mutation seed picks a slice of it, so
 * a mutation is reproduced from its seed without drawing fresh random numbers, and every worker
 * shares one immutable table.
 */
public final class NoiseTable {

    /** The default size: 2²² values (16 MiB). */
    public static final int DEFAULT_SIZE = 1 << 22;

    private final float[] values;

    /**
     *
     * @param size values; must hold the largest slice asked for
     * @param seed the seed of the values
     */
    public NoiseTable(int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("noise table size must be >= 1, got " + size);
        }
        values = new float[size];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            values[i] = (float) rng.nextGaussian();
        }
    }

    /**
     * A table big enough for slices of {@code slice} values: the default size, or 4 × slice if larger.
     *
     * @param slice the largest slice to be drawn
     * @param seed the seed of the values
     * @return the table
     */
    public static NoiseTable forSlices(int slice, long seed) {
        return new NoiseTable((int) Math.min(Integer.MAX_VALUE - 8, Math.max(DEFAULT_SIZE, 4L * slice)), seed);
    }

    /**
     * The number of values.
     *
     * @return the count
     */
    public int size() {
        return values.length;
    }

    /**
     * One value.
     *
     * @param i its index
     * @return the value
     */
    public float get(int i) {
        return values[i];
    }

    /**
     * The start of a slice of {@code length} values, drawn from {@code rng}.
     *
     * @param rng the generator that picks the offset
     * @param length the slice's length
     * @return the offset
     */
    public int offset(SplittableRandom rng, int length) {
        if (length > values.length) {
            throw new IllegalArgumentException("a slice of " + length + " values does not fit a noise table of "
                    + values.length);
        }
        return rng.nextInt(values.length - length + 1);
    }
}
