package nas.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MannWhitneyTest {

    @Test
    void smallSamplesByHand() {
        // 2 + 2 values: 6 equally likely rank assignments, U = 4 in one of them, U ≥ 1 in five
        assertThat(MannWhitney.u(new double[] {3, 4}, new double[] {1, 2})).isEqualTo(4.0);
        assertThat(MannWhitney.pGreater(new double[] {3, 4}, new double[] {1, 2})).isCloseTo(1 / 6.0, within(1e-15));
        assertThat(MannWhitney.pGreater(new double[] {1, 3}, new double[] {2, 4})).isCloseTo(5 / 6.0, within(1e-15));
        assertThat(MannWhitney.pGreater(new double[] {1, 2}, new double[] {3, 4})).isEqualTo(1.0);
        // complete separation of 10 and 10: one assignment of C(20, 10) = 184,756
        double[] hi = new double[10];
        double[] lo = new double[10];
        for (int i = 0; i < 10; i++) {
            hi[i] = 100 + i;
            lo[i] = i;
        }
        assertThat(MannWhitney.pGreater(hi, lo)).isCloseTo(1 / 184756.0, within(1e-18));
    }

    @Test
    void matchesSciPysExactTest() {
        // scipy.stats.mannwhitneyu(a, b, alternative='greater', method='exact'): U = 70, p = 0.071570070796077
        double[] a = {64.7, 12.0, 33.1, 80.2, 5.5, 47.0, 120.0, 9.9, 61.0, 70.3};
        double[] b = {48.6, 3.2, 20.1, 11.0, 7.7, 30.5, 95.0, 2.2, 15.0, 40.0};
        assertThat(MannWhitney.u(a, b)).isEqualTo(70.0);
        assertThat(MannWhitney.pGreater(a, b)).isCloseTo(0.071570070796077, within(1e-12));
    }

    @Test
    void criticalValueOfTenAndTen() {
        // published one-sided 5% critical value for m = n = 10: U ≥ 73 (equivalently U' ≤ 27)
        double[] a = new double[10];
        double[] b = new double[10];
        assertThat(pWithU(73, a, b)).isLessThanOrEqualTo(0.05);
        assertThat(pWithU(72, a, b)).isGreaterThan(0.05);
    }

    @Test
    void twoSidedPMatchesSciPy() {
        // scipy.stats.mannwhitneyu(a, b, alternative='two-sided', method='exact').pvalue, either order
        double[] a = {64.7, 12.0, 33.1, 80.2, 5.5, 47.0, 120.0, 9.9, 61.0, 70.3};
        double[] b = {48.6, 3.2, 20.1, 11.0, 7.7, 30.5, 95.0, 2.2, 15.0, 40.0};
        assertThat(MannWhitney.pTwoSided(a, b)).isCloseTo(0.143140141592154, within(1e-12));
        assertThat(MannWhitney.pTwoSided(b, a)).isCloseTo(0.143140141592154, within(1e-12));
        assertThat(MannWhitney.pTwoSided(new double[] {3, 4}, new double[] {1, 2})).isCloseTo(2 / 6.0, within(1e-15));
    }

    @Test
    void shiftAndItsIntervalByHand() {
        // a = 0, 10, ..., 90 and b = 0..9: the 100 differences 10i − j are −9..90, each once, so the k-th smallest is
        // k − 10. Median 40.5. For 10 and 10, P(U ≤ 23) = .0216 and P(U ≤ 24) = .0262 (the published two-sided 5%
        // critical value U ≤ 23), so k = 24: the 95% interval is [D(24), D(77)] = [14, 67].
        double[] a = new double[10];
        double[] b = new double[10];
        for (int i = 0; i < 10; i++) {
            a[i] = 10 * i;
            b[i] = i;
        }
        assertThat(MannWhitney.shift(a, b, 0.95)).containsExactly(40.5, 14.0, 67.0);
        // 2 and 2, differences 1, 2, 2, 3; P(U ≤ 0) = 1/6 ≤ .25 < P(U ≤ 1) = 2/6: at level 0.5, k = 1
        assertThat(MannWhitney.shift(new double[] {3, 4}, new double[] {1, 2}, 0.5)).containsExactly(2.0, 1.0, 3.0);
        // too few values for 95%: P(U ≤ 0) = 1/6 > .025, no finite interval
        assertThat(MannWhitney.shift(new double[] {3, 4}, new double[] {1, 2}, 0.95))
                .containsExactly(2.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** Samples of 10 and 10 whose U is {@code target} (b = 0..9, each a[i] just above some of them), and their p. */
    private static double pWithU(int target, double[] a, double[] b) {
        for (int j = 0; j < 10; j++) {
            b[j] = j;
        }
        int left = target;
        for (int i = 0; i < 10; i++) {
            int beats = Math.min(10, left); // a[i] lies above b's 0..beats−1
            a[i] = beats - 0.5;
            left -= beats;
        }
        if (MannWhitney.u(a, b) != target) {
            throw new AssertionError("U " + MannWhitney.u(a, b) + " != " + target);
        }
        return MannWhitney.pGreater(a, b);
    }
}
