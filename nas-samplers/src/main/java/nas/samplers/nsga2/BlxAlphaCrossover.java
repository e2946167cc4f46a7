package nas.samplers.nsga2;

import java.util.random.RandomGenerator;

/**
 * Blend crossover BLX-alpha (Eshelman and Schaffer, "Real-coded genetic algorithms and
 * interval-schemata", FOGA 1993): each variable is drawn uniformly from the parents' interval
 * widened by {@code alpha} times its length on both sides; values past a bound are set to
 * it ({@link Crossover#clamp}).
 */
public record BlxAlphaCrossover(double alpha) implements Crossover {
    /**
     * Checks α.
     *
     * @throws IllegalArgumentException if alpha is not finite and ≥ 0
     */
    public BlxAlphaCrossover {
        if (!(alpha >= 0.0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("BLX alpha must be finite and >= 0, got " + alpha);
        }
    }

    @Override
    public int parents() {
        return 2;
    }

    @Override
    public void cross(double[][] parents, double[] child, RandomGenerator rng) {
        for (int i = 0; i < child.length; i++) {
            double lo = Math.min(parents[0][i], parents[1][i]);
            double hi = Math.max(parents[0][i], parents[1][i]);
            double d = hi - lo;
            double x = lo - alpha * d + rng.nextDouble() * (1.0 + 2.0 * alpha) * d;
            child[i] = Crossover.clamp(x);
        }
    }
}
