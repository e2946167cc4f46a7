package nas.sim.neat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import nas.neat.ConnectionGene;
import nas.neat.NeatGenome;
import nas.neat.NeuronGene;
import nas.neat.NeuronType;
import nas.sim.control.Activations;
import nas.sim.control.NeuralNetwork;

/**
 * A NEAT genome compiled for the physics loop (spec §7.7 forward pass).
 *
 * <p>Compilation sorts the hidden and output neurons topologically (Kahn's algorithm over the enabled
 * connections) once and lays the network out in flat arrays: for each evaluated neuron in order, its bias
 * and a contiguous run of (source slot, weight) pairs. {@link #forward} is then two nested loops over
 * primitive arrays, without allocation, like a fixed-topology layer. Each evaluated neuron is
 * tanh(bias + sum of source value x weight) (the simulator's {@link Activations#tanh}), summed in the genome's connection order.
 *
 * <p>Inputs map to input neurons in ascending id order, outputs come from output neurons in ascending id
 * order and drive muscles 0..M-1; muscles without an output neuron get 0, output neurons beyond M are
 * computed but not reported.
 */
public final class NeatNetwork implements NeuralNetwork {

    private final int inputCount;
    private final int outputCount;
    private final double[] values;
    private final int[] inputSlots;
    private final int biasSlot;
    private final int[] evalSlot;
    private final double[] evalBias;
    private final int[] edgeStart;
    private final int[] edgeSource;
    private final double[] edgeWeight;
    private final int[] outputSlots;

    private NeatNetwork(int inputCount, int outputCount, int neuronCount, int[] inputSlots, int biasSlot,
                        int[] evalSlot, double[] evalBias, int[] edgeStart, int[] edgeSource, double[] edgeWeight,
                        int[] outputSlots) {
        this.inputCount = inputCount;
        this.outputCount = outputCount;
        this.values = new double[neuronCount];
        this.inputSlots = inputSlots;
        this.biasSlot = biasSlot;
        this.evalSlot = evalSlot;
        this.evalBias = evalBias;
        this.edgeStart = edgeStart;
        this.edgeSource = edgeSource;
        this.edgeWeight = edgeWeight;
        this.outputSlots = outputSlots;
    }

    /**
     * Compiles a genome for a creature with {@code muscleCount} muscles.
     *
     * @throws IllegalArgumentException if the enabled connections contain a cycle
     */
    public static NeatNetwork compile(NeatGenome genome, int muscleCount) {
        if (muscleCount < 0) {
            throw new IllegalArgumentException("muscle count must be >= 0, got " + muscleCount);
        }
        List<NeuronGene> neurons = genome.neurons();
        int n = neurons.size();
        // Slot of a neuron = its index in the id-sorted neuron list.
        int[] inputSlots = new int[genome.inputCount()];
        int biasSlot = -1;
        int k = 0;
        for (int s = 0; s < n; s++) {
            NeuronGene g = neurons.get(s);
            if (g.type() == NeuronType.INPUT) {
                inputSlots[k++] = s;
            } else if (g.type() == NeuronType.BIAS) {
                biasSlot = s;
            }
        }
        // Incoming enabled connections per slot, in genome connection order.
        List<ConnectionGene> conns = genome.connections();
        int[] inDegree = new int[n];
        int[] connFrom = new int[conns.size()];
        int[] connTo = new int[conns.size()];
        int enabled = 0;
        for (ConnectionGene c : conns) {
            if (!c.enabled()) {
                continue;
            }
            connFrom[enabled] = slotOf(neurons, c.from());
            connTo[enabled] = slotOf(neurons, c.to());
            inDegree[connTo[enabled]]++;
            enabled++;
        }
        int[] order = genome.topologicalOrder();
        // Flat evaluation program over hidden and output neurons in topological order.
        int evalCount = 0;
        for (int s = 0; s < n; s++) {
            NeuronType t = neurons.get(s).type();
            if (t == NeuronType.HIDDEN || t == NeuronType.OUTPUT) {
                evalCount++;
            }
        }
        int[] evalSlot = new int[evalCount];
        double[] evalBias = new double[evalCount];
        int[] edgeStart = new int[evalCount + 1];
        int[] edgeSource = new int[enabled];
        double[] edgeWeight = new double[enabled];
        int[] position = new int[n];
        Arrays.fill(position, -1);
        int m = 0;
        for (int idx = 0; idx < n; idx++) {
            int s = order[idx];
            NeuronType t = neurons.get(s).type();
            if (t == NeuronType.HIDDEN || t == NeuronType.OUTPUT) {
                position[s] = m;
                evalSlot[m] = s;
                evalBias[m] = neurons.get(s).bias();
                m++;
            }
        }
        for (int i = 0; i < evalCount; i++) {
            edgeStart[i + 1] = edgeStart[i] + inDegree[evalSlot[i]];
        }
        int[] cursor = Arrays.copyOf(edgeStart, evalCount);
        int e = 0;
        for (ConnectionGene c : conns) {
            if (!c.enabled()) {
                continue;
            }
            int p = position[connTo[e]];
            edgeSource[cursor[p]] = connFrom[e];
            edgeWeight[cursor[p]] = c.weight();
            cursor[p]++;
            e++;
        }
        List<Integer> outs = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            if (neurons.get(s).type() == NeuronType.OUTPUT) {
                outs.add(s);
            }
        }
        int[] outputSlots = new int[muscleCount];
        for (int j = 0; j < muscleCount; j++) {
            outputSlots[j] = j < outs.size() ? outs.get(j) : -1;
        }
        NeatNetwork net = new NeatNetwork(inputSlots.length, muscleCount, n, inputSlots, biasSlot, evalSlot, evalBias,
                edgeStart, edgeSource, edgeWeight, outputSlots);
        if (biasSlot >= 0) {
            net.values[biasSlot] = NeatGenome.BIAS_NEURON_VALUE;
        }
        return net;
    }

    private static int slotOf(List<NeuronGene> neurons, int id) {
        int lo = 0;
        int hi = neurons.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int midId = neurons.get(mid).id();
            if (midId < id) {
                lo = mid + 1;
            } else if (midId > id) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        throw new IllegalArgumentException("connection references unknown neuron " + id);
    }

    @Override
    public int inputCount() {
        return inputCount;
    }

    @Override
    public int outputCount() {
        return outputCount;
    }

    /** A network sharing this one's compiled program, with its own value buffer (for another evaluation). */
    public NeatNetwork withOwnBuffer() {
        NeatNetwork n = new NeatNetwork(inputCount, outputCount, values.length, inputSlots, biasSlot, evalSlot,
                evalBias, edgeStart, edgeSource, edgeWeight, outputSlots);
        if (biasSlot >= 0) {
            n.values[biasSlot] = NeatGenome.BIAS_NEURON_VALUE;
        }
        return n;
    }

    /** Number of enabled connections evaluated per forward pass. */
    public int edgeCount() {
        return edgeSource.length;
    }

    @Override
    public void forward(double[] inputs, double[] outputs) {
        final double[] v = values;
        final int[] in = inputSlots;
        for (int i = 0; i < in.length; i++) {
            v[in[i]] = inputs[i];
        }
        final int[] start = edgeStart;
        final int[] src = edgeSource;
        final double[] w = edgeWeight;
        for (int k = 0; k < evalSlot.length; k++) {
            double sum = evalBias[k];
            for (int e = start[k], end = start[k + 1]; e < end; e++) {
                sum += v[src[e]] * w[e];
            }
            v[evalSlot[k]] = Activations.tanh(sum);
        }
        for (int j = 0; j < outputSlots.length; j++) {
            int s = outputSlots[j];
            outputs[j] = s >= 0 ? v[s] : 0.0;
        }
    }
}
