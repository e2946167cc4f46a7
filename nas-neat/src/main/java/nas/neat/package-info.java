/**
 * A general NEAT core (Stanley and Miikkulainen 2002), independent of any simulator, and the adaptive species
 * target of seed 001.
 *
 * <ul>
 *   <li>Genome: {@link nas.neat.NeatGenome} of {@link nas.neat.NeuronGene}s and {@link nas.neat.ConnectionGene}s,
 *       numbered by a run's {@link nas.neat.InnovationTracker} (per-generation cache keyed on genome-local ids).</li>
 *   <li>Operators: {@link nas.neat.NeatMutation}, {@link nas.neat.NeatCrossover}, {@link nas.neat.NeatDistance},
 *       {@link nas.neat.OutputAdapter} (changing the number of outputs).</li>
 *   <li>Selection: {@link nas.neat.Speciation} (generic over the genome type), {@link nas.neat.Selection}.</li>
 *   <li>Speciation steering: {@link nas.neat.SpeciesTargetController} (PID, hill climbing, epsilon-greedy
 *       bandit), {@link nas.neat.SpeciesStagnation}, combined by {@link nas.neat.NeatSpeciationControl}.</li>
 * </ul>
 */
package nas.neat;
