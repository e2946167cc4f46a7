package nas.samplers.gp;

/**
 * Maximum a posteriori kernel hyperparameters: maximises {@code ln p(y | θ) + ln p(θ)} (the log
 * marginal likelihood of {@link GaussianProcess} plus {@link KernelParams#logPrior}) over the
 * unconstrained log-space θ with {@link Lbfgs}, from a given start.
 */
final class HyperparameterFit {

    private HyperparameterFit() {
    }

    /** The log posterior (up to a constant) at θ, with its gradient. */
    static double logPosterior(double[][] x, double[] y, boolean[] categorical, double[] theta, double[] gradient) {
        KernelParams p = KernelParams.fromTheta(theta);
        double[] prior = new double[theta.length];
        double lp = p.logPrior(prior);
        GaussianProcess gp;
        try {
            gp = GaussianProcess.fit(x, y, categorical, p);
        } catch (RuntimeException e) { // not positive definite even with jitter: reject this θ
            return Double.NEGATIVE_INFINITY;
        }
        double lml = gp.logMarginalLikelihood(gradient);
        for (int i = 0; i < theta.length; i++) {
            gradient[i] += prior[i];
        }
        return lml + lp;
    }

    /**
     * The process conditioned on {@code (x, y)} with MAP hyperparameters, searched from {@code start}.
     */
    public static GaussianProcess fit(double[][] x, double[] y, boolean[] categorical, KernelParams start, int maxIterations) {
        double[] theta = start.toTheta();
        Lbfgs.minimize((t, g) -> {
            double v = logPosterior(x, y, categorical, t, g);
            for (int i = 0; i < g.length; i++) {
                g[i] = -g[i];
            }
            return -v;
        }, theta, null, null, maxIterations, 1e-7);
        return GaussianProcess.fit(x, y, categorical, KernelParams.fromTheta(theta));
    }
}
