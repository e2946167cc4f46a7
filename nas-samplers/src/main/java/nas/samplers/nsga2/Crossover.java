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

    /** Keeps {@code x} inside [0, 1] by reflecting it at the bounds (then clamping, if it jumped past both). */
    static double reflect(double x) {
        if (x < 0.0) {
            x = -x;
        }
        if (x > 1.0) {
            x = 2.0 - x;
        }
        return Math.min(1.0, Math.max(0.0, x));
    }

    static void checkProbability(String name, double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + p);
        }
    }

    static void checkEta(String name, double eta) {
        if (!(eta >= 0.0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + eta);
        }
    }
}
