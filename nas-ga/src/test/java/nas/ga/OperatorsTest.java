package nas.ga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OperatorsTest {

    private static final NoiseTable NOISE = new NoiseTable(1 << 16, 7);
    private static final Mlp MLP = new Mlp(12, 16, 8, 10); // 498 parameters

    private static Operators ops(GaSettings s) {
        return new Operators(MLP.layout(), NOISE, s);
    }

    @Test
    void initialWeightsHaveVarianceOneOverFanIn() {
        Mlp big = new Mlp(400, 300, 10);
        double[] w = Operators.initialWeights(big.layout(), new NoiseTable(1 << 18, 1), 3);
        Tensor w0 = big.layout().tensors().get(0);
        // E|w0|² = rows·cols/cols = rows = 300; 120000 values: relative error ~ 0.4%
        assertThat(w0.norm(w) * w0.norm(w)).isCloseTo(300, within(300 * 0.03));
        assertThat(big.layout().tensors().get(1).norm(w)).isZero();
    }

    @Test
    void normPreservingMutationKeepsEveryWeightMatrixNormWhateverTheSeeds() {
        SplittableRandom rng = new SplittableRandom(11);
        for (boolean oneLayer : new boolean[] {false, true}) {
            for (double momentum : new double[] {0, 0.5}) {
                Operators ops = ops(GaSettings.of(1, 1, 0.3).withScheme(MutationScheme.NORM_PRESERVING)
                        .withMomentum(momentum).withOneLayer(oneLayer));
                GenomeState s = ops.newState();
                ops.init(s, rng.nextLong());
                double[] before = MLP.layout().norms(s.weights);
                double[] first = s.weights.clone();
                for (int k = 0; k < 200; k++) {
                    ops.mutate(s, rng.nextLong());
                    double[] now = MLP.layout().norms(s.weights);
                    for (int t = 0; t < now.length; t++) {
                        if (MLP.layout().tensors().get(t).weight()) {
                            assertThat(now[t]).isCloseTo(before[t], within(1e-12 * before[t]));
                        }
                    }
                }
                assertThat(s.weights).isNotEqualTo(first);
                // biases start at 0 and are free to move
                assertThat(MLP.layout().tensors().get(1).norm(s.weights)).isGreaterThan(0.1);
            }
        }
    }

    @Test
    void fixedSigmaMutationGrowsTheSquaredNormBySigmaSquaredPerParameter() {
        // the notes' finding: E|w + σε|² = |w|² + σ²n, so k mutations add k·σ²·n on average
        Mlp big = new Mlp(200, 100, 10);
        NoiseTable noise = new NoiseTable(1 << 20, 5);
        Operators ops = new Operators(big.layout(), noise, GaSettings.of(1, 1, 0.05));
        GenomeState s = ops.newState();
        ops.init(s, 1);
        Tensor w0 = big.layout().tensors().get(0);
        double start = w0.norm(s.weights) * w0.norm(s.weights);
        for (int k = 0; k < 100; k++) {
            ops.mutate(s, 1000 + k);
        }
        double expected = start + 100 * 0.05 * 0.05 * w0.size(); // 100 + 500
        assertThat(w0.norm(s.weights) * w0.norm(s.weights)).isCloseTo(expected, within(expected * 0.05));
    }

    @Test
    void oneLayerMutationChangesExactlyOneLayer() {
        Operators ops = ops(GaSettings.of(1, 1, 0.1).withOneLayer(true));
        GenomeState s = ops.newState();
        ops.init(s, 3);
        int[] hits = new int[MLP.layers()];
        for (long seed = 0; seed < 60; seed++) {
            double[] before = s.weights.clone();
            ops.mutate(s, seed);
            int changed = -1;
            for (int l = 0; l < MLP.layers(); l++) {
                boolean diff = false;
                for (int i = MLP.layout().layerStart(l); i < MLP.layout().layerEnd(l); i++) {
                    diff |= before[i] != s.weights[i];
                }
                if (diff) {
                    assertThat(changed).as("only one layer changes").isEqualTo(-1);
                    changed = l;
                }
            }
            assertThat(changed).isNotNegative();
            hits[changed]++;
        }
        assertThat(java.util.Arrays.stream(hits).min().getAsInt()).isGreaterThan(5); // 60 draws over 3 layers
    }

    @Test
    void momentumStepIsBetaTimesTheLastStepPlusTheFreshNoise() {
        double beta = 0.7;
        Operators withMomentum = ops(GaSettings.of(1, 1, 0.2).withMomentum(beta));
        Operators plain = ops(GaSettings.of(1, 1, 0.2));
        GenomeState s = withMomentum.newState();
        withMomentum.init(s, 9);
        withMomentum.mutate(s, 100);
        double[] v1 = s.velocity.clone();
        double[] w1 = s.weights.clone();
        withMomentum.mutate(s, 101);
        GenomeState p = plain.newState();
        plain.init(p, 9);
        java.util.Arrays.fill(p.weights, 0);
        plain.mutate(p, 101); // the fresh noise σε of seed 101 alone
        for (int i = 0; i < v1.length; i++) {
            assertThat(s.velocity[i]).isCloseTo(beta * v1[i] + p.weights[i], within(1e-15));
            assertThat(s.weights[i]).isCloseTo(w1[i] + s.velocity[i], within(1e-15));
        }
    }

    @Test
    void selfAdaptiveStepIsSigmaTimesExpOfTheMutatedLogRate() {
        double tau = 0.5;
        Operators sa = ops(GaSettings.of(1, 1, 0.2).withScheme(MutationScheme.SELF_ADAPTIVE).withTau(tau));
        GenomeState s = sa.newState();
        sa.init(s, 4);
        double[] w0 = s.weights.clone();
        sa.mutate(s, 77);
        // with rates exp(0) = 1 before, r' = τε', and the step is σ·exp(r')·ε: the ratio of steps
        // between two parameters differs from fixed-σ steps exactly by exp(r'_i)
        Operators fixed = ops(GaSettings.of(1, 1, 0.2));
        GenomeState f = fixed.newState();
        fixed.init(f, 4);
        // the fixed scheme draws the same first slice from the seed's generator
        fixed.mutate(f, 77);
        for (int i = 0; i < w0.length; i++) {
            double fixedStep = f.weights[i] - w0[i];
            assertThat(s.weights[i] - w0[i]).isCloseTo(fixedStep * Math.exp(s.logRates[i]), within(1e-12));
        }
        double spread = 0;
        for (double r : s.logRates) {
            spread += r * r;
        }
        assertThat(Math.sqrt(spread / s.logRates.length)).isCloseTo(tau, within(0.1)); // std of τε' over 498
    }

    @Test
    void unitCrossoverMovesWholeUnitsAndTensorCrossoverWholeTensors() {
        for (Crossover mode : List.of(Crossover.UNIT, Crossover.TENSOR)) {
            Operators ops = ops(GaSettings.of(2, 2, 0.1).withCrossover(mode).withMomentum(0.5));
            GenomeState a = ops.newState();
            GenomeState b = ops.newState();
            ops.init(a, 1);
            ops.init(b, 2);
            ops.mutate(a, 3); // nonzero biases and velocities in both
            ops.mutate(b, 4);
            int fromA = 0;
            int fromB = 0;
            for (long seed = 90; seed < 100; seed++) {
                GenomeState c = ops.newState();
                c.copyFrom(a);
                ops.cross(c, b, seed);
                for (int l = 0; l < MLP.layers(); l++) {
                    Tensor w = MLP.layout().tensors().get(2 * l);
                    Tensor bias = MLP.layout().tensors().get(2 * l + 1);
                    for (int r = 0; r < w.rows(); r++) {
                        int i0 = w.offset() + r * w.cols();
                        boolean rowA = c.weights[i0] == a.weights[i0];
                        for (int i = i0; i < i0 + w.cols(); i++) {
                            assertThat(c.weights[i]).isEqualTo(rowA ? a.weights[i] : b.weights[i]);
                            assertThat(c.velocity[i]).isEqualTo(rowA ? a.velocity[i] : b.velocity[i]);
                        }
                        if (mode == Crossover.UNIT) {
                            int j = bias.offset() + r;
                            assertThat(c.weights[j]).isEqualTo(rowA ? a.weights[j] : b.weights[j]);
                        } else {
                            boolean tensorA = c.weights[w.offset()] == a.weights[w.offset()];
                            assertThat(rowA).isEqualTo(tensorA);
                        }
                        if (rowA) {
                            fromA++;
                        } else {
                            fromB++;
                        }
                    }
                }
            }
            assertThat(fromA).isPositive();
            assertThat(fromB).isPositive();
        }
    }
}
