package nas.sim.genetics;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import nas.sim.config.LabConfig;
import nas.sim.genome.CreatureGenome;
import nas.sim.genome.GenomeFactory;
import nas.sim.genome.MuscleGene;
import nas.sim.genome.NodeGene;

/**
 * Body crossover ({@code single_point_crossover}, spec 7.3) and clone (spec 7.6). The child takes parent
 * 1's structure, capped at the effective node maximum and max_muscles.
 */
public final class BodyCrossover {

    private final LabConfig config;

    public BodyCrossover(LabConfig config) {
        this.config = config;
    }

    /**
     * The child body of p1 and p2; {@code muscleSource[j]} is the index in p1's muscle list of child
     * muscle j (its network output in p1).
     */
    public BodyMutation.Body cross(CreatureGenome p1, CreatureGenome p2, RandomGenerator rng) {
        List<NodeGene> n1 = p1.nodes();
        List<NodeGene> n2 = p2.nodes();
        int count = Math.min(n1.size(), GenomeFactory.effectiveMaxNodes(config));
        List<NodeGene> nodes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            NodeGene a = n1.get(i);
            NodeGene b = n2.get(i % n2.size());
            double t = rng.nextDouble();
            double tp = t * 0.5; // positions move at most halfway
            nodes.add(new NodeGene(lerp(a.size(), b.size(), t), lerp(a.friction(), b.friction(), t),
                    lerp(a.x(), b.x(), tp), lerp(a.y(), b.y(), tp), lerp(a.z(), b.z(), tp)));
        }
        List<MuscleGene> m1 = p1.muscles();
        List<MuscleGene> m2 = p2.muscles();
        List<MuscleGene> muscles = new ArrayList<>();
        List<Integer> src = new ArrayList<>();
        for (int i = 0; i < m1.size() && muscles.size() < config.maxMuscles(); i++) {
            MuscleGene a = m1.get(i);
            if (a.nodeA() >= count || a.nodeB() >= count) {
                continue;
            }
            MuscleGene b = m2.isEmpty() ? a : m2.get(i % m2.size());
            double t = rng.nextDouble();
            double[] dir = lerpUnit(a.directionBiasX(), a.directionBiasY(), a.directionBiasZ(), b.directionBiasX(),
                    b.directionBiasY(), b.directionBiasZ(), t);
            double[] vel = lerpUnit(a.velocityBiasX(), a.velocityBiasY(), a.velocityBiasZ(), b.velocityBiasX(),
                    b.velocityBiasY(), b.velocityBiasZ(), t);
            double rest = Math.max(0.1, GenomeFactory.distance(nodes.get(a.nodeA()), nodes.get(a.nodeB()))
                    * GenomeFactory.uniform(rng, 0.9, 1.1));
            muscles.add(new MuscleGene(a.nodeA(), a.nodeB(), rest, lerp(a.stiffness(), b.stiffness(), t),
                    lerp(a.damping(), b.damping(), t), lerp(a.frequency(), b.frequency(), t),
                    lerp(a.amplitude(), b.amplitude(), t),
                    BodyMutation.floorMod(lerp(a.phase(), b.phase(), t), 2.0 * Math.PI), dir[0], dir[1], dir[2],
                    lerp(a.biasStrength(), b.biasStrength(), t), vel[0], vel[1], vel[2],
                    lerp(a.velocityStrength(), b.velocityStrength(), t), lerp(a.distanceBias(), b.distanceBias(), t),
                    lerp(a.distanceStrength(), b.distanceStrength(), t)));
            src.add(i);
        }
        double gfm = lerp(p1.globalFrequencyMultiplier(), p2.globalFrequencyMultiplier(), rng.nextDouble());
        return new BodyMutation.Body(nodes, muscles, gfm, toArray(src));
    }

    /** Clone (spec 7.6): the body capped at the effective node maximum and max_muscles. */
    public BodyMutation.Body cloneBody(CreatureGenome p) {
        int count = Math.min(p.nodes().size(), GenomeFactory.effectiveMaxNodes(config));
        List<NodeGene> nodes = new ArrayList<>(p.nodes().subList(0, count));
        List<MuscleGene> muscles = new ArrayList<>();
        List<Integer> src = new ArrayList<>();
        List<MuscleGene> m = p.muscles();
        for (int i = 0; i < m.size() && muscles.size() < config.maxMuscles(); i++) {
            if (m.get(i).nodeA() < count && m.get(i).nodeB() < count) {
                muscles.add(m.get(i));
                src.add(i);
            }
        }
        return new BodyMutation.Body(nodes, muscles, p.globalFrequencyMultiplier(), toArray(src));
    }

    static int[] toArray(List<Integer> list) {
        int[] a = new int[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }

    static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    private static double[] lerpUnit(double ax, double ay, double az, double bx, double by, double bz, double t) {
        double x = lerp(ax, bx, t);
        double y = lerp(ay, by, t);
        double z = lerp(az, bz, t);
        double n = Math.sqrt(x * x + y * y + z * z);
        return n > 1e-12 ? new double[] {x / n, y / n, z / n} : new double[] {ax, ay, az};
    }
}
