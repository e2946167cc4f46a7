package nas.samplers.nsga2;

import java.util.random.RandomGenerator;

/**
 * A recombination operator on points of the unit cube {@code [0,1]^n}. The sampler maps every
 * numeric parameter to {@code [0,1]} (log-scaled parameters through their logarithm) before
 * variation, so operators need no per-parameter bounds.
 *
 * <p>Implementations are immutable and allocation-free per call: they write into {@code child}.
 */
public interface Crossover {
    /** Number of parents one child is made from. */
    int parents();

    /**
     * Writes one child of {@code parents} (each of length n, inside the unit cube) into
     * {@code child} (length n); the child is inside the unit cube too.
     */
    void cross(double[][] parents, double[] child, RandomGenerator rng);

    /**
     * Moves {@code x} to the nearest point of [0, 1] (sets a value past a bound to that bound), as
     * polynomial mutation does; SBX, BLX-alpha and SPX all use it. Reflecting at the bound instead
     * (an excess d becomes d inside) keeps pushing the children of parents near a bound back into the
     * interior: on ZDT1-3, whose 29 distance variables are optimal at 0, and on DTLZ2, whose front's
     * edges lie at 0 and 1, BLX-alpha and SPX with reflection converged measurably worse
     * ({@code scripts/bench.sh Nsga2}: BLX-alpha ZDT1 0.835 → 0.863, DTLZ2 0.752 → 0.771).
     */
    static double clamp(double x) {
        return Math.min(1.0, Math.max(0.0, x));
    }

    /**
     * Refuses a probability outside [0, 1], naming it.
     *
     * @param name the parameter's name, for the message
     * @param p    the probability
     * @throws IllegalArgumentException if {@code p} is outside [0, 1] or NaN
     */
    static void checkProbability(String name, double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + p);
        }
    }

    /**
     * Refuses a distribution index that is not finite and ≥ 0, naming it.
     *
     * @param name the parameter's name, for the message
     * @param eta  the distribution index
     * @throws IllegalArgumentException if {@code eta} is negative, infinite or NaN
     */
    static void checkEta(String name, double eta) {
        if (!(eta >= 0.0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + eta);
        }
    }
}
