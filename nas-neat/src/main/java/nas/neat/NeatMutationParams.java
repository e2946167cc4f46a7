package nas.neat;

/**
 * Rates of the NEAT mutation operators (spec §7.7, NAS tier 2).
 *
 * @param addNodeRate          probability of splitting one enabled connection ({@code neat_add_node_rate})
 * @param addConnectionRate    probability of adding one connection ({@code neat_add_connection_rate})
 * @param enableRate           probability of re-enabling one cycle-safe disabled connection
 * @param disableRate          probability of disabling one enabled connection
 * @param weightMagnitude      standard deviation of a weight perturbation ({@code weight_mutation_magnitude})
 * @param maxHiddenNodes       add-node does nothing once the genome has this many hidden neurons
 * @param biasMutationRate     per-neuron probability of a bias mutation in node mode (reference: 0.3)
 * @param biasMagnitude        standard deviation of a bias perturbation (reference: 0.2)
 * @param freezeNodeBiases     compatibility switch for the reference's NAS path, which never forwards
 *                             {@code bias_mode} to the genetics and so never mutates neuron biases; false
 *                             (biases mutate in node mode) is the correct behaviour
 */
public record NeatMutationParams(double addNodeRate, double addConnectionRate, double enableRate, double disableRate,
                                 double weightMagnitude, int maxHiddenNodes, double biasMutationRate,
                                 double biasMagnitude, boolean freezeNodeBiases) {

    /** Reference per-neuron bias mutation probability. */
    public static final double DEFAULT_BIAS_MUTATION_RATE = 0.3;
    /** Reference bias perturbation standard deviation. */
    public static final double DEFAULT_BIAS_MAGNITUDE = 0.2;

    public NeatMutationParams {
        probability("addNodeRate", addNodeRate);
        probability("addConnectionRate", addConnectionRate);
        probability("enableRate", enableRate);
        probability("disableRate", disableRate);
        probability("biasMutationRate", biasMutationRate);
        if (!(weightMagnitude >= 0) || Double.isInfinite(weightMagnitude)) {
            throw new IllegalArgumentException("weightMagnitude must be finite and >= 0, got " + weightMagnitude);
        }
        if (!(biasMagnitude >= 0) || Double.isInfinite(biasMagnitude)) {
            throw new IllegalArgumentException("biasMagnitude must be finite and >= 0, got " + biasMagnitude);
        }
        if (maxHiddenNodes < 0) {
            throw new IllegalArgumentException("maxHiddenNodes must be >= 0, got " + maxHiddenNodes);
        }
    }

    /** Parameters with the reference bias-mutation settings and correct (mutating) biases. */
    public static NeatMutationParams of(double addNodeRate, double addConnectionRate, double enableRate,
                                        double disableRate, double weightMagnitude, int maxHiddenNodes) {
        return new NeatMutationParams(addNodeRate, addConnectionRate, enableRate, disableRate, weightMagnitude,
                maxHiddenNodes, DEFAULT_BIAS_MUTATION_RATE, DEFAULT_BIAS_MAGNITUDE, false);
    }

    private static void probability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + p);
        }
    }
}
