package nas.neat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

        ConnectionGene[] genesA = byInnovation(a);
        ConnectionGene[] genesB = byInnovation(b);
        List<ConnectionGene> chosen = new ArrayList<>(Math.max(genesA.length, genesB.length));
        int ka = 0;
        int kb = 0;
        while (ka < genesA.length || kb < genesB.length) {
            int ia = ka < genesA.length ? genesA[ka].innovation() : Integer.MAX_VALUE;
            int ib = kb < genesB.length ? genesB[kb].innovation() : Integer.MAX_VALUE;
            if (ia == ib) {
                ConnectionGene ga = genesA[ka++];
                ConnectionGene gb = genesB[kb++];
                ConnectionGene pick = rng.nextBoolean() ? ga : gb;
                if (!ga.enabled() || !gb.enabled()) {
                    pick = pick.withEnabled(!(rng.nextDouble() < DISABLE_INHERITANCE));
                }
                chosen.add(pick);
            } else {
                boolean fromA = ia < ib;
                ConnectionGene only = fromA ? genesA[ka++] : genesB[kb++];
                if (equal ? rng.nextDouble() < 0.5 : fromA == aFitter) {
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
        List<ConnectionGene> valid = new ArrayList<>(chosen.size());
        for (ConnectionGene c : chosen) {
            NeuronType from = child.neuron(c.from()).type();
            NeuronType to = child.neuron(c.to()).type();
            if (from.canBeSource() && to.canBeTarget() && pairs.add(NeatGenome.pairKey(c.from(), c.to()))) {
                valid.add(c);
            }
        }
        // Usually the union of two acyclic parents is acyclic: one O(V + E) check then suffices. Otherwise add
        // the genes in order and drop each enabled gene that would close a cycle (same result either way).
        boolean acyclic = isAcyclic(childNeurons, valid);
        for (ConnectionGene c : valid) {
            if (!acyclic && c.enabled() && child.wouldCreateCycle(c.from(), c.to())) {
                continue;
            }
            child.addConnectionGene(c);
        }
        return child;
    }

    /** Kahn's algorithm over the enabled connections: true if every neuron can be ordered. */
    static boolean isAcyclic(List<NeuronGene> neurons, List<ConnectionGene> connections) {
        int n = neurons.size();
        int[] ids = new int[n];
        for (int k = 0; k < n; k++) {
            ids[k] = neurons.get(k).id();
        }
        int[] inDegree = new int[n];
        int[] start = new int[n + 1];
        int enabled = 0;
        for (ConnectionGene c : connections) {
            if (c.enabled()) {
                start[Arrays.binarySearch(ids, c.from()) + 1]++;
                inDegree[Arrays.binarySearch(ids, c.to())]++;
                enabled++;
            }
        }
        for (int k = 0; k < n; k++) {
            start[k + 1] += start[k];
        }
        int[] targets = new int[enabled];
        int[] fill = Arrays.copyOf(start, n);
        for (ConnectionGene c : connections) {
            if (c.enabled()) {
                targets[fill[Arrays.binarySearch(ids, c.from())]++] = Arrays.binarySearch(ids, c.to());
            }
        }
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int k = 0; k < n; k++) {
            if (inDegree[k] == 0) {
                queue[tail++] = k;
            }
        }
        while (head < tail) {
            int k = queue[head++];
            for (int e = start[k]; e < start[k + 1]; e++) {
                if (--inDegree[targets[e]] == 0) {
                    queue[tail++] = targets[e];
                }
            }
        }
        return tail == n;
    }

    /** Genes sorted by innovation (a genome holds each innovation once). */
    private static ConnectionGene[] byInnovation(NeatGenome g) {
        ConnectionGene[] genes = g.connections().toArray(new ConnectionGene[0]);
        Arrays.sort(genes, (x, y) -> Integer.compare(x.innovation(), y.innovation()));
        return genes;
    }
}
