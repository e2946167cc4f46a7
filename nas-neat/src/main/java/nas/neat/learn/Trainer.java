package nas.neat.learn;

import nas.neat.data.Dataset;

/**
 * Full-batch training of a {@link DagNetwork}: each step computes the loss and gradient on the whole training
 * set and moves the parameters by Adam or SGD. Buffers are allocated once; {@link #train} allocates nothing.
 */
public final class Trainer {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final DagNetwork net;
    private final Optimizer optimizer;
    private final double learningRate;
    private final double l2;
    private final double[] gradient;
    private final double[] m;
    private final double[] v;
    private int t;
    private double lastLoss = Double.NaN;

    public Trainer(DagNetwork net, Optimizer optimizer, double learningRate, double l2) {
        this.net = net;
        this.optimizer = optimizer;
        this.learningRate = learningRate;
        this.l2 = l2;
        int p = net.parameters().length;
        this.gradient = new double[p];
        this.m = optimizer == Optimizer.ADAM ? new double[p] : null;
        this.v = optimizer == Optimizer.ADAM ? new double[p] : null;
    }

    /**
     * Takes up to {@code steps} steps; stops early when the loss is not finite.
     *
     * @return false if the loss became NaN or infinite (the network diverged)
     */
    public boolean train(Dataset data, int steps) {
        double[] p = net.parameters();
        for (int s = 0; s < steps; s++) {
            double loss = net.lossAndGradient(data, l2, gradient);
            lastLoss = loss;
            if (!Double.isFinite(loss)) {
                return false;
            }
            if (optimizer == Optimizer.SGD) {
                for (int i = 0; i < p.length; i++) {
                    p[i] -= learningRate * gradient[i];
                }
            } else {
                t++;
                double c1 = 1.0 / (1.0 - Math.pow(BETA1, t));
                double c2 = 1.0 / (1.0 - Math.pow(BETA2, t));
                for (int i = 0; i < p.length; i++) {
                    double g = gradient[i];
                    m[i] = BETA1 * m[i] + (1 - BETA1) * g;
                    v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
                    p[i] -= learningRate * (m[i] * c1) / (Math.sqrt(v[i] * c2) + EPSILON);
                }
            }
        }
        return true;
    }

    /** The training loss before the last step taken (NaN before any step). */
    public double lastLoss() {
        return lastLoss;
    }
}
