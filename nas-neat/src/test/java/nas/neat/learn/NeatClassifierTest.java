package nas.neat.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import nas.neat.BiasMode;
import nas.neat.Fitness;
import nas.neat.NeatEvolution;
import nas.neat.NeatGenome;
import nas.neat.NeatSettings;
import nas.neat.data.Datasets;
import nas.neat.data.Split;
import org.junit.jupiter.api.Test;

class NeatClassifierTest {

    private static NeatClassifier small(int population) {
        NeatSettings d = NeatSettings.classification();
        NeatSettings s = new NeatSettings(population, d.connectivity(), d.biasMode(), d.outputActivation(),
                d.mutation(), d.weightMutationRate(), d.activationMutationRate(), d.activations(), d.crossoverRate(),
                d.distance(), d.compatibilityThreshold(), d.minSpeciesSize(), d.survivalRate(), d.speciesTarget(),
                d.stagnationLimit(), d.refineTop());
        return new NeatClassifier(s, BackpropSettings.DEFAULTS, 300);
    }

    @Test
    void xorIsSolvedWithinFiftyGenerationsInFiveSeedsOfFive() {
        Split xor = Datasets.builtIn("xor", 0);
        for (long seed = 1; seed <= 5; seed++) {
            NeatEvolution.Result r = small(50).run(xor, 50, 2, seed, g -> { });
            assertThat(r.bestScore()).as("seed %d", seed).isEqualTo(1.0);
            assertThat(r.history().size()).isLessThanOrEqualTo(50);
            // The solution is a real network: XOR is not linearly separable, so it needs a hidden neuron.
            assertThat(r.best().hiddenCount()).isPositive();
            assertThat(NeatClassifier.accuracy(r.best(), xor)).isEqualTo(1.0);
        }
    }

    @Test
    void sameSeedSameRunAtAnyThreadCount() {
        Split circles = Datasets.builtIn("circles", 3);
        List<double[]> runs = new ArrayList<>();
        List<NeatGenome> bests = new ArrayList<>();
        for (int threads : new int[] {1, 2, 3}) {
            List<Double> trace = new ArrayList<>();
            NeatEvolution.Result r = small(40).run(circles, 6, threads, 11, g -> {
                trace.add(g.bestFitness());
                trace.add(g.meanFitness());
                trace.add((double) g.species());
                trace.add(g.threshold());
            });
            runs.add(trace.stream().mapToDouble(Double::doubleValue).toArray());
            bests.add(r.best());
        }
        assertThat(runs.get(1)).containsExactly(runs.get(0));
        assertThat(runs.get(2)).containsExactly(runs.get(0));
        assertThat(bests.get(1).connections()).isEqualTo(bests.get(0).connections());
        assertThat(bests.get(2).neurons()).isEqualTo(bests.get(0).neurons());
        NeatEvolution.Result other = small(40).run(circles, 6, 1, 12, g -> { });
        assertThat(other.best().connections()).isNotEqualTo(bests.get(0).connections());
    }

    @Test
    void aDivergedTrainingScoresMinusInfinityAndTheRunGoesOn() {
        Split spirals = Datasets.builtIn("spirals", 1);
        BackpropSettings wild = new BackpropSettings(40, 1e300, 0.0, Optimizer.SGD, Inheritance.LAMARCKIAN, 0, 0);
        BackpropFitness diverging = new BackpropFitness(spirals, wild);
        NeatGenome g = DagNetworkTest.randomGenome(2, 2, BiasMode.NODE, new SplittableRandom(2));
        Fitness.Evaluation<NeatGenome> e = diverging.evaluate(g, 0);
        assertThat(e.fitness()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(e.genome()).isSameAs(g);

        // Every other genome diverges (NaN fitness); evolution keeps going on the rest.
        BackpropFitness fine = new BackpropFitness(spirals, BackpropSettings.DEFAULTS);
        Fitness<NeatGenome> half = (genome, seed) -> (seed & 1) == 0
                ? new Fitness.Evaluation<>(Double.NaN, 0, genome) : fine.evaluate(genome, seed);
        NeatEvolution evolution = new NeatEvolution(2, 2, small(30).neat(), 2, 4);
        NeatEvolution.Result r = evolution.run(half, null, 4, 1.0, gen -> { });
        assertThat(r.history()).hasSize(4);
        assertThat(r.bestFitness()).isGreaterThan(0.3);
    }

    @Test
    void baldwinianKeepsTheGenomeLamarckianReturnsTheTrainedOne() {
        Split circles = Datasets.builtIn("circles", 1);
        NeatGenome g = DagNetworkTest.randomGenome(2, 2, BiasMode.NODE, new SplittableRandom(8));
        BackpropSettings lamarck = BackpropSettings.DEFAULTS;
        BackpropSettings baldwin = new BackpropSettings(40, 5e-3, 1e-4, Optimizer.ADAM, Inheritance.BALDWINIAN,
                1e-3, 5e-4);
        Fitness.Evaluation<NeatGenome> l = new BackpropFitness(circles, lamarck).evaluate(g, 0);
        Fitness.Evaluation<NeatGenome> b = new BackpropFitness(circles, baldwin).evaluate(g, 0);
        assertThat(b.genome()).isSameAs(g);
        assertThat(l.genome().connections()).isNotEqualTo(g.connections());
        assertThat(l.fitness()).isEqualTo(b.fitness());
        // fitness = accuracy - 1e-3 * hidden - 5e-4 * enabled connections
        assertThat(l.fitness()).isEqualTo(l.score() - 1e-3 * g.hiddenCount() - 5e-4 * g.enabledConnectionCount());
        assertThat(NeatClassifier.accuracy(l.genome(), circles)).isEqualTo(l.score());
    }
}
