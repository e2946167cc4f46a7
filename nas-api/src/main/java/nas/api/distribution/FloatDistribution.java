package nas.api.distribution;

import java.math.BigDecimal;

/**
 * A real-valued parameter in {@code [low, high]}, optionally on a log scale or on a grid of
 * {@code step}. {@code step == 0} means continuous. With a step, {@code high} is lowered to the
 * last grid point {@code low + k·step} that does not exceed it.
 */
public record FloatDistribution(double low, double high, boolean log, double step) implements Distribution {

    /**
     * Validates the range, log scale and step (see the class comment).
     *
     * @param low the lower bound (inclusive)
     * @param high the upper bound (inclusive)
     * @param log uniform in log space (needs low > 0)
     * @param step the grid step (0: continuous)
     */
    public FloatDistribution {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException(
                    "low and high must be finite, but got low=" + low + ", high=" + high);
        }
        if (low > high) {
            throw new IllegalArgumentException("low <= high must hold, but got low=" + low + ", high=" + high);
        }
        if (log && low <= 0) {
            throw new IllegalArgumentException(
                    "a log-scale distribution needs low > 0, but got low=" + low + ", high=" + high);
        }
        if (step < 0 || Double.isNaN(step) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("step must be a positive finite number or 0 (continuous), but got " + step);
        }
        if (log && step != 0) {
            throw new IllegalArgumentException("step and log cannot be used together, but got step=" + step + " with log");
        }
        if (step != 0) {
            long k = (long) Math.floor((high - low) / step + 1e-9);
            // low + k·step in decimal, as Optuna: [0, 0.9] with step 0.3 keeps high 0.9 (in binary, 3 × 0.3 is
            // 0.8999999999999999, which left 0.9 itself, enqueued or on a grid, outside the range)
            high = new BigDecimal(Double.toString(low))
                    .add(new BigDecimal(Double.toString(step)).multiply(BigDecimal.valueOf(k))).doubleValue();
        }
    }

    /**
     * A continuous uniform distribution on {@code [low, high]}.
     *
     * @param low the lower bound (inclusive)
     * @param high the upper bound (inclusive)
     * @return a continuous uniform distribution on {@code [low, high]}
     */
    public static FloatDistribution of(double low, double high) {
        return new FloatDistribution(low, high, false, 0);
    }

    /**
     * A continuous distribution on {@code [low, high]} that is uniform in log space.
     *
     * @param low the lower bound (inclusive)
     * @param high the upper bound (inclusive)
     * @return a continuous distribution on {@code [low, high]} that is uniform in log space
     */
    public static FloatDistribution logOf(double low, double high) {
        return new FloatDistribution(low, high, true, 0);
    }

    /**
     * The grid {@code low, low + step, ...} up to {@code high}.
     *
     * @param low the lower bound (inclusive)
     * @param high the upper bound (inclusive)
     * @param step the grid step (0: continuous)
     * @return the grid {@code low, low + step, ...} up to {@code high}
     */
    public static FloatDistribution stepOf(double low, double high, double step) {
        return new FloatDistribution(low, high, false, step);
    }

    /**
     * Whether the values lie on a grid.
     *
     * @return whether the values lie on a grid
     */
    public boolean hasStep() {
        return step != 0;
    }

    @Override
    public double toInternal(Object external) {
        if (!(external instanceof Number n)) {
            throw new IllegalArgumentException("a float parameter needs a number, but got " + describe(external));
        }
        return n.doubleValue();
    }

    @Override
    public Object toExternal(double internal) {
        return internal;
    }

    @Override
    public boolean contains(double value) {
        if (!(value >= low && value <= high)) {
            return false;
        }
        if (step == 0) {
            return true;
        }
        double k = (value - low) / step;
        return Math.abs(k - Math.rint(k)) < 1e-8 * Math.max(1, Math.abs(k));
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
     * Snaps a value to the nearest grid point inside the range (only clamps when continuous).
     *
     * @param value the real value
     * @return the nearest value of the distribution
     */
    public double snap(double value) {
        double v = Math.min(high, Math.max(low, value));
        if (step != 0) {
            v = Math.min(high, low + Math.rint((v - low) / step) * step);
        }
        return v;
    }

    static String describe(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName() + " " + o;
    }
}
