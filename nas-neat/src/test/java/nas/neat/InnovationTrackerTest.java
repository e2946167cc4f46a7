package nas.neat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class InnovationTrackerTest {

    @Test
    void sameStructureInOneGenerationGetsOneNumberAndANewOneLater() {
        InnovationTracker t = new InnovationTracker();
        int a = t.connection(3, 7);
        int b = t.connection(7, 3);
        assertThat(t.connection(3, 7)).isEqualTo(a);
        assertThat(b).isEqualTo(a + 1);
        int split = t.splitNeuron(a);
        assertThat(t.splitNeuron(a)).isEqualTo(split).isEqualTo(a + 2);
        t.endGeneration();
        assertThat(t.connection(3, 7)).isEqualTo(a + 3);
        assertThat(t.splitNeuron(a)).isEqualTo(a + 4);
        assertThat(t.nextInnovation()).isEqualTo(a + 5);
    }

    @Test
    void initialGenomesShareTheirInnovationNumbers() {
        InnovationTracker t = new InnovationTracker();
        SplittableRandom rng = new SplittableRandom(1);
        NeatGenome g1 = NeatGenome.createMinimal(3, 2, BiasMode.BIAS_NODE, NeatConnectivity.FULL, -0.1, t, rng);
        NeatGenome g2 = NeatGenome.createMinimal(3, 2, BiasMode.BIAS_NODE, NeatConnectivity.FULL, -0.1, t, rng);
        // bias 0, inputs 1..3, outputs 4..5: 6 neuron numbers, then 6 input links and 2 bias links.
        assertThat(g1.neurons()).extracting(NeuronGene::innovation).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(g1.connections()).extracting(ConnectionGene::innovation)
                .containsExactly(6, 7, 8, 9, 10, 11, 12, 13);
        assertThat(g2.connections()).extracting(ConnectionGene::innovation)
                .containsExactlyElementsOf(g1.connections().stream().map(ConnectionGene::innovation).toList());
        assertThat(g1.connections().get(6)).extracting(ConnectionGene::from, ConnectionGene::to, ConnectionGene::weight)
                .containsExactly(0, 4, -0.1);
        assertThat(g1.connections()).extracting(ConnectionGene::weight).isNotEqualTo(
                g2.connections().stream().map(ConnectionGene::weight).toList());
    }

    @Test
    void splittingTheSameConnectionInTwoGenomesNumbersTheNewGenesAlike() {
        InnovationTracker t = new InnovationTracker();
        NeatGenome parent = new NeatGenome(BiasMode.NODE,
                List.of(NeatTestGenomes.input(0), NeatTestGenomes.input(1), NeatTestGenomes.output(2, 0)),
                List.of(NeatTestGenomes.conn(0, 2, 0.7, true, 0), NeatTestGenomes.conn(1, 2, -0.2, true, 1)));
        t = new InnovationTracker(2);
        NeatGenome a = parent.copy();
        NeatGenome b = parent.copy();
        // Force the same split: disable connection 1 first so 0->2 is the only enabled one.
        a.setConnection(1, a.connections().get(1).withEnabled(false));
        b.setConnection(1, b.connections().get(1).withEnabled(false));
        assertThat(NeatMutation.addNode(a, 5, t, new SplittableRandom(1))).isTrue();
        assertThat(NeatMutation.addNode(b, 5, t, new SplittableRandom(2))).isTrue();
        assertThat(a.neuron(3).innovation()).isEqualTo(2).isEqualTo(b.neuron(3).innovation());
        assertThat(a.connections().subList(2, 4)).containsExactlyElementsOf(b.connections().subList(2, 4));
        assertThat(a.connections().get(2)).isEqualTo(new ConnectionGene(0, 3, 1.0, true, 3));
        assertThat(a.connections().get(3)).isEqualTo(new ConnectionGene(3, 2, 0.7, true, 4));
        assertThat(a.connections().get(0).enabled()).isFalse();
        // The same split in the next generation is a new innovation.
        t.endGeneration();
        NeatGenome c = parent.copy();
        c.setConnection(1, c.connections().get(1).withEnabled(false));
        NeatMutation.addNode(c, 5, t, new SplittableRandom(3));
        assertThat(c.neuron(3).innovation()).isEqualTo(5);
        assertThat(c.connections().get(2).innovation()).isEqualTo(6);
    }

    @Test
    void aGenerationOfMutantsNeverReusesANumberForADifferentPair() {
        InnovationTracker t = new InnovationTracker();
        SplittableRandom rng = new SplittableRandom(9);
        java.util.Map<Integer, Long> pairOf = new java.util.HashMap<>();
        for (int gen = 0; gen < 5; gen++) {
            for (int k = 0; k < 30; k++) {
                NeatGenome g = NeatTestGenomes.grown(4, 3, 6, BiasMode.BIAS_NODE, t, rng);
                for (ConnectionGene c : g.connections()) {
                    long pair = NeatGenome.pairKey(c.from(), c.to());
                    assertThat(pairOf.merge(c.innovation(), pair, (x, y) -> x)).isEqualTo(pair);
                }
            }
            t.endGeneration();
        }
    }
}
