package nas.samplers.cmaes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import nas.api.objective.functions.TestFunctions;
import org.junit.jupiter.api.Test;

class WarmStartTest {

    @Test
    void twoPointEstimateByHand() {
        // top 2 of 4 (γ = 0.5): (1, 0) and (3, 0); m* = (2, 0);
        // Σ* = α²I + ((1,0)(1,0)ᵀ + (1,0)(1,0)ᵀ)/2 = diag(1 + 0.25, 0.25) with α = 0.5;
        // σ0 = det(Σ*)^{1/4} = (1.25 · 0.25)^{1/4}; C0 = Σ*/σ0²
        double[][] xs = {{1, 0}, {9, 9}, {3, 0}, {-9, 4}};
        double[] fs = {0.1, 5, 0.2, 7};
        WarmStart ws = WarmStart.estimate(xs, fs, 0.5, new double[] {0.5, 0.5});
        assertThat(ws.mean()).containsExactly(2, 0);
        double sigma = Math.pow(1.25 * 0.25, 0.25);
        assertThat(ws.sigma()).isCloseTo(sigma, within(1e-14));
        assertThat(ws.cov()[0][0]).isCloseTo(1.25 / (sigma * sigma), within(1e-14));
        assertThat(ws.cov()[1][1]).isCloseTo(0.25 / (sigma * sigma), within(1e-14));
        assertThat(ws.cov()[0][1]).isZero();
        // det(C0) = 1 by construction
        assertThat(ws.cov()[0][0] * ws.cov()[1][1]).isCloseTo(1.0, within(1e-14));
    }

    @Test
    void warmStartedRunBeginsNearTheSourceOptimumAndConvergesFaster() {
        // source task: sphere centred at 1.0; target task: centred at 1.1
        int n = 6;
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        double[][] xs = new double[200][n];
        double[] fs = new double[200];
        for (int k = 0; k < 200; k++) {
            for (int i = 0; i < n; i++) {
                xs[k][i] = -5 + 10 * rng.nextDouble();
            }
            fs[k] = TestFunctions.sphere(shift(xs[k], 1.0));
        }
        double[] prior = new double[n];
        java.util.Arrays.fill(prior, 1.0);
        WarmStart ws = WarmStart.estimate(xs, fs, 0.1, prior);
        CmaConfig config = CmaConfig.unbounded(n);
        Cma warm = Cma.restore(
                Cma.initialState(ws.mean(), ws.sigma(), ws.cov(), 0, false, config, 3), config);
        CmaRuns.minimize(warm, x -> TestFunctions.sphere(shift(x, 1.1)), 1e-8, 50_000);
        Cma cold = Cma.start(new double[n], 3, 0, false, config, 3);
        CmaRuns.minimize(cold, x -> TestFunctions.sphere(shift(x, 1.1)), 1e-8, 50_000);
        assertThat(warm.bestValue()).isLessThan(1e-8);
        assertThat(warm.evaluations()).isLessThan(cold.evaluations());
    }

    private static double[] shift(double[] x, double by) {
        double[] out = x.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] -= by;
        }
        return out;
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> WarmStart.estimate(new double[0][], new double[0], 0.1,
                        new double[] {1}))
                .hasMessageContaining("at least one solution");
        assertThatThrownBy(() -> WarmStart.estimate(new double[][] {{1}}, new double[] {1}, 0,
                        new double[] {1}))
                .hasMessageContaining("gamma must be in (0, 1], got 0.0");
    }
}
