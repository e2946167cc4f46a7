package nas.samplers.cmaes;

import java.util.random.RandomGenerator;

/**
 * Restart policies for a stopped CMA-ES run, as pure functions from the stopped run's state to
 * the next run's initial state. The bookkeeping they need (restart counts, evaluations per
 * regime, the first run's λ, σ and mean) travels inside {@link CmaState}, so restarts survive a
 * save and restore.
 *
 * <ul>
 *   <li>IPOP (A. Auger, N. Hansen, "A Restart CMA Evolution Strategy With Increasing Population
 *       Size", CEC 2005): each restart doubles λ and starts from a uniformly random point of the
 *       box with the first run's σ.
 *   <li>BIPOP (N. Hansen, "Benchmarking a BI-Population CMA-ES on the BBOB-2009 Function
 *       Testbed", GECCO 2009): restarts alternate between a large regime, λ_l = λ_def 2^{i_l}
 *       with σ_def, and a small regime, λ_s = ⌊λ_def (λ_l / (2 λ_def))^{U²}⌋ with σ_def 10^{-2U}
 *       (U uniform in [0, 1]); the regime that has used fewer evaluations runs next. The first
 *       restart is always a large one.
 * </ul>
 */
public final class Restarts {

    private Restarts() {}

    /**
     * The initial state of the run that follows {@code stopped}.
     *
     * @throws IllegalArgumentException for {@link RestartStrategy#NONE}
     */
    public static CmaState next(
            CmaState stopped, CmaConfig config, RestartStrategy strategy, RandomGenerator rng) {
        if (strategy == RestartStrategy.NONE) {
            throw new IllegalArgumentException("restart strategy NONE has no next run");
        }
        long runEvals = (long) stopped.generation() * stopped.popsize();
        long evalsSmall = stopped.evalsSmall() + (stopped.smallRegime() ? runEvals : 0);
        long evalsLarge = stopped.evalsLarge() + (stopped.smallRegime() ? 0 : runEvals);
        int largeRestarts = stopped.largeRestarts();
        int base = stopped.basePopsize();
        double sigma;
        int lambda;
        boolean small;
        if (strategy == RestartStrategy.BIPOP && largeRestarts > 0 && evalsSmall < evalsLarge) {
            small = true;
            double u = rng.nextDouble();
            double largeLambda = base * Math.pow(2, largeRestarts);
            lambda = (int) Math.floor(base * Math.pow(largeLambda / (2.0 * base), u * u));
            lambda = Math.max(2, lambda);
            sigma = stopped.baseSigma() * Math.pow(10, -2 * rng.nextDouble());
        } else {
            small = false;
            largeRestarts++;
            lambda = (int) Math.min(Integer.MAX_VALUE / 2, base * Math.pow(2, largeRestarts));
            sigma = stopped.baseSigma();
        }
        double[] x0 = stopped.baseMean().clone();
        for (int i = 0; i < x0.length; i++) {
            if (config.isBounded(i)) {
                x0[i] = config.lower(i) + rng.nextDouble() * (config.upper(i) - config.lower(i));
            }
        }
        return Cma.freshRun(
                x0, sigma, null, lambda, stopped.separable(), config, stopped.seed(),
                stopped.restarts() + 1, largeRestarts, small, evalsSmall, evalsLarge, base,
                stopped.baseSigma(), stopped.baseMean(), stopped.bestF(), stopped.bestX());
    }

    /**
     * {@code cma} itself while it should go on, otherwise the next run under {@code strategy}
     * ({@code cma} too for {@link RestartStrategy#NONE}).
     */
    public static Cma continueOrRestart(Cma cma, RestartStrategy strategy, RandomGenerator rng) {
        if (strategy == RestartStrategy.NONE || !cma.shouldStop()) {
            return cma;
        }
        return Cma.restore(next(cma.state(), cma.config(), strategy, rng), cma.config());
    }
}
