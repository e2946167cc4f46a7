package nas.ga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GenomeBuilderTest {

    private static final NoiseTable NOISE = new NoiseTable(1 << 16, 3);
    private static final Mlp MLP = new Mlp(10, 20, 10);

    static List<GaSettings> allSchemes() {
        List<GaSettings> out = new ArrayList<>();
        for (MutationScheme scheme : MutationScheme.values()) {
            out.add(GaSettings.of(2, 4, 0.1).withScheme(scheme));
            out.add(GaSettings.of(2, 4, 0.1).withScheme(scheme).withMomentum(0.6).withOneLayer(true));
        }
        return out;
    }

    @Test
    void rebuiltWeightsEqualDirectlyMutatedWeightsBitForBit() {
        for (GaSettings settings : allSchemes()) {
            Operators ops = new Operators(MLP.layout(), NOISE, settings);
            SplittableRandom rng = new SplittableRandom(5);
            long[] seeds = new long[40];
            for (int i = 0; i < seeds.length; i++) {
                seeds[i] = rng.nextLong();
            }
            GenomeState direct = ops.newState();
            ops.init(direct, seeds[0]);
            GenomeBuilder cached = new GenomeBuilder(ops, 3);
            Genome g = Genome.init(seeds[0]);
            for (int i = 1; i < seeds.length; i++) {
                ops.mutate(direct, seeds[i]);
                g = g.mutate(seeds[i]);
                // incrementally, through the cache: one mutation per step
                assertThat(cached.build(g).weights).isEqualTo(direct.weights);
            }
            assertThat(cached.operations()).isEqualTo(seeds.length);
            GenomeState replayed = new GenomeBuilder(ops, 0).build(Genome.fromSeeds(seeds));
            assertThat(replayed.weights).isEqualTo(direct.weights);
            assertThat(replayed.logRates).isEqualTo(direct.logRates);
            assertThat(replayed.velocity).isEqualTo(direct.velocity);
            assertThat(g.seeds()).containsExactly(seeds);
        }
    }

    @Test
    void crossoverLineageRebuildsTheSameWithAndWithoutTheCache() {
        GaSettings settings = GaSettings.of(2, 4, 0.1).withCrossover(Crossover.UNIT)
                .withScheme(MutationScheme.SELF_ADAPTIVE);
        Operators ops = new Operators(MLP.layout(), NOISE, settings);
        GenomeBuilder cached = new GenomeBuilder(ops, 8);
        Genome a = Genome.init(1);
        Genome b = Genome.init(2);
        for (int gen = 0; gen < 6; gen++) {
            Genome na = a.cross(b, 10 + gen).mutate(20 + gen);
            Genome nb = b.mutate(30 + gen);
            cached.build(na);
            cached.build(nb);
            a = na;
            b = nb;
        }
        double[] viaCache = cached.build(a).weights.clone();
        assertThat(new GenomeBuilder(ops, 0).build(a).weights).isEqualTo(viaCache);
        assertThatThrownBy(a::seeds).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aChildOfACachedParentCostsOneMutation() {
        Operators ops = new Operators(MLP.layout(), NOISE, GaSettings.of(1, 1, 0.1));
        GenomeBuilder builder = new GenomeBuilder(ops, 4);
        Genome g = Genome.fromSeeds(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        builder.build(g);
        assertThat(builder.operations()).isEqualTo(10); // a cold start replays the chain
        for (long s = 100; s < 110; s++) {
            builder.build(g.mutate(s));
        }
        assertThat(builder.operations()).isEqualTo(20);
        GenomeBuilder none = new GenomeBuilder(ops, 0);
        for (long s = 100; s < 110; s++) {
            none.build(g.mutate(s));
        }
        assertThat(none.operations()).isEqualTo(110); // 11 per child without a cache
    }
}
