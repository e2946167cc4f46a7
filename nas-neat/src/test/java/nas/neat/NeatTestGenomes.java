package nas.neat;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Builders shared by the NEAT tests. */
public final class NeatTestGenomes {

    private NeatTestGenomes() {
    }

    public static NeuronGene input(int id) {
        return new NeuronGene(id, NeuronType.INPUT, 0.0, id);
    }

    public static NeuronGene output(int id, double bias) {
        return new NeuronGene(id, NeuronType.OUTPUT, bias, id);
    }

    public static NeuronGene hidden(int id, double bias) {
        return new NeuronGene(id, NeuronType.HIDDEN, bias, 100 + id);
    }

    public static ConnectionGene conn(int from, int to, double w, boolean enabled, int innovation) {
        return new ConnectionGene(from, to, w, enabled, innovation);
    }

    /**
     * A genome grown by {@code mutations} rounds of aggressive structural and weight mutation from a full
     * minimal genome, in node mode (random biases too).
     */
    public static NeatGenome grown(int inputs, int outputs, int mutations, BiasMode mode, InnovationTracker tracker,
                            RandomGenerator rng) {
        NeatGenome g = NeatGenome.createMinimal(inputs, outputs, mode, NeatConnectivity.SPARSE_INPUTS, -0.1,
                tracker, rng);
        NeatMutationParams p = new NeatMutationParams(0.5, 0.8, 0.2, 0.1, 0.8, 12, 0.5, 0.5, false);
        for (int i = 0; i < mutations; i++) {
            g = NeatMutation.mutate(g, p, 0.5, tracker, rng);
        }
        return g;
    }

    /** Checks the genome against its own validating constructor (unique ids, valid ends, no enabled cycle). */
    public static NeatGenome revalidate(NeatGenome g) {
        return new NeatGenome(g.biasMode(), new ArrayList<>(g.neurons()), List.copyOf(g.connections()));
    }

    /** Enables connection {@code index} without the cycle check (for tests of code that must reject cycles). */
    public static void enableBehindTheValidation(NeatGenome g, int index) {
        g.setConnection(index, g.connections().get(index).withEnabled(true));
    }
}
