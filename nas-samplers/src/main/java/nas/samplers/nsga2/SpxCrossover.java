package nas.samplers.nsga2;

import java.util.random.RandomGenerator;

/**
 * Simplex crossover SPX (Tsutsui, Yamamura and Higuchi, "Multi-parent recombination with simplex
 * crossover in real coded genetic algorithms", GECCO 1999) with three parents: the simplex of the
 * parents is expanded about its centroid by {@code epsilon} and the child is drawn uniformly from
 * it through the paper's recurrence {@code C_k = r_{k-1} (y_{k-1} - y_k + C_{k-1})},
 * {@code r_k = u^(1/(k+1))}. Values past a bound are set to it ({@link Crossover#clamp}).
 * {@code epsilon = NaN} selects the paper's recommendation {@code sqrt(m + 1)} for {@code m} = 3
 * parents, i.e. 2, the rate at which the children's covariance equals the parents' (Higuchi,
 * Tsutsui and Yamamura, PPSN 2000).
 */
public record SpxCrossover(double epsilon) implements Crossover {
    private static final int PARENTS = 3;

    /**
     * Replaces a NaN epsilon by sqrt(3 + 1) = 2 and checks it.
     *
     * @throws IllegalArgumentException if epsilon is not finite and positive
     */
    public SpxCrossover {
        if (Double.isNaN(epsilon)) {
            epsilon = Math.sqrt(PARENTS + 1.0);
        }
        if (!(epsilon > 0.0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("SPX epsilon must be finite and > 0, got " + epsilon);
        }
    }

    @Override
    public int parents() {
        return PARENTS;
    }

    @Override
    public void cross(double[][] parents, double[] child, RandomGenerator rng) {
        // The r_k depend only on k, not on the variable: draw them once per child.
        double r0 = rng.nextDouble();
        double r1 = Math.sqrt(rng.nextDouble());
        for (int i = 0; i < child.length; i++) {
            double centroid = (parents[0][i] + parents[1][i] + parents[2][i]) / PARENTS;
            double y0 = centroid + epsilon * (parents[0][i] - centroid);
            double y1 = centroid + epsilon * (parents[1][i] - centroid);
            double y2 = centroid + epsilon * (parents[2][i] - centroid);
            double c1 = r0 * (y0 - y1);
            double c2 = r1 * (y1 - y2 + c1);
            child[i] = Crossover.clamp(y2 + c2);
        }
    }
}
