package nas.ga;

import java.util.SplittableRandom;

/**
 * The control task: regression of the smooth function {@code y = sin(π x0) · cos(π x1)} from
 * {@code points} inputs uniform in [-1, 1]² by an MLP with one output. Unlike memorisation it rewards
 * generalising structure; fitness is the negated mean squared error.
 */
public final class RegressionTask implements Supervised {

    private final Mlp mlp;
    private final int points;
    private final double[] inputs;
    private final double[] targets;

    /**
     * The regression control task.
     *
     * @param points the number of points, uniform in [-1, 1]²
     * @param hidden hidden layer widths
     * @param seed   the dataset's seed
     */
    public RegressionTask(int points, int[] hidden, long seed) {
        if (points < 1) {
            throw new IllegalArgumentException("regression needs points >= 1, got " + points);
        }
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = 2;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = 1;
        this.mlp = new Mlp(sizes);
        this.points = points;
        this.inputs = new double[2 * points];
        this.targets = new double[points];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int n = 0; n < points; n++) {
            double x0 = rng.nextDouble(-1, 1);
            double x1 = rng.nextDouble(-1, 1);
            inputs[2 * n] = x0;
            inputs[2 * n + 1] = x1;
            targets[n] = target(x0, x1);
        }
    }

    /**
     * The function learnt.
     *
     * @param x0 the first input
     * @param x1 the second input
     * @return sin(πx₀)·cos(πx₁)
     */
    public static double target(double x0, double x1) {
        return Math.sin(Math.PI * x0) * Math.cos(Math.PI * x1);
    }

    @Override
    public Mlp mlp() {
        return mlp;
    }

    @Override
    public int points() {
        return points;
    }

    @Override
    public double[] inputs() {
        return inputs;
    }

    /** Squared error; its gradient is 2·(y − target). */
    @Override
    public double pointLoss(int point, double[] out, int from, double[] grad, int at) {
        double d = out[from] - targets[point];
        grad[at] = 2 * d;
        return d * d;
    }

    @Override
    public boolean correct(int point, double[] out, int from) {
        return false;
    }

    @Override
    public Layout layout() {
        return mlp.layout();
    }

    @Override
    public Evaluator newEvaluator() {
        Mlp.Workspace ws = mlp.workspace(points);
        return params -> {
            mlp.forward(params, inputs, points, ws);
            double[] out = ws.output();
            double mse = 0;
            for (int n = 0; n < points; n++) {
                double d = out[n] - targets[n];
                mse += d * d;
            }
            mse /= points;
            return new Evaluation(-mse, mse, 0, null);
        };
    }
}
