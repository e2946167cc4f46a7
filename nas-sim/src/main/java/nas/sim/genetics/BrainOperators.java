package nas.sim.genetics;

import java.util.random.RandomGenerator;
import nas.sim.genome.BrainGenome;

/**
 * Genetic operators of one kind of brain genome: the fixed-topology network ({@link FixedBrainOperators})
 * or NEAT. The {@link Evolver} calls them in a fixed, sequential order, so an implementation may keep
 * per-generation state (e.g. NEAT's innovation cache) and reset it in {@link #endGeneration()}.
 */
public interface BrainOperators {

    /** A new random brain with the given input and output counts. */
    BrainGenome create(int inputs, int outputs, RandomGenerator rng);

    /**
     * Child of two brains (the child takes parent a's body structure).
     *
     * @param fitnessA selection fitness of parent a (NEAT uses it to pick disjoint/excess genes)
     */
    BrainGenome crossover(BrainGenome a, double fitnessA, BrainGenome b, double fitnessB, RandomGenerator rng);

    /**
     * Adapts the outputs to a changed muscle list. {@code outputSource[j]} is the index of the parent output
     * that drove what is now muscle j, or -1 for a new muscle. Returns {@code brain} itself when nothing
     * changes.
     */
    BrainGenome adapt(BrainGenome brain, int[] outputSource, RandomGenerator rng);

    /**
     * Mutates the weights (and, for NEAT, the topology).
     *
     * @param generation the generation being bred (decay schedules)
     * @param boost      the adaptive-mutation boost (1 when off)
     */
    BrainGenome mutate(BrainGenome brain, int generation, double boost, RandomGenerator rng);

    /** Genetic distance for speciation and fitness sharing. */
    double distance(BrainGenome a, BrainGenome b);

    /** Called once after each generation has been bred. */
    default void endGeneration() {
    }
}
