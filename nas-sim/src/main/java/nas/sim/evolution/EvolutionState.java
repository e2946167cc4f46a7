package nas.sim.evolution;

import java.util.List;
import java.util.Map;
import nas.sim.genetics.AdaptiveMutation;
import nas.sim.genome.CreatureGenome;

/**
 * A checkpoint of an {@link Evolution} between generations: with the configuration and the seed it is all
 * that the following generations depend on. The random streams need no position of their own: each is
 * derived from the seed and the generation index ({@link Streams}).
 *
 * @param generation     the generation to run next
 * @param population     the bred population of that generation, in order
 * @param bestEver       best fitness so far (negative infinity before the first generation)
 * @param bestGenome     the genome that scored it, or null
 * @param bestPelletSeed its pellet-stream seed
 * @param bestGeneration the generation it was evaluated in, or -1
 * @param adaptive       the adaptive-mutation state
 * @param stagnation     the early-stop state
 * @param innovation     the NEAT innovation numbers, or null for fixed-topology brains
 * @param parents        each genome's parents in the generation before ({@link Evolution#parents()}), same order;
 *                       empty arrays for the first generation or when a checkpoint did not keep them
 * @param speciation     the NEAT species target and stagnation controllers' state (JSON-compatible; empty
 *                       when they are off)
 */
public record EvolutionState(int generation, List<CreatureGenome> population, double bestEver,
        CreatureGenome bestGenome, long bestPelletSeed, int bestGeneration, AdaptiveMutation.State adaptive,
        StagnationMonitor.State stagnation, Innovation innovation, List<int[]> parents,
        Map<String, Object> speciation) {

    /**
     * The version of the code that computes runs: a run resumed under another version would not continue
     * as it began. Changed by every change that alters what a seed evolves into (simulator, operators, streams).
     */
    public static final String CODE_VERSION = "evolution-lab 1";

    public EvolutionState {
        if (generation < 0) {
            throw new IllegalArgumentException("generation must be >= 0, got " + generation);
        }
        population = List.copyOf(population);
        parents = parents == null ? java.util.Collections.nCopies(population.size(), new int[0])
                : parents.stream().map(int[]::clone).toList();
        speciation = speciation == null ? Map.of() : speciation;
        if (parents.size() != population.size()) {
            throw new IllegalArgumentException(parents.size() + " parent lists for " + population.size() + " genomes");
        }
    }

    /**
     * The NEAT innovation counter between generations.
     *
     * @param next           the number the next new structure gets
     * @param initialNeurons the numbers of the input, output and bias neurons, by genome-local id
     */
    public record Innovation(int next, Map<Integer, Integer> initialNeurons) {
        public Innovation {
            initialNeurons = Map.copyOf(initialNeurons);
        }
    }
}
