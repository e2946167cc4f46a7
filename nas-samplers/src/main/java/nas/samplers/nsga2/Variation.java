package nas.samplers.nsga2;

import java.util.random.RandomGenerator;

/**
 * Makes one child from its parents: with probability {@code crossoverProb} recombine them
 * ({@code crossover} on the numeric part in the unit cube; each categorical parameter taken from
 * the second parent with probability {@code swappingProb}, else from the first), otherwise copy the
 * first parent; then mutate each parameter independently with probability {@code mutationProb}:
 * numeric ones by {@code mutation}, categorical ones by drawing a category uniformly.
 */
public record Variation(Crossover crossover, double crossoverProb, double swappingProb, double mutationProb,
        PolynomialMutation mutation) {
    /**
     * Checks the operators and the probabilities.
     *
     * @throws IllegalArgumentException for a null crossover or mutation, or a probability outside [0, 1]
     */
    public Variation {
        if (crossover == null || mutation == null) {
            throw new IllegalArgumentException("crossover and mutation must not be null");
        }
        Crossover.checkProbability("crossoverProb", crossoverProb);
        Crossover.checkProbability("swappingProb", swappingProb);
        Crossover.checkProbability("mutationProb", mutationProb);
    }

    /** A child with numeric parameters only; {@code parents} holds {@link Crossover#parents()} points. */
    public void child(double[][] parents, double[] child, RandomGenerator rng) {
        child(parents, null, null, child, null, rng);
    }

    /**
     * A child with numeric and categorical parameters.
     *
     * @param numericParents {@link Crossover#parents()} points of the unit cube
     * @param categoricalParents the same parents' category indices (null when there are none)
     * @param categorySizes number of categories of each categorical parameter
     */
    public void child(double[][] numericParents, int[][] categoricalParents, int[] categorySizes,
            double[] numericChild, int[] categoricalChild, RandomGenerator rng) {
        boolean cross = rng.nextDouble() < crossoverProb;
        if (cross && numericChild.length > 0) {
            crossover.cross(numericParents, numericChild, rng);
        } else {
            System.arraycopy(numericParents[0], 0, numericChild, 0, numericChild.length);
        }
        int categorical = categoricalChild == null ? 0 : categoricalChild.length;
        for (int j = 0; j < categorical; j++) {
            boolean second = cross && rng.nextDouble() < swappingProb;
            categoricalChild[j] = categoricalParents[second ? 1 : 0][j];
        }
        for (int i = 0; i < numericChild.length; i++) {
            if (rng.nextDouble() < mutationProb) {
                numericChild[i] = mutation.mutate(numericChild[i], rng);
            }
        }
        for (int j = 0; j < categorical; j++) {
            if (rng.nextDouble() < mutationProb) {
                categoricalChild[j] = rng.nextInt(categorySizes[j]);
            }
        }
    }

    /**
     * Mutates one parameter chosen uniformly: a numeric one by {@code mutation}, a categorical one by
     * drawing another category.
     */
    public void mutateOne(double[] numericChild, int[] categoricalChild, int[] categorySizes, RandomGenerator rng) {
        int categorical = categoricalChild == null ? 0 : categoricalChild.length;
        int i = rng.nextInt(numericChild.length + categorical);
        if (i < numericChild.length) {
            numericChild[i] = mutation.mutate(numericChild[i], rng);
        } else if (categorySizes[i - numericChild.length] > 1) {
            int j = i - numericChild.length;
            int other = rng.nextInt(categorySizes[j] - 1);
            categoricalChild[j] = other >= categoricalChild[j] ? other + 1 : other;
        }
    }
}
