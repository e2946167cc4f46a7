package nas.sim.genome;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.function.BiFunction;
import nas.sim.config.LabConfig;

/**
 * Random creatures (spec 2.3, {@code generate_random_genome}) with the reference's constraints: size
 * 0.2-0.6, stiffness 50-200, frequency 0.5-max_allowed_frequency (the NAS runner's setting), spawn radius 1.5.
 */
public final class GenomeFactory {

    public static final double MIN_SIZE = 0.2;
    public static final double MAX_SIZE = 0.6;
    public static final double SPAWN_RADIUS = 1.5;
    public static final double MIN_FREQUENCY = 0.5;

    private GenomeFactory() {
    }

    /** min(max_nodes, max_muscles + 1): a spanning tree needs n - 1 muscles (spec 2.3 rule 1). */
    public static int effectiveMaxNodes(LabConfig c) {
        return Math.min(c.maxNodes(), c.maxMuscles() + 1);
    }

    /**
     * A random genome.
     *
     * @param brainFactory builds the brain from (muscle count, rng), or null for no brain; it is called
     *                     only when the config uses a network and the creature has muscles (rule 5)
     */
    public static CreatureGenome random(LabConfig c, BiFunction<Integer, RandomGenerator, BrainGenome> brainFactory,
            RandomGenerator rng) {
        // rule 1: node count uniform in [min(min_nodes, eff_max), eff_max]
        int effMax = effectiveMaxNodes(c);
        int lo = Math.min(c.minNodes(), effMax);
        int n = lo + rng.nextInt(effMax - lo + 1);
        // rule 2: size U(0.2, 0.6), friction U(0.3, 0.9), x,z U(-1.5, 1.5), y U(0.3, 2.25)
        List<NodeGene> nodes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double size = uniform(rng, MIN_SIZE, MAX_SIZE);
            double friction = uniform(rng, 0.3, 0.9);
            double x = uniform(rng, -SPAWN_RADIUS, SPAWN_RADIUS);
            double y = uniform(rng, 0.3, 1.5 * SPAWN_RADIUS);
            double z = uniform(rng, -SPAWN_RADIUS, SPAWN_RADIUS);
            nodes.add(new NodeGene(size, friction, x, y, z));
        }
        // rule 3: a random spanning tree (connect a random connected node to a random unconnected one)
        List<MuscleGene> muscles = new ArrayList<>();
        List<Integer> connected = new ArrayList<>();
        List<Integer> unconnected = new ArrayList<>();
        connected.add(0);
        for (int i = 1; i < n; i++) {
            unconnected.add(i);
        }
        double maxFreq = c.maxAllowedFrequency();
        while (!unconnected.isEmpty()) {
            int a = connected.get(rng.nextInt(connected.size()));
            int b = unconnected.remove(rng.nextInt(unconnected.size()));
            muscles.add(createMuscle(a, b, nodes, maxFreq, 0.1, rng));
            connected.add(b);
        }
        // then extra muscles on random pairs until a repeated pair or min(max_muscles, n(n-1)/2)
        int cap = Math.min(c.maxMuscles(), n * (n - 1) / 2);
        while (muscles.size() < cap) {
            int a = rng.nextInt(n);
            int b = rng.nextInt(n - 1);
            if (b >= a) {
                b++;
            }
            if (hasMuscle(muscles, a, b)) {
                break;
            }
            muscles.add(createMuscle(a, b, nodes, maxFreq, 0.1, rng));
        }
        // rule 5: gfm U(0.8, 1.2), brain when neural and the creature has muscles
        double gfm = uniform(rng, 0.8, 1.2);
        BrainGenome brain = null;
        if (c.useNeuralNet() && !muscles.isEmpty() && brainFactory != null) {
            brain = brainFactory.apply(muscles.size(), rng);
        }
        return new CreatureGenome(nodes, muscles, gfm, brain, 0, 0);
    }

    public static boolean hasMuscle(List<MuscleGene> muscles, int a, int b) {
        for (MuscleGene m : muscles) {
            if (m.joins(a, b)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code create_muscle} (spec 2.3 rule 4): restLength = max(0.1, |pA - pB| * U(0.8, 1.2)), stiffness
     * U(50, 200), damping U(2, 4), frequency U(0.5, maxFrequency), amplitude U(minAmplitude, 0.5), phase
     * U(0, 2pi), random unit bias vectors, biasStrength U(0, 0.8), velocityStrength U(0, 0.5),
     * distanceBias U(-1, 1), distanceStrength U(0, 0.5).
     *
     * @param minAmplitude 0.1 at creation, 0 for a muscle added with a new node (spec 7.5)
     */
    public static MuscleGene createMuscle(int a, int b, List<NodeGene> nodes, double maxFrequency,
            double minAmplitude, RandomGenerator rng) {
        double rest = Math.max(0.1, distance(nodes.get(a), nodes.get(b)) * uniform(rng, 0.8, 1.2));
        double stiffness = uniform(rng, 50.0, 200.0);
        double damping = uniform(rng, 2.0, 4.0);
        double frequency = uniform(rng, MIN_FREQUENCY, maxFrequency);
        double amplitude = uniform(rng, minAmplitude, 0.5);
        double phase = uniform(rng, 0.0, 2.0 * Math.PI);
        double[] dir = unitVector(rng);
        double biasStrength = uniform(rng, 0.0, 0.8);
        double[] vel = unitVector(rng);
        double velocityStrength = uniform(rng, 0.0, 0.5);
        double distanceBias = uniform(rng, -1.0, 1.0);
        double distanceStrength = uniform(rng, 0.0, 0.5);
        return new MuscleGene(a, b, rest, stiffness, damping, frequency, amplitude, phase, dir[0], dir[1], dir[2],
                biasStrength, vel[0], vel[1], vel[2], velocityStrength, distanceBias, distanceStrength);
    }

    public static double distance(NodeGene p, NodeGene q) {
        double dx = p.x() - q.x();
        double dy = p.y() - q.y();
        double dz = p.z() - q.z();
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** A uniform random direction (normalised Gaussian vector). */
    public static double[] unitVector(RandomGenerator rng) {
        while (true) {
            double x = rng.nextGaussian();
            double y = rng.nextGaussian();
            double z = rng.nextGaussian();
            double n = Math.sqrt(x * x + y * y + z * z);
            if (n > 1e-9) {
                return new double[] {x / n, y / n, z / n};
            }
        }
    }

    public static double uniform(RandomGenerator rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }
}
