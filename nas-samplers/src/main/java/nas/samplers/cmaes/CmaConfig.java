package nas.samplers.cmaes;

import java.util.Arrays;

/**
 * The fixed problem description of a {@link Cma} run: box bounds, which coordinates are discrete,
 * boundary handling and termination tolerances. Unlike {@link CmaState} it does not change while
 * the run goes on, so it is not serialized: the caller rebuilds it from its search space.
 *
 * @param lower lower bounds (may be -∞)
 * @param upper upper bounds (may be +∞)
 * @param steps discretization step per coordinate: 0 for continuous, &gt; 0 for a discrete
 *     coordinate: [lower, upper] is cut into cells of width step and the values are the cell
 *     centres lower + (k + ½)·step (integers 0..9 are lower = -0.5, upper = 9.5, step 1, the
 *     encoding of {@code SearchSpaceTransform}); discrete coordinates need finite bounds
 * @param boundary how samples are kept inside the bounds
 * @param withMargin whether discrete coordinates use CMA-ES with margin (Hamano et al. 2022)
 * @param margin the margin α (lower bound of the marginal probability of leaving the current
 *     discrete value); NaN for the paper's default 1 / (n λ)
 * @param tolFun see {@link Termination#TOL_FUN}
 * @param tolX see {@link Termination#TOL_X} (relative to σ0)
 * @param tolXUp see {@link Termination#TOL_X_UP} (relative to σ0)
 * @param tolCondition see {@link Termination#CONDITION_COV}
 */
public record CmaConfig(
        double[] lower,
        double[] upper,
        double[] steps,
        BoundaryHandling boundary,
        boolean withMargin,
        double margin,
        double tolFun,
        double tolX,
        double tolXUp,
        double tolCondition) {

    /**
     * Checks the problem and copies the arrays.
     *
     * @throws IllegalArgumentException for no coordinate, arrays of different lengths, a coordinate without
     *         lower &lt; upper, a negative or infinite step, a discrete coordinate with an infinite bound, a null
     *         boundary handling, a margin outside (0, 0.5) other than NaN, or a negative tolerance
     */
    public CmaConfig {
        int n = lower.length;
        if (n < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + n);
        }
        if (upper.length != n || steps.length != n) {
            throw new IllegalArgumentException(
                    "lower, upper and steps must have equal lengths, got "
                            + n + ", " + upper.length + ", " + steps.length);
        }
        for (int i = 0; i < n; i++) {
            if (!(lower[i] < upper[i])) {
                throw new IllegalArgumentException(
                        "lower < upper must hold in coordinate " + i + ", got " + lower[i] + " and " + upper[i]);
            }
            if (!(steps[i] >= 0) || Double.isInfinite(steps[i])) {
                throw new IllegalArgumentException(
                        "step must be finite and >= 0 in coordinate " + i + ", got " + steps[i]);
            }
            if (steps[i] > 0 && !(Double.isFinite(lower[i]) && Double.isFinite(upper[i]))) {
                throw new IllegalArgumentException(
                        "a discrete coordinate needs finite bounds, coordinate " + i + " has ["
                                + lower[i] + ", " + upper[i] + "]");
            }
        }
        if (boundary == null) {
            throw new IllegalArgumentException("boundary handling must not be null");
        }
        if (!Double.isNaN(margin) && !(margin > 0 && margin < 0.5)) {
            throw new IllegalArgumentException("margin must be in (0, 0.5) or NaN, got " + margin);
        }
        for (double t : new double[] {tolFun, tolX, tolXUp, tolCondition}) {
            if (!(t >= 0)) {
                throw new IllegalArgumentException("tolerances must be >= 0, got " + t);
            }
        }
        lower = lower.clone();
        upper = upper.clone();
        steps = steps.clone();
    }

    /** Unbounded continuous problem of dimension n with default tolerances. */
    public static CmaConfig unbounded(int n) {
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        return box(lo, hi);
    }

    /** Continuous box with resampling and default tolerances. */
    public static CmaConfig box(double[] lower, double[] upper) {
        return new CmaConfig(
                lower, upper, new double[lower.length], BoundaryHandling.RESAMPLE, false, Double.NaN,
                1e-12, 1e-12, 1e4, 1e14);
    }

    /**
     * The same problem with these discretization steps, with or without CMA-ES with margin for them.
     *
     * @param newSteps the step per coordinate (0: continuous)
     * @param margin   whether discrete coordinates use the margin (Hamano et al. 2022)
     * @return the same problem with those steps
     */
    public CmaConfig withSteps(double[] newSteps, boolean margin) {
        return new CmaConfig(
                lower, upper, newSteps, boundary, margin, this.margin, tolFun, tolX, tolXUp, tolCondition);
    }

    /**
     * The same problem with another boundary handling.
     *
     * @param handling how samples are kept inside the bounds
     * @return the same problem with that handling
     */
    public CmaConfig withBoundary(BoundaryHandling handling) {
        return new CmaConfig(
                lower, upper, steps, handling, withMargin, margin, tolFun, tolX, tolXUp, tolCondition);
    }

    /**
     * The same problem with these termination tolerances (see {@link Termination}; {@link #box}'s are 1e-12,
     * 1e-12, 1e4 and 1e14).
     *
     * @param fun       tolFun, of the objective values' range over recent generations
     * @param x         tolX, of the search distribution's spread, relative to σ0
     * @param xUp       tolXUp, of σ's growth, relative to σ0
     * @param condition tolCondition, of the covariance matrix's condition number
     * @return the same problem with those tolerances
     */
    public CmaConfig withTolerances(double fun, double x, double xUp, double condition) {
        return new CmaConfig(lower, upper, steps, boundary, withMargin, margin, fun, x, xUp, condition);
    }

    /**
     * The dimension n.
     *
     * @return the number of coordinates
     */
    public int dimension() {
        return lower.length;
    }

    boolean isBounded(int i) {
        return Double.isFinite(lower[i]) && Double.isFinite(upper[i]);
    }

    boolean hasDiscrete() {
        for (double s : steps) {
            if (s > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The lower bounds (a copy).
     *
     * @return the lower bounds
     */
    @Override
    public double[] lower() {
        return lower.clone();
    }

    /**
     * The upper bounds (a copy).
     *
     * @return the upper bounds
     */
    @Override
    public double[] upper() {
        return upper.clone();
    }

    /**
     * The discretization steps (a copy; 0 for a continuous coordinate).
     *
     * @return the steps
     */
    @Override
    public double[] steps() {
        return steps.clone();
    }

    double lower(int i) {
        return lower[i];
    }

    double upper(int i) {
        return upper[i];
    }

    double step(int i) {
        return steps[i];
    }
}
