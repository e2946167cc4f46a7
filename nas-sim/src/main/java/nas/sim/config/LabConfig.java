package nas.sim.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nas.api.Limits;
import nas.neat.BiasMode;
import nas.neat.NeatConnectivity;

/**
 * Every setting of an Evolution Lab run, immutable, with the reference's defaults (spec 3.2, 6.1 and the
 * NAS path's {@code BASE_CONFIG}, spec 8.2). Keys are the reference's snake_case names, so presets,
 * {@code --set key=value} and results files read the same. Build with {@link #builder()} or
 * {@link #toBuilder()}.
 *
 * <p>The {@code compat_*} switches reproduce bugs of the reference that the spec points out; by default
 * the correct behaviour is used. Keys the reference stores but never reads (gravity, ground friction,
 * pellet count, collection radius, elite count) are deliberately absent: the physics constants are fixed
 * (see {@code nas.sim.physics.PhysicsConstants}).
 *
 * @param timeStep <code>time_step</code>: Physics step in seconds (spec 3.2; range 1/120..1/15).
 * @param simulationDuration <code>simulation_duration</code>: Simulated seconds per creature (the NAS path passes 30 s).
 * @param muscleVelocityCap <code>muscle_velocity_cap</code>: Maximum rest-length change per second (spec 3.4 step 3).
 * @param muscleDampingMultiplier <code>muscle_damping_multiplier</code>: Scales every muscle's damping once, when the creature is built.
 * @param maxExtensionRatio <code>max_extension_ratio</code>: Rest length is clamped to [L0/ratio, L0*ratio] (spec 3.4 step 4).
 * @param neuralUpdateHz <code>neural_update_hz</code>: Network updates per simulated second; outputs are held in between.
 * @param outputSmoothingAlpha <code>output_smoothing_alpha</code>: EMA factor applied to network outputs (spec 5.5).
 * @param neuralDeadZone <code>neural_dead_zone</code>: Raw outputs with |o| below this are zeroed in pure/NEAT mode.
 * @param positionThreshold <code>position_threshold</code>: Disqualify when any node's XZ distance from the origin exceeds this.
 * @param heightThreshold <code>height_threshold</code>: Disqualify when any node rises above this height.
 * @param arenaSize <code>arena_size</code>: Pellet x and z are clamped to +-0.45 * arena_size (spec 4.2).
 * @param maxAllowedFrequency <code>max_allowed_frequency</code>: Hybrid-mode frequency limit and the creation/mutation upper frequency.
 * @param fitnessPelletPoints <code>fitness_pellet_points</code>: Points per collected pellet (spec 6.1).
 * @param fitnessProgressMax <code>fitness_progress_max</code>: Points for full progress toward a pellet; also banked per pellet.
 * @param fitnessDistancePerUnit <code>fitness_distance_per_unit</code>: Points per unit of distance traveled.
 * @param fitnessDistanceTraveledMax <code>fitness_distance_traveled_max</code>: Cap of the distance term.
 * @param fitnessRegressionPenalty <code>fitness_regression_penalty</code>: Maximum penalty for moving away from the pellet after the first collection.
 * @param fitnessEfficiencyPenalty <code>fitness_efficiency_penalty</code>: Weight of the activation (efficiency) penalty.
 * @param useNeuralNet <code>use_neural_net</code>: False selects the oscillator controller (spec 3.6).
 * @param neuralMode <code>neural_mode</code>: pure, hybrid or neat (spec 5.1).
 * @param neuralHiddenSize <code>neural_hidden_size</code>: Hidden units of the fixed-topology network.
 * @param neuralActivation <code>neural_activation</code>: Hidden activation of the fixed-topology network.
 * @param neuralOutputBias <code>neural_output_bias</code>: Initial output bias (spec 5.4).
 * @param timeEncoding <code>time_encoding</code>: Time inputs (spec 5.3).
 * @param useProprioception <code>use_proprioception</code>: Append proprioceptive inputs.
 * @param proprioceptionInputs <code>proprioception_inputs</code>: Which proprioceptive inputs.
 * @param biasMode <code>bias_mode</code>: NEAT bias representation.
 * @param minNodes <code>min_nodes</code>: Minimum nodes at creation and under remove-node mutation.
 * @param maxNodes <code>max_nodes</code>: Maximum nodes of a genome (the simulator keeps the first 8, spec 2.4).
 * @param maxMuscles <code>max_muscles</code>: Maximum muscles of a genome (at most 20 are simulated).
 * @param minMuscles <code>min_muscles</code>: Stored for parity; unused at creation (spec 2.3).
 * @param populationSize <code>population_size</code>: Creatures per generation.
 * @param cullPercentage <code>cull_percentage</code>: Fraction removed each generation; survival rate = 1 - cull.
 * @param selectionMethod <code>selection_method</code>: Survivor selection (spec 7.2).
 * @param tournamentSize <code>tournament_size</code>: k of tournament selection.
 * @param mutationRate <code>mutation_rate</code>: Per-gene body mutation probability.
 * @param mutationMagnitude <code>mutation_magnitude</code>: Body mutation step as a fraction of each gene's range.
 * @param useCrossover <code>use_crossover</code>: Allow crossover offspring.
 * @param crossoverRate <code>crossover_rate</code>: Probability that an offspring comes from crossover.
 * @param weightMutationRate <code>weight_mutation_rate</code>: Per-weight mutation probability.
 * @param weightMutationMagnitude <code>weight_mutation_magnitude</code>: Standard deviation of a weight perturbation.
 * @param weightMutationDecay <code>weight_mutation_decay</code>: Schedule of the weight-mutation probability.
 * @param neuralCrossoverMethod <code>neural_crossover_method</code>: Fixed-topology weight crossover.
 * @param sbxEta <code>sbx_eta</code>: Distribution index of simulated binary crossover.
 * @param structuralRate <code>structural_rate</code>: Probability of each structural body mutation (add node, remove node, add muscle).
 * @param useAdaptiveMutation <code>use_adaptive_mutation</code>: Boost mutation on stagnation (API path only in the reference).
 * @param stagnationThreshold <code>stagnation_threshold</code>: Window W of adaptive mutation.
 * @param adaptiveMutationBoost <code>adaptive_mutation_boost</code>: Boost factor on stagnation.
 * @param maxAdaptiveBoost <code>max_adaptive_boost</code>: Upper bound of the boost.
 * @param improvementThreshold <code>improvement_threshold</code>: Improvement that halves the boost.
 * @param useFitnessSharing <code>use_fitness_sharing</code>: Share fitness among similar genomes (non-NEAT).
 * @param sharingRadius <code>sharing_radius</code>: sigma of fitness sharing.
 * @param compatibilityThreshold <code>compatibility_threshold</code>: Species membership distance threshold.
 * @param minSpeciesSize <code>min_species_size</code>: Survivors guaranteed per species.
 * @param neatInitialConnectivity <code>neat_initial_connectivity</code>: Initial NEAT connections.
 * @param neatAddConnectionRate <code>neat_add_connection_rate</code>: NEAT add-connection probability.
 * @param neatAddNodeRate <code>neat_add_node_rate</code>: NEAT add-node probability.
 * @param neatEnableRate <code>neat_enable_rate</code>: NEAT enable probability.
 * @param neatDisableRate <code>neat_disable_rate</code>: NEAT disable probability.
 * @param neatExcessCoefficient <code>neat_excess_coefficient</code>: c1 of the compatibility distance.
 * @param neatDisjointCoefficient <code>neat_disjoint_coefficient</code>: c2 of the compatibility distance.
 * @param neatWeightCoefficient <code>neat_weight_coefficient</code>: c3 of the compatibility distance.
 * @param neatMaxHiddenNodes <code>neat_max_hidden_nodes</code>: Cap of NEAT hidden neurons.
 * @param neatSpeciesTargetMode <code>neat_species_target_mode</code>: Adaptive compatibility threshold (seed 001): off, pid, hill or auto (bandit).
 * @param neatSpeciesTarget <code>neat_species_target</code>: Species count the adaptive threshold steers towards.
 * @param neatPidKp <code>neat_pid_kp</code>: Proportional gain of the species-target PID controller.
 * @param neatPidKi <code>neat_pid_ki</code>: Integral gain of the species-target PID controller.
 * @param neatPidKd <code>neat_pid_kd</code>: Derivative gain of the species-target PID controller.
 * @param neatSpeciesEpsilon <code>neat_species_epsilon</code>: Exploration probability of the PID/hill bandit (mode auto).
 * @param neatSpeciesStagnation <code>neat_species_stagnation</code>: Generations without improvement after which a NEAT species gets no offspring; 0 = off (reference).
 * @param stagnationLimit <code>stagnation_limit</code>: Early stop after this many generations without a 5% gain of best or average.
 * @param compatHiddenOutputScramble <code>compat_hidden_output_scramble</code>: Reference bug (spec 7.4): adapt hidden->output weights as if output-major.
 * @param compatOutputMisrouting <code>compat_output_misrouting</code>: Reference bug (spec 2.4): after a truncated muscle, output j drives simulated slot j.
 * @param compatZeroGenesFrozen <code>compat_zero_genes_frozen</code>: Reference bug (spec 7.5): a strength or bias that is exactly 0 never mutates again.
 * @param compatNeatBiasFrozen <code>compat_neat_bias_frozen</code>: Reference bug (spec 7.7): NEAT neuron biases never mutate in the NAS path.
 * @param compatRankPairing <code>compat_rank_pairing</code>: Reference bug (spec 7.2): rank-roulette ranks come from the survivors' fitness in population order but apply to the survivors sorted by fitness (not speciation).
 */
public record LabConfig(
        double timeStep,
        double simulationDuration,
        double muscleVelocityCap,
        double muscleDampingMultiplier,
        double maxExtensionRatio,
        double neuralUpdateHz,
        double outputSmoothingAlpha,
        double neuralDeadZone,
        double positionThreshold,
        double heightThreshold,
        double arenaSize,
        double maxAllowedFrequency,
        double fitnessPelletPoints,
        double fitnessProgressMax,
        double fitnessDistancePerUnit,
        double fitnessDistanceTraveledMax,
        double fitnessRegressionPenalty,
        double fitnessEfficiencyPenalty,
        boolean useNeuralNet,
        NeuralMode neuralMode,
        int neuralHiddenSize,
        Activation neuralActivation,
        double neuralOutputBias,
        TimeEncoding timeEncoding,
        boolean useProprioception,
        ProprioceptionInputs proprioceptionInputs,
        BiasMode biasMode,
        int minNodes,
        int maxNodes,
        int maxMuscles,
        int minMuscles,
        int populationSize,
        double cullPercentage,
        SelectionMethod selectionMethod,
        int tournamentSize,
        double mutationRate,
        double mutationMagnitude,
        boolean useCrossover,
        double crossoverRate,
        double weightMutationRate,
        double weightMutationMagnitude,
        DecaySchedule weightMutationDecay,
        NeuralCrossoverMethod neuralCrossoverMethod,
        double sbxEta,
        double structuralRate,
        boolean useAdaptiveMutation,
        int stagnationThreshold,
        double adaptiveMutationBoost,
        double maxAdaptiveBoost,
        double improvementThreshold,
        boolean useFitnessSharing,
        double sharingRadius,
        double compatibilityThreshold,
        int minSpeciesSize,
        NeatConnectivity neatInitialConnectivity,
        double neatAddConnectionRate,
        double neatAddNodeRate,
        double neatEnableRate,
        double neatDisableRate,
        double neatExcessCoefficient,
        double neatDisjointCoefficient,
        double neatWeightCoefficient,
        int neatMaxHiddenNodes,
        SpeciesTargetMode neatSpeciesTargetMode,
        int neatSpeciesTarget,
        double neatPidKp,
        double neatPidKi,
        double neatPidKd,
        double neatSpeciesEpsilon,
        int neatSpeciesStagnation,
        int stagnationLimit,
        boolean compatHiddenOutputScramble,
        boolean compatOutputMisrouting,
        boolean compatZeroGenesFrozen,
        boolean compatNeatBiasFrozen,
        boolean compatRankPairing) {

    /** Simulator limit on nodes (spec 2.4): nodes beyond this index are dropped when simulated. */
    public static final int SIM_MAX_NODES = 8;
    /** Simulator limit on muscles (spec 2.4); also the padding of the strain inputs. */
    public static final int SIM_MAX_MUSCLES = 20;

    public LabConfig {
        positive("time_step", timeStep);
        positive("simulation_duration", simulationDuration);
        if (simulationDuration / timeStep > Limits.MAX_SIMULATION_STEPS) {
            throw new IllegalArgumentException("simulation_duration / time_step must be at most "
                    + Limits.MAX_SIMULATION_STEPS + " physics steps per creature, but " + simulationDuration + " / "
                    + timeStep + " gives " + String.format(Locale.ROOT, "%.0f", simulationDuration / timeStep));
        }
        nonNegative("muscle_velocity_cap", muscleVelocityCap);
        nonNegative("muscle_damping_multiplier", muscleDampingMultiplier);
        if (!(maxExtensionRatio >= 1.0) || Double.isInfinite(maxExtensionRatio)) {
            throw new IllegalArgumentException("max_extension_ratio must be a finite number >= 1, got " + maxExtensionRatio);
        }
        positive("neural_update_hz", neuralUpdateHz);
        unit("output_smoothing_alpha", outputSmoothingAlpha);
        nonNegative("neural_dead_zone", neuralDeadZone);
        positive("position_threshold", positionThreshold);
        positive("height_threshold", heightThreshold);
        positive("arena_size", arenaSize);
        if (!(maxAllowedFrequency >= 0.5) || Double.isInfinite(maxAllowedFrequency)) {
            throw new IllegalArgumentException(
                    "max_allowed_frequency must be >= 0.5 (the lowest creation frequency), got " + maxAllowedFrequency);
        }
        if (neuralHiddenSize < 1) {
            throw new IllegalArgumentException("neural_hidden_size must be >= 1, got " + neuralHiddenSize);
        }
        if (minNodes < 2) {
            throw new IllegalArgumentException("min_nodes must be >= 2, got " + minNodes);
        }
        if (maxNodes < minNodes) {
            throw new IllegalArgumentException(
                    "max_nodes must be >= min_nodes, got max_nodes=" + maxNodes + " min_nodes=" + minNodes);
        }
        if (maxMuscles < 1 || maxMuscles > SIM_MAX_MUSCLES) {
            throw new IllegalArgumentException("max_muscles must be in [1, " + SIM_MAX_MUSCLES + "], got " + maxMuscles);
        }
        if (populationSize < 2) {
            throw new IllegalArgumentException("population_size must be >= 2, got " + populationSize);
        }
        Limits.requireAtMost("population_size", populationSize, Limits.MAX_POPULATION);
        if (!(cullPercentage >= 0.0 && cullPercentage < 1.0)) {
            throw new IllegalArgumentException("cull_percentage must be in [0, 1), got " + cullPercentage);
        }
        if (tournamentSize < 1) {
            throw new IllegalArgumentException("tournament_size must be >= 1, got " + tournamentSize);
        }
        unit("mutation_rate", mutationRate);
        nonNegative("mutation_magnitude", mutationMagnitude);
        unit("crossover_rate", crossoverRate);
        unit("weight_mutation_rate", weightMutationRate);
        nonNegative("weight_mutation_magnitude", weightMutationMagnitude);
        nonNegative("sbx_eta", sbxEta);
        unit("structural_rate", structuralRate);
        positive("sharing_radius", sharingRadius);
        nonNegative("compatibility_threshold", compatibilityThreshold);
        if (minSpeciesSize < 0) {
            throw new IllegalArgumentException("min_species_size must be >= 0, got " + minSpeciesSize);
        }
        if (stagnationThreshold < 1) {
            throw new IllegalArgumentException("stagnation_threshold must be >= 1, got " + stagnationThreshold);
        }
        if (stagnationLimit < 1) {
            throw new IllegalArgumentException("stagnation_limit must be >= 1, got " + stagnationLimit);
        }
        if (neatMaxHiddenNodes < 0) {
            throw new IllegalArgumentException("neat_max_hidden_nodes must be >= 0, got " + neatMaxHiddenNodes);
        }
        if (neatSpeciesTarget < 1) {
            throw new IllegalArgumentException("neat_species_target must be >= 1, got " + neatSpeciesTarget);
        }
        nonNegative("neat_pid_kp", neatPidKp);
        nonNegative("neat_pid_ki", neatPidKi);
        nonNegative("neat_pid_kd", neatPidKd);
        unit("neat_species_epsilon", neatSpeciesEpsilon);
        if (neatSpeciesStagnation < 0) {
            throw new IllegalArgumentException("neat_species_stagnation must be >= 0 (0 = off), got "
                    + neatSpeciesStagnation);
        }
    }

    /** The reference defaults ({@code BASE_CONFIG} of the NAS path). */
    public static LabConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    public Builder toBuilder() {
        return new Builder(toMap());
    }

    /** Number of physics steps: int(duration / dt), 900 for 30 s at 1/30 (spec 3.2). */
    public int numSteps() {
        return (int) (simulationDuration / timeStep);
    }

    /** Steps between network updates: max(1, int((1/dt)/hz)), 3 at 30 Hz physics and 10 Hz (spec 3.4). */
    public int neuralUpdateInterval() {
        return Math.max(1, (int) ((1.0 / timeStep) / neuralUpdateHz));
    }

    /** Survival rate 1 - cull (spec 7.1). */
    public double survivalRate() {
        return 1.0 - cullPercentage;
    }

    /**
     * The selection method actually used: NEAT forces speciation (spec 7.7, the NAS plan's
     * auto-enforcement rule).
     */
    public SelectionMethod effectiveSelectionMethod() {
        return neuralMode == NeuralMode.NEAT ? SelectionMethod.SPECIATION : selectionMethod;
    }

    /** Fitness sharing actually used: never with NEAT (spec 7.7). */
    public boolean effectiveFitnessSharing() {
        return useFitnessSharing && neuralMode != NeuralMode.NEAT;
    }

    /** All settings as an ordered map of JSON-compatible values (enums as their reference spelling). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time_step", timeStep);
        m.put("simulation_duration", simulationDuration);
        m.put("muscle_velocity_cap", muscleVelocityCap);
        m.put("muscle_damping_multiplier", muscleDampingMultiplier);
        m.put("max_extension_ratio", maxExtensionRatio);
        m.put("neural_update_hz", neuralUpdateHz);
        m.put("output_smoothing_alpha", outputSmoothingAlpha);
        m.put("neural_dead_zone", neuralDeadZone);
        m.put("position_threshold", positionThreshold);
        m.put("height_threshold", heightThreshold);
        m.put("arena_size", arenaSize);
        m.put("max_allowed_frequency", maxAllowedFrequency);
        m.put("fitness_pellet_points", fitnessPelletPoints);
        m.put("fitness_progress_max", fitnessProgressMax);
        m.put("fitness_distance_per_unit", fitnessDistancePerUnit);
        m.put("fitness_distance_traveled_max", fitnessDistanceTraveledMax);
        m.put("fitness_regression_penalty", fitnessRegressionPenalty);
        m.put("fitness_efficiency_penalty", fitnessEfficiencyPenalty);
        m.put("use_neural_net", useNeuralNet);
        m.put("neural_mode", neuralMode.key());
        m.put("neural_hidden_size", neuralHiddenSize);
        m.put("neural_activation", neuralActivation.key());
        m.put("neural_output_bias", neuralOutputBias);
        m.put("time_encoding", timeEncoding.key());
        m.put("use_proprioception", useProprioception);
        m.put("proprioception_inputs", proprioceptionInputs.key());
        m.put("bias_mode", biasMode.key());
        m.put("min_nodes", minNodes);
        m.put("max_nodes", maxNodes);
        m.put("max_muscles", maxMuscles);
        m.put("min_muscles", minMuscles);
        m.put("population_size", populationSize);
        m.put("cull_percentage", cullPercentage);
        m.put("selection_method", selectionMethod.key());
        m.put("tournament_size", tournamentSize);
        m.put("mutation_rate", mutationRate);
        m.put("mutation_magnitude", mutationMagnitude);
        m.put("use_crossover", useCrossover);
        m.put("crossover_rate", crossoverRate);
        m.put("weight_mutation_rate", weightMutationRate);
        m.put("weight_mutation_magnitude", weightMutationMagnitude);
        m.put("weight_mutation_decay", weightMutationDecay.key());
        m.put("neural_crossover_method", neuralCrossoverMethod.key());
        m.put("sbx_eta", sbxEta);
        m.put("structural_rate", structuralRate);
        m.put("use_adaptive_mutation", useAdaptiveMutation);
        m.put("stagnation_threshold", stagnationThreshold);
        m.put("adaptive_mutation_boost", adaptiveMutationBoost);
        m.put("max_adaptive_boost", maxAdaptiveBoost);
        m.put("improvement_threshold", improvementThreshold);
        m.put("use_fitness_sharing", useFitnessSharing);
        m.put("sharing_radius", sharingRadius);
        m.put("compatibility_threshold", compatibilityThreshold);
        m.put("min_species_size", minSpeciesSize);
        m.put("neat_initial_connectivity", neatInitialConnectivity.key());
        m.put("neat_add_connection_rate", neatAddConnectionRate);
        m.put("neat_add_node_rate", neatAddNodeRate);
        m.put("neat_enable_rate", neatEnableRate);
        m.put("neat_disable_rate", neatDisableRate);
        m.put("neat_excess_coefficient", neatExcessCoefficient);
        m.put("neat_disjoint_coefficient", neatDisjointCoefficient);
        m.put("neat_weight_coefficient", neatWeightCoefficient);
        m.put("neat_max_hidden_nodes", neatMaxHiddenNodes);
        m.put("neat_species_target_mode", neatSpeciesTargetMode.key());
        m.put("neat_species_target", neatSpeciesTarget);
        m.put("neat_pid_kp", neatPidKp);
        m.put("neat_pid_ki", neatPidKi);
        m.put("neat_pid_kd", neatPidKd);
        m.put("neat_species_epsilon", neatSpeciesEpsilon);
        m.put("neat_species_stagnation", neatSpeciesStagnation);
        m.put("stagnation_limit", stagnationLimit);
        m.put("compat_hidden_output_scramble", compatHiddenOutputScramble);
        m.put("compat_output_misrouting", compatOutputMisrouting);
        m.put("compat_zero_genes_frozen", compatZeroGenesFrozen);
        m.put("compat_neat_bias_frozen", compatNeatBiasFrozen);
        m.put("compat_rank_pairing", compatRankPairing);
        return m;
    }

    /** The known key a mistyped one most likely meant ({@link nas.api.Names#nearest}), or null. */
    static String nearestKey(String key) {
        return nas.api.Names.nearest(key, DEFAULTS.keySet());
    }

    /** The known keys, in declaration order. */
    public static Set<String> keys() {
        return DEFAULTS.keySet();
    }

    /** The default value of a key, as a JSON-compatible value. */
    public static Object defaultValue(String key) {
        if (!DEFAULTS.containsKey(key)) {
            throw new IllegalArgumentException("unknown config key '" + key + "'");
        }
        return DEFAULTS.get(key);
    }

    private static final Map<String, Object> DEFAULTS;

    static {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time_step", 1.0 / 30.0);
        m.put("simulation_duration", 30.0);
        m.put("muscle_velocity_cap", 5.0);
        m.put("muscle_damping_multiplier", 1.0);
        m.put("max_extension_ratio", 2.0);
        m.put("neural_update_hz", 10.0);
        m.put("output_smoothing_alpha", 0.15);
        m.put("neural_dead_zone", 0.1);
        m.put("position_threshold", 50.0);
        m.put("height_threshold", 30.0);
        m.put("arena_size", 10.0);
        m.put("max_allowed_frequency", 3.0);
        m.put("fitness_pellet_points", 20.0);
        m.put("fitness_progress_max", 80.0);
        m.put("fitness_distance_per_unit", 3.0);
        m.put("fitness_distance_traveled_max", 20.0);
        m.put("fitness_regression_penalty", 20.0);
        m.put("fitness_efficiency_penalty", 0.1);
        m.put("use_neural_net", true);
        m.put("neural_mode", NeuralMode.PURE);
        m.put("neural_hidden_size", 8);
        m.put("neural_activation", Activation.TANH);
        m.put("neural_output_bias", -0.1);
        m.put("time_encoding", TimeEncoding.NONE);
        m.put("use_proprioception", false);
        m.put("proprioception_inputs", ProprioceptionInputs.ALL);
        m.put("bias_mode", BiasMode.NODE);
        m.put("min_nodes", 3);
        m.put("max_nodes", 8);
        m.put("max_muscles", 15);
        m.put("min_muscles", 2);
        m.put("population_size", 200);
        m.put("cull_percentage", 0.5);
        m.put("selection_method", SelectionMethod.RANK);
        m.put("tournament_size", 3);
        m.put("mutation_rate", 0.3);
        m.put("mutation_magnitude", 0.3);
        m.put("use_crossover", true);
        m.put("crossover_rate", 0.5);
        m.put("weight_mutation_rate", 0.8);
        m.put("weight_mutation_magnitude", 0.5);
        m.put("weight_mutation_decay", DecaySchedule.OFF);
        m.put("neural_crossover_method", NeuralCrossoverMethod.SBX);
        m.put("sbx_eta", 2.0);
        m.put("structural_rate", 0.1);
        m.put("use_adaptive_mutation", false);
        m.put("stagnation_threshold", 20);
        m.put("adaptive_mutation_boost", 2.0);
        m.put("max_adaptive_boost", 8.0);
        m.put("improvement_threshold", 5.0);
        m.put("use_fitness_sharing", false);
        m.put("sharing_radius", 0.5);
        m.put("compatibility_threshold", 3.0);
        m.put("min_species_size", 2);
        m.put("neat_initial_connectivity", NeatConnectivity.FULL);
        m.put("neat_add_connection_rate", 0.5);
        m.put("neat_add_node_rate", 0.2);
        m.put("neat_enable_rate", 0.02);
        m.put("neat_disable_rate", 0.01);
        m.put("neat_excess_coefficient", 1.0);
        m.put("neat_disjoint_coefficient", 1.0);
        m.put("neat_weight_coefficient", 0.4);
        m.put("neat_max_hidden_nodes", 16);
        m.put("neat_species_target_mode", SpeciesTargetMode.OFF);
        m.put("neat_species_target", 10);
        m.put("neat_pid_kp", 0.35);
        m.put("neat_pid_ki", 0.02);
        m.put("neat_pid_kd", 0.10);
        m.put("neat_species_epsilon", 0.1);
        m.put("neat_species_stagnation", 0);
        m.put("stagnation_limit", 50);
        m.put("compat_hidden_output_scramble", false);
        m.put("compat_output_misrouting", false);
        m.put("compat_zero_genes_frozen", false);
        m.put("compat_neat_bias_frozen", false);
        m.put("compat_rank_pairing", false);
        Map<String, Object> plain = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            Object v = e.getValue();
            plain.put(e.getKey(), v instanceof Enum<?> en ? en.name().toLowerCase(Locale.ROOT) : v);
        }
        DEFAULTS = Collections.unmodifiableMap(plain);
    }

    private static void positive(String key, double v) {
        if (!(v > 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(key + " must be a finite number > 0, got " + v);
        }
    }

    private static void nonNegative(String key, double v) {
        if (!(v >= 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(key + " must be a finite number >= 0, got " + v);
        }
    }

    private static void unit(String key, double v) {
        if (!(v >= 0.0 && v <= 1.0)) {
            throw new IllegalArgumentException(key + " must be in [0, 1], got " + v);
        }
    }

    /**
     * Mutable staging area for a {@link LabConfig}: values are set by key (the reference's snake_case
     * names), converted to the key's type, and validated as a whole by {@link #build()}.
     */
    public static final class Builder {
        private final Map<String, Object> m;

        private Builder(Map<String, Object> initial) {
            this.m = new LinkedHashMap<>(initial);
        }

        /**
         * Sets one value. Numbers, booleans, enums and strings are accepted and converted to the key's type;
         * a string is parsed ("0.3", "true", "tournament").
         */
        public Builder set(String key, Object value) {
            if (!DEFAULTS.containsKey(key)) {
                String near = nearestKey(key);
                throw new IllegalArgumentException("unknown config key '" + key + "'" + (near != null
                        ? "; did you mean '" + near + "'?" : "; known keys: " + DEFAULTS.keySet()));
            }
            if (value == null) {
                throw new IllegalArgumentException("config key '" + key + "' must not be null");
            }
            Object def = DEFAULTS.get(key);
            Object coerced;
            if (def instanceof Double) {
                coerced = toDouble(key, value);
            } else if (def instanceof Integer) {
                double d = toDouble(key, value);
                if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("config key '" + key + "' must be an integer, got " + value);
                }
                coerced = (int) d;
            } else if (def instanceof Boolean) {
                if (value instanceof Boolean b) {
                    coerced = b;
                } else {
                    String s = value.toString().trim().toLowerCase(Locale.ROOT);
                    if (!s.equals("true") && !s.equals("false")) {
                        throw new IllegalArgumentException("config key '" + key + "' must be true or false, got " + value);
                    }
                    coerced = Boolean.parseBoolean(s);
                }
            } else {
                coerced = value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : value.toString().trim();
            }
            m.put(key, coerced);
            return this;
        }

        /** Sets every entry of the map (see {@link #set}). */
        public Builder setAll(Map<String, ?> values) {
            values.forEach(this::set);
            return this;
        }

        /** Parses {@code key=value} and sets it. */
        public Builder parse(String assignment) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got '" + assignment + "'");
            }
            return set(assignment.substring(0, eq).trim(), assignment.substring(eq + 1).trim());
        }

        /** The current value of a key (JSON-compatible). */
        public Object get(String key) {
            return m.get(key);
        }

        public LabConfig build() {
            return new LabConfig(
                    dbl(m, "time_step"),
                    dbl(m, "simulation_duration"),
                    dbl(m, "muscle_velocity_cap"),
                    dbl(m, "muscle_damping_multiplier"),
                    dbl(m, "max_extension_ratio"),
                    dbl(m, "neural_update_hz"),
                    dbl(m, "output_smoothing_alpha"),
                    dbl(m, "neural_dead_zone"),
                    dbl(m, "position_threshold"),
                    dbl(m, "height_threshold"),
                    dbl(m, "arena_size"),
                    dbl(m, "max_allowed_frequency"),
                    dbl(m, "fitness_pellet_points"),
                    dbl(m, "fitness_progress_max"),
                    dbl(m, "fitness_distance_per_unit"),
                    dbl(m, "fitness_distance_traveled_max"),
                    dbl(m, "fitness_regression_penalty"),
                    dbl(m, "fitness_efficiency_penalty"),
                    bool(m, "use_neural_net"),
                    NeuralMode.parse(str(m, "neural_mode")),
                    integer(m, "neural_hidden_size"),
                    Activation.parse(str(m, "neural_activation")),
                    dbl(m, "neural_output_bias"),
                    TimeEncoding.parse(str(m, "time_encoding")),
                    bool(m, "use_proprioception"),
                    ProprioceptionInputs.parse(str(m, "proprioception_inputs")),
                    BiasMode.parse(str(m, "bias_mode")),
                    integer(m, "min_nodes"),
                    integer(m, "max_nodes"),
                    integer(m, "max_muscles"),
                    integer(m, "min_muscles"),
                    integer(m, "population_size"),
                    dbl(m, "cull_percentage"),
                    SelectionMethod.parse(str(m, "selection_method")),
                    integer(m, "tournament_size"),
                    dbl(m, "mutation_rate"),
                    dbl(m, "mutation_magnitude"),
                    bool(m, "use_crossover"),
                    dbl(m, "crossover_rate"),
                    dbl(m, "weight_mutation_rate"),
                    dbl(m, "weight_mutation_magnitude"),
                    DecaySchedule.parse(str(m, "weight_mutation_decay")),
                    NeuralCrossoverMethod.parse(str(m, "neural_crossover_method")),
                    dbl(m, "sbx_eta"),
                    dbl(m, "structural_rate"),
                    bool(m, "use_adaptive_mutation"),
                    integer(m, "stagnation_threshold"),
                    dbl(m, "adaptive_mutation_boost"),
                    dbl(m, "max_adaptive_boost"),
                    dbl(m, "improvement_threshold"),
                    bool(m, "use_fitness_sharing"),
                    dbl(m, "sharing_radius"),
                    dbl(m, "compatibility_threshold"),
                    integer(m, "min_species_size"),
                    NeatConnectivity.parse(str(m, "neat_initial_connectivity")),
                    dbl(m, "neat_add_connection_rate"),
                    dbl(m, "neat_add_node_rate"),
                    dbl(m, "neat_enable_rate"),
                    dbl(m, "neat_disable_rate"),
                    dbl(m, "neat_excess_coefficient"),
                    dbl(m, "neat_disjoint_coefficient"),
                    dbl(m, "neat_weight_coefficient"),
                    integer(m, "neat_max_hidden_nodes"),
                    SpeciesTargetMode.parse(str(m, "neat_species_target_mode")),
                    integer(m, "neat_species_target"),
                    dbl(m, "neat_pid_kp"),
                    dbl(m, "neat_pid_ki"),
                    dbl(m, "neat_pid_kd"),
                    dbl(m, "neat_species_epsilon"),
                    integer(m, "neat_species_stagnation"),
                    integer(m, "stagnation_limit"),
                    bool(m, "compat_hidden_output_scramble"),
                    bool(m, "compat_output_misrouting"),
                    bool(m, "compat_zero_genes_frozen"),
                    bool(m, "compat_neat_bias_frozen"),
                    bool(m, "compat_rank_pairing"));
        }

        private static double toDouble(String key, Object value) {
            if (value instanceof Number n) {
                return n.doubleValue();
            }
            try {
                return Double.parseDouble(value.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("config key '" + key + "' must be a number, got '" + value + "'");
            }
        }

        private static double dbl(Map<String, Object> m, String k) {
            return ((Number) m.get(k)).doubleValue();
        }

        private static int integer(Map<String, Object> m, String k) {
            return ((Number) m.get(k)).intValue();
        }

        private static boolean bool(Map<String, Object> m, String k) {
            return (Boolean) m.get(k);
        }

        private static String str(Map<String, Object> m, String k) {
            return m.get(k).toString();
        }
    }
}
