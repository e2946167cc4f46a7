package nas.neat;

/**
 * One NEAT connection gene. Two genes with the same innovation number always join the same pair of
 * genome-local neuron ids, because the {@link InnovationTracker} hands out every number for one pair only.
 *
 * @param from       source neuron id
 * @param to         target neuron id
 * @param weight     connection weight
 * @param enabled    disabled genes are inherited and compared but take no part in the forward pass
 * @param innovation population-wide innovation number, the key of crossover alignment
 */
public record ConnectionGene(int from, int to, double weight, boolean enabled, int innovation) {

    public ConnectionGene {
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException(
                    "connection weight must be finite, got " + weight + " (" + from + "->" + to + ")");
        }
    }

    /** This gene with another weight. */
    public ConnectionGene withWeight(double newWeight) {
        return new ConnectionGene(from, to, newWeight, enabled, innovation);
    }

    ConnectionGene withEnabled(boolean newEnabled) {
        return new ConnectionGene(from, to, weight, newEnabled, innovation);
    }
}
