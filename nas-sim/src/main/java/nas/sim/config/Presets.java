package nas.sim.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named configurations of the NAS plan (the reference's {@code nas/configs.py} registry): each is
 * {@link LabConfig#defaults()} plus the preset's overrides. NEAT presets are listed with their settings;
 * running them needs the NEAT genome ({@code nas.sim.neat}).
 */
public final class Presets {

    private static final Map<String, Map<String, Object>> OVERRIDES = new LinkedHashMap<>();
    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        Map<String, Object> neatBaseline = map(
                "neural_mode", "neat", "selection_method", "speciation", "bias_mode", "bias_node",
                "neat_initial_connectivity", "full", "neat_add_connection_rate", 0.3, "neat_add_node_rate", 0.1,
                "neat_max_hidden_nodes", 24, "compatibility_threshold", 3.0, "use_fitness_sharing", false);
        Map<String, Object> pureBaseline = map("neural_mode", "pure", "neural_hidden_size", 8, "time_encoding", "none");

        // NAS optimized (from the reference's hyperparameter searches)
        add("nas_optimal", "NEAT trial #64 of neat-full-200 (best 459.8): sparse inputs, strain proprioception",
                map("neural_mode", "neat", "selection_method", "speciation", "bias_mode", "bias_node",
                        "neat_initial_connectivity", "sparse_inputs", "time_encoding", "none",
                        "use_proprioception", true, "proprioception_inputs", "strain", "use_adaptive_mutation", false,
                        "crossover_rate", 0.255, "mutation_rate", 0.510, "mutation_magnitude", 0.492,
                        "cull_percentage", 0.390, "weight_mutation_rate", 0.916, "weight_mutation_magnitude", 0.699,
                        "neat_add_connection_rate", 0.060, "neat_add_node_rate", 0.261, "neat_enable_rate", 0.040,
                        "neat_disable_rate", 0.078, "neat_max_hidden_nodes", 17, "compatibility_threshold", 3.857,
                        "neat_excess_coefficient", 1.856, "neat_disjoint_coefficient", 1.354,
                        "neat_weight_coefficient", 0.644, "min_species_size", 3, "min_nodes", 3, "max_nodes", 10,
                        "max_muscles", 17, "neural_dead_zone", 0.034, "neural_output_bias", -0.302));
        add("pure_optimal", "Pure trial #42 of pure-full-200 (best 798.6): no crossover, all proprioception",
                map("neural_mode", "pure", "selection_method", "rank", "use_crossover", false, "crossover_rate", 0.0,
                        "use_proprioception", true, "proprioception_inputs", "all", "neural_hidden_size", 8,
                        "time_encoding", "none", "weight_mutation_rate", 0.12, "weight_mutation_magnitude", 0.44,
                        "mutation_rate", 0.58, "mutation_magnitude", 0.19, "cull_percentage", 0.78, "min_nodes", 3,
                        "max_nodes", 9, "max_muscles", 14));
        add("nas_balanced", "NEAT, better population average, lower peak (~213)",
                map("neural_mode", "neat", "selection_method", "speciation", "bias_mode", "node",
                        "neat_initial_connectivity", "sparse_inputs", "time_encoding", "sin", "use_proprioception", false,
                        "use_adaptive_mutation", false, "crossover_rate", 0.35, "mutation_rate", 0.4,
                        "mutation_magnitude", 0.3, "cull_percentage", 0.5, "weight_mutation_rate", 0.5,
                        "weight_mutation_magnitude", 0.3, "neat_add_connection_rate", 0.4, "neat_add_node_rate", 0.2,
                        "neat_enable_rate", 0.02, "neat_disable_rate", 0.01, "neat_max_hidden_nodes", 32,
                        "compatibility_threshold", 3.0, "neat_excess_coefficient", 1.0,
                        "neat_disjoint_coefficient", 1.0, "neat_weight_coefficient", 0.4, "min_species_size", 2,
                        "min_nodes", 3, "max_nodes", 9, "max_muscles", 15, "neural_dead_zone", 0.1,
                        "neural_output_bias", -0.1));
        // NEAT variants
        add("neat_baseline", "NEAT with canonical structural rates, full initial connectivity", neatBaseline);
        add("neat_sparse", "NEAT from sparse inputs, high add-connection rate", with(neatBaseline,
                "neat_initial_connectivity", "sparse_inputs", "neat_add_connection_rate", 0.7, "neat_add_node_rate", 0.1));
        add("neat_minimal", "NEAT from no connections", with(neatBaseline, "neat_initial_connectivity", "none",
                "neat_add_connection_rate", 0.8, "neat_add_node_rate", 0.05, "neat_max_hidden_nodes", 8));
        add("neat_aggressive", "NEAT with more structural mutation, looser speciation", with(neatBaseline,
                "neat_add_connection_rate", 0.5, "neat_add_node_rate", 0.2, "neat_max_hidden_nodes", 32,
                "compatibility_threshold", 4.0));
        add("neat_conservative", "NEAT with less structural mutation, tighter speciation", with(neatBaseline,
                "neat_add_connection_rate", 0.15, "neat_add_node_rate", 0.05, "compatibility_threshold", 2.0,
                "neat_max_hidden_nodes", 12));
        add("neat_high_mutation", "NEAT with high mutation", with(neatBaseline, "mutation_rate", 0.5,
                "weight_mutation_rate", 0.9, "weight_mutation_magnitude", 0.7));
        add("neat_low_mutation", "NEAT with low mutation", with(neatBaseline, "mutation_rate", 0.15,
                "weight_mutation_rate", 0.5, "weight_mutation_magnitude", 0.3));
        add("neat_proprio", "NEAT with all proprioception", with(neatBaseline, "use_proprioception", true,
                "proprioception_inputs", "all"));
        add("neat_adaptive", "neat_baseline with the adaptive species target (PID/hill bandit, 10 species) and"
                + " species stagnation after 15 generations", with(neatBaseline, "neat_species_target_mode", "auto",
                "neat_species_target", 10, "neat_species_stagnation", 15));
        // pure (fixed topology)
        add("pure_baseline", "Pure neural control, 8 hidden units, no time input", pureBaseline);
        add("pure_large", "Pure, 16 hidden units", with(pureBaseline, "neural_hidden_size", 16));
        add("pure_small", "Pure, 4 hidden units", with(pureBaseline, "neural_hidden_size", 4));
        add("pure_high_mutation", "Pure with high mutation", with(pureBaseline, "mutation_rate", 0.5,
                "weight_mutation_rate", 0.4, "weight_mutation_magnitude", 0.5));
        // hybrid (the network modulates the oscillators)
        Map<String, Object> hybridBaseline = map("neural_mode", "hybrid", "time_encoding", "cyclic",
                "neural_hidden_size", 8);
        add("hybrid_baseline", "Hybrid: the network modulates oscillator amplitude, cyclic time input", hybridBaseline);
        add("hybrid_sin", "Hybrid with the sin time input", with(hybridBaseline, "time_encoding", "sin"));
        // population and selection experiments (elite_count of the reference is never used, so omitted)
        add("pop_small", "neat_baseline with population 100", with(neatBaseline, "population_size", 100));
        add("pop_medium", "neat_baseline with population 300", with(neatBaseline, "population_size", 300));
        add("pop_large", "neat_baseline with population 500", with(neatBaseline, "population_size", 500));
        add("select_tournament", "pure_baseline with tournament selection (k = 3)", with(pureBaseline,
                "selection_method", "tournament", "tournament_size", 3));
        add("select_truncation", "pure_baseline with truncation selection", with(pureBaseline,
                "selection_method", "truncation"));
    }

    private Presets() {
    }

    private static void add(String name, String description, Map<String, Object> overrides) {
        OVERRIDES.put(name, Collections.unmodifiableMap(overrides));
        DESCRIPTIONS.put(name, description);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.putAll(map(kv));
        return m;
    }

    /** Preset names in registry order. */
    public static java.util.Set<String> names() {
        return Collections.unmodifiableSet(OVERRIDES.keySet());
    }

    public static boolean exists(String name) {
        return OVERRIDES.containsKey(name);
    }

    public static String description(String name) {
        require(name);
        return DESCRIPTIONS.get(name);
    }

    /** The preset's settings that differ from the defaults. */
    public static Map<String, Object> overrides(String name) {
        require(name);
        return OVERRIDES.get(name);
    }

    /** A builder holding the preset, for further overrides. */
    public static LabConfig.Builder builder(String name) {
        require(name);
        return LabConfig.builder().setAll(OVERRIDES.get(name));
    }

    public static LabConfig get(String name) {
        return builder(name).build();
    }

    private static void require(String name) {
        if (!OVERRIDES.containsKey(name)) {
            throw new IllegalArgumentException("unknown config '" + name + "'; available: " + OVERRIDES.keySet());
        }
    }
}
