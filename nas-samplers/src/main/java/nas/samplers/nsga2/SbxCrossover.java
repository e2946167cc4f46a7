package nas.samplers.nsga2;

import java.util.random.RandomGenerator;

/**
 * Simulated binary crossover, bounded form (Deb and Agrawal, "Simulated binary crossover for
 * continuous search space", Complex Systems 9, 1995; the bound-aware spread factor of Deb's NSGA-II
 * reference code). Each variable is recombined with probability {@code variableProb}; otherwise the
 * child takes it from the first parent. The spread factor's distribution index {@code eta} sets how
 * close children stay to their parents (large eta = close). For each recombined variable one of the
 * two SBX children is taken with probability 1/2, so either side of the parent pair is equally
 * likely.
 */
public record SbxCrossover(double eta, double variableProb) implements Crossover {
    private static final double EPS = 1e-14;

    public SbxCrossover {
        Crossover.checkEta("SBX eta", eta);
        Crossover.checkProbability("SBX variableProb", variableProb);
    }

    @Override
    public int parents() {
        return 2;
    }

    @Override
    public void cross(double[][] parents, double[] child, RandomGenerator rng) {
        double[] p1 = parents[0];
        double[] p2 = parents[1];
        double exponent = 1.0 / (eta + 1.0);
        for (int i = 0; i < child.length; i++) {
            double x1 = p1[i];
            double x2 = p2[i];
            if (rng.nextDouble() >= variableProb || Math.abs(x1 - x2) <= EPS) {
                child[i] = x1;
                continue;
            }
            double lo = Math.min(x1, x2);
            double hi = Math.max(x1, x2);
            double u = rng.nextDouble();
            boolean lower = rng.nextBoolean();
            // Spread factor restricted so the child stays inside [0, 1]: beta measures the room on the
            // child's side, alpha rescales the polynomial density to that room (Deb's bounded SBX).
            double beta = lower ? 1.0 + 2.0 * lo / (hi - lo) : 1.0 + 2.0 * (1.0 - hi) / (hi - lo);
            double alpha = 2.0 - Math.pow(beta, -(eta + 1.0));
            double betaQ = u <= 1.0 / alpha
                    ? Math.pow(u * alpha, exponent)
                    : Math.pow(1.0 / (2.0 - u * alpha), exponent);
            double c = lower
                    ? 0.5 * ((lo + hi) - betaQ * (hi - lo))
                    : 0.5 * ((lo + hi) + betaQ * (hi - lo));
            child[i] = Math.min(1.0, Math.max(0.0, c));
        }
    }
}
