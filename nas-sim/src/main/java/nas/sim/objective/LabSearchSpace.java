package nas.sim.objective;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nas.api.Trial;
import nas.sim.config.LabConfig;
import nas.sim.config.NeuralMode;

/**
 * The NAS plan's parameter space for the Evolution Lab, by tier. Parameter names are the config keys.
 * Ranges are the union of the NAS plan's tiers and the reference's published search ranges (spec 8.2), so
 * both the plan's and the published configurations lie inside (e.g. pure_optimal's cull 0.78).
 *
 * <ul>
 *   <li>Tier 1 (evolution): cull_percentage, mutation_rate, mutation_magnitude, weight_mutation_rate,
 *       weight_mutation_magnitude, use_crossover then crossover_rate, selection_method (not for NEAT) then
 *       tournament_size for tournament, compatibility_threshold and min_species_size for speciation.
 *       population_size is fixed by the objective's option unless that asks for it to be searched
 *       (100-1000); elite_count is omitted because the reference never reads it.</li>
 *   <li>Tier 2 (NEAT-specific, and fitness sharing): for NEAT the neat_* rates and coefficients,
 *       compatibility_threshold, min_species_size and bias_mode; for pure/hybrid use_fitness_sharing then
 *       sharing_radius.</li>
 *   <li>Tier 3 (body): min_nodes, max_nodes, max_muscles.</li>
 *   <li>Tier 4 (controller): neural_hidden_size (pure/hybrid), neural_output_bias, time_encoding (hybrid:
 *       cyclic/sin/raw; NEAT: all five; pure keeps 'none' as in the reference's pure search),
 *       use_proprioception then proprioception_inputs.</li>
 * </ul>
 *
 * Auto-enforcement: NEAT forces selection_method = speciation and use_fitness_sharing = false; speciation
 * activates compatibility_threshold and min_species_size; tournament_size exists only for tournament
 * selection; crossover_rate only when use_crossover. Everything not searched keeps the base configuration
 * (physics, fitness constants, dead zone 0.1, 10 Hz, smoothing 0.15: the plan's fixed constants).
 */
public final class LabSearchSpace {

    private final NeuralMode mode;
    private final Set<Integer> tiers;
    private final boolean searchPopulation;

    /** A space whose population size is fixed by the base configuration. */
    public LabSearchSpace(NeuralMode mode, Set<Integer> tiers) {
        this(mode, tiers, false);
    }

    /**
     * @param searchPopulation also search population_size in [100, 1000] (tier 1 of the NAS plan); otherwise
     *                         the base configuration's size is kept
     */
    public LabSearchSpace(NeuralMode mode, Set<Integer> tiers, boolean searchPopulation) {
        for (int t : tiers) {
            if (t < 1 || t > 4) {
                throw new IllegalArgumentException("tiers are 1..4, got " + t);
            }
        }
        this.mode = mode;
        this.tiers = Set.copyOf(tiers);
        this.searchPopulation = searchPopulation;
    }

    /** Suggests the searched parameters on {@code trial} and returns the configuration. */
    public LabConfig suggest(Trial trial, LabConfig.Builder base) {
        LabConfig.Builder b = base;
        b.set("neural_mode", mode.key());
        boolean neat = mode == NeuralMode.NEAT;
        if (tiers.contains(1)) {
            if (searchPopulation) {
                b.set("population_size", trial.suggestInt("population_size", 100, 1000));
            }
            b.set("cull_percentage", trial.suggestFloat("cull_percentage", 0.3, 0.8));
            b.set("mutation_rate", trial.suggestFloat("mutation_rate", 0.1, 0.6));
            b.set("mutation_magnitude", trial.suggestFloat("mutation_magnitude", 0.1, 0.5));
            b.set("weight_mutation_rate", trial.suggestFloat("weight_mutation_rate", 0.1, 0.95));
            b.set("weight_mutation_magnitude", trial.suggestFloat("weight_mutation_magnitude", 0.1, 1.0));
            boolean crossover = trial.suggestCategorical("use_crossover", true, false);
            b.set("use_crossover", crossover);
            if (crossover) {
                b.set("crossover_rate", trial.suggestFloat("crossover_rate", 0.0, 0.8));
            }
            if (!neat) {
                String sel = trial.suggestCategorical("selection_method", "truncation", "tournament", "rank",
                        "speciation");
                b.set("selection_method", sel);
                if (sel.equals("tournament")) {
                    b.set("tournament_size", trial.suggestInt("tournament_size", 2, 7));
                } else if (sel.equals("speciation")) {
                    suggestSpeciation(trial, b);
                }
            }
        }
        if (tiers.contains(2)) {
            if (neat) {
                b.set("neat_initial_connectivity", trial.suggestCategorical("neat_initial_connectivity", "full",
                        "sparse_inputs", "sparse_outputs", "none"));
                b.set("neat_add_connection_rate", trial.suggestFloat("neat_add_connection_rate", 0.0, 0.8));
                b.set("neat_add_node_rate", trial.suggestFloat("neat_add_node_rate", 0.0, 0.5));
                b.set("neat_enable_rate", trial.suggestFloat("neat_enable_rate", 0.0, 0.1));
                b.set("neat_disable_rate", trial.suggestFloat("neat_disable_rate", 0.0, 0.1));
                b.set("neat_max_hidden_nodes", trial.suggestInt("neat_max_hidden_nodes", 4, 48));
                b.set("neat_excess_coefficient", trial.suggestFloat("neat_excess_coefficient", 0.5, 2.0));
                b.set("neat_disjoint_coefficient", trial.suggestFloat("neat_disjoint_coefficient", 0.5, 2.0));
                b.set("neat_weight_coefficient", trial.suggestFloat("neat_weight_coefficient", 0.1, 1.0));
                b.set("bias_mode", trial.suggestCategorical("bias_mode", "node", "bias_node"));
                suggestSpeciation(trial, b);
            } else {
                boolean sharing = trial.suggestCategorical("use_fitness_sharing", true, false);
                b.set("use_fitness_sharing", sharing);
                if (sharing) {
                    b.set("sharing_radius", trial.suggestFloat("sharing_radius", 0.3, 1.0));
                }
            }
        }
        if (tiers.contains(3)) {
            b.set("min_nodes", trial.suggestInt("min_nodes", 3, 4));
            b.set("max_nodes", trial.suggestInt("max_nodes", 5, 12));
            b.set("max_muscles", trial.suggestInt("max_muscles", 8, 20));
        }
        if (tiers.contains(4)) {
            if (!neat) {
                b.set("neural_hidden_size", trial.suggestInt("neural_hidden_size", 4, 24, 4));
            }
            b.set("neural_output_bias", trial.suggestFloat("neural_output_bias", -0.5, 0.0));
            if (mode == NeuralMode.HYBRID) {
                b.set("time_encoding", trial.suggestCategorical("time_encoding", "cyclic", "sin", "raw"));
            } else if (neat) {
                b.set("time_encoding", trial.suggestCategorical("time_encoding", "none", "sin", "raw", "cyclic",
                        "sin_raw"));
            }
            boolean proprio = trial.suggestCategorical("use_proprioception", true, false);
            b.set("use_proprioception", proprio);
            if (proprio) {
                b.set("proprioception_inputs", trial.suggestCategorical("proprioception_inputs", "strain", "velocity",
                        "ground", "all"));
            }
        }
        if (neat) {
            // auto-enforcement (NAS plan): NEAT forces speciation and turns fitness sharing off
            b.set("selection_method", "speciation");
            b.set("use_fitness_sharing", false);
        }
        return b.build();
    }

    private static void suggestSpeciation(Trial trial, LabConfig.Builder b) {
        b.set("compatibility_threshold", trial.suggestFloat("compatibility_threshold", 0.5, 5.0));
        b.set("min_species_size", trial.suggestInt("min_species_size", 1, 5));
    }

    /** The value each parameter of this space takes when it is not searched: the base configuration's. */
    public Map<String, Object> defaults(LabConfig base) {
        Map<String, Object> all = base.toMap();
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : new String[] {"population_size", "cull_percentage", "mutation_rate", "mutation_magnitude", "weight_mutation_rate",
            "weight_mutation_magnitude", "use_crossover", "crossover_rate", "selection_method", "tournament_size",
            "compatibility_threshold", "min_species_size", "neat_initial_connectivity", "neat_add_connection_rate",
            "neat_add_node_rate", "neat_enable_rate", "neat_disable_rate", "neat_max_hidden_nodes",
            "neat_excess_coefficient", "neat_disjoint_coefficient", "neat_weight_coefficient", "bias_mode",
            "use_fitness_sharing", "sharing_radius", "min_nodes", "max_nodes", "max_muscles", "neural_hidden_size",
            "neural_output_bias", "time_encoding", "use_proprioception", "proprioception_inputs"}) {
            out.put(k, all.get(k));
        }
        return out;
    }
}
