package nas.samplers.cmaes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Moves a stored CMA-ES run forward from the evaluations finished so far, without any framework
 * types: the adapter that keeps the run in a study calls it with what it reads from storage.
 * Solutions are tagged with the (restart, generation) that drew them; once a generation has λ
 * finished solutions, the first λ of them by trial number are told. The result depends only on
 * the state and the finished solutions, so workers that advance the same run concurrently reach
 * the same state.
 */
public final class Generations {

    private Generations() {}

    /**
     * One finished solution.
     *
     * @param trialNumber orders the solutions of a generation
     * @param restart run index the solution was drawn in
     * @param generation generation it was drawn in
     * @param x the raw sample (as returned by {@link Cma#ask})
     * @param value its objective value to minimize, finite
     */
    public record Evaluation(int trialNumber, int restart, int generation, double[] x, double value) {
        public Evaluation {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("evaluation value must be finite, got " + value);
            }
            x = x.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }
    }

    /**
     * Tells every complete generation of the current run and restarts a stopped run under {@code
     * strategy}. Returns {@code cma} when nothing changed, otherwise a new instance.
     *
     * @param seed seeds the random choices of restarts (new mean, BIPOP regime sizes) together
     *     with the restart index
     */
    public static Cma advance(
            Cma cma, List<Evaluation> finished, RestartStrategy strategy, long seed) {
        Cma current = cma;
        while (true) {
            int restart = current.restarts();
            int generation = current.generation();
            List<Evaluation> batch = new ArrayList<>();
            for (Evaluation e : finished) {
                if (e.restart() == restart && e.generation() == generation) {
                    batch.add(e);
                }
            }
            int lambda = current.popsize();
            if (batch.size() < lambda) {
                return current;
            }
            batch.sort(Comparator.comparingInt(Evaluation::trialNumber));
            double[][] xs = new double[lambda][];
            double[] fs = new double[lambda];
            for (int k = 0; k < lambda; k++) {
                xs[k] = batch.get(k).x();
                fs[k] = batch.get(k).value();
            }
            if (current == cma) {
                current = Cma.restore(cma.state(), cma.config()); // never mutate the caller's instance
            }
            current.tell(xs, fs);
            if (strategy != RestartStrategy.NONE && current.shouldStop()) {
                SplittableRandom rng = new SplittableRandom(Cma.mix(seed, 0x5EED, restart, 0));
                current = Cma.restore(
                        Restarts.next(current.state(), current.config(), strategy, rng), current.config());
            }
        }
    }
}
