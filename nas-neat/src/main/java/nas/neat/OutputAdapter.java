package nas.neat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Changes a genome's number of outputs (spec §7.7 body/network coupling: the creature simulator keeps one
 * output neuron per muscle when body mutation or crossover changes the muscle count).
 *
 * <ol>
 *   <li>Removed outputs (by index in ascending output-id order) are removed with their connections.</li>
 *   <li>If outputs are still missing, each new output (id max + 1, bias 0) gets one connection from a random
 *       input or bias neuron with weight U(-0.5, 0.5), plus, when a bias neuron exists and was not that source,
 *       a bias link of weight {@value #NEW_OUTPUT_BIAS_WEIGHT} (hard-coded in the reference).</li>
 *   <li>Surplus outputs are removed highest id first.</li>
 * </ol>
 */
public final class OutputAdapter {

    /** Weight of the bias-neuron link of a new output (the reference's constant, not the configured output bias). */
    public static final double NEW_OUTPUT_BIAS_WEIGHT = -0.5;

    private OutputAdapter() {
    }

    /**
     * Returns a copy of {@code genome} with exactly {@code outputCount} outputs (or {@code genome} itself when
     * nothing changes).
     *
     * @param removedOutputs indices (in the parent's output order) of outputs to remove (muscles the body lost), may be empty
     */
    public static NeatGenome adapt(NeatGenome genome, int[] removedOutputs, int outputCount, InnovationTracker tracker,
                                   RandomGenerator rng) {
        if (outputCount < 0) {
            throw new IllegalArgumentException("output count must be >= 0, got " + outputCount);
        }
        if (removedOutputs.length == 0 && genome.outputCount() == outputCount) {
            return genome;
        }
        NeatGenome g = genome.copy();
        if (removedOutputs.length > 0) {
            int[] outputs = g.ids(NeuronType.OUTPUT);
            int[] removed = Arrays.stream(removedOutputs).distinct().sorted().toArray();
            for (int index : removed) {
                if (index >= 0 && index < outputs.length) {
                    g.removeNeuron(outputs[index]);
                }
            }
        }
        while (g.outputCount() < outputCount) {
            List<NeuronGene> sources = new ArrayList<>();
            for (NeuronGene n : g.neurons()) {
                if (n.type() == NeuronType.INPUT || n.type() == NeuronType.BIAS) {
                    sources.add(n);
                }
            }
            int id = g.maxNeuronId() + 1;
            g.addNeuron(new NeuronGene(id, NeuronType.OUTPUT, 0.0, tracker.freshNeuron()));
            NeuronGene source = sources.get(rng.nextInt(sources.size()));
            g.addConnection(source.id(), id, NeatGenome.uniformWeight(rng), tracker);
            if (source.type() != NeuronType.BIAS) {
                for (NeuronGene n : sources) {
                    if (n.type() == NeuronType.BIAS) {
                        g.addConnection(n.id(), id, NEW_OUTPUT_BIAS_WEIGHT, tracker);
                    }
                }
            }
        }
        while (g.outputCount() > outputCount) {
            int[] outputs = g.ids(NeuronType.OUTPUT);
            g.removeNeuron(outputs[outputs.length - 1]);
        }
        return g;
    }
}
