package nas.neat.learn;

/**
 * How a genome is trained and scored.
 *
 * @param steps        full-batch gradient steps on the training set (seed 001 default 40)
 * @param learningRate step size (default 5e-3)
 * @param l2           weight decay coefficient, loss + (l2 / 2)·sum(w^2) (default 1e-4)
 * @param optimizer    Adam (default) or SGD
 * @param inheritance  Lamarckian (trained weights inherited, default) or Baldwinian
 * @param alphaNodes   fitness penalty per hidden neuron (default 1e-3)
 * @param alphaEdges   fitness penalty per enabled connection (default 5e-4)
 */
public record BackpropSettings(int steps, double learningRate, double l2, Optimizer optimizer, Inheritance inheritance,
                               double alphaNodes, double alphaEdges) {

    /** The seed plan's defaults: 40 Adam steps, lr 5e-3, L2 1e-4, Lamarckian, penalties 1e-3 and 5e-4. */
    public static final BackpropSettings DEFAULTS =
            new BackpropSettings(40, 5e-3, 1e-4, Optimizer.ADAM, Inheritance.LAMARCKIAN, 1e-3, 5e-4);

    public BackpropSettings {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
        }
        for (double v : new double[] {l2, alphaNodes, alphaEdges}) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("l2 and the complexity penalties must be finite and >= 0, got l2="
                        + l2 + ", alpha_nodes=" + alphaNodes + ", alpha_edges=" + alphaEdges);
            }
        }
        if (optimizer == null || inheritance == null) {
            throw new IllegalArgumentException("optimizer and inheritance must not be null");
        }
    }

    /** These settings with another number of steps (the longer second stage for the elites). */
    public BackpropSettings withSteps(int newSteps) {
        return new BackpropSettings(newSteps, learningRate, l2, optimizer, inheritance, alphaNodes, alphaEdges);
    }
}
