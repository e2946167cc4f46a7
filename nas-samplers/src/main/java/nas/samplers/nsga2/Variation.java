package nas.samplers.nsga2;

import java.util.random.RandomGenerator;

/**
 * Makes one child in the unit cube: with probability {@code crossoverProb} recombine the parents
 * with {@code crossover}, otherwise copy the first parent; then mutate each variable independently
 * with probability {@code mutationProb} by {@code mutation}.
 */
public record Variation(Crossover crossover, double crossoverProb, double mutationProb, PolynomialMutation mutation) {
    public Variation {
        if (crossover == null || mutation == null) {
            throw new IllegalArgumentException("crossover and mutation must not be null");
        }
        Crossover.checkProbability("crossoverProb", crossoverProb);
        Crossover.checkProbability("mutationProb", mutationProb);
    }

    /** Writes the child of {@code parents} ({@link Crossover#parents()} points) into {@code child}. */
    public void child(double[][] parents, double[] child, RandomGenerator rng) {
        if (rng.nextDouble() < crossoverProb) {
            crossover.cross(parents, child, rng);
        } else {
            System.arraycopy(parents[0], 0, child, 0, child.length);
        }
        for (int i = 0; i < child.length; i++) {
            if (rng.nextDouble() < mutationProb) {
                child[i] = mutation.mutate(child[i], rng);
            }
        }
    }
}
