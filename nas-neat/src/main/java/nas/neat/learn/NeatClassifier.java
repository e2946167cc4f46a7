package nas.neat.learn;

import java.util.function.Consumer;

import nas.neat.NeatEvolution;
import nas.neat.NeatGenome;
import nas.neat.NeatSettings;
import nas.neat.data.Split;

/**
 * NEAT that learns: topologies evolved by {@link NeatEvolution}, each genome's weights trained by backpropagation
 * ({@link BackpropFitness}), the generation's best refined with {@code refineSteps} further steps and re-scored.
 *
 * @param neat        evolution settings
 * @param backprop    training and fitness settings of the first stage
 * @param refineSteps steps of the second stage for the best {@code neat.refineTop()} genomes
 */
public record NeatClassifier(NeatSettings neat, BackpropSettings backprop, int refineSteps) {

    /** The seed plan's defaults: {@link NeatSettings#classification()}, {@link BackpropSettings#DEFAULTS}, 300 refine steps. */
    public static NeatClassifier defaults() {
        return new NeatClassifier(NeatSettings.classification(), BackpropSettings.DEFAULTS, 300);
    }

    public NeatClassifier {
        if (refineSteps < 0) {
            throw new IllegalArgumentException("refine steps must be >= 0, got " + refineSteps);
        }
    }

    /**
     * Evolves classifiers for {@code data}, stopping early at 100% validation accuracy.
     *
     * @param threads evaluation threads (the result does not depend on it)
     */
    public NeatEvolution.Result run(Split data, int generations, int threads, long seed,
                                    Consumer<NeatEvolution.Generation> listener) {
        BackpropFitness fitness = new BackpropFitness(data, backprop);
        BackpropFitness refine = refineSteps > 0 ? fitness.withSteps(refineSteps) : null;
        NeatEvolution evolution = new NeatEvolution(data.train().featureCount(), data.train().classCount(), neat,
                threads, seed);
        return evolution.run(fitness, refine, generations, 1.0, listener);
    }

    /** Validation accuracy of a genome as it is (no training). */
    public static double accuracy(NeatGenome genome, Split data) {
        return DagNetwork.compile(genome).correct(data.validation()) / (double) data.validation().size();
    }
}
