package nas.samplers.cmaes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import nas.api.objective.functions.TestFunctions;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

class CmaTest {

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    @Test
    void firstGenerationMatchesHandComputedUpdate() {
        // n = 2, λ = 6, m = 0, σ = 0.5, C = I; f(x) = (x0 - 1)² + 4 x1². Ranking of the six points
        // by f: #3, #0, #5, #1, #4, #2. Expected values computed by hand from eq. 41-47 (h_σ = 1).
        Cma cma = Cma.start(new double[2], 0.5, 0, false, CmaConfig.unbounded(2), 1);
        double[][] xs = {
            {0.3, -0.2}, {-0.4, 0.1}, {0.05, 0.6}, {0.7, 0.2}, {-0.1, -0.5}, {0.2, 0.25}
        };
        double[] fs = new double[6];
        for (int k = 0; k < 6; k++) {
            fs[k] = (xs[k][0] - 1) * (xs[k][0] - 1) + 4 * xs[k][1] * xs[k][1];
        }
        cma.tell(xs, fs);
        assertThat(cma.mean()).containsExactly(new double[] {0.5469783113644117, 0.09009125559082437},
                within(1e-14));
        assertThat(cma.sigma()).isCloseTo(0.5075063218590674, within(1e-14));
        double[][] c = cma.covariance();
        assertThat(c[0][0]).isCloseTo(1.2812872783036269, within(1e-14));
        assertThat(c[0][1]).isCloseTo(0.05047942852516666, within(1e-14));
        assertThat(c[1][0]).isCloseTo(0.05047942852516666, within(1e-14));
        assertThat(c[1][1]).isCloseTo(0.7135539220031182, within(1e-14));
        CmaState s = cma.state();
        assertThat(s.pSigma()).containsExactly(new double[] {1.297369283181067, 0.21368603701158534},
                within(1e-14));
        assertThat(s.pc()).containsExactly(new double[] {1.4441304033856408, 0.23785864736274268},
                within(1e-14));
        assertThat(cma.generation()).isEqualTo(1);
        assertThat(cma.bestValue()).isCloseTo(0.25, within(1e-15));
        assertThat(cma.bestPoint()).containsExactly(0.7, 0.2);
    }

    @Test
    void firstSamplesHaveTheRequestedDistribution() {
        // 20,000 draws from N(m, σ² I): sample mean within 4 standard errors, variance close to σ²
        Cma cma = Cma.start(new double[] {1, -2, 3}, 0.5, 0, false, CmaConfig.unbounded(3), 7);
        SplittableRandom rng = new SplittableRandom(3);
        int draws = 20_000;
        double[] sum = new double[3];
        double[] sumSq = new double[3];
        for (int k = 0; k < draws; k++) {
            double[] x = cma.ask(rng);
            for (int i = 0; i < 3; i++) {
                sum[i] += x[i];
                sumSq[i] += x[i] * x[i];
            }
        }
        double[] m = {1, -2, 3};
        for (int i = 0; i < 3; i++) {
            double mean = sum[i] / draws;
            double var = sumSq[i] / draws - mean * mean;
            assertThat(mean).isCloseTo(m[i], within(4 * 0.5 / Math.sqrt(draws)));
            assertThat(var).isCloseTo(0.25, within(0.25 * 0.05));
        }
    }

    @Test
    void covarianceStaysSymmetricPositiveDefinite() {
        Cma cma = Cma.start(filled(6, 2.0), 1.0, 0, false, CmaConfig.unbounded(6), 11);
        int lambda = cma.popsize();
        for (int g = 0; g < 300; g++) {
            double[][] xs = new double[lambda][];
            double[] fs = new double[lambda];
            for (int k = 0; k < lambda; k++) {
                xs[k] = cma.ask();
                fs[k] = TestFunctions.rosenbrock(xs[k]);
            }
            cma.tell(xs, fs);
            double[][] c = cma.covariance();
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    assertThat(c[i][j]).isEqualTo(c[j][i]);
                }
            }
            double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(c)).getRealEigenvalues();
            assertThat(Arrays.stream(ev).min().getAsDouble()).as("generation %d", g).isPositive();
        }
    }

    @Test
    void convergesOnSphere() {
        Cma cma = Cma.start(filled(10, 3.0), 2.0, 0, false, CmaConfig.unbounded(10), 1);
        CmaRuns.minimize(cma, TestFunctions::sphere, 1e-8, 20_000);
        assertThat(cma.bestValue()).isLessThan(1e-8);
        // published order of magnitude (Hansen 2016, Fig. 3-like runs): ~1,500 evaluations in 10-D
        assertThat(cma.evaluations()).isLessThan(2_500);
    }

    @Test
    void convergesOnIllConditionedEllipsoid() {
        Cma cma = Cma.start(filled(10, 3.0), 2.0, 0, false, CmaConfig.unbounded(10), 2);
        CmaRuns.minimize(cma, TestFunctions::ellipsoid, 1e-8, 40_000);
        assertThat(cma.bestValue()).isLessThan(1e-8);
        assertThat(cma.evaluations()).isLessThan(8_000);
        // the learned C has the inverse shape of the Hessian: condition near 1e6
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(cma.covariance()))
                .getRealEigenvalues();
        double cond = Arrays.stream(ev).max().getAsDouble() / Arrays.stream(ev).min().getAsDouble();
        assertThat(cond).isBetween(1e5, 1e7);
    }

    @Test
    void convergesOnRosenbrock() {
        Cma cma = Cma.start(filled(10, 0.0), 0.5, 0, false, CmaConfig.unbounded(10), 3);
        CmaRuns.minimize(cma, TestFunctions::rosenbrock, 1e-8, 40_000);
        assertThat(cma.bestValue()).isLessThan(1e-8);
        assertThat(cma.bestPoint()).containsExactly(filled(10, 1.0), within(1e-3));
    }

    @Test
    void separableVariantKeepsDiagonalAndSolvesSeparableEllipsoid() {
        Cma cma = Cma.start(filled(10, 3.0), 2.0, 0, true, CmaConfig.unbounded(10), 4);
        CmaRuns.minimize(cma, TestFunctions::ellipsoid, 1e-8, 40_000);
        assertThat(cma.bestValue()).isLessThan(1e-8);
        double[][] c = cma.covariance();
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                if (i != j) {
                    assertThat(c[i][j]).isZero();
                }
            }
        }
        // sep-CMA learns the diagonal scaling, and faster than the full model on this function
        Cma full = Cma.start(filled(10, 3.0), 2.0, 0, false, CmaConfig.unbounded(10), 4);
        CmaRuns.minimize(full, TestFunctions::ellipsoid, 1e-8, 40_000);
        assertThat(cma.evaluations()).isLessThan(full.evaluations());
    }

    @Test
    void boundsAreRespectedByResamplingAndMirroring() {
        double[] lo = filled(4, -1);
        double[] hi = filled(4, 1);
        for (BoundaryHandling h : BoundaryHandling.values()) {
            CmaConfig config = CmaConfig.box(lo, hi).withBoundary(h);
            // mean at a corner with a large σ: most raw draws fall outside
            Cma cma = Cma.start(filled(4, 0.9), 3.0, 0, false, config, 5);
            for (int k = 0; k < 500; k++) {
                double[] x = cma.ask();
                for (double v : x) {
                    assertThat(v).as("%s", h).isBetween(-1.0, 1.0);
                }
            }
            CmaRuns.minimize(cma, x -> TestFunctions.sphere(shift(x, -0.8)), 1e-10, 20_000);
            assertThat(cma.bestValue()).as("%s", h).isLessThan(1e-10);
        }
    }

    private static double[] shift(double[] x, double by) {
        double[] out = x.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] -= by;
        }
        return out;
    }

    @Test
    void marginFindsIntegerOptimumOfMixedProblem() {
        // 5 continuous coordinates and 5 integers in -10..10 (cells [-10.5, 10.5]);
        // optimum x_c = 0, x_z = (3, -2, 5, 0, -7)
        int n = 10;
        double[] steps = new double[n];
        for (int i = 5; i < n; i++) {
            steps[i] = 1;
        }
        double[] target = {0, 0, 0, 0, 0, 3, -2, 5, 0, -7};
        CmaConfig config = CmaConfig.box(filled(n, -10.5), filled(n, 10.5)).withSteps(steps, true);
        Cma cma = Cma.start(filled(n, 1.0), 3.0, 0, false, config, 6);
        CmaRuns.minimize(cma, x -> {
            for (int i = 5; i < n; i++) {
                assertThat(x[i]).isEqualTo(Math.rint(x[i]));
            }
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += (i < 5 ? 1 : 10) * (x[i] - target[i]) * (x[i] - target[i]);
            }
            return s;
        }, 1e-10, 50_000);
        assertThat(cma.bestValue()).isLessThan(1e-10);
        assertThat(Arrays.copyOfRange(cma.bestPoint(), 5, n)).containsExactly(3, -2, 5, 0, -7);
    }

    @Test
    void marginKeepsIntegerCoordinatesMovingWhereRoundingAloneStalls() {
        // Integer ellipsoid with a continuous quadratic part that drives σ down: without the margin
        // the integer coordinates freeze once σ·sqrt(C_ii) ≪ 1 (the plateau problem of Hamano et al.)
        int n = 10;
        double[] steps = new double[n];
        for (int i = 2; i < n; i++) {
            steps[i] = 1;
        }
        CmaConfig box = CmaConfig.box(filled(n, -20.5), filled(n, 20.5));
        java.util.function.ToDoubleFunction<double[]> f = x -> {
            double s = 1e4 * (x[0] * x[0] + x[1] * x[1]);
            for (int i = 2; i < n; i++) {
                s += (x[i] - 4) * (x[i] - 4);
            }
            return s;
        };
        int withMargin = 0;
        int withoutMargin = 0;
        for (long seed = 1; seed <= 5; seed++) {
            Cma m = Cma.start(filled(n, -15), 1.0, 0, false, box.withSteps(steps, true), seed);
            CmaRuns.minimize(m, f, 1e-10, 30_000);
            Cma r = Cma.start(filled(n, -15), 1.0, 0, false, box.withSteps(steps, false), seed);
            CmaRuns.minimize(r, f, 1e-10, 30_000);
            withMargin += m.bestValue() < 1e-10 ? 1 : 0;
            withoutMargin += r.bestValue() < 1e-10 ? 1 : 0;
        }
        assertThat(withMargin).isEqualTo(5);
        assertThat(withoutMargin).isLessThan(withMargin);
    }

    @Test
    void sameSeedSameRunDifferentSeedDifferentRun() {
        double[] a = run(42);
        double[] b = run(42);
        double[] c = run(43);
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    private static double[] run(long seed) {
        Cma cma = Cma.start(filled(5, 1.0), 0.3, 0, false, CmaConfig.unbounded(5), seed);
        for (int g = 0; g < 20; g++) {
            double[][] xs = new double[cma.popsize()][];
            double[] fs = new double[cma.popsize()];
            for (int k = 0; k < xs.length; k++) {
                xs[k] = cma.ask();
                fs[k] = TestFunctions.rosenbrock(xs[k]);
            }
            cma.tell(xs, fs);
        }
        double[] out = Arrays.copyOf(cma.mean(), 6);
        out[5] = cma.sigma();
        return out;
    }

    @Test
    void stateRoundTripThroughJsonGivesIdenticalNextSamples() {
        for (boolean sep : new boolean[] {false, true}) {
            double[] steps = {0, 0, 1, 1};
            CmaConfig config = CmaConfig.box(filled(4, -5), filled(4, 5)).withSteps(steps, true);
            Cma cma = Cma.start(filled(4, 2.0), 1.0, 0, sep, config, 9);
            CmaRuns.minimize(cma, TestFunctions::sphere, -1, 7 * cma.popsize());
            cma.ask(); // mid-generation: the ask counter is part of the state
            String json = CmaStateCodec.toJson(cma.state());
            Cma restored = Cma.restore(CmaStateCodec.fromJson(json), config);
            assertThat(CmaStateCodec.toJson(restored.state())).isEqualTo(json);
            for (int k = 0; k < 2 * cma.popsize(); k++) {
                double[] x = cma.ask();
                assertThat(restored.ask()).containsExactly(x);
                assertThat(restored.toEvaluation(x)).containsExactly(cma.toEvaluation(x));
            }
        }
    }

    @Test
    void tellRejectsWrongSizesAndNonFiniteValues() {
        Cma cma = Cma.start(new double[2], 1, 0, false, CmaConfig.unbounded(2), 1);
        double[][] xs = new double[6][2];
        assertThatThrownBy(() -> cma.tell(new double[5][2], new double[5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly popsize = 6 solutions, got 5 points and 5 values");
        double[] fs = new double[6];
        fs[3] = Double.NaN;
        assertThatThrownBy(() -> cma.tell(xs, fs))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("objective values must be finite, got NaN");
    }

    @Test
    void startRejectsBadArguments() {
        CmaConfig config = CmaConfig.unbounded(3);
        assertThatThrownBy(() -> Cma.start(new double[2], 1, 0, false, config, 1))
                .hasMessageContaining("x0 must have 3 values (the config's dimension), got 2");
        assertThatThrownBy(() -> Cma.start(new double[3], -1, 0, false, config, 1))
                .hasMessageContaining("sigma0 must be finite and > 0, got -1.0");
        assertThatThrownBy(() -> Cma.start(new double[3], 1, 1, false, config, 1))
                .hasMessageContaining("popsize must be 0 (default) or >= 2, got 1");
        assertThatThrownBy(() -> CmaConfig.box(new double[] {0}, new double[] {0}))
                .hasMessageContaining("lower < upper must hold in coordinate 0, got 0.0 and 0.0");
    }
}
