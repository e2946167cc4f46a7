package nas.samplers.nsga2;

import java.util.random.RandomGenerator;

/**
 * Polynomial mutation, bounded form (Deb and Goyal 1996; the bound-aware variant of Deb's NSGA-II
 * reference code) on a value in [0, 1]: the perturbation's density is a polynomial with
 * distribution index {@code eta} (large eta = small steps), rescaled on each side by the distance
 * to that bound so the result stays in [0, 1].
 */
public record PolynomialMutation(double eta) {
    /**
     * Checks η.
     *
     * @throws IllegalArgumentException if eta is not finite and ≥ 0
     */
    public PolynomialMutation {
        Crossover.checkEta("mutation eta", eta);
    }

    /** The mutated value of {@code x} (in [0, 1]). */
    public double mutate(double x, RandomGenerator rng) {
        double u = rng.nextDouble();
        double exponent = 1.0 / (eta + 1.0);
        double delta;
        if (u < 0.5) {
            double xy = 1.0 - x;
            double val = 2.0 * u + (1.0 - 2.0 * u) * Math.pow(xy, eta + 1.0);
            delta = Math.pow(val, exponent) - 1.0;
        } else {
            double xy = x;
            double val = 2.0 * (1.0 - u) + 2.0 * (u - 0.5) * Math.pow(xy, eta + 1.0);
            delta = 1.0 - Math.pow(val, exponent);
        }
        return Math.min(1.0, Math.max(0.0, x + delta));
    }
}
