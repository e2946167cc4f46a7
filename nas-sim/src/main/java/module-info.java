/**
 * The Evolution Lab simulator, a port of the reference described in
 * {@code shared/reference/evolution-lab-spec.md}: soft-bodied creatures of nodes and muscles that learn to
 * collect pellets.
 *
 * <ul>
 *   <li>{@code nas.sim.config}: {@code LabConfig} (every setting, reference defaults, {@code compat_*}
 *       switches for the reference's bugs) and the NAS plan's {@code Presets}.</li>
 *   <li>{@code nas.sim.genome}: nodes, muscles, the creature genome with its optional {@code BrainGenome},
 *       random creation (spec 2.3) and the JSON codec.</li>
 *   <li>{@code nas.sim.control}: the {@code NeuralNetwork} contract, the sensor layout (spec 5.3) and the
 *       fixed-topology network (spec 5.2).</li>
 *   <li>{@code nas.sim.physics}: the allocation-free step loop in the order of spec 3.4, pellets (4.2) and the
 *       fitness (6).</li>
 *   <li>{@code nas.sim.genetics}: selection, speciation (generic over a distance), crossover, mutation, fitness
 *       sharing, adaptive mutation and the generation step {@code Evolver} (spec 7).</li>
 *   <li>{@code nas.sim.neat}: NEAT genomes, compiled networks and operators (spec 7.7), the adaptive species
 *       target and species stagnation.</li>
 *   <li>{@code nas.sim.evolution}: in-memory runs, parallel and thread-count independent (spec 8.2).</li>
 *   <li>{@code nas.sim.experiment}: multi-seed runs with results files, comparison, throughput.</li>
 *   <li>{@code nas.sim.objective}: the {@code evolution-lab} objective plugin, the only package that uses
 *       {@code nas.api}.</li>
 * </ul>
 */
module nas.sim {
    requires transitive nas.api;
    requires transitive nas.neat;
    requires java.management;
    requires jdk.management;
    requires com.fasterxml.jackson.databind;

    exports nas.sim.config;
    exports nas.sim.control;
    exports nas.sim.evolution;
    exports nas.sim.experiment;
    exports nas.sim.genetics;
    exports nas.sim.genome;
    exports nas.sim.neat;
    exports nas.sim.objective;
    exports nas.sim.physics;

    provides nas.api.objective.ObjectivePlugin with nas.sim.objective.EvolutionLabPlugin;
}
