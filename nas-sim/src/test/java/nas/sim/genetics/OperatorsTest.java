package nas.sim.genetics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import nas.sim.config.Activation;
import nas.sim.config.LabConfig;
import nas.sim.control.FixedBrainGenome;
import nas.sim.genome.CreatureGenome;
import nas.sim.genome.GenomeFactory;
import nas.sim.genome.MuscleGene;
import nas.sim.genome.NodeGene;
import org.junit.jupiter.api.Test;

class OperatorsTest {

    private static FixedBrainGenome brain(int h, int o, double base) {
        double[] who = new double[h * o];
        for (int j = 0; j < h; j++) {
            for (int k = 0; k < o; k++) {
                who[j * o + k] = base + 10 * j + k; // value encodes (hidden j, output k)
            }
        }
        double[] bo = new double[o];
        for (int k = 0; k < o; k++) {
            bo[k] = base + 100 + k;
        }
        return new FixedBrainGenome(1, h, o, Activation.TANH, new double[h], new double[h], who, bo);
    }

    @Test
    void adaptKeepsEachOutputRowWithItsMuscle() {
        FixedBrainOperators ops = new FixedBrainOperators(LabConfig.defaults());
        FixedBrainGenome g = brain(2, 3, 0);
        // muscle 1 removed, a new muscle appended: sources {0, 2, -1}
        FixedBrainGenome a = (FixedBrainGenome) ops.adapt(g, new int[] {0, 2, -1}, new SplittableRandom(1));
        double[] w = a.weightsHo();
        assertThat(w[0]).isEqualTo(0); // hidden 0, output 0
        assertThat(w[1]).isEqualTo(2); // hidden 0, old output 2
        assertThat(w[3]).isEqualTo(10);
        assertThat(w[4]).isEqualTo(12);
        assertThat(Math.abs(w[2])).isLessThanOrEqualTo(0.5);
        assertThat(a.biasesO()).containsExactly(100, 102, 0.0);
        assertThat(ops.adapt(g, new int[] {0, 1, 2}, new SplittableRandom(1))).isSameAs(g);
    }

    @Test
    void compatAdaptReproducesTheOutputMajorScramble() {
        LabConfig c = LabConfig.builder().set("compat_hidden_output_scramble", true).build();
        FixedBrainOperators ops = new FixedBrainOperators(c);
        FixedBrainGenome g = brain(2, 2, 0); // hidden-major [h0o0, h0o1, h1o0, h1o1] = [0, 1, 10, 11]
        FixedBrainGenome a = (FixedBrainGenome) ops.adapt(g, new int[] {0, 1, -1}, new SplittableRandom(1));
        double[] w = a.weightsHo();
        // the old flat array is copied as output-major blocks of H: positions 0..3 unchanged
        assertThat(w[0]).isEqualTo(0);
        assertThat(w[1]).isEqualTo(1);
        assertThat(w[2]).isEqualTo(10);
        assertThat(w[3]).isEqualTo(11);
        // read hidden-major with O = 3, hidden 0 -> output 2 is now the old (h1, o0) weight
        assertThat(w[0 * 3 + 2]).isEqualTo(10);
    }

    @Test
    void sbxOfEqualParentsIsTheParentAndInterpolationStaysBetween() {
        FixedBrainOperators sbx = new FixedBrainOperators(LabConfig.defaults());
        FixedBrainGenome p = brain(2, 2, 0);
        FixedBrainGenome child = (FixedBrainGenome) sbx.crossover(p, 1, p, 1, new SplittableRandom(3));
        assertThat(child).isEqualTo(p);
        FixedBrainOperators lerp = new FixedBrainOperators(
                LabConfig.builder().set("neural_crossover_method", "interpolation").build());
        FixedBrainGenome q = brain(2, 2, 1);
        FixedBrainGenome c = (FixedBrainGenome) lerp.crossover(p, 1, q, 1, new SplittableRandom(3));
        double[] w = c.weightsHo();
        double[] pw = p.weightsHo();
        for (int i = 0; i < w.length; i++) {
            assertThat(w[i]).isBetween(pw[i], pw[i] + 1);
        }
        // a shorter second parent: parent 1's tail is kept
        FixedBrainGenome small = brain(2, 1, 5);
        FixedBrainGenome t = (FixedBrainGenome) lerp.crossover(p, 1, small, 1, new SplittableRandom(4));
        assertThat(t.biasesO()[1]).isEqualTo(101);
    }

    @Test
    void sbxSpreadMatchesTheDistributionIndex() {
        // E|c - mean| grows as eta falls; with eta = 2 the children stay within a few parent distances
        FixedBrainOperators sbx = new FixedBrainOperators(LabConfig.defaults());
        FixedBrainGenome p = new FixedBrainGenome(1, 1, 1, Activation.TANH, new double[] {0}, new double[] {0},
                new double[] {0}, new double[] {0});
        FixedBrainGenome q = new FixedBrainGenome(1, 1, 1, Activation.TANH, new double[] {1}, new double[] {1},
                new double[] {1}, new double[] {1});
        SplittableRandom rng = new SplittableRandom(9);
        double sum = 0;
        int n = 20000;
        for (int i = 0; i < n; i++) {
            sum += ((FixedBrainGenome) sbx.crossover(p, 1, q, 1, rng)).weightsIh()[0];
        }
        assertThat(sum / n).isCloseTo(0.5, within(0.02)); // symmetric around the parents' mean
    }

    @Test
    void weightMutationWithRateOneChangesEveryWeightByTheMagnitude() {
        LabConfig c = LabConfig.builder().set("weight_mutation_rate", 1.0).set("weight_mutation_magnitude", 0.5).build();
        FixedBrainGenome g = FixedBrainGenome.random(10, 8, 5, Activation.TANH, -0.1, new SplittableRandom(1));
        FixedBrainGenome m = (FixedBrainGenome) new FixedBrainOperators(c).mutate(g, 0, 1.0, new SplittableRandom(2));
        double[] a = g.weightsIh();
        double[] b = m.weightsIh();
        double ss = 0;
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).isNotEqualTo(a[i]);
            ss += (b[i] - a[i]) * (b[i] - a[i]);
        }
        assertThat(Math.sqrt(ss / a.length)).isCloseTo(0.5, within(0.1));
        LabConfig off = c.toBuilder().set("weight_mutation_rate", 0.0).build();
        assertThat(new FixedBrainOperators(off).mutate(g, 0, 1.0, new SplittableRandom(2))).isEqualTo(g);
    }

    @Test
    void neuralDistanceIsRootMeanSquareWithPenaltyForMissingWeights() {
        FixedBrainOperators ops = new FixedBrainOperators(LabConfig.defaults());
        FixedBrainGenome a = brain(1, 1, 0); // arrays: [0], [0], [0], [100]
        FixedBrainGenome b = brain(1, 1, 1); // [0], [0], [1], [101]
        assertThat(ops.distance(a, b)).isCloseTo(Math.sqrt(2.0 / 4), within(1e-12));
        FixedBrainGenome c = brain(1, 2, 0); // weightsHo and biasesO one longer
        assertThat(ops.distance(a, c)).isCloseTo(Math.sqrt(8.0 / 6), within(1e-12));
    }

    @Test
    void randomGenomesRespectTheConstraints() {
        LabConfig c = LabConfig.builder().set("min_nodes", 3).set("max_nodes", 6).set("max_muscles", 10).build();
        SplittableRandom rng = new SplittableRandom(8);
        for (int i = 0; i < 300; i++) {
            CreatureGenome g = GenomeFactory.random(c, (m, r) -> null, rng);
            int n = g.nodes().size();
            assertThat(n).isBetween(3, 6);
            assertThat(g.muscles().size()).isBetween(n - 1, Math.min(10, n * (n - 1) / 2));
            assertConnected(g);
            for (NodeGene node : g.nodes()) {
                assertThat(node.size()).isBetween(0.2, 0.6);
                assertThat(node.y()).isBetween(0.3, 2.25);
                assertThat(Math.abs(node.x())).isLessThanOrEqualTo(1.5);
            }
            for (MuscleGene m : g.muscles()) {
                assertThat(m.stiffness()).isBetween(50.0, 200.0);
                assertThat(m.damping()).isBetween(2.0, 4.0);
                assertThat(m.frequency()).isBetween(0.5, 3.0);
                assertThat(m.amplitude()).isBetween(0.1, 0.5);
                assertThat(m.restLength()).isGreaterThanOrEqualTo(0.1);
            }
            assertThat(g.globalFrequencyMultiplier()).isBetween(0.8, 1.2);
        }
        // effective max nodes = min(max_nodes, max_muscles + 1)
        LabConfig tight = LabConfig.builder().set("max_nodes", 8).set("max_muscles", 3).build();
        for (int i = 0; i < 50; i++) {
            assertThat(GenomeFactory.random(tight, (m, r) -> null, rng).nodes().size()).isLessThanOrEqualTo(4);
        }
    }

    private static void assertConnected(CreatureGenome g) {
        int n = g.nodes().size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (MuscleGene m : g.muscles()) {
            parent[find(parent, m.nodeA())] = find(parent, m.nodeB());
        }
        for (int i = 1; i < n; i++) {
            assertThat(find(parent, i)).isEqualTo(find(parent, 0));
        }
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            i = p[i];
        }
        return i;
    }

    @Test
    void bodyMutationStaysInRangeAndStructuralMutationRespectsLimits() {
        LabConfig c = LabConfig.builder().set("mutation_rate", 1.0).set("mutation_magnitude", 1.0)
                .set("structural_rate", 1.0).set("min_nodes", 3).set("max_nodes", 5).set("max_muscles", 6).build();
        BodyMutation bm = new BodyMutation(c);
        SplittableRandom rng = new SplittableRandom(12);
        CreatureGenome g = GenomeFactory.random(c, (m, r) -> null, rng);
        List<NodeGene> nodes = g.nodes();
        List<MuscleGene> muscles = g.muscles();
        for (int i = 0; i < 200; i++) {
            BodyMutation.Body b = bm.mutate(nodes, muscles, 1.0, 1.0, rng);
            assertThat(b.nodes().size()).isBetween(3, 5);
            assertThat(b.muscles().size()).isLessThanOrEqualTo(6);
            assertThat(b.muscleSource()).hasSize(b.muscles().size());
            for (MuscleGene m : b.muscles()) {
                assertThat(m.nodeA()).isLessThan(b.nodes().size());
                assertThat(m.nodeB()).isLessThan(b.nodes().size());
                assertThat(m.damping()).isBetween(1.0, 6.0);
                assertThat(m.phase()).isBetween(0.0, 2 * Math.PI);
                assertThat(m.amplitude()).isBetween(0.0, 0.5);
            }
            for (int j = 0; j < b.muscleSource().length; j++) {
                assertThat(b.muscleSource()[j]).isLessThan(muscles.size());
            }
            nodes = b.nodes();
            muscles = b.muscles();
        }
    }

    @Test
    void compatFrozenZeroGenesNeverMutate() {
        LabConfig c = LabConfig.builder().set("mutation_rate", 1.0).set("structural_rate", 0.0)
                .set("compat_zero_genes_frozen", true).build();
        MuscleGene zero = new MuscleGene(0, 1, 1.0, 100, 3, 1, 0.3, 0, 1, 0, 0, 0.0, 0, 1, 0, 0.0, 0.0, 0.0);
        List<NodeGene> nodes = List.of(new NodeGene(0.4, 0.5, 0, 1, 0), new NodeGene(0.4, 0.5, 1, 1, 0));
        BodyMutation.Body b = new BodyMutation(c).mutate(nodes, List.of(zero), 1.0, 1.0, new SplittableRandom(1));
        assertThat(b.muscles().get(0).biasStrength()).isZero();
        assertThat(b.muscles().get(0).distanceBias()).isZero();
        LabConfig fixed = c.toBuilder().set("compat_zero_genes_frozen", false).build();
        BodyMutation.Body f = new BodyMutation(fixed).mutate(nodes, List.of(zero), 1.0, 1.0, new SplittableRandom(1));
        assertThat(f.muscles().get(0).distanceBias()).isNotZero();
    }

    @Test
    void cloneCapsTheBodyAndAdvancesTheGeneration() {
        LabConfig c = LabConfig.builder().set("max_nodes", 4).set("max_muscles", 10).build();
        Evolver ev = new Evolver(c, new FixedBrainOperators(c));
        List<NodeGene> nodes = List.of(new NodeGene(0.4, 0.5, 0, 1, 0), new NodeGene(0.4, 0.5, 1, 1, 0),
                new NodeGene(0.4, 0.5, 2, 1, 0), new NodeGene(0.4, 0.5, 3, 1, 0), new NodeGene(0.4, 0.5, 4, 1, 0));
        List<MuscleGene> muscles = List.of(m(0, 1), m(3, 4), m(1, 2));
        FixedBrainGenome brain = brain(2, 3, 0);
        CreatureGenome g = new CreatureGenome(nodes, muscles, 1.0, brain, 7, 2);
        CreatureGenome clone = ev.cloneOf(g, new SplittableRandom(1));
        assertThat(clone.nodes()).hasSize(4);
        assertThat(clone.muscles()).hasSize(2);
        assertThat(clone.generation()).isEqualTo(8);
        assertThat(((FixedBrainGenome) clone.brain()).biasesO()).containsExactly(100, 102);
    }

    private static MuscleGene m(int a, int b) {
        return new MuscleGene(a, b, 1.0, 100, 3, 1, 0.3, 0, 1, 0, 0, 0.5, 0, 1, 0, 0.2, 0.1, 0.3);
    }

    @Test
    void adaptiveBoostDoublesOnStagnationAndHalvesOnImprovement() {
        LabConfig c = LabConfig.builder().set("use_adaptive_mutation", true).set("stagnation_threshold", 3).build();
        AdaptiveMutation a = new AdaptiveMutation(c);
        for (int i = 0; i < 6; i++) {
            a.record(10.0);
        }
        assertThat(a.boost()).isEqualTo(2.0);
        for (int i = 0; i < 3; i++) {
            a.record(10.0);
        }
        assertThat(a.boost()).isEqualTo(4.0);
        for (int i = 0; i < 3; i++) {
            a.record(100.0);
        }
        assertThat(a.boost()).isEqualTo(2.0);
        AdaptiveMutation off = new AdaptiveMutation(LabConfig.defaults());
        for (int i = 0; i < 100; i++) {
            off.record(1.0);
        }
        assertThat(off.boost()).isEqualTo(1.0);
    }
}
