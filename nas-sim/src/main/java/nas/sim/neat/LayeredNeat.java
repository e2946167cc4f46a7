package nas.sim.neat;

import java.util.ArrayList;
import java.util.List;

import nas.neat.BiasMode;
import nas.neat.ConnectionGene;
import nas.neat.NeatGenome;
import nas.neat.NeuronGene;
import nas.neat.NeuronType;
import nas.sim.control.FixedBrainGenome;

/**
 * The NEAT genome with the topology and weights of a fixed-topology network (input -> hidden -> output,
 * fully connected, tanh): inputs 0..I-1, outputs I..I+O-1, hidden I+O..I+O+H-1, connections input-major
 * then hidden-major, so each neuron sums its inputs in the fixed network's order. Used to check the
 * compiled NEAT forward pass against the fixed network and to compare their speed.
 */
public final class LayeredNeat {

    private LayeredNeat() {
    }

    /** The NEAT equivalent of {@code fixed} (its activation must be tanh). */
    public static NeatGenome of(FixedBrainGenome fixed) {
        int in = fixed.inputCount();
        int h = fixed.hiddenCount();
        int out = fixed.outputCount();
        double[][] a = fixed.arrays();
        double[] wih = a[0];
        double[] bh = a[1];
        double[] who = a[2];
        double[] bo = a[3];
        List<NeuronGene> neurons = new ArrayList<>();
        for (int i = 0; i < in; i++) {
            neurons.add(new NeuronGene(i, NeuronType.INPUT, 0.0, i));
        }
        for (int o = 0; o < out; o++) {
            neurons.add(new NeuronGene(in + o, NeuronType.OUTPUT, bo[o], in + o));
        }
        for (int j = 0; j < h; j++) {
            neurons.add(new NeuronGene(in + out + j, NeuronType.HIDDEN, bh[j], in + out + j));
        }
        List<ConnectionGene> conns = new ArrayList<>();
        int innovation = in + out + h;
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < h; j++) {
                conns.add(new ConnectionGene(i, in + out + j, wih[i * h + j], true, innovation++));
            }
        }
        for (int j = 0; j < h; j++) {
            for (int o = 0; o < out; o++) {
                conns.add(new ConnectionGene(in + out + j, in + o, who[j * out + o], true, innovation++));
            }
        }
        return new NeatGenome(BiasMode.NODE, neurons, conns);
    }
}
