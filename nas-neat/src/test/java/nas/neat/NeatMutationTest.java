package nas.neat;

import static nas.neat.NeatTestGenomes.conn;
import static nas.neat.NeatTestGenomes.hidden;
import static nas.neat.NeatTestGenomes.input;
import static nas.neat.NeatTestGenomes.output;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class NeatMutationTest {

    /** in0 -> h2 -> h3 -> out1, plus a disabled h3 -> h2 that would close a cycle. */
    private static NeatGenome chain() {
        return new NeatGenome(BiasMode.NODE, List.of(input(0), output(1, 0), hidden(2, 0), hidden(3, 0)),
                List.of(conn(0, 2, 1, true, 0), conn(2, 3, 1, true, 1), conn(3, 1, 1, true, 2),
                        conn(3, 2, 0.5, false, 3)));
    }

    @Test
    void cycleDetectionFollowsEnabledPathsOnly() {
        NeatGenome g = chain();
        assertThat(g.wouldCreateCycle(3, 2)).isTrue();
        assertThat(g.wouldCreateCycle(1, 0)).isTrue();
        assertThat(g.wouldCreateCycle(2, 2)).isTrue();
        assertThat(g.wouldCreateCycle(0, 3)).isFalse();
        assertThat(g.wouldCreateCycle(2, 1)).isFalse();
        NeatGenome broken = g.copy();
        broken.setConnection(1, broken.connections().get(1).withEnabled(false));
        assertThat(broken.wouldCreateCycle(3, 2)).isFalse();
    }

    @Test
    void validationRejectsEnabledCyclesAndInvalidEnds() {
        assertThatThrownBy(() -> new NeatGenome(BiasMode.NODE, List.of(input(0), output(1, 0), hidden(2, 0), hidden(3, 0)),
                List.of(conn(2, 3, 1, true, 0), conn(3, 2, 1, true, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cycle");
        assertThatThrownBy(() -> new NeatGenome(BiasMode.NODE, List.of(input(0), output(1, 0)),
                List.of(conn(1, 0, 1, true, 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OUTPUT->INPUT");
    }

    @Test
    void enableNeverPicksACycleClosingConnection() {
        NeatGenome g = chain();
        for (int seed = 0; seed < 50; seed++) {
            NeatGenome copy = g.copy();
            assertThat(NeatMutation.enableConnection(copy, new SplittableRandom(seed))).isFalse();
            assertThat(copy.connections().get(3).enabled()).isFalse();
        }
    }

    @Test
    void addConnectionOnlyAddsNewAcyclicPairs() {
        SplittableRandom rng = new SplittableRandom(77);
        InnovationTracker t = new InnovationTracker(10);
        NeatGenome g = chain();
        for (int i = 0; i < 30; i++) {
            int before = g.connections().size();
            if (NeatMutation.addConnection(g, t, rng)) {
                ConnectionGene added = g.connections().get(before);
                assertThat(added.from()).isNotEqualTo(1);
                assertThat(g.neuron(added.to()).type().canBeTarget()).isTrue();
                assertThat(Math.abs(added.weight())).isLessThanOrEqualTo(0.5);
            }
            NeatTestGenomes.revalidate(g);
        }
        // 0->1, 0->3 and 2->1 are the only possible new pairs: the genome saturates at 7 connections.
        assertThat(g.connections()).hasSize(7);
    }

    @Test
    void longRandomMutationSequencesStayValidAndWithinTheHiddenLimit() {
        SplittableRandom rng = new SplittableRandom(4);
        InnovationTracker t = new InnovationTracker();
        NeatMutationParams p = new NeatMutationParams(0.6, 0.9, 0.3, 0.3, 0.5, 7, 0.3, 0.2, false);
        for (int run = 0; run < 20; run++) {
            NeatGenome g = NeatGenome.createMinimal(5, 4, run % 2 == 0 ? BiasMode.NODE : BiasMode.BIAS_NODE,
                    NeatConnectivity.values()[run % 4], -0.1, t, rng);
            for (int k = 0; k < 100; k++) {
                g = NeatMutation.mutate(g, p, 0.8, t, rng);
                NeatTestGenomes.revalidate(g);
                assertThat(g.hiddenCount()).isLessThanOrEqualTo(7);
                assertThat(g.inputCount()).isEqualTo(5);
                assertThat(g.outputCount()).isEqualTo(4);
            }
            NeatTestGenomes.revalidate(g);
            t.endGeneration();
        }
    }

    @Test
    void biasesMutateInNodeModeUnlessTheReferenceSwitchFreezesThem() {
        NeatGenome g = NeatGenome.createMinimal(3, 3, BiasMode.NODE, NeatConnectivity.FULL, -0.1,
                new InnovationTracker(), new SplittableRandom(1));
        NeatMutationParams correct = new NeatMutationParams(0, 0, 0, 0, 0.5, 8, 1.0, 0.2, false);
        NeatMutationParams frozen = new NeatMutationParams(0, 0, 0, 0, 0.5, 8, 1.0, 0.2, true);
        NeatGenome m1 = NeatMutation.mutate(g, correct, 0.0, new InnovationTracker(), new SplittableRandom(2));
        NeatGenome m2 = NeatMutation.mutate(g, frozen, 0.0, new InnovationTracker(), new SplittableRandom(2));
        assertThat(m1.neurons()).filteredOn(n -> n.type() == NeuronType.OUTPUT).extracting(NeuronGene::bias)
                .doesNotContain(-0.1).hasSize(3);
        assertThat(m1.neurons()).filteredOn(n -> n.type() == NeuronType.INPUT).extracting(NeuronGene::bias)
                .containsOnly(0.0);
        assertThat(m2.neurons()).extracting(NeuronGene::bias).containsExactlyElementsOf(
                g.neurons().stream().map(NeuronGene::bias).toList());
        // Weight rate 0: connections untouched in both.
        assertThat(m1.connections()).containsExactlyElementsOf(g.connections());
    }

    @Test
    void weightMutationRateOneTouchesEveryWeightAndRateZeroNone() {
        NeatGenome g = NeatGenome.createMinimal(4, 3, BiasMode.BIAS_NODE, NeatConnectivity.FULL, -0.1,
                new InnovationTracker(), new SplittableRandom(1));
        NeatMutationParams p = NeatMutationParams.of(0, 0, 0, 0, 0.5, 8);
        NeatGenome all = NeatMutation.mutate(g, p, 1.0, new InnovationTracker(), new SplittableRandom(3));
        for (int i = 0; i < g.connections().size(); i++) {
            assertThat(all.connections().get(i).weight()).isNotEqualTo(g.connections().get(i).weight());
        }
        assertThat(all.neurons()).containsExactlyElementsOf(g.neurons());
    }

    @Test
    void mutationIsDeterministicInTheSeed() {
        NeatGenome a = NeatTestGenomes.grown(6, 4, 25, BiasMode.NODE, new InnovationTracker(), new SplittableRandom(8));
        NeatGenome b = NeatTestGenomes.grown(6, 4, 25, BiasMode.NODE, new InnovationTracker(), new SplittableRandom(8));
        NeatGenome c = NeatTestGenomes.grown(6, 4, 25, BiasMode.NODE, new InnovationTracker(), new SplittableRandom(9));
        assertThat(a.neurons()).isEqualTo(b.neurons());
        assertThat(a.connections()).isEqualTo(b.connections());
        assertThat(a.connections()).isNotEqualTo(c.connections());
    }
}
