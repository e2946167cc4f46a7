package nas.sim.neat;

import nas.neat.NeatDistance;
import nas.neat.NeatGenome;
import nas.sim.control.NeuralNetwork;
import nas.sim.genome.BrainGenome;

/**
 * A creature's NEAT brain: an immutable wrapper around a {@link NeatGenome} (operators always work on
 * copies). The genome is compiled once, on first use; each {@link #newNetwork()} shares the compiled
 * program and gets its own value buffer.
 */
public final class NeatBrain implements BrainGenome {

    private final NeatGenome genome;
    private final int inputs;
    private final int outputs;
    // Benign races: the compiled network and the sorted genes only have final fields, so any thread sees them
    // fully built.
    private NeatNetwork compiled;
    private NeatDistance.Genes genes;

    public NeatBrain(NeatGenome genome) {
        this.genome = genome.copy();
        this.inputs = genome.inputCount();
        this.outputs = genome.outputCount();
    }

    /** Wraps a genome the caller no longer changes (operators' fresh results), without copying. */
    static NeatBrain of(NeatGenome owned) {
        return new NeatBrain(owned, true);
    }

    private NeatBrain(NeatGenome owned, boolean alreadyOwned) {
        this.genome = owned;
        this.inputs = owned.inputCount();
        this.outputs = owned.outputCount();
    }

    /** A copy of the genome (the brain itself stays unchanged). */
    public NeatGenome genome() {
        return genome.copy();
    }

    /** The genome without copying, for the operators of this package (must not be modified). */
    NeatGenome genomeView() {
        return genome;
    }

    /** The genes sorted for the compatibility distance (computed once). */
    NeatDistance.Genes genes() {
        NeatDistance.Genes g = genes;
        if (g == null) {
            g = NeatDistance.Genes.of(genome);
            genes = g;
        }
        return g;
    }

    @Override
    public int inputCount() {
        return inputs;
    }

    @Override
    public int outputCount() {
        return outputs;
    }

    @Override
    public NeuralNetwork newNetwork() {
        NeatNetwork c = compiled;
        if (c == null) {
            c = NeatNetwork.compile(genome, outputs);
            compiled = c;
        }
        return c.withOwnBuffer();
    }

    @Override
    public String toString() {
        return "NeatBrain" + genome;
    }
}
