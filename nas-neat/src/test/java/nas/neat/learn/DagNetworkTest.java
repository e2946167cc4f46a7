package nas.neat.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;

import nas.neat.Activation;
import nas.neat.BiasMode;
import nas.neat.ConnectionGene;
import nas.neat.InnovationTracker;
import nas.neat.NeatConnectivity;
import nas.neat.NeatGenome;
import nas.neat.NeatMutation;
import nas.neat.NeatMutationParams;
import nas.neat.NeuronGene;
import nas.neat.NeuronType;
import nas.neat.data.Dataset;
import org.junit.jupiter.api.Test;

class DagNetworkTest {

    private static final Activation[] ALL = Activation.values();

    /** A random topology: grown by structural mutation, every hidden neuron a random activation, random biases. */
    static NeatGenome randomGenome(int inputs, int outputs, BiasMode mode, SplittableRandom rng) {
        InnovationTracker t = new InnovationTracker();
        NeatGenome g = NeatGenome.createMinimal(inputs, outputs, mode, NeatConnectivity.FULL, 0.1, t, rng);
        NeatMutationParams p = new NeatMutationParams(0.5, 0.8, 0.2, 0.1, 0.8, 10, 0.8, 0.5, false);
        for (int i = 0; i < 12; i++) {
            g = NeatMutation.mutate(g, p, 0.7, t, rng);
            g = NeatMutation.mutateActivation(g, 1.0, ALL, rng);
        }
        for (int id : g.ids(NeuronType.OUTPUT)) {
            g = g.withNeuron(g.neuron(id).withActivation(Activation.IDENTITY));
        }
        return g;
    }

    static Dataset randomData(int rows, int features, int classes, SplittableRandom rng) {
        double[] x = new double[rows * features];
        int[] y = new int[rows];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble(-2, 2);
        }
        for (int i = 0; i < rows; i++) {
            y[i] = rng.nextInt(classes);
        }
        List<String> names = new java.util.ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("c" + c);
        }
        return new Dataset(x, y, features, names);
    }

    @Test
    void lossOfAHandComputedNetwork() {
        // One input, two identity outputs with weights 1 and -1, no biases: x = 1, label 0 gives logits (1, -1),
        // loss = log(1 + e^-2); L2 0.5 adds 0.25 * (1 + 1).
        NeatGenome g = new NeatGenome(BiasMode.NODE, List.of(new NeuronGene(0, NeuronType.INPUT, 0, 0),
                new NeuronGene(1, NeuronType.OUTPUT, 0, 1, Activation.IDENTITY),
                new NeuronGene(2, NeuronType.OUTPUT, 0, 2, Activation.IDENTITY)),
                List.of(new ConnectionGene(0, 1, 1.0, true, 3), new ConnectionGene(0, 2, -1.0, true, 4)));
        DagNetwork net = DagNetwork.compile(g);
        Dataset one = new Dataset(new double[] {1.0}, new int[] {0}, 1, List.of("a", "b"));
        double[] grad = new double[net.parameters().length];
        assertThat(net.lossAndGradient(one, 0.0, grad)).isCloseTo(Math.log(1 + Math.exp(-2)), within(1e-12));
        // d loss / d logit = p - onehot = (s - 1, 1 - s) with s = sigmoid(2); weights see x = 1.
        double s = 1 / (1 + Math.exp(-2));
        assertThat(grad).containsExactly(new double[] {s - 1, 1 - s, s - 1, 1 - s}, within(1e-12));
        assertThat(net.lossAndGradient(one, 0.5, grad)).isCloseTo(Math.log(1 + Math.exp(-2)) + 0.5, within(1e-12));
        assertThat(grad[0]).isCloseTo(s - 1 + 0.5, within(1e-12));
        assertThat(net.correct(one)).isEqualTo(1);
    }

    @Test
    void gradientMatchesFiniteDifferencesOnRandomGenomes() {
        SplittableRandom rng = new SplittableRandom(42);
        int checked = 0;
        for (int trial = 0; trial < 40; trial++) {
            BiasMode mode = trial % 4 == 3 ? BiasMode.BIAS_NODE : BiasMode.NODE;
            NeatGenome g = randomGenome(3, 2 + trial % 3, mode, rng);
            Dataset data = randomData(17, 3, g.outputCount(), rng);
            DagNetwork net = DagNetwork.compile(g);
            double[] p = net.parameters();
            double[] grad = new double[p.length];
            double l2 = 1e-2;
            net.lossAndGradient(data, l2, grad);
            double[] scratch = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                if (i >= net.weightCount() && !net.trainsBiases()) {
                    assertThat(grad[i]).isZero();
                    continue;
                }
                double h = 1e-6;
                double keep = p[i];
                p[i] = keep + h;
                double up = net.lossAndGradient(data, l2, scratch);
                p[i] = keep - h;
                double down = net.lossAndGradient(data, l2, scratch);
                p[i] = keep;
                double numeric = (up - down) / (2 * h);
                assertThat(grad[i]).as("parameter %d of %s", i, g)
                        .isCloseTo(numeric, within(1e-6 + 1e-5 * Math.abs(numeric)));
                checked++;
            }
            assertThat(g.hiddenCount() + g.enabledConnectionCount()).isPositive();
        }
        assertThat(checked).isGreaterThan(300);
    }

    @Test
    void writeBackPutsTrainedWeightsIntoTheGenesAndKeepsDisabledOnes() {
        SplittableRandom rng = new SplittableRandom(3);
        NeatGenome g = randomGenome(2, 2, BiasMode.NODE, rng);
        DagNetwork net = DagNetwork.compile(g);
        Trainer trainer = new Trainer(net, Optimizer.ADAM, 0.05, 0.0);
        Dataset data = randomData(30, 2, 2, rng);
        assertThat(trainer.train(data, 20)).isTrue();
        NeatGenome trained = net.writeBack();
        DagNetwork again = DagNetwork.compile(trained);
        assertThat(again.parameters()).containsExactly(net.parameters());
        for (int i = 0; i < g.connections().size(); i++) {
            if (!g.connections().get(i).enabled()) {
                assertThat(trained.connections().get(i)).isEqualTo(g.connections().get(i));
            }
        }
    }

    @Test
    void firstAdamStepMovesEveryParameterByTheLearningRateAgainstItsGradient() {
        SplittableRandom rng = new SplittableRandom(9);
        NeatGenome g = randomGenome(2, 3, BiasMode.NODE, rng);
        Dataset data = randomData(25, 2, 3, rng);
        DagNetwork net = DagNetwork.compile(g);
        double[] before = net.parameters().clone();
        double[] grad = new double[before.length];
        net.lossAndGradient(data, 0.0, grad);
        new Trainer(net, Optimizer.ADAM, 0.01, 0.0).train(data, 1);
        for (int i = 0; i < before.length; i++) {
            if (Math.abs(grad[i]) > 1e-4) { // epsilon 1e-8 is negligible next to |g|
                assertThat(net.parameters()[i] - before[i]).isCloseTo(-0.01 * Math.signum(grad[i]), within(1e-5));
            }
        }
        DagNetwork sgd = DagNetwork.compile(g);
        new Trainer(sgd, Optimizer.SGD, 0.5, 0.0).train(data, 1);
        for (int i = 0; i < before.length; i++) {
            assertThat(sgd.parameters()[i]).isCloseTo(before[i] - 0.5 * grad[i], within(1e-12));
        }
    }

    @Test
    void trainingAllocatesNothingPerStep() {
        SplittableRandom rng = new SplittableRandom(5);
        NeatGenome g = randomGenome(2, 2, BiasMode.NODE, rng);
        Dataset data = randomData(200, 2, 2, rng);
        DagNetwork net = DagNetwork.compile(g);
        Trainer trainer = new Trainer(net, Optimizer.ADAM, 1e-3, 1e-4);
        trainer.train(data, 200);
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = bean.getCurrentThreadAllocatedBytes();
        trainer.train(data, 500);
        long allocated = bean.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).isLessThan(1024);
    }
}
