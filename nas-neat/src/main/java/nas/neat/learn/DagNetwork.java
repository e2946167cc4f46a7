package nas.neat.learn;

import java.util.Arrays;
import java.util.List;

import nas.neat.Activation;
import nas.neat.BiasMode;
import nas.neat.ConnectionGene;
import nas.neat.NeatGenome;
import nas.neat.NeuronGene;
import nas.neat.NeuronType;
import nas.neat.data.Dataset;

/**
 * A NEAT genome compiled for training: the hidden and output neurons in topological order (Kahn), each with a
 * contiguous run of incoming (source slot, parameter) edges, all in flat arrays. Works on a whole batch at once,
 * laid out neuron-major ({@code value[slot * batch + row]}) so every inner loop runs over rows.
 *
 * <p>Parameters are one vector: the weights of the enabled connections, then the biases of the evaluated
 * neurons. {@link #lossAndGradient} is the mean softmax cross-entropy of the output neurons (the logits) plus
 * (l2 / 2)·sum(w^2) over the weights, and its exact gradient by backpropagation. The buffers are allocated when
 * a batch size is first seen; the forward and backward passes allocate nothing. One instance per thread.
 */
public final class DagNetwork {

    private final NeatGenome genome;
    private final int inputCount;
    private final int[] inputSlots;
    private final int biasSlot;
    private final int[] outputSlots;
    private final int slotCount;
    private final int[] evalSlot;
    private final Activation[] evalActivation;
    private final int[] edgeStart;
    private final int[] edgeSource;
    private final int[] edgeGene;
    private final int weightCount;
    private final boolean trainBiases;
    private final double[] params;

    private int batch = -1;
    private double[] value;
    private double[] pre;
    private double[] delta;

    private DagNetwork(NeatGenome genome, int[] inputSlots, int biasSlot, int[] outputSlots, int slotCount,
                       int[] evalSlot, Activation[] evalActivation, int[] edgeStart,
                       int[] edgeSource, int[] edgeGene, double[] params) {
        this.genome = genome;
        this.inputCount = inputSlots.length;
        this.inputSlots = inputSlots;
        this.biasSlot = biasSlot;
        this.outputSlots = outputSlots;
        this.slotCount = slotCount;
        this.evalSlot = evalSlot;
        this.evalActivation = evalActivation;
        this.edgeStart = edgeStart;
        this.edgeSource = edgeSource;
        this.edgeGene = edgeGene;
        this.weightCount = edgeSource.length;
        this.trainBiases = genome.biasMode() == BiasMode.NODE;
        this.params = params;
    }

    /**
     * Compiles a genome (inputs in ascending id order, outputs in ascending id order are the class logits).
     *
     * @throws IllegalArgumentException if the enabled connections contain a cycle
     */
    public static DagNetwork compile(NeatGenome genome) {
        List<NeuronGene> neurons = genome.neurons();
        List<ConnectionGene> conns = genome.connections();
        int n = neurons.size();
        int[] ids = new int[n];
        for (int s = 0; s < n; s++) {
            ids[s] = neurons.get(s).id();
        }
        int[] inputSlots = new int[genome.inputCount()];
        int[] outputSlots = new int[genome.outputCount()];
        int biasSlot = -1;
        int ki = 0;
        int ko = 0;
        for (int s = 0; s < n; s++) {
            NeuronType t = neurons.get(s).type();
            if (t == NeuronType.INPUT) {
                inputSlots[ki++] = s;
            } else if (t == NeuronType.OUTPUT) {
                outputSlots[ko++] = s;
            } else if (t == NeuronType.BIAS) {
                biasSlot = s;
            }
        }
        int[] order = genome.topologicalOrder();
        int enabled = 0;
        int[] inDegree = new int[n];
        for (ConnectionGene c : conns) {
            if (c.enabled()) {
                enabled++;
                inDegree[Arrays.binarySearch(ids, c.to())]++;
            }
        }
        int evalCount = 0;
        for (int s = 0; s < n; s++) {
            evalCount += neurons.get(s).type().canBeTarget() ? 1 : 0;
        }
        int[] evalSlot = new int[evalCount];
        Activation[] evalActivation = new Activation[evalCount];
        int[] position = new int[n];
        int m = 0;
        for (int s : order) {
            if (neurons.get(s).type().canBeTarget()) {
                position[s] = m;
                evalSlot[m] = s;
                evalActivation[m] = neurons.get(s).activation();
                m++;
            }
        }
        int[] edgeStart = new int[evalCount + 1];
        for (int k = 0; k < evalCount; k++) {
            edgeStart[k + 1] = edgeStart[k] + inDegree[evalSlot[k]];
        }
        int[] edgeSource = new int[enabled];
        int[] edgeGene = new int[enabled];
        double[] params = new double[enabled + evalCount];
        int[] cursor = Arrays.copyOf(edgeStart, evalCount);
        for (int g = 0; g < conns.size(); g++) {
            ConnectionGene c = conns.get(g);
            if (c.enabled()) {
                int p = position[Arrays.binarySearch(ids, c.to())];
                int e = cursor[p]++;
                edgeSource[e] = Arrays.binarySearch(ids, c.from());
                edgeGene[e] = g;
                params[e] = c.weight();
            }
        }
        for (int k = 0; k < evalCount; k++) {
            params[enabled + k] = neurons.get(evalSlot[k]).bias();
        }
        return new DagNetwork(genome, inputSlots, biasSlot, outputSlots, n, evalSlot, evalActivation,
                edgeStart, edgeSource, edgeGene, params);
    }

    /** The parameter vector (weights of enabled connections, then biases), live: the optimizer updates it. */
    public double[] parameters() {
        return params;
    }

    /** Number of connection weights at the front of {@link #parameters()}. */
    public int weightCount() {
        return weightCount;
    }

    /** False when the genome's biases are not trainable (bias mode other than node): their gradient is 0. */
    public boolean trainsBiases() {
        return trainBiases;
    }

    public int inputCount() {
        return inputCount;
    }

    public int outputCount() {
        return outputSlots.length;
    }

    private void ensureBatch(int rows) {
        if (rows != batch) {
            batch = rows;
            value = new double[slotCount * rows];
            pre = new double[evalSlot.length * rows];
            delta = new double[slotCount * rows];
            if (biasSlot >= 0) {
                Arrays.fill(value, biasSlot * rows, (biasSlot + 1) * rows, NeatGenome.BIAS_NEURON_VALUE);
            }
        }
    }

    /** Evaluates every row of {@code data}; the logits of row i, output o are then in {@link #logit}. */
    public void forward(Dataset data) {
        int b = data.size();
        ensureBatch(b);
        double[] x = data.features();
        int d = data.featureCount();
        if (d != inputCount) {
            throw new IllegalArgumentException("the network has " + inputCount + " inputs, the data " + d + " features");
        }
        for (int j = 0; j < inputCount; j++) {
            int base = inputSlots[j] * b;
            for (int i = 0; i < b; i++) {
                value[base + i] = x[i * d + j];
            }
        }
        for (int k = 0; k < evalSlot.length; k++) {
            int z = k * b;
            double bias = params[weightCount + k];
            Arrays.fill(pre, z, z + b, bias);
            for (int e = edgeStart[k]; e < edgeStart[k + 1]; e++) {
                int src = edgeSource[e] * b;
                double w = params[e];
                for (int i = 0; i < b; i++) {
                    pre[z + i] += value[src + i] * w;
                }
            }
            activate(evalActivation[k], pre, z, value, evalSlot[k] * b, b);
        }
    }

    private static void activate(Activation a, double[] x, int xOff, double[] y, int yOff, int n) {
        switch (a) {
            case IDENTITY -> System.arraycopy(x, xOff, y, yOff, n);
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    double v = x[xOff + i];
                    y[yOff + i] = v > 0.0 ? v : 0.0;
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    y[yOff + i] = a.apply(x[xOff + i]);
                }
            }
        }
    }

    /** Logit of output {@code o} for row {@code i} of the last {@link #forward} batch. */
    public double logit(int i, int o) {
        return value[outputSlots[o] * batch + i];
    }

    /** Number of rows whose largest logit (first on ties) is the label. */
    public int correct(Dataset data) {
        forward(data);
        int[] y = data.labels();
        int hits = 0;
        for (int i = 0; i < y.length; i++) {
            hits += argmax(i) == y[i] ? 1 : 0;
        }
        return hits;
    }

    /** Predicted class of row {@code i} of the last {@link #forward} batch. */
    public int argmax(int i) {
        int best = 0;
        double top = logit(i, 0);
        for (int o = 1; o < outputSlots.length; o++) {
            double v = logit(i, o);
            if (v > top) {
                top = v;
                best = o;
            }
        }
        return best;
    }

    /**
     * Mean softmax cross-entropy over the rows plus (l2 / 2)·sum(w^2), and its gradient with respect to
     * {@link #parameters()} into {@code gradient} (same length). Returns NaN or infinity as computed, so callers
     * can stop on a diverged network.
     */
    public double lossAndGradient(Dataset data, double l2, double[] gradient) {
        forward(data);
        int b = batch;
        int[] y = data.labels();
        int outputs = outputSlots.length;
        Arrays.fill(delta, 0.0);
        double loss = 0;
        double inv = 1.0 / b;
        for (int i = 0; i < b; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int o = 0; o < outputs; o++) {
                max = Math.max(max, value[outputSlots[o] * b + i]);
            }
            double sum = 0;
            for (int o = 0; o < outputs; o++) {
                sum += Math.exp(value[outputSlots[o] * b + i] - max);
            }
            double logSum = max + Math.log(sum);
            loss += logSum - value[outputSlots[y[i]] * b + i];
            for (int o = 0; o < outputs; o++) {
                int at = outputSlots[o] * b + i;
                double p = Math.exp(value[at] - logSum);
                delta[at] = (p - (o == y[i] ? 1.0 : 0.0)) * inv;
            }
        }
        loss *= inv;
        for (int k = evalSlot.length - 1; k >= 0; k--) {
            int z = k * b;
            int slot = evalSlot[k] * b;
            Activation a = evalActivation[k];
            double gb = 0;
            for (int i = 0; i < b; i++) {
                double dz = delta[slot + i] * a.derivative(pre[z + i], value[slot + i]);
                pre[z + i] = dz;
                gb += dz;
            }
            gradient[weightCount + k] = trainBiases ? gb : 0.0;
            for (int e = edgeStart[k]; e < edgeStart[k + 1]; e++) {
                int src = edgeSource[e] * b;
                double w = params[e];
                double gw = 0;
                for (int i = 0; i < b; i++) {
                    double dz = pre[z + i];
                    gw += dz * value[src + i];
                    delta[src + i] += dz * w;
                }
                gradient[e] = gw + l2 * w;
                loss += 0.5 * l2 * w * w;
            }
        }
        return loss;
    }

    /** The genome with the current parameters written into its genes (Lamarckian inheritance). */
    public NeatGenome writeBack() {
        double[] weights = new double[genome.connections().size()];
        for (int g = 0; g < weights.length; g++) {
            weights[g] = genome.connections().get(g).weight();
        }
        for (int e = 0; e < weightCount; e++) {
            weights[edgeGene[e]] = params[e];
        }
        double[] biases = new double[genome.neurons().size()];
        for (int s = 0; s < biases.length; s++) {
            biases[s] = genome.neurons().get(s).bias();
        }
        if (trainBiases) {
            for (int k = 0; k < evalSlot.length; k++) {
                biases[evalSlot[k]] = params[weightCount + k];
            }
        }
        for (int i = 0; i < params.length; i++) {
            if (!Double.isFinite(params[i])) {
                return genome;
            }
        }
        return genome.withParameters(weights, biases);
    }
}
