package nas.samplers.nsga2;

import java.util.random.RandomGenerator;

/**
 * Applies a recombination operator variable by variable, as Deb's SBX does: each variable takes the
 * operator's value with probability {@code variableProb} and otherwise the first parent's. On
 * objectives that are sums over separate variables (ZDT, DTLZ) a child then keeps most of a good
 * parent's coordinates instead of moving them all at once.
 */
public record PerVariableCrossover(Crossover operator, double variableProb) implements Crossover {
    /**
     * Checks the operator and the probability.
     *
     * @throws IllegalArgumentException for a null operator or a variableProb outside [0, 1]
     */
    public PerVariableCrossover {
        if (operator == null) {
            throw new IllegalArgumentException("operator must not be null");
        }
        Crossover.checkProbability("variableProb", variableProb);
    }

    @Override
    public int parents() {
        return operator.parents();
    }

    @Override
    public void cross(double[][] parents, double[] child, RandomGenerator rng) {
        operator.cross(parents, child, rng);
        for (int i = 0; i < child.length; i++) {
            if (rng.nextDouble() >= variableProb) {
                child[i] = parents[0][i];
            }
        }
    }
}
