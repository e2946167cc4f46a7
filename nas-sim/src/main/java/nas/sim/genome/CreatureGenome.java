package nas.sim.genome;

import java.util.List;

/**
 * A creature (spec 2): nodes, muscles referring to nodes by index, a global frequency multiplier, and an
 * optional brain. A {@code null} brain means the oscillator controller (spec 3.6). Immutable.
 *
 * @param nodes                     the body nodes; the simulator keeps the first 8 (spec 2.4)
 * @param muscles                   muscles in genome order; network output j drives muscle j
 * @param globalFrequencyMultiplier multiplies every muscle frequency
 * @param brain                     the controller genome, or null for the oscillator
 * @param generation                the generation the genome was born in
 * @param survivalStreak            generations survived unchanged
 */
public record CreatureGenome(
        List<NodeGene> nodes,
        List<MuscleGene> muscles,
        double globalFrequencyMultiplier,
        BrainGenome brain,
        int generation,
        int survivalStreak) {

    public CreatureGenome {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a creature needs at least one node");
        }
        nodes = List.copyOf(nodes);
        muscles = List.copyOf(muscles);
        for (MuscleGene m : muscles) {
            if (m.nodeA() >= nodes.size() || m.nodeB() >= nodes.size()) {
                throw new IllegalArgumentException("muscle refers to node " + Math.max(m.nodeA(), m.nodeB())
                        + " but the creature has " + nodes.size() + " nodes");
            }
        }
        if (!Double.isFinite(globalFrequencyMultiplier)) {
            throw new IllegalArgumentException("globalFrequencyMultiplier must be finite, got " + globalFrequencyMultiplier);
        }
    }

    /** 'neural' when a brain is present, else 'oscillator' (the reference's controllerType). */
    public String controllerType() {
        return brain == null ? "oscillator" : "neural";
    }

    public CreatureGenome withBrain(BrainGenome b) {
        return new CreatureGenome(nodes, muscles, globalFrequencyMultiplier, b, generation, survivalStreak);
    }

    /** The same genome passed to the next generation unchanged, with survivalStreak + 1 (spec 7.1 rule 3). */
    public CreatureGenome survived() {
        return new CreatureGenome(nodes, muscles, globalFrequencyMultiplier, brain, generation, survivalStreak + 1);
    }
}
