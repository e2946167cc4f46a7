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
 *       Testbed", GECCO 2009, with the details of Hansen's pycma {@code fmin}): two regimes share
 *       the budget. The first run (λ_def, σ_def) counts in the small regime's budget, so the first
 *       restart is a large one; after that the regime that has used fewer evaluations runs next. A
 *       large run doubles λ as IPOP does, λ_l = λ_def 2^{i_l} after i_l large runs, with σ_def. A
 *       small run takes λ_s = ⌊λ_def (λ_l / λ_def)^{U²}⌋ with λ_l the last large run's λ (Hansen's
 *       ½ λ_l, his λ_l being the size the next large run would have), σ_def 10^{-2V} (U, V
 *       independent, uniform in [0, 1]), and stops when its next generation would take its
 *       evaluations beyond half of those of all large runs so far ({@link
 *       Termination#SMALL_RUN_BUDGET}).
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
        // BIPOP's first run counts in the small regime's budget (Hansen 2009; pycma's fmin)
        boolean countsSmall = stopped.smallRegime()
                || strategy == RestartStrategy.BIPOP && stopped.restarts() == 0;
        long evalsSmall = stopped.evalsSmall() + (countsSmall ? runEvals : 0);
        long evalsLarge = stopped.evalsLarge() + (countsSmall ? 0 : runEvals);
        int largeRestarts = stopped.largeRestarts();
        int base = stopped.basePopsize();
        double sigma;
        int lambda;
        boolean small;
        if (strategy == RestartStrategy.BIPOP && evalsSmall < evalsLarge) {
            small = true;
            double u = rng.nextDouble();
            double lastLargeLambda = base * Math.pow(2, largeRestarts);
            lambda = (int) Math.floor(base * Math.pow(lastLargeLambda / base, u * u));
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
