package nas.samplers.cmaes;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Initial distribution from the good solutions of a previous, similar task (WS-CMA-ES: M.
 * Nomura, S. Watanabe, Y. Akimoto, Y. Ozaki, M. Onishi, "Warm Starting CMA-ES for
 * Hyperparameter Optimization", AAAI 2021, Section 4). The top γ share of the source solutions
 * defines a Gaussian mixture with components N(x_i, α² I); the initial mean and σ²C are the mean
 * and covariance of that mixture (eq. 7-8): m* = mean of the top solutions, Σ* = α²I + mean of
 * (x_i - m*)(x_i - m*)ᵀ, split as σ0 = det(Σ*)^{1/(2n)} and C0 = Σ* / σ0².
 *
 * @param mean m*
 * @param sigma σ0
 * @param cov C0 (symmetric positive definite)
 */
public record WarmStart(double[] mean, double sigma, double[][] cov) {

    /**
     * @param xs source solutions (at least one)
     * @param fs their values (smaller is better)
     * @param gamma share of the best solutions used, in (0, 1]
     * @param priorStd α per coordinate: the spread of each mixture component
     */
    public static WarmStart estimate(double[][] xs, double[] fs, double gamma, double[] priorStd) {
        if (xs.length == 0 || xs.length != fs.length) {
            throw new IllegalArgumentException(
                    "warm start needs at least one solution and one value per solution, got "
                            + xs.length + " solutions and " + fs.length + " values");
        }
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in (0, 1], got " + gamma);
        }
        int n = priorStd.length;
        for (double[] x : xs) {
            if (x.length != n) {
                throw new IllegalArgumentException(
                        "every solution must have " + n + " values, got " + x.length);
            }
        }
        for (double a : priorStd) {
            if (!(a > 0) || !Double.isFinite(a)) {
                throw new IllegalArgumentException("priorStd must be finite and > 0, got " + a);
            }
        }
        int top = Math.max(1, (int) Math.floor(gamma * xs.length));
        int[] order =
                IntStream.range(0, xs.length)
                        .boxed()
                        .sorted(Comparator.comparingDouble((Integer k) -> fs[k]).thenComparing(k -> k))
                        .mapToInt(Integer::intValue)
                        .limit(top)
                        .toArray();
        double[] m = new double[n];
        for (int k : order) {
            for (int i = 0; i < n; i++) {
                m[i] += xs[k][i] / top;
            }
        }
        double[][] sigmaStar = new double[n][n];
        for (int i = 0; i < n; i++) {
            sigmaStar[i][i] = priorStd[i] * priorStd[i];
        }
        for (int k : order) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    sigmaStar[i][j] += (xs[k][i] - m[i]) * (xs[k][j] - m[j]) / top;
                }
            }
        }
        // σ0 = det(Σ*)^{1/(2n)}, computed from the Cholesky factor's log-diagonal
        double logDet = logDetSpd(sigmaStar);
        double sigma = Math.exp(logDet / (2.0 * n));
        double[][] cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cov[i][j] = sigmaStar[i][j] / (sigma * sigma);
            }
        }
        return new WarmStart(m, sigma, cov);
    }

    private static double logDetSpd(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        double logDet = 0;
        for (int j = 0; j < n; j++) {
            double s = a[j][j];
            for (int k = 0; k < j; k++) {
                s -= l[j][k] * l[j][k];
            }
            l[j][j] = Math.sqrt(s);
            logDet += 2 * Math.log(l[j][j]);
            for (int i = j + 1; i < n; i++) {
                double t = a[i][j];
                for (int k = 0; k < j; k++) {
                    t -= l[i][k] * l[j][k];
                }
                l[i][j] = t / l[j][j];
            }
        }
        return logDet;
    }

    @Override
    public String toString() {
        return "WarmStart[mean=" + Arrays.toString(mean) + ", sigma=" + sigma + "]";
    }
}
