package nas.sim.neat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Body/network coupling (spec §7.7): keeps one output neuron per muscle when body mutation or crossover
 * changes the muscle count.
 *
 * <ol>
 *   <li>Outputs of removed muscles (by index in ascending output-id order) are removed with their connections.</li>
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
     * Returns a copy of {@code genome} with exactly {@code muscleCount} outputs (or {@code genome} itself when
     * nothing changes).
     *
     * @param removedMuscles indices (in the parent's muscle order) of muscles the body lost, may be empty
     */
    public static NeatGenome adapt(NeatGenome genome, int[] removedMuscles, int muscleCount, InnovationTracker tracker,
                                   RandomGenerator rng) {
        if (muscleCount < 0) {
            throw new IllegalArgumentException("muscle count must be >= 0, got " + muscleCount);
        }
        if (removedMuscles.length == 0 && genome.outputCount() == muscleCount) {
            return genome;
        }
        NeatGenome g = genome.copy();
        if (removedMuscles.length > 0) {
            int[] outputs = g.ids(NeuronType.OUTPUT);
            int[] removed = Arrays.stream(removedMuscles).distinct().sorted().toArray();
            for (int index : removed) {
                if (index >= 0 && index < outputs.length) {
                    g.removeNeuron(outputs[index]);
                }
            }
        }
        while (g.outputCount() < muscleCount) {
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
        while (g.outputCount() > muscleCount) {
            int[] outputs = g.ids(NeuronType.OUTPUT);
            g.removeNeuron(outputs[outputs.length - 1]);
        }
        return g;
    }
}
