package nas.neat;

import static nas.neat.NeatTestGenomes.conn;
import static nas.neat.NeatTestGenomes.hidden;
import static nas.neat.NeatTestGenomes.input;
import static nas.neat.NeatTestGenomes.output;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Parents of figure 4 of Stanley and Miikkulainen (2002): inputs 1-3, output 4, hidden 5 (and 6). */
class NeatCrossoverTest {

    static NeatGenome parent1() {
        return new NeatGenome(BiasMode.NODE, List.of(input(1), input(2), input(3), output(4, 0.2), hidden(5, 0.0)),
                List.of(conn(1, 4, 0.5, true, 1), conn(2, 4, 0.5, false, 2), conn(3, 4, 0.5, true, 3),
                        conn(2, 5, 0.5, true, 4), conn(5, 4, 0.5, true, 5), conn(1, 5, 0.5, true, 8)));
    }

    static NeatGenome parent2() {
        return new NeatGenome(BiasMode.NODE,
                List.of(input(1), input(2), input(3), output(4, -0.6), hidden(5, 0.4), hidden(6, 0.0)),
                List.of(conn(1, 4, 0.1, true, 1), conn(2, 4, 0.5, false, 2), conn(3, 4, 0.9, true, 3),
                        conn(2, 5, 0.5, true, 4), conn(5, 4, -0.5, false, 5), conn(5, 6, 0.3, true, 6),
                        conn(6, 4, 0.3, true, 7), conn(3, 5, 0.3, true, 9), conn(1, 6, 0.3, true, 10)));
    }

    private static List<Integer> innovations(NeatGenome g) {
        return g.connections().stream().map(ConnectionGene::innovation).toList();
    }

    @Test
    void fitterParentGivesDisjointAndExcessGenesAndItsNeurons() {
        for (int seed = 0; seed < 20; seed++) {
            NeatGenome c1 = NeatCrossover.cross(parent1(), 10, parent2(), 5, new SplittableRandom(seed));
            assertThat(innovations(c1)).containsExactly(1, 2, 3, 4, 5, 8);
            assertThat(c1.neurons()).extracting(NeuronGene::id).containsExactly(1, 2, 3, 4, 5);
            assertThat(c1.connections().get(0).weight()).isIn(0.5, 0.1);
            assertThat(c1.connections().get(2).weight()).isIn(0.5, 0.9);
            assertThat(c1.connections().get(5).weight()).isEqualTo(0.5);
            NeatGenome c2 = NeatCrossover.cross(parent1(), 1, parent2(), 5, new SplittableRandom(seed));
            assertThat(innovations(c2)).containsExactly(1, 2, 3, 4, 5, 6, 7, 9, 10);
            assertThat(c2.neurons()).extracting(NeuronGene::id).containsExactly(1, 2, 3, 4, 5, 6);
            NeatTestGenomes.revalidate(c2);
        }
    }

    @Test
    void equalFitnessInheritsEachUnmatchedGeneWithProbabilityOneHalf() {
        int trials = 4000;
        int[] counts = new int[11];
        SplittableRandom rng = new SplittableRandom(11);
        for (int t = 0; t < trials; t++) {
            NeatGenome c = NeatCrossover.cross(parent1(), 0, parent2(), 0, rng);
            for (int inn : innovations(c)) {
                counts[inn]++;
            }
            assertThat(c.neurons()).extracting(NeuronGene::id).contains(1, 2, 3, 4);
            NeatTestGenomes.revalidate(c);
        }
        for (int matching = 1; matching <= 5; matching++) {
            assertThat(counts[matching]).isEqualTo(trials);
        }
        for (int unmatched : new int[] {6, 7, 8, 9, 10}) {
            // Binomial(4000, 0.5): sd 31.6, so +-150 is about 4.7 sd.
            assertThat(counts[unmatched]).isBetween(1850, 2150);
        }
    }

    @Test
    void geneDisabledInEitherParentIsDisabledThreeTimesInFour() {
        int trials = 4000;
        int disabled2 = 0;
        int disabled5 = 0;
        SplittableRandom rng = new SplittableRandom(5);
        for (int t = 0; t < trials; t++) {
            NeatGenome c = NeatCrossover.cross(parent1(), 10, parent2(), 5, rng);
            assertThat(c.connections().get(0).enabled()).isTrue();
            assertThat(c.connections().get(2).enabled()).isTrue();
            disabled2 += c.connections().get(1).enabled() ? 0 : 1;
            disabled5 += c.connections().get(4).enabled() ? 0 : 1;
        }
        // Binomial(4000, 0.75): sd 27.4.
        assertThat(disabled2).isBetween(2890, 3110);
        assertThat(disabled5).isBetween(2890, 3110);
    }

    @Test
    void sharedNeuronBiasesAreInterpolated() {
        Set<Double> seen = new HashSet<>();
        for (int seed = 0; seed < 50; seed++) {
            NeatGenome c = NeatCrossover.cross(parent1(), 10, parent2(), 5, new SplittableRandom(seed));
            double b4 = c.neuron(4).bias();
            double b5 = c.neuron(5).bias();
            assertThat(b4).isBetween(-0.6, 0.2);
            assertThat(b5).isBetween(0.0, 0.4);
            seen.add(b4);
        }
        assertThat(seen).hasSizeGreaterThan(45);
    }

    @Test
    void cycleAndDuplicatePairConflictsAreDroppedInInnovationOrder() {
        // A has 5->6 (innovation 30) and 1->4 under innovation 1; B has 6->5 (31) and 1->4 again under 40.
        NeatGenome a = new NeatGenome(BiasMode.NODE, List.of(input(1), output(4, 0), hidden(5, 0), hidden(6, 0)),
                List.of(conn(1, 4, 0.1, true, 1), conn(5, 6, 0.2, true, 30)));
        NeatGenome b = new NeatGenome(BiasMode.NODE, List.of(input(1), output(4, 0), hidden(5, 0), hidden(6, 0)),
                List.of(conn(6, 5, 0.3, true, 31), conn(1, 4, 0.4, true, 40)));
        int both = 0;
        for (int seed = 0; seed < 200; seed++) {
            NeatGenome c = NeatCrossover.cross(a, 3, b, 3, new SplittableRandom(seed));
            NeatTestGenomes.revalidate(c);
            List<Integer> inn = innovations(c);
            assertThat(inn.contains(30) && inn.contains(31)).as("cycle 5->6->5").isFalse();
            assertThat(inn.contains(1) && inn.contains(40)).as("pair 1->4 twice").isFalse();
            if (inn.contains(1)) {
                both++;
            }
        }
        assertThat(both).isBetween(60, 140);
    }
}
