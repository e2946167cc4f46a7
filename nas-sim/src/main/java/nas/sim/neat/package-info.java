/**
 * NEAT for the Evolution Lab (spec 7.7; Stanley and Miikkulainen 2002) on the general NEAT core of module
 * {@code nas-neat} (package {@code nas.neat}: genome, innovation numbers, mutation, crossover, distance,
 * speciation and the adaptive species target).
 *
 * <ul>
 *   <li>Forward pass: {@link nas.sim.neat.NeatNetwork}, Kahn's order compiled once into flat arrays,
 *       allocation-free; {@link nas.sim.neat.LayeredNeat} shows it equals the fixed network bit for bit on a
 *       layered topology.</li>
 *   <li>Simulator integration: {@link nas.sim.neat.NeatBrain} (the {@code BrainGenome}),
 *       {@link nas.sim.neat.NeatBrainOperators} (the {@code BrainOperators} of {@code neural_mode=neat}),
 *       {@link nas.sim.neat.NeatBrainCodec} (JSON type {@code neat}),
 *       {@link nas.sim.neat.LabSpeciationControl} (the species target and stagnation a configuration asks for).</li>
 * </ul>
 */
package nas.sim.neat;
