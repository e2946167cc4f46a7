package nas.sim.neat;

/** How NEAT neurons get their bias (spec §7.7 {@code bias_mode}). */
public enum BiasMode {
    /** Every hidden and output neuron has its own mutable bias; output biases start at the output bias. */
    NODE,
    /** One bias neuron (id 0, value 1.0) connected to every output; neuron biases stay 0 (original NEAT). */
    BIAS_NODE;

    /** Parses {@code node} or {@code bias_node} (case-insensitive). */
    public static BiasMode parse(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "node" -> NODE;
            case "bias_node" -> BIAS_NODE;
            default -> throw new IllegalArgumentException("bias_mode must be node or bias_node, got '" + name + "'");
        };
    }

    /** The configuration name of this mode. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
