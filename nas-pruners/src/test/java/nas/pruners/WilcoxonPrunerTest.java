package nas.pruners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.Trial;
import org.junit.jupiter.api.Test;

class WilcoxonPrunerTest {

    /** P(W+ >= w) or P(W+ <= w) by enumerating all 2^n sign patterns of the given ranks. */
    private static double bruteForce(double[] ranks, double w, boolean greater) {
        int n = ranks.length;
        int hits = 0;
        for (int mask = 0; mask < 1 << n; mask++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                if ((mask >> i & 1) == 1) {
                    s += ranks[i];
                }
            }
            if (greater ? s >= w : s <= w) {
                hits++;
            }
        }
        return hits / (double) (1 << n);
    }

    @Test
    void exactPValuesMatchADirectEnumerationOfSignPatterns() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + rng.nextInt(14);
            double[] d = new double[n];
            double[] ranks = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = (rng.nextBoolean() ? 1 : -1) * (i + 1 + rng.nextDouble() * 0.5); // distinct magnitudes
                ranks[i] = i + 1;
            }
            double wPlus = 0;
            for (int i = 0; i < n; i++) {
                wPlus += d[i] > 0 ? ranks[i] : 0;
            }
            for (boolean greater : new boolean[] {true, false}) {
                WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(d, greater);
                assertThat(r.exact()).isTrue();
                assertThat(r.wPlus()).isEqualTo(wPlus);
                assertThat(r.pValue()).isCloseTo(bruteForce(ranks, wPlus, greater), within(1e-15));
            }
        }
    }

    @Test
    void publishedExamples() {
        // SciPy's documented example (Cucumber data, differences of 15 pairs): W+ = 96,
        // exact one-sided p = 0.0206298828125, normal approximation 0.020444066 (twice: 0.04088813291185591).
        double[] d = {6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75};
        WilcoxonSignedRank.Result exact = WilcoxonSignedRank.test(d, true);
        assertThat(exact.wPlus()).isEqualTo(96);
        assertThat(exact.pValue()).isCloseTo(0.0206298828125, within(1e-12));
        assertThat(WilcoxonSignedRank.test(d, false).pValue()).isCloseTo(1 - bruteForce(ranks(15), 97, true),
                within(1e-12));
        // hand-computed: all five differences positive, W+ = 15, p = 1/32; one negative smallest, W+ = 14, p = 2/32
        assertThat(WilcoxonSignedRank.test(new double[] {1, 2, 3, 4, 5}, true).pValue()).isEqualTo(1 / 32.0);
        assertThat(WilcoxonSignedRank.test(new double[] {-1, 2, 3, 4, 5}, true).pValue()).isEqualTo(2 / 32.0);
    }

    private static double[] ranks(int n) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = i + 1;
        }
        return r;
    }

    @Test
    void tiesAndZerosUseTheNormalApproximationWithTieCorrection() {
        // d = [0, 1, -1, 2, 2, 3]: |d| ranks 1, 2.5, 2.5, 4.5, 4.5, 6; zero split: W+ = 0.5 + 2.5 + 4.5 + 4.5 + 6 = 18
        double[] d = {0, 1, -1, 2, 2, 3};
        WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(d, true);
        assertThat(r.exact()).isFalse();
        assertThat(r.wPlus()).isEqualTo(18);
        // mean 6*7/4 = 10.5; variance 6*7*13/24 - (2*(8 - 2))/48 = 22.75 - 0.25 = 22.5
        double z = (18 - 10.5) / Math.sqrt(22.5);
        double expected = 1 - new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(z);
        assertThat(r.pValue()).isCloseTo(expected, within(1e-12)).isCloseTo(0.05692, within(1e-4));
        // all zeros: split evenly, W+ = 3 at its mean, p = 1/2
        assertThat(WilcoxonSignedRank.test(new double[] {0, 0, 0}, true).pValue()).isCloseTo(0.5, within(1e-12));
        // more than 50 differences: the approximation; with W+ at its mean p = 1/2
        double[] many = new double[60];
        for (int i = 0; i < 60; i++) {
            many[i] = (i % 2 == 0 ? 1 : -1) * (i + 1);
        }
        WilcoxonSignedRank.Result big = WilcoxonSignedRank.test(many, true);
        assertThat(big.exact()).isFalse();
        double w = 0;
        for (int i = 0; i < 60; i += 2) {
            w += i + 1;
        }
        double z60 = (w - 60 * 61 / 4.0) / Math.sqrt(60 * 61 * 121 / 24.0);
        assertThat(big.pValue()).isCloseTo(
                1 - new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(z60), within(1e-12));
    }

    /** A COMPLETE trial that reported {@code values[i]} for instance i; its value is their mean. */
    private static void best(Study study, double... values) {
        Trial t = study.ask();
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            t.report(values[i], i);
            sum += values[i];
        }
        study.tell(t, sum / values.length);
    }

    /** Reports instances in order; returns how many were reported when the pruner first said prune, or -1. */
    private static int prunedAfter(Study study, double... values) {
        Trial t = study.ask();
        for (int i = 0; i < values.length; i++) {
            t.report(values[i], i);
            if (t.shouldPrune()) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The best trial's losses per instance: 5 + 0.01 i (its value, their mean, is 5.035). */
    private static final double[] BEST = {5.00, 5.01, 5.02, 5.03, 5.04, 5.05, 5.06, 5.07};

    /** BEST shifted by {@code sign} (i + 1) / 10 per instance: distinct differences, so the test is exact. */
    private static double[] shifted(double sign) {
        double[] v = new double[BEST.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = BEST[i] + sign * (i + 1) / 10.0;
        }
        return v;
    }

    @Test
    void prunesAWorseTrialOnceTheTestIsSure() {
        Study study = Scripts.study(WilcoxonPruner.defaults());
        best(study, BEST);
        // worse on every instance: p = 2^-n, below 0.1 from n = 4 (1/16) on, not at n = 3 (1/8)
        assertThat(prunedAfter(study, shifted(1))).isEqualTo(4);
        // with six startup steps, not before the sixth paired instance
        Study patient = Scripts.study(WilcoxonPruner.defaults().withStartupSteps(6));
        best(patient, BEST);
        assertThat(prunedAfter(patient, shifted(1))).isEqualTo(6);
        // a stricter threshold: 2^-n < 0.01 from n = 7 (1/128) on
        Study strict = Scripts.study(WilcoxonPruner.defaults().withPThreshold(0.01));
        best(strict, BEST);
        assertThat(prunedAfter(strict, shifted(1))).isEqualTo(7);
        // better everywhere: never
        assertThat(prunedAfter(study, shifted(-1))).isEqualTo(-1);
    }

    @Test
    void maximizingFlipsTheAlternative() {
        Study study = Scripts.study(WilcoxonPruner.defaults(), StudyDirection.MAXIMIZE);
        best(study, BEST);
        assertThat(prunedAfter(study, shifted(-1))).isEqualTo(4);
        assertThat(prunedAfter(study, shifted(1))).isEqualTo(-1);
    }

    @Test
    void safetyRulesKeepTrials() {
        Study study = Scripts.study(WilcoxonPruner.defaults());
        // no COMPLETE trial yet: nothing to compare with
        assertThat(prunedAfter(study, shifted(1))).isEqualTo(-1);
        best(study, BEST);
        // worse on the four shared instances (p = 1/16), but four instances the best trial never saw bring the
        // mean to about 2.6 <= 5.035: the safety rule keeps it
        Trial t = study.ask();
        for (int i = 100; i < 104; i++) {
            t.report(0.0, i);
        }
        double[] worse = shifted(1);
        for (int i = 0; i < 4; i++) {
            t.report(worse[i], i);
        }
        assertThat(t.shouldPrune()).isFalse();
        t.report(worse[4], 4);
        t.report(worse[5], 5);
        t.report(worse[6], 6);
        t.report(worse[7], 7);
        t.report(40.0, 8); // now its mean exceeds the best value: pruned
        assertThat(t.shouldPrune()).isTrue();
        // a NaN report: never pruned
        double[] withNaN = shifted(1);
        withNaN[0] = Double.NaN;
        assertThat(prunedAfter(study, withNaN)).isEqualTo(-1);
    }

    @Test
    void optionsAreCheckedAndNamedInTheRegistry() {
        assertThatThrownBy(() -> WilcoxonPruner.defaults().withPThreshold(1.5)).hasMessageContaining("pThreshold");
        assertThatThrownBy(() -> WilcoxonPruner.defaults().withStartupSteps(-1)).hasMessageContaining("nStartupSteps");
        assertThat(Pruners.create("wilcoxon", Map.of("p-threshold", "0.05", "startup-steps", "3")))
                .isEqualTo(new WilcoxonPruner(0.05, 3));
        assertThat(Pruners.create("wilcoxon", Map.of())).isEqualTo(WilcoxonPruner.defaults());
    }
}
