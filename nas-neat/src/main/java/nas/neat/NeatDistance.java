package nas.neat;

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

    /**
     * A genome's connection genes sorted by innovation, the form the distance needs; immutable, so a brain can
     * compute it once and reuse it for every comparison of a speciation pass.
     */
    public static final class Genes {
        private final int[] innovations;
        private final double[] weights;

        private Genes(int[] innovations, double[] weights) {
            this.innovations = innovations;
            this.weights = weights;
        }

        /** The sorted genes of {@code genome}. */
        public static Genes of(NeatGenome genome) {
            List<ConnectionGene> genes = genome.connections();
            long[] keys = new long[genes.size()];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = ((long) genes.get(k).innovation() << 32) | k;
            }
            Arrays.sort(keys);
            int[] inn = new int[keys.length];
            double[] w = new double[keys.length];
            for (int k = 0; k < keys.length; k++) {
                inn[k] = (int) (keys[k] >> 32);
                w[k] = genes.get((int) keys[k]).weight();
            }
            return new Genes(inn, w);
        }

        public int size() {
            return innovations.length;
        }
    }

    /** The distance between two genomes (symmetric). */
    public double between(NeatGenome a, NeatGenome b) {
        if (a.connections().isEmpty() && b.connections().isEmpty()) {
            return biasDistance(a, b);
        }
        return between(Genes.of(a), Genes.of(b));
    }

    /**
     * The distance from precomputed genes; when neither genome has connections this is 0 (the neuron-bias
     * fallback needs the genomes, see {@link #between(NeatGenome, NeatGenome)}).
     */
    public double between(Genes a, Genes b) {
        int na = a.innovations.length;
        int nb = b.innovations.length;
        if (na == 0 && nb == 0) {
            return 0.0;
        }
        if (na == 0 || nb == 0) {
            return excess * (na == 0 ? nb : na);
        }
        int maxA = a.innovations[na - 1];
        int maxB = b.innovations[nb - 1];
        int i = 0;
        int j = 0;
        int excessCount = 0;
        int disjointCount = 0;
        int matching = 0;
        double weightDiff = 0;
        while (i < na || j < nb) {
            int ia = i < na ? a.innovations[i] : Integer.MAX_VALUE;
            int ib = j < nb ? b.innovations[j] : Integer.MAX_VALUE;
            if (ia == ib) {
                weightDiff += Math.abs(a.weights[i] - b.weights[j]);
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
        double n = Math.max(Math.max(na, nb), 1);
        double meanWeight = matching == 0 ? 0.0 : weightDiff / matching;
        return excess * excessCount / n + disjoint * disjointCount / n + weight * meanWeight;
    }

    /** Both genomes without connections: the mean absolute bias difference over shared neuron ids. */
    public static double biasDistance(NeatGenome a, NeatGenome b) {
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
}
