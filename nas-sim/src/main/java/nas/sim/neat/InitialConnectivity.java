package nas.sim.neat;

import java.util.Locale;

/** Connections of a freshly created NEAT genome (spec §7.7 {@code neat_initial_connectivity}). */
public enum InitialConnectivity {
    /** Every input to every output. */
    FULL,
    /** Each input to one random output. */
    SPARSE_INPUTS,
    /** Each output from one random input ({@code sparse} is an alias). */
    SPARSE_OUTPUTS,
    /** No connections (only the bias-node links in bias_node mode). */
    NONE;

    /** Parses full, sparse_inputs, sparse_outputs (alias sparse) or none (case-insensitive). */
    public static InitialConnectivity parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "full" -> FULL;
            case "sparse_inputs" -> SPARSE_INPUTS;
            case "sparse_outputs", "sparse" -> SPARSE_OUTPUTS;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException(
                    "neat_initial_connectivity must be full, sparse_inputs, sparse_outputs or none, got '" + name + "'");
        };
    }

    /** The configuration name. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
