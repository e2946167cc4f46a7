package nas.neat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class OutputAdapterTest {

    @Test
    void removedMusclesDropTheirOutputsByIndex() {
        InnovationTracker t = new InnovationTracker();
        NeatGenome g = NeatGenome.createMinimal(2, 4, BiasMode.BIAS_NODE, NeatConnectivity.FULL, -0.1, t,
                new SplittableRandom(1));
        // bias 0, inputs 1-2, outputs 3-6; muscles 1 and 3 removed -> outputs 4 and 6 go.
        NeatGenome a = OutputAdapter.adapt(g, new int[] {3, 1}, 2, t, new SplittableRandom(2));
        assertThat(a.ids(NeuronType.OUTPUT)).containsExactly(3, 5);
        assertThat(a.connections()).allSatisfy(c -> assertThat(c.to()).isIn(3, 5));
        assertThat(a.connections()).hasSize(6);
        assertThat(g.outputCount()).as("parent untouched").isEqualTo(4);
    }

    @Test
    void newOutputsGetOneRandomInputLinkAndTheBiasLink() {
        InnovationTracker t = new InnovationTracker();
        NeatGenome g = NeatGenome.createMinimal(3, 1, BiasMode.BIAS_NODE, NeatConnectivity.NONE, -0.1, t,
                new SplittableRandom(1));
        for (int seed = 0; seed < 30; seed++) {
            NeatGenome a = OutputAdapter.adapt(g, new int[0], 3, t, new SplittableRandom(seed));
            assertThat(a.ids(NeuronType.OUTPUT)).containsExactly(4, 5, 6);
            for (int id : new int[] {5, 6}) {
                var links = a.connections().stream().filter(c -> c.to() == id).toList();
                assertThat(links).isNotEmpty().hasSizeLessThanOrEqualTo(2);
                assertThat(links).anySatisfy(c -> assertThat(c.from()).isEqualTo(0));
                if (links.size() == 2) {
                    assertThat(links.get(0).from()).isBetween(1, 3);
                    assertThat(links.get(1).weight()).isEqualTo(OutputAdapter.NEW_OUTPUT_BIAS_WEIGHT);
                }
            }
            NeatTestGenomes.revalidate(a);
        }
    }

    @Test
    void surplusOutputsGoHighestIdFirst() {
        InnovationTracker t = new InnovationTracker();
        NeatGenome g = NeatGenome.createMinimal(2, 5, BiasMode.NODE, NeatConnectivity.FULL, -0.1, t,
                new SplittableRandom(1));
        NeatGenome a = OutputAdapter.adapt(g, new int[0], 2, t, new SplittableRandom(2));
        assertThat(a.ids(NeuronType.OUTPUT)).containsExactly(2, 3);
        assertThat(OutputAdapter.adapt(g, new int[0], 5, t, new SplittableRandom(2))).isSameAs(g);
    }
}
