package nas.sim.neat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * NEAT crossover (spec §7.7), genes aligned by innovation number.
 *
 * <ul>
 *   <li>Matching genes come from either parent at random; if either copy is disabled the child's gene is
 *       disabled with probability {@value #DISABLE_INHERITANCE}, enabled otherwise.</li>
 *   <li>Unequal fitness (difference at least {@value #EQUAL_FITNESS_TOLERANCE}): disjoint and excess genes come
 *       from the fitter parent, whose neurons the child all keeps. Equal fitness: each disjoint or excess gene
 *       is inherited with probability 1/2, and the child keeps the input, bias and output neurons of both.</li>
 *   <li>Neurons the child's connections need are added from whichever parent has them; neurons present in
 *       both parents get a bias interpolated with t ~ U(0, 1).</li>
 *   <li>Connections that became invalid (out of an output, into an input or bias, a pair already present under
 *       an older innovation) are dropped, then enabled connections that would close a cycle, in innovation
 *       order.</li>
 * </ul>
 */
public final class NeatCrossover {

    /** Probability that a matching gene disabled in either parent is disabled in the child. */
    public static final double DISABLE_INHERITANCE = 0.75;
    /** Fitness differences below this count as equal. */
    public static final double EQUAL_FITNESS_TOLERANCE = 1e-6;

    private NeatCrossover() {
    }

    /** A child of {@code a} (fitness {@code fitnessA}) and {@code b} (fitness {@code fitnessB}). */
    public static NeatGenome cross(NeatGenome a, double fitnessA, NeatGenome b, double fitnessB, RandomGenerator rng) {
        boolean equal = Math.abs(fitnessA - fitnessB) < EQUAL_FITNESS_TOLERANCE;
        boolean aFitter = fitnessA > fitnessB;
        NeatGenome primary = equal ? (rng.nextBoolean() ? a : b) : (aFitter ? a : b);
        NeatGenome secondary = primary == a ? b : a;

        TreeMap<Integer, ConnectionGene> genesA = byInnovation(a);
        TreeMap<Integer, ConnectionGene> genesB = byInnovation(b);
        TreeSet<Integer> innovations = new TreeSet<>(genesA.keySet());
        innovations.addAll(genesB.keySet());
        List<ConnectionGene> chosen = new ArrayList<>();
        for (int innovation : innovations) {
            ConnectionGene ga = genesA.get(innovation);
            ConnectionGene gb = genesB.get(innovation);
            if (ga != null && gb != null) {
                ConnectionGene pick = rng.nextBoolean() ? ga : gb;
                if (!ga.enabled() || !gb.enabled()) {
                    pick = pick.withEnabled(!(rng.nextDouble() < DISABLE_INHERITANCE));
                }
                chosen.add(pick);
            } else {
                ConnectionGene only = ga != null ? ga : gb;
                boolean fromFitter = (ga != null) == aFitter;
                if (equal ? rng.nextDouble() < 0.5 : fromFitter) {
                    chosen.add(only);
                }
            }
        }

        // Neurons: the fitter parent's (or both parents' fixed neurons), then whatever the genes need.
        Map<Integer, NeuronGene> neurons = new HashMap<>();
        if (equal) {
            for (NeatGenome p : List.of(primary, secondary)) {
                for (NeuronGene n : p.neurons()) {
                    if (n.type() != NeuronType.HIDDEN) {
                        neurons.putIfAbsent(n.id(), n);
                    }
                }
            }
        } else {
            for (NeuronGene n : primary.neurons()) {
                neurons.put(n.id(), n);
            }
        }
        for (ConnectionGene c : chosen) {
            for (int id : new int[] {c.from(), c.to()}) {
                if (!neurons.containsKey(id)) {
                    NeuronGene n = primary.neuron(id);
                    neurons.put(id, n != null ? n : secondary.neuron(id));
                }
            }
        }
        List<NeuronGene> childNeurons = new ArrayList<>(new TreeMap<>(neurons).values());
        for (int i = 0; i < childNeurons.size(); i++) {
            NeuronGene n = childNeurons.get(i);
            NeuronGene pa = a.neuron(n.id());
            NeuronGene pb = b.neuron(n.id());
            if (pa != null && pb != null) {
                double t = rng.nextDouble();
                childNeurons.set(i, n.withBias(pa.bias() + t * (pb.bias() - pa.bias())));
            }
        }

        NeatGenome child = new NeatGenome(primary.biasMode(), childNeurons, List.of());
        Set<Long> pairs = new HashSet<>();
        for (ConnectionGene c : chosen) {
            NeuronType from = child.neuron(c.from()).type();
            NeuronType to = child.neuron(c.to()).type();
            if (!from.canBeSource() || !to.canBeTarget()) {
                continue;
            }
            if (pairs.contains(NeatGenome.pairKey(c.from(), c.to()))) {
                continue;
            }
            if (c.enabled() && child.wouldCreateCycle(c.from(), c.to())) {
                continue;
            }
            pairs.add(NeatGenome.pairKey(c.from(), c.to()));
            child.addConnectionGene(c);
        }
        return child;
    }

    private static TreeMap<Integer, ConnectionGene> byInnovation(NeatGenome g) {
        TreeMap<Integer, ConnectionGene> map = new TreeMap<>();
        for (ConnectionGene c : g.connections()) {
            map.putIfAbsent(c.innovation(), c);
        }
        return map;
    }
}
