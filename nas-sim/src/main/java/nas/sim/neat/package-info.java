/**
 * NEAT for the Evolution Lab (spec 7.7; Stanley and Miikkulainen 2002) and the adaptive species target of
 * seed 001.
 *
 * <ul>
 *   <li>Genome: {@link nas.sim.neat.NeatGenome} of {@link nas.sim.neat.NeuronGene}s and
 *       {@link nas.sim.neat.ConnectionGene}s, numbered by the run's {@link nas.sim.neat.InnovationTracker}
 *       (per-generation cache keyed on genome-local ids, as the reference).</li>
 *   <li>Forward pass: {@link nas.sim.neat.NeatNetwork}, Kahn's order compiled once into flat arrays,
 *       allocation-free; {@link nas.sim.neat.LayeredNeat} shows it equals the fixed network bit for bit on a
 *       layered topology.</li>
 *   <li>Operators: {@link nas.sim.neat.NeatMutation}, {@link nas.sim.neat.NeatCrossover},
 *       {@link nas.sim.neat.NeatDistance}, {@link nas.sim.neat.OutputAdapter} (body/network coupling).</li>
 *   <li>Simulator integration: {@link nas.sim.neat.NeatBrain} (the {@code BrainGenome}),
 *       {@link nas.sim.neat.NeatBrainOperators} (the {@code BrainOperators} of {@code neural_mode=neat}),
 *       {@link nas.sim.neat.NeatBrainCodec} (JSON type {@code neat}).</li>
 *   <li>Speciation steering, off by default: {@link nas.sim.neat.SpeciesTargetController} (PID, hill climbing,
 *       epsilon-greedy bandit), {@link nas.sim.neat.SpeciesStagnation}, combined by
 *       {@link nas.sim.neat.NeatSpeciationControl}.</li>
 * </ul>
 */
package nas.sim.neat;
