package nas.sim.genetics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;
import nas.sim.config.LabConfig;
import nas.sim.genome.GenomeFactory;
import nas.sim.genome.MuscleGene;
import nas.sim.genome.NodeGene;

/**
 * Body mutation (spec 7.5): per-gene value mutation ({@code mutate_node}, {@code mutate_muscle}) and the
 * structural mutations add_node, remove_node and add_muscle.
 */
public final class BodyMutation {

    /** A mutated body; {@code muscleSource[j]} is the parent muscle index of muscle j, or -1 if new. */
    public record Body(List<NodeGene> nodes, List<MuscleGene> muscles, double globalFrequencyMultiplier,
            int[] muscleSource) {
    }

    private final LabConfig config;

    public BodyMutation(LabConfig config) {
        this.config = config;
    }

    /** mutate_value(v, lo, hi, mag) = clamp(v + U(-1, 1) * (hi - lo) * mag, lo, hi). */
    static double mutateValue(double v, double lo, double hi, double mag, RandomGenerator rng) {
        double r = v + (2.0 * rng.nextDouble() - 1.0) * (hi - lo) * mag;
        return r < lo ? lo : r > hi ? hi : r;
    }

    /** Value mutation then structural mutation of one body. */
    public Body mutate(List<NodeGene> nodes, List<MuscleGene> muscles, double gfm, double boost, RandomGenerator rng) {
        double rate = Math.min(1.0, config.mutationRate() * boost);
        double mag = config.mutationMagnitude();
        List<NodeGene> ns = new ArrayList<>(nodes.size() + 1);
        for (NodeGene n : nodes) {
            ns.add(mutateNode(n, rate, mag, rng));
        }
        List<MuscleGene> ms = new ArrayList<>(muscles.size() + 1);
        List<Integer> src = new ArrayList<>(muscles.size() + 1);
        for (int j = 0; j < muscles.size(); j++) {
            ms.add(mutateMuscle(muscles.get(j), rate, mag, rng));
            src.add(j);
        }
        double newGfm = gfm;
        if (rng.nextDouble() < rate) {
            newGfm = mutateValue(gfm, 0.3, 2.0, mag, rng);
        }
        structural(ns, ms, src, rng);
        int[] source = new int[src.size()];
        for (int j = 0; j < source.length; j++) {
            source[j] = src.get(j);
        }
        return new Body(ns, ms, newGfm, source);
    }

    private NodeGene mutateNode(NodeGene n, double rate, double mag, RandomGenerator rng) {
        double size = n.size();
        double friction = n.friction();
        double x = n.x();
        double y = n.y();
        double z = n.z();
        if (rng.nextDouble() < rate) {
            size = mutateValue(size, GenomeFactory.MIN_SIZE, GenomeFactory.MAX_SIZE, mag, rng);
        }
        if (rng.nextDouble() < rate) {
            friction = mutateValue(friction, 0.1, 1.0, mag, rng);
        }
        if (rng.nextDouble() < rate) {
            // one decision for the position triple, half magnitude
            x = mutateValue(x, -GenomeFactory.SPAWN_RADIUS, GenomeFactory.SPAWN_RADIUS, mag * 0.5, rng);
            y = mutateValue(y, 0.3, 1.5 * GenomeFactory.SPAWN_RADIUS, mag * 0.5, rng);
            z = mutateValue(z, -GenomeFactory.SPAWN_RADIUS, GenomeFactory.SPAWN_RADIUS, mag * 0.5, rng);
        }
        return new NodeGene(size, friction, x, y, z);
    }

    private MuscleGene mutateMuscle(MuscleGene m, double rate, double mag, RandomGenerator rng) {
        boolean frozenZeros = config.compatZeroGenesFrozen();
        double stiffness = m.stiffness();
        double damping = m.damping();
        double frequency = m.frequency();
        double amplitude = m.amplitude();
        double phase = m.phase();
        double rest = m.restLength();
        if (rng.nextDouble() < rate) {
            stiffness = mutateValue(stiffness, 50.0, 200.0, mag, rng);
        }
        if (rng.nextDouble() < rate) {
            damping = mutateValue(damping, 1.0, 6.0, mag, rng);
        }
        if (rng.nextDouble() < rate) {
            frequency = mutateValue(frequency, GenomeFactory.MIN_FREQUENCY, config.maxAllowedFrequency(), mag, rng);
        }
        if (rng.nextDouble() < rate) {
            amplitude = mutateValue(amplitude, 0.05, 0.5, mag, rng);
        }
        if (rng.nextDouble() < rate) {
            phase = floorMod(phase + (2.0 * rng.nextDouble() - 1.0) * 2.0 * Math.PI * mag, 2.0 * Math.PI);
        }
        if (rng.nextDouble() < rate) {
            // not recomputed when nodes move (spec 7.5)
            rest = mutateValue(rest, 0.2, 4.0, mag * 0.3, rng);
        }
        double[] dir = {m.directionBiasX(), m.directionBiasY(), m.directionBiasZ()};
        if (rng.nextDouble() < rate) {
            mutateDirection(dir, mag, rng);
        }
        double biasStrength = m.biasStrength();
        if (rng.nextDouble() < rate && !(frozenZeros && biasStrength == 0.0)) {
            biasStrength = mutateValue(biasStrength, 0.0, 1.0, mag, rng);
        }
        double[] vel = {m.velocityBiasX(), m.velocityBiasY(), m.velocityBiasZ()};
        if (rng.nextDouble() < rate) {
            mutateDirection(vel, mag, rng);
        }
        double velocityStrength = m.velocityStrength();
        if (rng.nextDouble() < rate && !(frozenZeros && velocityStrength == 0.0)) {
            velocityStrength = mutateValue(velocityStrength, 0.0, 1.0, mag, rng);
        }
        double distanceBias = m.distanceBias();
        if (rng.nextDouble() < rate && !(frozenZeros && distanceBias == 0.0)) {
            distanceBias = mutateValue(distanceBias, -1.0, 1.0, mag, rng);
        }
        double distanceStrength = m.distanceStrength();
        if (rng.nextDouble() < rate && !(frozenZeros && distanceStrength == 0.0)) {
            distanceStrength = mutateValue(distanceStrength, 0.0, 1.0, mag, rng);
        }
        return new MuscleGene(m.nodeA(), m.nodeB(), rest, stiffness, damping, frequency, amplitude, phase, dir[0],
                dir[1], dir[2], biasStrength, vel[0], vel[1], vel[2], velocityStrength, distanceBias, distanceStrength);
    }

    /** Each component +- U * mag, then renormalised (left unchanged if it collapses to zero). */
    private static void mutateDirection(double[] v, double mag, RandomGenerator rng) {
        double x = v[0] + (2.0 * rng.nextDouble() - 1.0) * mag;
        double y = v[1] + (2.0 * rng.nextDouble() - 1.0) * mag;
        double z = v[2] + (2.0 * rng.nextDouble() - 1.0) * mag;
        double n = Math.sqrt(x * x + y * y + z * z);
        if (n > 1e-12) {
            v[0] = x / n;
            v[1] = y / n;
            v[2] = z / n;
        }
    }

    static double floorMod(double v, double m) {
        double r = v % m;
        return r < 0 ? r + m : r;
    }

    /** Structural mutations, each with probability structural_rate, in the order add_node, remove_node, add_muscle. */
    private void structural(List<NodeGene> nodes, List<MuscleGene> muscles, List<Integer> src, RandomGenerator rng) {
        double sr = config.structuralRate();
        if (rng.nextDouble() < sr && nodes.size() < config.maxNodes() && muscles.size() < config.maxMuscles()) {
            addNode(nodes, muscles, src, rng);
        }
        if (rng.nextDouble() < sr && nodes.size() > config.minNodes()) {
            removeNode(nodes, muscles, src, rng);
        }
        if (rng.nextDouble() < sr && muscles.size() < config.maxMuscles()) {
            addMuscle(nodes, muscles, src, rng);
        }
    }

    /**
     * add_node: near a random parent node (x, z +- U * 1.5, y +- U * 1.0, then y >= size/2), size
     * U(min, max), friction U(0.3, 0.8), one muscle to the parent with amplitude U(0, 0.5).
     */
    private void addNode(List<NodeGene> nodes, List<MuscleGene> muscles, List<Integer> src, RandomGenerator rng) {
        int parent = rng.nextInt(nodes.size());
        NodeGene p = nodes.get(parent);
        double size = GenomeFactory.uniform(rng, GenomeFactory.MIN_SIZE, GenomeFactory.MAX_SIZE);
        double friction = GenomeFactory.uniform(rng, 0.3, 0.8);
        double x = p.x() + (2.0 * rng.nextDouble() - 1.0) * 1.5;
        double y = Math.max(size * 0.5, p.y() + (2.0 * rng.nextDouble() - 1.0) * 1.0);
        double z = p.z() + (2.0 * rng.nextDouble() - 1.0) * 1.5;
        nodes.add(new NodeGene(size, friction, x, y, z));
        int child = nodes.size() - 1;
        muscles.add(GenomeFactory.createMuscle(parent, child, nodes, config.maxAllowedFrequency(), 0.0, rng));
        src.add(-1);
    }

    /** remove_node: a random node from the least-connected half, with its muscles. */
    private void removeNode(List<NodeGene> nodes, List<MuscleGene> muscles, List<Integer> src, RandomGenerator rng) {
        int n = nodes.size();
        int[] degree = new int[n];
        for (MuscleGene m : muscles) {
            degree[m.nodeA()]++;
            degree[m.nodeB()]++;
        }
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> degree[i])); // stable
        int half = Math.max(1, n / 2);
        int victim = order.get(rng.nextInt(half));
        nodes.remove(victim);
        for (int j = muscles.size() - 1; j >= 0; j--) {
            MuscleGene m = muscles.get(j);
            if (m.nodeA() == victim || m.nodeB() == victim) {
                muscles.remove(j);
                src.remove(j);
            } else {
                int a = m.nodeA() > victim ? m.nodeA() - 1 : m.nodeA();
                int b = m.nodeB() > victim ? m.nodeB() - 1 : m.nodeB();
                if (a != m.nodeA() || b != m.nodeB()) {
                    muscles.set(j, m.withNodes(a, b));
                }
            }
        }
    }

    /** add_muscle: a random unconnected pair, restLength = distance * U(0.8, 1.2). */
    private void addMuscle(List<NodeGene> nodes, List<MuscleGene> muscles, List<Integer> src, RandomGenerator rng) {
        List<int[]> free = new ArrayList<>();
        for (int a = 0; a < nodes.size(); a++) {
            for (int b = a + 1; b < nodes.size(); b++) {
                if (!GenomeFactory.hasMuscle(muscles, a, b)) {
                    free.add(new int[] {a, b});
                }
            }
        }
        if (free.isEmpty()) {
            return;
        }
        int[] pair = free.get(rng.nextInt(free.size()));
        muscles.add(GenomeFactory.createMuscle(pair[0], pair[1], nodes, config.maxAllowedFrequency(), 0.1, rng));
        src.add(-1);
    }
}
