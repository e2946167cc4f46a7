package nas.neat.learn;

import nas.neat.Fitness;
import nas.neat.NeatGenome;
import nas.neat.data.Split;

/**
 * Fitness of a network topology by learning (seed 001): the genome's weights are trained for {@code steps}
 * full-batch steps on the training rows, then fitness = validation accuracy - alpha_nodes·hidden neurons -
 * alpha_edges·enabled connections. A diverged training (NaN or infinite loss) gives fitness -infinity. The
 * split is shared read-only by every thread; each evaluation compiles its own network.
 */
public final class BackpropFitness implements Fitness<NeatGenome> {

    private final Split data;
    private final BackpropSettings settings;

    public BackpropFitness(Split data, BackpropSettings settings) {
        this.data = data;
        this.settings = settings;
    }

    public BackpropSettings settings() {
        return settings;
    }

    /** The same task trained for {@code steps} steps (the second stage for the elites). */
    public BackpropFitness withSteps(int steps) {
        return new BackpropFitness(data, settings.withSteps(steps));
    }

    @Override
    public Evaluation<NeatGenome> evaluate(NeatGenome genome, long seed) {
        DagNetwork net = DagNetwork.compile(genome);
        Trainer trainer = new Trainer(net, settings.optimizer(), settings.learningRate(), settings.l2());
        if (!trainer.train(data.train(), settings.steps())) {
            return new Evaluation<>(Double.NEGATIVE_INFINITY, 0.0, genome);
        }
        double accuracy = net.correct(data.validation()) / (double) data.validation().size();
        double fitness = accuracy - settings.alphaNodes() * genome.hiddenCount()
                - settings.alphaEdges() * genome.enabledConnectionCount();
        NeatGenome kept = settings.inheritance() == Inheritance.LAMARCKIAN ? net.writeBack() : genome;
        return new Evaluation<>(fitness, accuracy, kept);
    }
}
