package nas.samplers.nsga2;

import java.util.random.RandomGenerator;

/** Uniform crossover: each variable comes from the second parent with probability {@code swappingProb}, else from the first. */
public record UniformCrossover(double swappingProb) implements Crossover {
    /**
     * Checks the probability.
     *
     * @throws IllegalArgumentException for a swappingProb outside [0, 1]
     */
    public UniformCrossover {
        Crossover.checkProbability("swappingProb", swappingProb);
    }

    @Override
    public int parents() {
        return 2;
    }

    @Override
    public void cross(double[][] parents, double[] child, RandomGenerator rng) {
        for (int i = 0; i < child.length; i++) {
            child[i] = rng.nextDouble() < swappingProb ? parents[1][i] : parents[0][i];
        }
    }
}
