package nas.ga;

/** Derives independent seeds from a run seed and indices (SplitMix64's finaliser), never from the clock. */
public final class Seeds {

    private Seeds() {
    }

    /**
     * A well-mixed seed for {@code (seed, a)}.
     *
     * @param seed the base seed
     * @param a the first part
     * @return the mixed seed
     */
    public static long mix(long seed, long a) {
        return finalise(seed * 0x9E3779B97F4A7C15L + finalise(a + 0x632BE59BD9B4E019L));
    }

    /**
     * A well-mixed seed for {@code (seed, a, b)}.
     *
     * @param seed the base seed
     * @param a the first part
     * @param b the second part
     * @return the mixed seed
     */
    public static long mix(long seed, long a, long b) {
        return mix(mix(seed, a), b);
    }

    private static long finalise(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
