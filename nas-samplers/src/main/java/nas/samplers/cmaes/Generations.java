package nas.samplers.cmaes;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Tells one generation of a CMA-ES run and restarts a stopped run, without any framework types:
 * the sampler calls it with the trials of one block of trial numbers, in number order. The result
 * depends only on the run and the outcomes, so every worker that tells the same block reaches the
 * same state.
 */
public final class Generations {

    private Generations() {}

    /**
     * One trial of a generation.
     *
     * @param x the raw sample (as returned by {@link Cma#ask}) or the encoding of the trial's
     *     parameters
     * @param value its objective value to minimize; NaN when the trial gave none (failed, pruned,
     *     or not evaluated)
     * @param injected x was not drawn from the distribution told (a sample of another generation, or
     *     an enqueued point): its step is shortened as {@link Cma#tell(double[][], double[], boolean[])}
     *     says
     */
    public record Outcome(double[] x, double value, boolean injected) {
        /** A solution drawn from the distribution told. */
        public Outcome(double[] x, double value) {
            this(x, value, false);
        }

        /**
         * Checks the value and copies the point.
         *
         * @throws IllegalArgumentException for an infinite value (NaN stands for a trial that gave none)
         */
        public Outcome {
            if (Double.isInfinite(value)) {
                throw new IllegalArgumentException("outcome value must be finite or NaN, got " + value);
            }
            x = x.clone();
        }

        /**
         * The solution (a copy).
         *
         * @return the point, in the optimizer's coordinates
         */
        @Override
        public double[] x() {
            return x.clone();
        }

        boolean evaluated() {
            return !Double.isNaN(value);
        }
    }

    /**
     * The run for the next generation after telling {@code generation} (λ outcomes in trial-number
     * order) to {@code cma}: a new instance, restarted under {@code strategy} when the told run
     * meets a termination criterion; {@code cma} itself when no outcome has a value (nothing is
     * told). An outcome without a value is told with the generation's worst value and ranked after
     * the evaluated ones (a death penalty: the distribution moves away from where trials fail).
     *
     * @param seed seeds the random choices of a restart (new mean, BIPOP regime sizes) together
     *     with the restart index
     * @throws IllegalArgumentException unless there are exactly λ outcomes
     */
    public static Cma tell(Cma cma, List<Outcome> generation, RestartStrategy strategy, long seed) {
        int lambda = cma.popsize();
        if (generation.size() != lambda) {
            throw new IllegalArgumentException(
                    "a generation has popsize = " + lambda + " outcomes, got " + generation.size());
        }
        List<Outcome> ordered = new ArrayList<>(lambda);
        double worst = Double.NEGATIVE_INFINITY;
        for (Outcome o : generation) {
            if (o.evaluated()) {
                ordered.add(o);
                worst = Math.max(worst, o.value());
            }
        }
        if (ordered.isEmpty()) {
            return cma;
        }
        for (Outcome o : generation) {
            if (!o.evaluated()) {
                ordered.add(o); // after the evaluated ones: the stable ranking puts it last among equals
            }
        }
        double[][] xs = new double[lambda][];
        double[] fs = new double[lambda];
        boolean[] injected = new boolean[lambda];
        for (int k = 0; k < lambda; k++) {
            xs[k] = ordered.get(k).x();
            fs[k] = ordered.get(k).evaluated() ? ordered.get(k).value() : worst;
            injected[k] = ordered.get(k).injected();
        }
        Cma next = Cma.restore(cma.state(), cma.config()); // never mutate the caller's instance
        next.tell(xs, fs, injected);
        return strategy != RestartStrategy.NONE && next.shouldStop() ? restart(next, strategy, seed) : next;
    }

    /**
     * The run that follows the stopped run {@code stopped} under {@code strategy}, its random
     * choices drawn from a generator derived from (seed, restart index) only, so that a run rebuilt
     * from stored trials restarts the same way.
     *
     * @throws IllegalArgumentException for {@link RestartStrategy#NONE}
     */
    public static Cma restart(Cma stopped, RestartStrategy strategy, long seed) {
        SplittableRandom rng = new SplittableRandom(Cma.mix(seed, 0x5EED, stopped.restarts(), 0));
        return Cma.restore(Restarts.next(stopped.state(), stopped.config(), strategy, rng), stopped.config());
    }
}
