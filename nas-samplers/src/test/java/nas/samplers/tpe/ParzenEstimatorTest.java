package nas.samplers.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.distribution.IntDistribution;
import nas.samplers.tpe.ParzenEstimator.Dimension;
import nas.samplers.tpe.ParzenEstimator.Settings;
import org.junit.jupiter.api.Test;

class ParzenEstimatorTest {

    private static final Settings UNI = Settings.defaults(false);

    private static ParzenEstimator fit1(double[] obs, Dimension dim, Settings s) {
        double[][] rows = new double[obs.length][];
        double[] w = new double[obs.length];
        for (int i = 0; i < obs.length; i++) {
            rows[i] = new double[] {obs[i]};
            w[i] = 1;
        }
        return ParzenEstimator.fit(rows, w, new Dimension[] {dim}, s);
    }

    @Test
    void univariateBandwidthsAreTheLargerNeighbourGapWithPriorAndMagicClip() {
        // centres 0.1, 0.3, 0.8 and the prior at 0.5 on [0, 1]; 4 kernels → clip at 1/5 = 0.2
        ParzenEstimator pe = fit1(new double[] {0.1, 0.3, 0.8}, Dimension.continuous(0, 1), UNI);
        assertThat(pe.kernels()).isEqualTo(4);
        assertThat(pe.sigma(0, 0)).isCloseTo(0.2, within(1e-12)); // first: right gap only
        assertThat(pe.sigma(0, 1)).isCloseTo(0.2, within(1e-12)); // max(0.2, 0.2)
        assertThat(pe.sigma(0, 2)).isCloseTo(0.3, within(1e-12)); // last: left gap 0.8 − 0.5
        assertThat(pe.mu(0, 3)).isEqualTo(0.5);
        assertThat(pe.sigma(0, 3)).isEqualTo(1.0); // prior: the whole range
        for (int k = 0; k < 4; k++) {
            assertThat(pe.weight(k)).isCloseTo(0.25, within(1e-12));
        }
        // with endpoints (no clip) the first kernel also sees the gap to 0: max(0.1, 0.2); the last max(0.3, 0.2)
        ParzenEstimator ends = fit1(new double[] {0.1, 0.3, 0.8}, Dimension.continuous(0, 1),
                new Settings(true, 1.0, false, true, false, false));
        assertThat(ends.sigma(0, 0)).isCloseTo(0.2, within(1e-12));
        assertThat(ends.sigma(0, 2)).isCloseTo(0.3, within(1e-12));
        ParzenEstimator noClip = fit1(new double[] {0.1, 0.12, 0.8}, Dimension.continuous(0, 1),
                new Settings(true, 2.0, false, false, false, false));
        assertThat(noClip.sigma(0, 0)).isCloseTo(0.02, within(1e-12));
        assertThat(noClip.weight(3)).isCloseTo(0.4, within(1e-12)); // prior weight 2 of 5
    }

    @Test
    void multivariateBandwidthsFollowScottsRule() {
        double[][] obs = {{0.1, 2}, {0.3, 4}, {0.8, 9}};
        Dimension[] dims = {Dimension.continuous(0, 1), Dimension.continuous(0, 10)};
        ParzenEstimator pe = ParzenEstimator.fit(obs, new double[] {1, 1, 1}, dims, new Settings(true, 1, false, false, true, false));
        // dimension 0: centres 0.1, 0.3, 0.8 and the prior's 0.5; mean 0.425, sample sd
        // sqrt((0.105625 + 0.015625 + 0.140625 + 0.005625)/3) = 0.298608; quartiles (linear) 0.25, 0.575,
        // IQR/1.34 = 0.242537 < sd; sigma = 1.059 · 0.242537 · 4^(−1/5) = 0.194654
        assertThat(pe.sigma(0, 0)).isCloseTo(1.059 * (0.325 / 1.34) * Math.pow(4, -0.2), within(1e-12));
        assertThat(pe.sigma(0, 0)).isCloseTo(0.194654, within(1e-6));
        // dimension 1: centres 2, 4, 9, 5: sd = sqrt((9 + 1 + 16 + 0)/3) = 2.943920; quartiles 3.5, 6,
        // IQR/1.34 = 1.865672 < sd
        assertThat(pe.sigma(1, 2)).isCloseTo(1.059 * (2.5 / 1.34) * Math.pow(4, -0.2), within(1e-12));
        assertThat(pe.sigma(1, 3)).isEqualTo(10.0); // the prior
        // the multivariate magic clip: at least range · max(0.01, 1/(1 + 4)²) = range / 25
        double[][] tight = {{0.5, 5}, {0.5001, 5.001}, {0.4999, 4.999}};
        ParzenEstimator clipped = ParzenEstimator.fit(tight, new double[] {1, 1, 1}, dims, Settings.defaults(true));
        assertThat(clipped.sigma(0, 0)).isCloseTo(0.04, within(1e-12));
        assertThat(clipped.sigma(1, 0)).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void theSmallestMultivariateBandwidthIsASetting() {
        // ten near-copies of one point and the prior: Scott's rule gives almost 0 (IQR of the copies
        // ~1e-4), so the floor decides: range · max(minBandwidth, 1/(1 + 11)²) = range · max(m, 0.00694)
        double[][] copies = new double[10][];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = new double[] {0.2 + 1e-5 * i, 3 - 1e-5 * i};
        }
        double[] w = new double[10];
        Arrays.fill(w, 1);
        Dimension[] dims = {Dimension.continuous(0, 1), Dimension.continuous(-5, 5)};
        ParzenEstimator single = ParzenEstimator.fit(copies, w, dims, Settings.defaults(true));
        assertThat(single.sigma(0, 3)).isCloseTo(0.01, within(1e-12));
        assertThat(single.sigma(1, 3)).isCloseTo(0.1, within(1e-12));
        ParzenEstimator wide = ParzenEstimator.fit(copies, w, dims, new Settings(true, 1, true, false, true, false, 0.05));
        assertThat(wide.sigma(0, 3)).isCloseTo(0.05, within(1e-12));
        assertThat(wide.sigma(1, 3)).isCloseTo(0.5, within(1e-12));
        assertThat(wide.sigma(1, 10)).isEqualTo(10.0); // the prior keeps the whole range
        // without the magic clip there is no floor but EPS
        ParzenEstimator free = ParzenEstimator.fit(copies, w, dims, new Settings(true, 1, false, false, true, false, 0.05));
        assertThat(free.sigma(0, 3)).isLessThan(0.01);
        assertThatThrownBy(() -> new Settings(true, 1, true, false, true, false, 0)).hasMessageContaining("minBandwidth");
        assertThatThrownBy(() -> new Settings(true, 1, true, false, true, false, 1.5)).hasMessageContaining("minBandwidth");
    }

    @Test
    void continuousDensityIntegratesToOne() {
        ParzenEstimator pe = fit1(new double[] {-4.9, -1, 0.5, 0.52, 3, 4.99}, Dimension.continuous(-5, 5), UNI);
        double integral = TruncatedNormalTest.integrate(x -> pe.logPdf(new double[] {x}), -5, 5, 4000);
        assertThat(integral).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void twoDimensionalDensityIntegratesToOne() {
        double[][] obs = {{0.1, 0.9}, {0.4, 0.5}, {0.45, 0.2}};
        Dimension[] dims = {Dimension.continuous(0, 1), Dimension.continuous(0, 1)};
        ParzenEstimator pe = ParzenEstimator.fit(obs, new double[] {1, 2, 0.5}, dims, Settings.defaults(true));
        int n = 400;
        double h = 1.0 / n;
        double sum = 0;
        double[] x = new double[2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x[0] = (i + 0.5) * h;
                x[1] = (j + 0.5) * h;
                sum += Math.exp(pe.logPdf(x)) * h * h;
            }
        }
        assertThat(sum).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void discreteAndCategoricalProbabilitiesSumToOne() {
        // ints 1..7 (cells of width 1 on [0.5, 7.5])
        ParzenEstimator ints = fit1(new double[] {1, 2, 2, 6}, Dimension.discrete(0.5, 7.5, 1), UNI);
        double s = 0;
        for (int v = 1; v <= 7; v++) {
            s += Math.exp(ints.logPdf(new double[] {v}));
        }
        assertThat(s).isCloseTo(1.0, within(1e-12));
        // log ints 1..100: cells [ln(v − ½), ln(v + ½)]
        ParzenEstimator logInts = fit1(new double[] {0.0, Math.log(3), Math.log(50)}, Dimension.logIntegers(1, 100), UNI);
        double l = 0;
        for (int v = 1; v <= 100; v++) {
            l += Math.exp(logInts.logPdf(new double[] {Math.log(v)}));
        }
        assertThat(l).isCloseTo(1.0, within(1e-12));
        ParzenEstimator cat = fit1(new double[] {0, 0, 2}, Dimension.categorical(4), UNI);
        double c = 0;
        for (int v = 0; v < 4; v++) {
            c += Math.exp(cat.logPdf(new double[] {v}));
        }
        assertThat(c).isCloseTo(1.0, within(1e-12));
        // hand computed: kernels (1.25, .25, .25, .25)/2 twice, (.25, .25, 1.25, .25)/2, prior uniform; weights 1/4
        double p0 = 0.25 * (0.625 + 0.625 + 0.125 + 0.25);
        assertThat(Math.exp(cat.logPdf(new double[] {0}))).isCloseTo(p0, within(1e-12));
    }

    @Test
    void samplesMatchTheDensity() {
        ParzenEstimator pe = fit1(new double[] {0.05, 0.2, 0.21, 0.7}, Dimension.continuous(0, 1), UNI);
        SplittableRandom rng = new SplittableRandom(7);
        int n = 200_000;
        int bins = 10;
        int[] counts = new int[bins];
        double[] x = new double[1];
        for (int i = 0; i < n; i++) {
            pe.sample(rng, x);
            counts[Math.min(bins - 1, (int) (x[0] * bins))]++;
        }
        for (int b = 0; b < bins; b++) {
            double lo = (double) b / bins;
            double p = TruncatedNormalTest.integrate(v -> pe.logPdf(new double[] {v}), lo, lo + 1.0 / bins, 200);
            double sd = Math.sqrt(p * (1 - p) / n);
            assertThat((double) counts[b] / n).as("bin %d", b).isCloseTo(p, within(5 * sd));
        }
        ParzenEstimator cat = fit1(new double[] {1, 1, 3}, Dimension.categorical(5), UNI);
        int[] cc = new int[5];
        for (int i = 0; i < n; i++) {
            cat.sample(rng, x);
            cc[(int) x[0]]++;
        }
        for (int v = 0; v < 5; v++) {
            double p = Math.exp(cat.logPdf(new double[] {v}));
            assertThat((double) cc[v] / n).isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / n)));
        }
    }

    /**
     * One TPE step on [−5, 5] with good centres −1, 0.5, 2 and bad ones −4, −3, −0.5, 1, 3, 4.5. The
     * reference numbers were computed with Optuna 3.1 (Debian's python3-optuna 3.1.0): its
     * {@code _ParzenEstimator} on the same observations gives the same centres, bandwidths and
     * weights; its {@code log_pdf(l) − log_pdf(g)} is the width-weighted score, and SciPy's exact
     * truncated-normal mixture with those parameters (what Optuna computes since 3.5) the exact one.
     */
    @Test
    void scoresMatchOptunaExactlyAndOptuna31WithWidthWeighting() {
        double[][] good = {{-1.0}, {0.5}, {2.0}};
        double[][] bad = {{-4.0}, {-3.0}, {-0.5}, {1.0}, {3.0}, {4.5}};
        Dimension[] box = {Dimension.continuous(-5, 5)};
        double[] xs = {-2, 0, 1.5, 4.9};
        double[] exact = {0.13355779213918106, 0.5252590734746976, 0.37704892868136075, -0.7543176970603525};
        double[] optuna31 = {0.28735103879221335, 0.48004955548938233, 0.4253556638301482, 0.004612064046804143};
        for (boolean widthWeighted : new boolean[] {false, true}) {
            Settings s = new Settings(true, 1.0, true, false, false, widthWeighted);
            ParzenEstimator l = ParzenEstimator.fit(good, TpeOptions.defaultWeights(3), box, s);
            ParzenEstimator g = ParzenEstimator.fit(bad, TpeOptions.defaultWeights(6), box, s);
            // neighbour gaps 1, 1, 1.5, 1.5 all raised to the clip 10 / min(100, 1 + 4) = 2; the prior 10
            for (int k = 0; k < 3; k++) {
                assertThat(l.sigma(0, k)).isEqualTo(2.0);
                assertThat(l.weight(k)).isCloseTo(0.25, within(1e-15));
            }
            // gaps to the sorted neighbours (the prior's 0 among them), clip 10 / 8 = 1.25
            double[] gSigmas = {1.25, 2.5, 2.5, 2.0, 2.0, 1.5, 10.0};
            for (int k = 0; k < 7; k++) {
                assertThat(g.sigma(0, k)).as("g sigma %d", k).isCloseTo(gSigmas[k], within(1e-15));
                assertThat(g.weight(k)).isCloseTo(1.0 / 7, within(1e-15));
            }
            double[] expected = widthWeighted ? optuna31 : exact;
            for (int i = 0; i < xs.length; i++) {
                double[] x = {xs[i]};
                assertThat(l.logPdf(x) - g.logPdf(x)).as("score at %s", xs[i]).isCloseTo(expected[i], within(1e-12));
            }
        }
        // the exact log l at −2, by hand from the truncated-normal mixture, as SciPy gives it
        ParzenEstimator l = ParzenEstimator.fit(good, TpeOptions.defaultWeights(3), box, UNI);
        double byHand = Math.log(0.25 * (Math.exp(TruncatedNormal.logPdf(-2, -1, 2, -5, 5))
                + Math.exp(TruncatedNormal.logPdf(-2, 0.5, 2, -5, 5)) + Math.exp(TruncatedNormal.logPdf(-2, 2, 2, -5, 5))
                + Math.exp(TruncatedNormal.logPdf(-2, 0, 10, -5, 5))));
        assertThat(l.logPdf(new double[] {-2})).isCloseTo(byHand, within(1e-12)).isCloseTo(-2.2922151435935034, within(1e-12));
    }

    /**
     * The default univariate score on each kind of parameter of the benchmark's mixed space, as TPE models
     * them through {@link TpeSpace}: an int in [0, 30] (cells of width 1 on [−0.5, 30.5], a tie among the
     * good values), a log float in [1e-5, 1] (continuous in ln space, width-weighted) and a categorical of
     * four choices. The reference numbers are Optuna 3.1's: its {@code _ParzenEstimator} with the default
     * parameters fitted to the same good and bad values, {@code log_pdf(l) − log_pdf(g)} at the same points.
     */
    @Test
    void mixedSpaceScoresMatchOptuna31KindByKind() {
        Settings ww = TpeOptions.defaults().estimatorSettings(1, 50);
        assertMixedScores(IntDistribution.of(0, 30), new double[] {7, 7, 9, 20}, new double[] {0, 3, 12, 15, 22, 25, 28, 30},
                new double[] {0, 7, 8, 14, 30},
                new double[] {-0.46452967611375673, 1.0706406251755216, 1.094432050271442, 0.2396403517697583,
                    -1.8145446617222878}, ww);
        assertMixedScores(new FloatDistribution(1e-5, 1, true, 0), new double[] {1e-3, 2e-3, 5e-4, 0.02},
                new double[] {1e-5, 3e-5, 1e-4, 0.05, 0.1, 0.3, 0.6, 1.0}, new double[] {1e-5, 1e-3, 0.01, 0.5},
                new double[] {-0.31524217675569166, 0.9307992472901976, 0.751859624677934, -0.4998215321582773}, ww);
        assertMixedScores(CategoricalDistribution.of("relu", "tanh", "sigmoid", "linear"), new double[] {0, 0, 1, 0},
                new double[] {1, 2, 3, 3, 2, 0, 1, 3}, new double[] {0, 1, 2, 3},
                new double[] {1.0037135468453142, 0, -0.5877866649021186, -0.856050651496798}, ww);
        // the int's good kernels by hand: sorted centres 7, 7, 9, 15 (the prior), 20; the first 7 takes its
        // right gap 0, the second max(0, 2), 9 max(2, 6), 20 its left gap 5; the clip 31 / min(100, 1 + 5)
        // raises all but 6; the prior spans the box [−0.5, 30.5]
        ParzenEstimator l = fit1(new double[] {7, 7, 9, 20}, TpeSpace.dimension(IntDistribution.of(0, 30)), ww);
        double[] sigmas = {31.0 / 6, 31.0 / 6, 6, 31.0 / 6, 31};
        for (int k = 0; k < 5; k++) {
            assertThat(l.sigma(0, k)).as("sigma %d", k).isCloseTo(sigmas[k], within(1e-12));
        }
    }

    /**
     * Tied centres keep their order, oldest first and the prior last. Ints 0..10 (box [−0.5, 10.5], range 11), centres
     * 2, 5, 5, 5, 9 and the prior at 5: sorted 2, 5 (1st), 5 (2nd), 5 (3rd), 5 (prior), 9. The 2 takes its right gap
     * 3, the first 5 max(3, 0) = 3, the second and third 5 a gap of 0, raised by the clip to 11 / min(100, 1 + 6) =
     * 11/7, the 9 its left gap 4 (to the prior); the prior spans the box. Optuna 3.1's {@code _ParzenEstimator} gives
     * the same here: numpy sorts up to 16 centres by insertion, which keeps ties in order; from 17 on its quicksort
     * does not, and there Optuna's tied kernels take these bandwidths in another order.
     */
    @Test
    void tiedCentresTakeTheirGapsOldestFirst() {
        ParzenEstimator pe = fit1(new double[] {2, 5, 5, 5, 9}, TpeSpace.dimension(IntDistribution.of(0, 10)), UNI);
        double[] sigmas = {3, 3, 11.0 / 7, 11.0 / 7, 4, 11};
        for (int k = 0; k < sigmas.length; k++) {
            assertThat(pe.sigma(0, k)).as("sigma %d", k).isCloseTo(sigmas[k], within(1e-12));
        }
    }

    private static void assertMixedScores(Distribution d, double[] good, double[] bad, double[] at, double[] expected,
            Settings s) {
        Dimension dim = TpeSpace.dimension(d);
        ParzenEstimator l = fit1(encode(d, good), dim, s);
        ParzenEstimator g = fit1(encode(d, bad), dim, s);
        double[] xs = encode(d, at);
        for (int i = 0; i < xs.length; i++) {
            double[] x = {xs[i]};
            assertThat(l.logPdf(x) - g.logPdf(x)).as("%s at %s", d, at[i]).isCloseTo(expected[i], within(1e-12));
        }
    }

    private static double[] encode(Distribution d, double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = TpeSpace.encode(d, values[i]);
        }
        return out;
    }

    @Test
    void widthWeightingLeavesStepAndCategoricalKernelsAndSamplingAlone() {
        Settings ww = new Settings(true, 1.0, true, false, false, true);
        double[][] obs = {{1}, {2}, {2}, {6}};
        double[] w = {1, 1, 1, 1};
        Dimension[] ints = {Dimension.discrete(0.5, 7.5, 1)};
        ParzenEstimator exact = ParzenEstimator.fit(obs, w, ints, UNI);
        ParzenEstimator weighted = ParzenEstimator.fit(obs, w, ints, ww);
        for (int v = 1; v <= 7; v++) {
            assertThat(weighted.logPdf(new double[] {v})).isEqualTo(exact.logPdf(new double[] {v}));
        }
        Dimension[] box = {Dimension.continuous(0, 1)};
        double[][] centres = {{0.05}, {0.2}, {0.21}, {0.7}};
        ParzenEstimator a = ParzenEstimator.fit(centres, w, box, UNI);
        ParzenEstimator b = ParzenEstimator.fit(centres, w, box, ww);
        SplittableRandom ra = new SplittableRandom(3);
        SplittableRandom rb = new SplittableRandom(3);
        double[] xa = new double[1];
        double[] xb = new double[1];
        for (int i = 0; i < 100; i++) {
            a.sample(ra, xa);
            b.sample(rb, xb);
            assertThat(xb[0]).isEqualTo(xa[0]);
        }
    }

    @Test
    void withoutObservationsTheEstimatorIsThePrior() {
        ParzenEstimator pe = ParzenEstimator.fit(new double[0][], new double[0], new Dimension[] {Dimension.continuous(0, 1)},
                new Settings(false, 1.0, true, false, false, false));
        assertThat(pe.kernels()).isEqualTo(1);
        assertThat(pe.mu(0, 0)).isEqualTo(0.5);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Dimension.continuous(1, 1)).hasMessageContaining("low < high");
        assertThatThrownBy(() -> Dimension.logIntegers(0, 5)).hasMessageContaining("1 <= lo < hi");
        assertThatThrownBy(() -> new Settings(true, 0, true, false, false, false)).hasMessageContaining("priorWeight");
        assertThatThrownBy(() -> fit1(new double[] {2}, Dimension.continuous(0, 1), UNI)).hasMessageContaining("outside");
        assertThatThrownBy(() -> fit1(new double[] {4}, Dimension.categorical(3), UNI)).hasMessageContaining("index");
    }

    /** Neighbour bandwidths as they were computed before: boxed indices sorted stably by centre. */
    private static double[] boxedNeighbourBandwidths(double[] mu, double low, double high, boolean endpoints) {
        int m = mu.length;
        double[] sigma = new double[m];
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(mu[a], mu[b]));
        for (int r = 0; r < m; r++) {
            double left = mu[order[r]] - (r == 0 ? low : mu[order[r - 1]]);
            double right = (r == m - 1 ? high : mu[order[r + 1]]) - mu[order[r]];
            sigma[order[r]] = !endpoints && m > 1 && r == 0 ? right
                    : !endpoints && m > 1 && r == m - 1 ? left : Math.max(left, right);
        }
        return sigma;
    }

    @Test
    void neighbourBandwidthsAreThoseOfTheStableSortOfBoxedIndices() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(8);
        int ties = 0;
        for (int round = 0; round < 2000; round++) {
            int m = rng.nextInt(1, 60);
            double[] mu = new double[m];
            for (int i = 0; i < m; i++) {
                // half the rounds on a grid of 7 values (many ties, -0.0 next to 0.0), half continuous
                mu[i] = round % 2 == 0 ? (rng.nextInt(7) - 3) * 0.5 * (rng.nextBoolean() ? 1 : -1) : rng.nextDouble(-2, 2);
            }
            boolean endpoints = rng.nextBoolean();
            double[] sigma = new double[m];
            ParzenEstimator.neighbourBandwidths(mu, sigma, -2, 2, endpoints);
            assertThat(sigma).as("round %d", round).isEqualTo(boxedNeighbourBandwidths(mu, -2, 2, endpoints));
            ties += m - java.util.Arrays.stream(mu).distinct().count() > 0 ? 1 : 0;
        }
        assertThat(ties).isGreaterThan(500);
    }

    @Test
    void stableOrderIsDoubleComparesWithEqualValuesByIndex() {
        double[] v = {0.0, -0.0, -1.5, 2, -0.0, 1e-300, -1e-300, Double.MAX_VALUE, -Double.MIN_VALUE, 2, -1.5,
            Double.NEGATIVE_INFINITY, 0.0, Double.POSITIVE_INFINITY, -7.25, 3e10};
        assertThat(ParzenEstimator.stableOrder(v))
                .containsExactly(11, 14, 2, 10, 6, 8, 1, 4, 0, 12, 5, 3, 9, 15, 7, 13);
        assertThat(ParzenEstimator.stableOrder(new double[] {4.5})).containsExactly(0);
        assertThat(ParzenEstimator.stableOrder(new double[0])).isEmpty();
    }

    @Test
    void oneContinuousDimensionScoresAsTheGeneralSumDoes() {
        // the same kernels with a second, one-choice categorical dimension (log probability exactly 0) take
        // the general path: the scores must agree to the bit, inside the bounds and out
        SplittableRandom rng = new SplittableRandom(4);
        for (boolean widthWeighted : new boolean[] {true, false}) {
            int n = 600;
            double[][] one = new double[n][1];
            double[][] two = new double[n][2];
            for (int i = 0; i < n; i++) {
                one[i][0] = two[i][0] = rng.nextInt(5) == 0 ? 4.9 : rng.nextDouble(-5, 5);
            }
            double[] w = TpeOptions.defaultWeights(n);
            Settings settings = new Settings(true, 1.0, true, false, false, widthWeighted);
            ParzenEstimator fast = ParzenEstimator.fit(one, w, new Dimension[] {Dimension.continuous(-5, 5)}, settings);
            ParzenEstimator general = ParzenEstimator.fit(two, w,
                    new Dimension[] {Dimension.continuous(-5, 5), Dimension.categorical(1)}, settings);
            for (int i = 0; i < 400; i++) {
                double x = i < 5 ? new double[] {-5, 5, 5.01, -7, 4.9}[i] : rng.nextDouble(-5, 5);
                assertThat(fast.logPdf(new double[] {x})).as("x %s", x).isEqualTo(general.logPdf(new double[] {x, 0}));
            }
        }
    }
}
