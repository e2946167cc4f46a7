package nas.samplers.nsga2;

import java.util.random.RandomGenerator;

/**
 * Simulated binary crossover (Deb and Agrawal, "Simulated binary crossover for continuous search
 * space", Complex Systems 9, 1995). Each variable is recombined with probability
 * {@code variableProb}; otherwise the child takes it from the first parent. A recombined variable is
 * {@code (x1 + x2 -+ beta_q |x2 - x1|) / 2}, one of the two SBX children with probability 1/2 each,
 * so either side of the parent pair is equally likely; the spread factor {@code beta_q} has the
 * paper's density {@code 0.5 (eta + 1) beta^eta} below 1 and {@code 0.5 (eta + 1) / beta^(eta + 2)}
 * above (large eta = children close to their parents). A child past a bound is set to it
 * ({@link Crossover#clamp}), as BLX-alpha's and SPX's are. (The bound-aware form of Deb's NSGA-II
 * code and DEAP instead shrinks the spread on the side of a near bound so no child reaches it; on
 * ZDT1-3 and DTLZ2, whose optima and front edges lie on bounds, it converged worse:
 * {@code scripts/bench.sh Nsga2}, ZDT2 0.494 → 0.512, DTLZ2 0.759 → 0.770.)
 */
public record SbxCrossover(double eta, double variableProb) implements Crossover {
    private static final double EPS = 1e-14;

    /**
     * Checks η and the probability.
     *
     * @throws IllegalArgumentException for an eta that is not finite and ≥ 0, or a variableProb outside [0, 1]
     */
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
            double u = rng.nextDouble();
            boolean lower = rng.nextBoolean();
            // beta_q by inverting the spread factor's distribution function: half its mass below 1.
            double betaQ = u <= 0.5 ? Math.pow(2.0 * u, exponent) : Math.pow(1.0 / (2.0 * (1.0 - u)), exponent);
            double spread = betaQ * Math.abs(x2 - x1);
            child[i] = Crossover.clamp(0.5 * (x1 + x2 + (lower ? -spread : spread)));
        }
    }
}
