package nas.samplers.cmaes;

import java.util.function.ToDoubleFunction;

/** Benchmark functions and a plain ask/tell loop for the core's tests. */
final class TestFunctions {

    private TestFunctions() {}

    static double sphere(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s;
    }

    /** Ellipsoid with condition number 1e6: Σ 10^{6 i / (n-1)} x_i². */
    static double ellipsoid(double[] x) {
        int n = x.length;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.pow(1e6, i / (n - 1.0)) * x[i] * x[i];
        }
        return s;
    }

    static double rosenbrock(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length - 1; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            s += 100 * a * a + b * b;
        }
        return s;
    }

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
