package nas.sim.neat;

import static nas.neat.NeatTestGenomes.conn;
import static nas.neat.NeatTestGenomes.hidden;
import static nas.neat.NeatTestGenomes.input;
import static nas.neat.NeatTestGenomes.output;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import nas.neat.BiasMode;
import nas.neat.ConnectionGene;
import nas.neat.InnovationTracker;
import nas.neat.NeatConnectivity;
import nas.neat.NeatGenome;
import nas.neat.NeatTestGenomes;
import nas.neat.NeuronType;
import nas.sim.control.Activations;
import org.junit.jupiter.api.Test;

class NeatNetworkTest {

    @Test
    void handComputedNetworkWithHiddenNeuronAndDisabledConnection() {
        // in0, in1 -> h4 (bias 0.1) -> out2; in1 -> out2; out3 without inputs (bias -0.2); disabled in0 -> out2.
        NeatGenome g = new NeatGenome(BiasMode.NODE,
                List.of(input(0), input(1), output(2, 0.05), output(3, -0.2), hidden(4, 0.1)),
                List.of(conn(0, 2, 9.0, false, 0), conn(0, 4, 0.5, true, 1), conn(1, 4, -1.5, true, 2),
                        conn(4, 2, 2.0, true, 3), conn(1, 2, 0.25, true, 4)));
        NeatNetwork net = NeatNetwork.compile(g, 3);
        double[] out = new double[3];
        net.forward(new double[] {0.8, -0.4}, out);
        double h = Activations.tanh(0.1 + 0.8 * 0.5 + (-0.4) * (-1.5));
        assertThat(out[0]).isEqualTo(Activations.tanh(0.05 + h * 2.0 + (-0.4) * 0.25));
        assertThat(out[1]).isEqualTo(Activations.tanh(-0.2));
        assertThat(out[2]).as("muscle without output neuron").isEqualTo(0.0);
        assertThat(net.inputCount()).isEqualTo(2);
        assertThat(net.outputCount()).isEqualTo(3);
        assertThat(net.edgeCount()).isEqualTo(4);
    }

    @Test
    void biasNeuronFeedsOneAndOutputsFollowAscendingIds() {
        NeatGenome g = NeatGenome.createMinimal(2, 2, BiasMode.BIAS_NODE, NeatConnectivity.NONE, -0.3,
                new InnovationTracker(), new SplittableRandom(3));
        NeatNetwork net = NeatNetwork.compile(g, 1);
        double[] out = new double[1];
        net.forward(new double[] {5, 5}, out);
        assertThat(out[0]).isEqualTo(Activations.tanh(-0.3));
    }

    @Test
    void compiledForwardEqualsNaiveRecursiveEvaluationOnRandomGenomes() {
        SplittableRandom rng = new SplittableRandom(2024);
        for (int trial = 0; trial < 200; trial++) {
            BiasMode mode = trial % 2 == 0 ? BiasMode.NODE : BiasMode.BIAS_NODE;
            int inputs = 1 + rng.nextInt(10);
            int outputs = 1 + rng.nextInt(8);
            NeatGenome g = NeatTestGenomes.grown(inputs, outputs, rng.nextInt(40), mode, new InnovationTracker(), rng);
            int muscles = Math.max(0, outputs + rng.nextInt(3) - 1);
            NeatNetwork net = NeatNetwork.compile(g, muscles);
            double[] out = new double[muscles];
            for (int rep = 0; rep < 3; rep++) {
                double[] in = new double[inputs];
                for (int i = 0; i < inputs; i++) {
                    in[i] = rng.nextDouble(-1, 1);
                }
                net.forward(in, out);
                double[] expected = naive(g, in, muscles);
                assertThat(out).as("trial %d, %s", trial, g).containsExactly(expected);
            }
        }
    }

    /** Spec §7.7 semantics evaluated by recursion with memo, independent of the compiled layout. */
    private static double[] naive(NeatGenome g, double[] in, int muscles) {
        Map<Integer, Double> memo = new HashMap<>();
        int[] inputs = g.ids(NeuronType.INPUT);
        for (int i = 0; i < inputs.length; i++) {
            memo.put(inputs[i], in[i]);
        }
        for (int b : g.ids(NeuronType.BIAS)) {
            memo.put(b, 1.0);
        }
        int[] outs = g.ids(NeuronType.OUTPUT);
        double[] result = new double[muscles];
        for (int j = 0; j < muscles; j++) {
            result[j] = j < outs.length ? value(g, outs[j], memo) : 0.0;
        }
        return result;
    }

    private static double value(NeatGenome g, int id, Map<Integer, Double> memo) {
        Double known = memo.get(id);
        if (known != null) {
            return known;
        }
        double sum = g.neuron(id).bias();
        for (ConnectionGene c : g.connections()) {
            if (c.enabled() && c.to() == id) {
                sum += value(g, c.from(), memo) * c.weight();
            }
        }
        double v = Activations.tanh(sum);
        memo.put(id, v);
        return v;
    }

    @Test
    void forwardDoesNotAllocate() {
        NeatGenome g = NeatTestGenomes.grown(8, 6, 30, BiasMode.BIAS_NODE, new InnovationTracker(),
                new SplittableRandom(5));
        NeatNetwork net = NeatNetwork.compile(g, 6);
        double[] in = new double[8];
        double[] out = new double[6];
        com.sun.management.ThreadMXBean bean =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            net.forward(in, out);
        }
        long before = bean.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            in[i % 8] = i * 1e-4;
            net.forward(in, out);
        }
        long allocated = bean.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).isLessThan(1024);
    }

    @Test
    void compileRejectsACycleBuiltBehindTheValidation() {
        NeatGenome g = new NeatGenome(BiasMode.NODE, List.of(input(0), output(1, 0), hidden(2, 0), hidden(3, 0)),
                List.of(conn(0, 2, 1, true, 0), conn(2, 3, 1, true, 1), conn(3, 1, 1, true, 2),
                        conn(3, 2, 1, false, 3)));
        NeatTestGenomes.enableBehindTheValidation(g, 3);
        assertThatThrownBy(() -> NeatNetwork.compile(g, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cycle");
    }
}
