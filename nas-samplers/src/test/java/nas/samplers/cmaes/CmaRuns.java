package nas.samplers.cmaes;

import java.util.function.ToDoubleFunction;

/** A plain ask/tell loop for the core's tests. */
final class CmaRuns {

    private CmaRuns() {}

    /** Runs generations until f &lt; target, a termination criterion, or the budget; returns the run. */
    static Cma minimize(Cma cma, ToDoubleFunction<double[]> f, double target, long maxEvals) {
        int lambda = cma.popsize();
        double[][] xs = new double[lambda][];
        double[] fs = new double[lambda];
        while (cma.evaluations() < maxEvals) {
            for (int k = 0; k < lambda; k++) {
                xs[k] = cma.ask();
                fs[k] = f.applyAsDouble(cma.toEvaluation(xs[k]));
            }
            cma.tell(xs, fs);
            if (cma.bestValue() < target || cma.shouldStop()) {
                break;
            }
        }
        return cma;
    }
}
