package nas.sim.evolution;

import java.util.List;
import nas.sim.genome.CreatureGenome;
import nas.sim.physics.EvaluationResult;

/**
 * Outcome of one seed's evolution run.
 *
 * @param seed             the run seed
 * @param generations      statistics per generation actually run
 * @param bestFitness      best-ever fitness (the NAS objective of this seed)
 * @param bestGenome       the genome that scored it
 * @param bestPelletSeed   the pellet-stream seed it was evaluated with: re-simulating the genome with it
 *                         reproduces {@code bestFitness} exactly
 * @param bestGeneration   the generation it was evaluated in
 * @param stoppedEarly     true if stagnation ended the run before the requested generations
 * @param finalPopulation  the last evaluated generation
 * @param finalResults     its evaluation results, same order
 */
public record RunResult(long seed, List<GenerationStats> generations, double bestFitness, CreatureGenome bestGenome,
        long bestPelletSeed, int bestGeneration, boolean stoppedEarly, List<CreatureGenome> finalPopulation,
        List<EvaluationResult> finalResults) {

    public RunResult {
        generations = List.copyOf(generations);
        finalPopulation = List.copyOf(finalPopulation);
        finalResults = List.copyOf(finalResults);
    }

    /** The last generation's statistics. */
    public GenerationStats last() {
        return generations.get(generations.size() - 1);
    }
}
