package nas.neat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A NEAT network genome (spec §7.7): neuron genes kept sorted by id, connection genes in the order they
 * were added. Feed-forward: the enabled connections never form a cycle.
 *
 * <p>Operators ({@link NeatMutation}, {@link NeatCrossover}, {@link OutputAdapter}) work on copies;
 * the package-private mutators exist for them. Public access is read-only.
 */
public final class NeatGenome {

    /** Value of the bias neuron in {@link BiasMode#BIAS_NODE} mode. */
    public static final double BIAS_NEURON_VALUE = 1.0;
    /** Initial weights and weight resets are drawn from U(-0.5, 0.5). */
    public static final double INITIAL_WEIGHT_RANGE = 0.5;

    private final BiasMode biasMode;
    private final List<NeuronGene> neurons;
    private final List<ConnectionGene> connections;

    /**
     * A genome from explicit genes (validated).
     *
     * @throws IllegalArgumentException on duplicate neuron ids, connections to unknown neurons, connections
     *                                  out of an output or into an input/bias, duplicate pairs, or an enabled cycle
     */
    public NeatGenome(BiasMode biasMode, List<NeuronGene> neurons, List<ConnectionGene> connections) {
        if (biasMode == null) {
            throw new IllegalArgumentException("bias mode must not be null");
        }
        this.biasMode = biasMode;
        this.neurons = new ArrayList<>(neurons);
        this.neurons.sort(Comparator.comparingInt(NeuronGene::id));
        for (int i = 1; i < this.neurons.size(); i++) {
            if (this.neurons.get(i).id() == this.neurons.get(i - 1).id()) {
                throw new IllegalArgumentException("neuron ids must be unique, got " + this.neurons.get(i).id() + " twice");
            }
        }
        this.connections = new ArrayList<>(connections.size());
        Set<Long> pairs = new HashSet<>();
        for (ConnectionGene c : connections) {
            NeuronGene from = neuron(c.from());
            NeuronGene to = neuron(c.to());
            if (from == null || to == null) {
                throw new IllegalArgumentException("connection " + c.from() + "->" + c.to() + " references an unknown neuron");
            }
            if (!from.type().canBeSource() || !to.type().canBeTarget()) {
                throw new IllegalArgumentException("connection " + c.from() + "->" + c.to() + " must go from an input, hidden"
                        + " or bias neuron to a hidden or output neuron, got " + from.type() + "->" + to.type());
            }
            if (!pairs.add(pairKey(c.from(), c.to()))) {
                throw new IllegalArgumentException("connection " + c.from() + "->" + c.to() + " appears twice");
            }
            if (c.enabled() && wouldCreateCycle(c.from(), c.to())) {
                throw new IllegalArgumentException("enabled connection " + c.from() + "->" + c.to() + " closes a cycle");
            }
            this.connections.add(c);
        }
    }

    private NeatGenome(NeatGenome other) {
        this.biasMode = other.biasMode;
        this.neurons = new ArrayList<>(other.neurons);
        this.connections = new ArrayList<>(other.connections);
    }

    /**
     * A new genome ({@code create_minimal_neat_genome}): inputs get ids 0..I-1 (1..I after the bias neuron 0 in
     * bias_node mode), outputs follow; initial weights U(-0.5, 0.5).
     *
     * @param inputs       number of input neurons (sensor values), >= 1
     * @param outputs      number of output neurons (muscles), >= 0
     * @param outputBias   output neuron bias in node mode, bias-neuron link weight in bias_node mode
     */
    public static NeatGenome createMinimal(int inputs, int outputs, BiasMode biasMode, NeatConnectivity connectivity,
                                           double outputBias, InnovationTracker tracker, RandomGenerator rng) {
        if (inputs < 1) {
            throw new IllegalArgumentException("a NEAT genome needs at least 1 input, got " + inputs);
        }
        if (outputs < 0) {
            throw new IllegalArgumentException("output count must be >= 0, got " + outputs);
        }
        List<NeuronGene> neurons = new ArrayList<>(inputs + outputs + 1);
        int firstInput = 0;
        if (biasMode == BiasMode.BIAS_NODE) {
            neurons.add(new NeuronGene(0, NeuronType.BIAS, 0.0, tracker.initialNeuron(0)));
            firstInput = 1;
        }
        for (int i = 0; i < inputs; i++) {
            int id = firstInput + i;
            neurons.add(new NeuronGene(id, NeuronType.INPUT, 0.0, tracker.initialNeuron(id)));
        }
        int firstOutput = firstInput + inputs;
        double neuronBias = biasMode == BiasMode.NODE ? outputBias : 0.0;
        for (int o = 0; o < outputs; o++) {
            int id = firstOutput + o;
            neurons.add(new NeuronGene(id, NeuronType.OUTPUT, neuronBias, tracker.initialNeuron(id)));
        }
        NeatGenome g = new NeatGenome(biasMode, neurons, List.of());
        switch (connectivity) {
            case FULL -> {
                for (int i = 0; i < inputs; i++) {
                    for (int o = 0; o < outputs; o++) {
                        g.addConnection(firstInput + i, firstOutput + o, uniformWeight(rng), tracker);
                    }
                }
            }
            case SPARSE_INPUTS -> {
                if (outputs > 0) {
                    for (int i = 0; i < inputs; i++) {
                        g.addConnection(firstInput + i, firstOutput + rng.nextInt(outputs), uniformWeight(rng), tracker);
                    }
                }
            }
            case SPARSE_OUTPUTS -> {
                for (int o = 0; o < outputs; o++) {
                    g.addConnection(firstInput + rng.nextInt(inputs), firstOutput + o, uniformWeight(rng), tracker);
                }
            }
            case NONE -> { }
            default -> throw new IllegalStateException("unknown connectivity " + connectivity);
        }
        if (biasMode == BiasMode.BIAS_NODE) {
            for (int o = 0; o < outputs; o++) {
                g.addConnection(0, firstOutput + o, outputBias, tracker);
            }
        }
        return g;
    }

    static double uniformWeight(RandomGenerator rng) {
        return rng.nextDouble(-INITIAL_WEIGHT_RANGE, INITIAL_WEIGHT_RANGE);
    }

    /** A deep copy (genes are immutable, so copying the lists suffices). */
    public NeatGenome copy() {
        return new NeatGenome(this);
    }

    public BiasMode biasMode() {
        return biasMode;
    }

    /** Neuron genes sorted by id (unmodifiable view). */
    public List<NeuronGene> neurons() {
        return Collections.unmodifiableList(neurons);
    }

    /** Connection genes in insertion order (unmodifiable view). */
    public List<ConnectionGene> connections() {
        return Collections.unmodifiableList(connections);
    }

    /** The neuron with this id, or null. */
    public NeuronGene neuron(int id) {
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
                return neurons.get(mid);
            }
        }
        return null;
    }

    /** Number of neurons of one type. */
    public int count(NeuronType type) {
        int n = 0;
        for (NeuronGene g : neurons) {
            if (g.type() == type) {
                n++;
            }
        }
        return n;
    }

    /** Ids of the neurons of one type, ascending. */
    public int[] ids(NeuronType type) {
        int[] out = new int[count(type)];
        int k = 0;
        for (NeuronGene g : neurons) {
            if (g.type() == type) {
                out[k++] = g.id();
            }
        }
        return out;
    }

    public int inputCount() {
        return count(NeuronType.INPUT);
    }

    public int outputCount() {
        return count(NeuronType.OUTPUT);
    }

    public int hiddenCount() {
        return count(NeuronType.HIDDEN);
    }

    /** Largest neuron id, or -1 without neurons. */
    public int maxNeuronId() {
        return neurons.isEmpty() ? -1 : neurons.get(neurons.size() - 1).id();
    }

    /** Number of enabled connections. */
    public int enabledConnectionCount() {
        int n = 0;
        for (ConnectionGene c : connections) {
            if (c.enabled()) {
                n++;
            }
        }
        return n;
    }

    /** True if a connection {@code from -> to} exists, enabled or not. */
    public boolean hasConnection(int from, int to) {
        for (ConnectionGene c : connections) {
            if (c.from() == from && c.to() == to) {
                return true;
            }
        }
        return false;
    }

    /**
     * True if enabling a connection {@code from -> to} would close a cycle of enabled connections, i.e. if
     * {@code from} is reachable from {@code to} (or they are the same neuron).
     */
    public boolean wouldCreateCycle(int from, int to) {
        if (from == to) {
            return true;
        }
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        Set<Integer> seen = new HashSet<>();
        stack.push(to);
        seen.add(to);
        while (!stack.isEmpty()) {
            int n = stack.pop();
            for (ConnectionGene c : connections) {
                if (c.enabled() && c.from() == n) {
                    if (c.to() == from) {
                        return true;
                    }
                    if (seen.add(c.to())) {
                        stack.push(c.to());
                    }
                }
            }
        }
        return false;
    }

    /**
     * A copy with {@code replacement} in place of the neuron of the same id (same type), e.g. another activation.
     *
     * @throws IllegalArgumentException if no neuron has that id or the type differs
     */
    public NeatGenome withNeuron(NeuronGene replacement) {
        for (int i = 0; i < neurons.size(); i++) {
            if (neurons.get(i).id() == replacement.id()) {
                if (neurons.get(i).type() != replacement.type()) {
                    throw new IllegalArgumentException("neuron " + replacement.id() + " is " + neurons.get(i).type()
                            + ", not " + replacement.type());
                }
                NeatGenome g = copy();
                g.neurons.set(i, replacement);
                return g;
            }
        }
        throw new IllegalArgumentException("no neuron with id " + replacement.id());
    }

    /**
     * A copy with new parameters (Lamarckian write-back of trained weights); the structure is unchanged.
     *
     * @param connectionWeights one weight per connection gene, in {@link #connections()} order
     * @param neuronBiases      one bias per neuron gene, in {@link #neurons()} order
     */
    public NeatGenome withParameters(double[] connectionWeights, double[] neuronBiases) {
        if (connectionWeights.length != connections.size() || neuronBiases.length != neurons.size()) {
            throw new IllegalArgumentException("expected " + connections.size() + " weights and " + neurons.size()
                    + " biases, got " + connectionWeights.length + " and " + neuronBiases.length);
        }
        NeatGenome g = copy();
        for (int i = 0; i < connectionWeights.length; i++) {
            g.connections.set(i, connections.get(i).withWeight(connectionWeights[i]));
        }
        for (int i = 0; i < neuronBiases.length; i++) {
            g.neurons.set(i, neurons.get(i).withBias(neuronBiases[i]));
        }
        return g;
    }

    /**
     * The neurons in a topological order of the enabled connections, as indices into {@link #neurons()} (Kahn's
     * algorithm: the queue starts with every neuron without enabled inputs in id order; successors join it in
     * connection order). Networks evaluate hidden and output neurons in this order.
     *
     * @throws IllegalArgumentException if the enabled connections contain a cycle
     */
    public int[] topologicalOrder() {
        int n = neurons.size();
        int[] ids = new int[n];
        for (int s = 0; s < n; s++) {
            ids[s] = neurons.get(s).id();
        }
        int[] inDegree = new int[n];
        int[] start = new int[n + 1];
        int enabled = 0;
        for (ConnectionGene c : connections) {
            if (c.enabled()) {
                enabled++;
                inDegree[Arrays.binarySearch(ids, c.to())]++;
                start[Arrays.binarySearch(ids, c.from()) + 1]++;
            }
        }
        for (int s = 0; s < n; s++) {
            start[s + 1] += start[s];
        }
        int[] successors = new int[enabled];
        int[] fill = Arrays.copyOf(start, n);
        for (ConnectionGene c : connections) {
            if (c.enabled()) {
                successors[fill[Arrays.binarySearch(ids, c.from())]++] = Arrays.binarySearch(ids, c.to());
            }
        }
        int[] order = new int[n];
        int head = 0;
        int tail = 0;
        for (int s = 0; s < n; s++) {
            if (inDegree[s] == 0) {
                order[tail++] = s;
            }
        }
        while (head < tail) {
            int s = order[head++];
            for (int e = start[s]; e < start[s + 1]; e++) {
                if (--inDegree[successors[e]] == 0) {
                    order[tail++] = successors[e];
                }
            }
        }
        if (tail != n) {
            throw new IllegalArgumentException("NEAT genome has a cycle among its enabled connections: " + this);
        }
        return order;
    }

    // ---- package-private mutators for the operators ----

    void addConnection(int from, int to, double weight, InnovationTracker tracker) {
        connections.add(new ConnectionGene(from, to, weight, true, tracker.connection(from, to)));
    }

    void addConnectionGene(ConnectionGene gene) {
        connections.add(gene);
    }

    void setConnection(int index, ConnectionGene gene) {
        connections.set(index, gene);
    }

    void addNeuron(NeuronGene gene) {
        int pos = 0;
        while (pos < neurons.size() && neurons.get(pos).id() < gene.id()) {
            pos++;
        }
        if (pos < neurons.size() && neurons.get(pos).id() == gene.id()) {
            throw new IllegalArgumentException("neuron id " + gene.id() + " already exists");
        }
        neurons.add(pos, gene);
    }

    void setNeuron(int index, NeuronGene gene) {
        neurons.set(index, gene);
    }

    /** Removes a neuron and every connection touching it. */
    void removeNeuron(int id) {
        neurons.removeIf(n -> n.id() == id);
        connections.removeIf(c -> c.from() == id || c.to() == id);
    }

    List<NeuronGene> mutableNeurons() {
        return neurons;
    }

    List<ConnectionGene> mutableConnections() {
        return connections;
    }

    static long pairKey(int from, int to) {
        return ((long) from << 32) | (to & 0xffffffffL);
    }

    @Override
    public String toString() {
        return "NeatGenome[" + biasMode.key() + ", neurons=" + neurons.size() + " (hidden " + hiddenCount()
                + "), connections=" + connections.size() + " (enabled " + enabledConnectionCount() + ")]";
    }
}
