package nas.api.distribution;

/**
 * An integer parameter in {@code [low, high]}, optionally on a log scale or on a grid of
 * {@code step} (default 1). With a step, {@code high} is lowered to the last grid point.
 * External values are {@link Integer} when the range fits in an {@code int} (as every
 * {@code Trial.suggestInt} range does), so {@code params()} gives what {@code suggestInt} returned;
 * {@link Long} otherwise.
 */
public record IntDistribution(long low, long high, boolean log, long step) implements Distribution {

    /**
     * Validates the range, log scale and step.
     *
     * @param low the lower bound (inclusive)
     * @param high the upper bound (inclusive)
     * @param log uniform in log space (needs low > 0)
     * @param step the grid step (at least 1)
     */
    public IntDistribution {
        if (low > high) {
            throw new IllegalArgumentException("low <= high must hold, but got low=" + low + ", high=" + high);
        }
        if (log && low < 1) {
            throw new IllegalArgumentException(
                    "a log-scale distribution needs low >= 1, but got low=" + low + ", high=" + high);
        }
        if (step < 1) {
            throw new IllegalArgumentException("step must be >= 1, but got " + step);
        }
        if (log && step != 1) {
            throw new IllegalArgumentException("step and log cannot be used together, but got step=" + step + " with log");
        }
        if (Math.abs((double) low) > (1L << 53) || Math.abs((double) high) > (1L << 53)) {
            throw new IllegalArgumentException(
                    "bounds must lie within ±2^53 to be exact as doubles, but got low=" + low + ", high=" + high);
        }
        high = low + (high - low) / step * step;
    }

    /**
     * Integers {@code low..high}.
     *
     * @param low the lower bound (inclusive)
     * @param high the upper bound (inclusive)
     * @return the distribution
     */
    public static IntDistribution of(long low, long high) {
        return new IntDistribution(low, high, false, 1);
    }

    /**
     * Integers {@code low..high}, uniform in log space.
     *
     * @param low the lower bound (inclusive)
     * @param high the upper bound (inclusive)
     * @return the distribution
     */
    public static IntDistribution logOf(long low, long high) {
        return new IntDistribution(low, high, true, 1);
    }

    /**
     * Integers {@code low, low + step, ...} up to {@code high}.
     *
     * @param low the lower bound (inclusive)
     * @param high the upper bound (inclusive)
     * @param step the grid step (at least 1)
     * @return the distribution
     */
    public static IntDistribution stepOf(long low, long high, long step) {
        return new IntDistribution(low, high, false, step);
    }

    @Override
    public double toInternal(Object external) {
        if (external instanceof Long || external instanceof Integer || external instanceof Short
                || external instanceof Byte) {
            return ((Number) external).longValue();
        }
        if (external instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(
                "an int parameter needs an integer, but got " + FloatDistribution.describe(external));
    }

    @Override
    public Object toExternal(double internal) {
        long v = Math.round(internal);
        return fitsInt() ? (Object) (int) v : (Object) v;
    }

    /** Whether every value fits in an {@code int}: then external values are {@link Integer}. */
    private boolean fitsInt() {
        return low >= Integer.MIN_VALUE && high <= Integer.MAX_VALUE;
    }

    @Override
    public boolean contains(double value) {
        return value >= low && value <= high && value == Math.rint(value) && ((long) value - low) % step == 0;
    }

    @Override
    public boolean isSingle() {
        return low == high;
    }

    @Override
    public double singleValue() {
        return low;
    }

    /**
     * Rounds a real value to the nearest grid integer inside the range.
     *
     * @param value the real value
     * @return the nearest integer of the distribution
     */
    public long snap(double value) {
        double v = Math.min(high, Math.max(low, value));
        long k = Math.round((v - low) / step);
        return Math.min(high, low + k * step);
    }
}
