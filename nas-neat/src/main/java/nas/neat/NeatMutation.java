package nas.neat;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * NEAT mutation ({@code mutate_neat_genome}, spec §7.7), applied to a copy in the reference order:
 * add node, add connection, enable, disable, weights, biases.
 */
public final class NeatMutation {

    /** Attempts add-connection makes to find a new, cycle-free pair. */
    public static final int ADD_CONNECTION_ATTEMPTS = 20;
    /** Share of weight mutations that perturb (the rest reset to U(-0.5, 0.5)). */
    public static final double PERTURB_SHARE = 0.9;

    private NeatMutation() {
    }

    /**
     * Returns a mutated copy of {@code parent}.
     *
     * @param weightRate per-connection weight mutation probability for this generation (after decay and boost)
     */
    public static NeatGenome mutate(NeatGenome parent, NeatMutationParams params, double weightRate,
                                    InnovationTracker tracker, RandomGenerator rng) {
        if (!(weightRate >= 0 && weightRate <= 1)) {
            throw new IllegalArgumentException("weight mutation rate must be in [0, 1], got " + weightRate);
        }
        NeatGenome g = parent.copy();
        if (rng.nextDouble() < params.addNodeRate()) {
            addNode(g, params.maxHiddenNodes(), tracker, rng);
        }
        if (rng.nextDouble() < params.addConnectionRate()) {
            addConnection(g, tracker, rng);
        }
        if (rng.nextDouble() < params.enableRate()) {
            enableConnection(g, rng);
        }
        if (rng.nextDouble() < params.disableRate()) {
            disableConnection(g, rng);
        }
        mutateWeights(g, weightRate, params.weightMagnitude(), rng);
        if (g.biasMode() == BiasMode.NODE && !params.freezeNodeBiases()) {
            mutateBiases(g, params.biasMutationRate(), params.biasMagnitude(), rng);
        }
        return g;
    }

    /**
     * Splits a random enabled connection a->b: disables it and adds hidden neuron h (id max + 1, bias 0) with
     * a->h (weight 1) and h->b (the old weight), so the network's function barely changes.
     *
     * @return false if the hidden limit is reached or no connection is enabled
     */
    static boolean addNode(NeatGenome g, int maxHidden, InnovationTracker tracker, RandomGenerator rng) {
        if (g.hiddenCount() >= maxHidden) {
            return false;
        }
        List<ConnectionGene> conns = g.mutableConnections();
        List<Integer> enabled = new ArrayList<>();
        for (int i = 0; i < conns.size(); i++) {
            if (conns.get(i).enabled()) {
                enabled.add(i);
            }
        }
        if (enabled.isEmpty()) {
            return false;
        }
        int index = enabled.get(rng.nextInt(enabled.size()));
        ConnectionGene split = conns.get(index);
        g.setConnection(index, split.withEnabled(false));
        int id = g.maxNeuronId() + 1;
        g.addNeuron(new NeuronGene(id, NeuronType.HIDDEN, 0.0, tracker.splitNeuron(split.innovation())));
        g.addConnection(split.from(), id, 1.0, tracker);
        g.addConnection(id, split.to(), split.weight(), tracker);
        return true;
    }

    /**
     * Up to {@value #ADD_CONNECTION_ATTEMPTS} tries of a random source (input, hidden, bias) and target (hidden,
     * output) that are not yet connected and whose connection closes no cycle; weight U(-0.5, 0.5).
     */
    static boolean addConnection(NeatGenome g, InnovationTracker tracker, RandomGenerator rng) {
        List<NeuronGene> sources = new ArrayList<>();
        List<NeuronGene> targets = new ArrayList<>();
        for (NeuronGene n : g.neurons()) {
            if (n.type().canBeSource()) {
                sources.add(n);
            }
            if (n.type().canBeTarget()) {
                targets.add(n);
            }
        }
        if (sources.isEmpty() || targets.isEmpty()) {
            return false;
        }
        for (int attempt = 0; attempt < ADD_CONNECTION_ATTEMPTS; attempt++) {
            int from = sources.get(rng.nextInt(sources.size())).id();
            int to = targets.get(rng.nextInt(targets.size())).id();
            if (g.hasConnection(from, to) || g.wouldCreateCycle(from, to)) {
                continue;
            }
            g.addConnection(from, to, NeatGenome.uniformWeight(rng), tracker);
            return true;
        }
        return false;
    }

    /** Re-enables one random disabled connection among those that close no cycle. */
    static boolean enableConnection(NeatGenome g, RandomGenerator rng) {
        List<ConnectionGene> conns = g.mutableConnections();
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < conns.size(); i++) {
            ConnectionGene c = conns.get(i);
            if (!c.enabled() && !g.wouldCreateCycle(c.from(), c.to())) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return false;
        }
        int index = candidates.get(rng.nextInt(candidates.size()));
        g.setConnection(index, conns.get(index).withEnabled(true));
        return true;
    }

    /** Disables one random enabled connection. */
    static boolean disableConnection(NeatGenome g, RandomGenerator rng) {
        List<ConnectionGene> conns = g.mutableConnections();
        List<Integer> enabled = new ArrayList<>();
        for (int i = 0; i < conns.size(); i++) {
            if (conns.get(i).enabled()) {
                enabled.add(i);
            }
        }
        if (enabled.isEmpty()) {
            return false;
        }
        int index = enabled.get(rng.nextInt(enabled.size()));
        g.setConnection(index, conns.get(index).withEnabled(false));
        return true;
    }

    /** Each connection with probability {@code rate}: 90% w += N(0,1)·magnitude, 10% w = U(-0.5, 0.5). */
    static void mutateWeights(NeatGenome g, double rate, double magnitude, RandomGenerator rng) {
        List<ConnectionGene> conns = g.mutableConnections();
        for (int i = 0; i < conns.size(); i++) {
            if (rng.nextDouble() < rate) {
                ConnectionGene c = conns.get(i);
                double w = rng.nextDouble() < PERTURB_SHARE
                        ? c.weight() + rng.nextGaussian() * magnitude
                        : NeatGenome.uniformWeight(rng);
                g.setConnection(i, c.withWeight(w));
            }
        }
    }

    /** Each hidden and output neuron with probability {@code rate}: 90% b += N(0,1)·magnitude, 10% b = U(-0.5, 0.5). */
    static void mutateBiases(NeatGenome g, double rate, double magnitude, RandomGenerator rng) {
        List<NeuronGene> neurons = g.mutableNeurons();
        for (int i = 0; i < neurons.size(); i++) {
            NeuronGene n = neurons.get(i);
            if (!n.type().canBeTarget()) {
                continue;
            }
            if (rng.nextDouble() < rate) {
                double b = rng.nextDouble() < PERTURB_SHARE
                        ? n.bias() + rng.nextGaussian() * magnitude
                        : NeatGenome.uniformWeight(rng);
                g.setNeuron(i, n.withBias(b));
            }
        }
    }

    /**
     * With probability {@code rate}, one random hidden neuron gets an activation drawn uniformly from
     * {@code choices} (possibly its own). Not part of {@link #mutate}, so the creature simulator's random
     * stream is unchanged; networks trained by backpropagation use it.
     */
    public static NeatGenome mutateActivation(NeatGenome parent, double rate, Activation[] choices, RandomGenerator rng) {
        if (choices.length == 0 || !(rng.nextDouble() < rate)) {
            return parent;
        }
        int[] hidden = parent.ids(NeuronType.HIDDEN);
        if (hidden.length == 0) {
            return parent;
        }
        NeuronGene n = parent.neuron(hidden[rng.nextInt(hidden.length)]);
        return parent.withNeuron(n.withActivation(choices[rng.nextInt(choices.length)]));
    }
}
