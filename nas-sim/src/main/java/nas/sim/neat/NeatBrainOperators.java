package nas.sim.neat;

import java.util.random.RandomGenerator;

import nas.neat.InnovationTracker;
import nas.neat.NeatCrossover;
import nas.neat.NeatDistance;
import nas.neat.NeatGenome;
import nas.neat.NeatMutation;
import nas.neat.NeatMutationParams;
import nas.neat.OutputAdapter;
import nas.sim.config.LabConfig;
import nas.sim.genetics.BrainOperators;
import nas.sim.genetics.WeightMutationSchedule;
import nas.sim.genome.BrainGenome;

/**
 * The genetic operators of NEAT brains for the {@link nas.sim.genetics.Evolver}. One instance per run: it
 * owns the run's {@link InnovationTracker}, whose per-generation cache {@link #endGeneration()} clears.
 * The Evolver breeds sequentially, so innovation numbers never depend on the number of threads.
 */
public final class NeatBrainOperators implements BrainOperators {

    private final LabConfig config;
    private final InnovationTracker tracker;
    private final NeatMutationParams mutation;
    private final NeatDistance distance;

    public NeatBrainOperators(LabConfig config) {
        this(config, new InnovationTracker());
    }

    public NeatBrainOperators(LabConfig config, InnovationTracker tracker) {
        this.config = config;
        this.tracker = tracker;
        this.mutation = new NeatMutationParams(config.neatAddNodeRate(), config.neatAddConnectionRate(),
                config.neatEnableRate(), config.neatDisableRate(), config.weightMutationMagnitude(),
                config.neatMaxHiddenNodes(), NeatMutationParams.DEFAULT_BIAS_MUTATION_RATE,
                NeatMutationParams.DEFAULT_BIAS_MAGNITUDE, config.compatNeatBiasFrozen());
        this.distance = new NeatDistance(config.neatExcessCoefficient(), config.neatDisjointCoefficient(),
                config.neatWeightCoefficient());
    }

    /** The run's innovation tracker. */
    public InnovationTracker tracker() {
        return tracker;
    }

    @Override
    public BrainGenome create(int inputs, int outputs, RandomGenerator rng) {
        return NeatBrain.of(NeatGenome.createMinimal(inputs, outputs, config.biasMode(),
                config.neatInitialConnectivity(), config.neuralOutputBias(), tracker, rng));
    }

    @Override
    public BrainGenome crossover(BrainGenome a, double fitnessA, BrainGenome b, double fitnessB, RandomGenerator rng) {
        return NeatBrain.of(NeatCrossover.cross(neat(a), fitnessA, neat(b), fitnessB, rng));
    }

    /**
     * Body/network coupling: parent outputs no muscle uses any more are removed (when the sources fit this
     * brain), then outputs are added or removed to match the muscle count ({@link OutputAdapter}). Output order is ascending neuron id, so the
     * kept muscles keep their outputs as long as new muscles are appended, which is how the body operators
     * add them.
     */
    @Override
    public BrainGenome adapt(BrainGenome brain, int[] outputSource, RandomGenerator rng) {
        NeatGenome g = neat(brain);
        int outputs = g.outputCount();
        boolean identity = outputSource.length == outputs;
        for (int j = 0; identity && j < outputs; j++) {
            identity = outputSource[j] == j;
        }
        if (identity) {
            return brain;
        }
        // Sources index the outputs of the brain the body came from. After crossover the brain may come from
        // the other parent (the fitter one) and have a different output count; then, as in the reference,
        // only the count is matched.
        boolean consistent = true;
        for (int src : outputSource) {
            consistent &= src < outputs;
        }
        boolean[] used = new boolean[outputs];
        for (int src : outputSource) {
            if (src >= 0 && consistent) {
                used[src] = true;
            }
        }
        int removed = 0;
        for (boolean u : used) {
            removed += u || !consistent ? 0 : 1;
        }
        int[] removedIdx = new int[removed];
        for (int o = 0, k = 0; o < outputs && k < removed; o++) {
            if (!used[o]) {
                removedIdx[k++] = o;
            }
        }
        NeatGenome adapted = OutputAdapter.adapt(g, removedIdx, outputSource.length, tracker, rng);
        return adapted == g ? brain : NeatBrain.of(adapted);
    }

    @Override
    public BrainGenome mutate(BrainGenome brain, int generation, double boost, RandomGenerator rng) {
        double p = WeightMutationSchedule.probability(config.weightMutationDecay(), config.weightMutationRate(),
                generation, boost);
        return NeatBrain.of(NeatMutation.mutate(neat(brain), mutation, p, tracker, rng));
    }

    @Override
    public double distance(BrainGenome a, BrainGenome b) {
        NeatBrain x = brain(a);
        NeatBrain y = brain(b);
        if (x.genes().size() == 0 && y.genes().size() == 0) {
            return NeatDistance.biasDistance(x.genomeView(), y.genomeView());
        }
        return distance.between(x.genes(), y.genes());
    }

    @Override
    public void endGeneration() {
        tracker.endGeneration();
    }

    private static NeatGenome neat(BrainGenome b) {
        return brain(b).genomeView();
    }

    private static NeatBrain brain(BrainGenome b) {
        if (!(b instanceof NeatBrain nb)) {
            throw new IllegalArgumentException("NEAT operators need a NEAT brain, got "
                    + (b == null ? "null" : b.getClass().getSimpleName()));
        }
        return nb;
    }
}
