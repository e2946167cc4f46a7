package nas.neat.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import nas.neat.Activation;
import nas.neat.BiasMode;
import nas.neat.ConnectionGene;
import nas.neat.NeatGenome;
import nas.neat.NeuronGene;
import nas.neat.NeuronType;

/**
 * A fixed-topology multilayer perceptron written as a NEAT genome (fully connected layers), so it trains with
 * exactly the same {@link DagNetwork} and {@link Trainer} as evolved networks: the baseline of the benchmark.
 */
public final class Mlp {

    private Mlp() {
    }

    /**
     * Inputs, hidden layers of the given widths (activation {@code hidden}), identity outputs; weights
     * Glorot-uniform U(-sqrt(6 / (fan_in + fan_out)), +...), biases 0.
     */
    public static NeatGenome genome(int inputs, int[] layers, int outputs, Activation hidden, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<NeuronGene> neurons = new ArrayList<>();
        List<ConnectionGene> conns = new ArrayList<>();
        int id = 0;
        int[] previous = new int[inputs];
        for (int i = 0; i < inputs; i++) {
            neurons.add(new NeuronGene(id, NeuronType.INPUT, 0, id));
            previous[i] = id++;
        }
        int[] outputIds = new int[outputs];
        for (int o = 0; o < outputs; o++) {
            neurons.add(new NeuronGene(id, NeuronType.OUTPUT, 0, id, Activation.IDENTITY));
            outputIds[o] = id++;
        }
        int innovation = id;
        for (int l = 0; l <= layers.length; l++) {
            int[] layer;
            if (l < layers.length) {
                layer = new int[layers[l]];
                for (int k = 0; k < layer.length; k++) {
                    neurons.add(new NeuronGene(id, NeuronType.HIDDEN, 0, id, hidden));
                    layer[k] = id++;
                }
            } else {
                layer = outputIds;
            }
            double limit = Math.sqrt(6.0 / (previous.length + layer.length));
            for (int to : layer) {
                for (int from : previous) {
                    conns.add(new ConnectionGene(from, to, rng.nextDouble(-limit, limit), true, 100_000 + innovation++));
                }
            }
            previous = layer;
        }
        return new NeatGenome(BiasMode.NODE, neurons, conns);
    }

    /** Trainable parameters of a genome: enabled connections plus hidden and output biases. */
    public static int parameterCount(NeatGenome g) {
        return g.enabledConnectionCount() + g.hiddenCount() + g.outputCount();
    }
}
