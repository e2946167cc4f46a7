package nas.sim.neat;

import java.util.Arrays;
import java.util.List;

/**
 * NEAT compatibility distance (Stanley and Miikkulainen 2002, eq. 1; spec §7.7):
 * delta = c1·E/N + c2·D/N + c3·W, with E excess and D disjoint genes (disabled genes count), W the mean
 * absolute weight difference of matching genes and N = max(|genes a|, |genes b|, 1), always normalised.
 * If exactly one genome has no connections, delta = c1 x the other's gene count; if neither has any,
 * delta = the mean absolute bias difference over the neuron ids both have.
 *
 * @param excess   c1 ({@code neat_excess_coefficient}, default 1)
 * @param disjoint c2 ({@code neat_disjoint_coefficient}, default 1)
 * @param weight   c3 ({@code neat_weight_coefficient}, default 0.4)
 */
public record NeatDistance(double excess, double disjoint, double weight) {

    /** The reference defaults c1 = 1, c2 = 1, c3 = 0.4. */
    public static final NeatDistance DEFAULT = new NeatDistance(1.0, 1.0, 0.4);

    public NeatDistance {
        for (double c : new double[] {excess, disjoint, weight}) {
            if (!(c >= 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException("distance coefficients must be finite and >= 0, got c1=" + excess
                        + ", c2=" + disjoint + ", c3=" + weight);
            }
        }
    }

    /** The distance between two genomes (symmetric). */
    public double between(NeatGenome a, NeatGenome b) {
        List<ConnectionGene> ca = a.connections();
        List<ConnectionGene> cb = b.connections();
        if (ca.isEmpty() && cb.isEmpty()) {
            double sum = 0;
            int shared = 0;
            for (NeuronGene n : a.neurons()) {
                NeuronGene m = b.neuron(n.id());
                if (m != null) {
                    sum += Math.abs(n.bias() - m.bias());
                    shared++;
                }
            }
            return shared == 0 ? 0.0 : sum / shared;
        }
        if (ca.isEmpty() || cb.isEmpty()) {
            return excess * (ca.isEmpty() ? cb.size() : ca.size());
        }
        long[] ga = sorted(ca);
        long[] gb = sorted(cb);
        int maxA = innovation(ga[ga.length - 1]);
        int maxB = innovation(gb[gb.length - 1]);
        int i = 0;
        int j = 0;
        int excessCount = 0;
        int disjointCount = 0;
        int matching = 0;
        double weightDiff = 0;
        while (i < ga.length || j < gb.length) {
            int ia = i < ga.length ? innovation(ga[i]) : Integer.MAX_VALUE;
            int ib = j < gb.length ? innovation(gb[j]) : Integer.MAX_VALUE;
            if (ia == ib) {
                weightDiff += Math.abs(ca.get(index(ga[i])).weight() - cb.get(index(gb[j])).weight());
                matching++;
                i++;
                j++;
            } else if (ia < ib) {
                if (ia > maxB) {
                    excessCount++;
                } else {
                    disjointCount++;
                }
                i++;
            } else {
                if (ib > maxA) {
                    excessCount++;
                } else {
                    disjointCount++;
                }
                j++;
            }
        }
        double n = Math.max(Math.max(ca.size(), cb.size()), 1);
        double meanWeight = matching == 0 ? 0.0 : weightDiff / matching;
        return excess * excessCount / n + disjoint * disjointCount / n + weight * meanWeight;
    }

    /** Innovation in the high 32 bits, list index in the low 32: sorting orders by innovation. */
    private static long[] sorted(List<ConnectionGene> genes) {
        long[] keys = new long[genes.size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = ((long) genes.get(k).innovation() << 32) | k;
        }
        Arrays.sort(keys);
        return keys;
    }

    private static int innovation(long key) {
        return (int) (key >> 32);
    }

    private static int index(long key) {
        return (int) key;
    }
}
