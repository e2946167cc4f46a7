package nas.ga;

/**
 * Derives independent seeds from a run seed and indices, never from the clock. Mixing is
 * {@link nas.api.Seeds#mix}; this formula is kept as it is so a run seed gives the same run as before.
 */
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
        return nas.api.Seeds.mix(seed * 0x9E3779B97F4A7C15L + nas.api.Seeds.mix(a + 0x632BE59BD9B4E019L));
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
}
