package nas.pruners;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The one-sided Wilcoxon signed-rank test on paired differences {@code d_i}, with zeros split
 * ("zsplit", Pratt's ranks shared half and half): ranks of {@code |d_i|} (ties get their average
 * rank, zeros included), {@code W+} = sum of the ranks of positive differences plus half those of
 * zeros.
 *
 * <p>p-value: exact from the null distribution of {@code W+} (all {@code 2^n} sign patterns
 * equally likely, counted by dynamic programming over rank sums) when {@code n <= 50} and there
 * are neither zeros nor ties; otherwise the normal approximation with mean {@code n(n+1)/4} and
 * variance {@code n(n+1)(2n+1)/24 - sum(t^3 - t)/48} over tie groups, without continuity
 * correction. These are the choices of SciPy's {@code wilcoxon(..., zero_method="zsplit")} with
 * its default method.
 */
public final class WilcoxonSignedRank {

    /** Above this many differences the exact distribution gives way to the normal approximation. */
    static final int EXACT_LIMIT = 50;

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    /** The statistic and its one-sided p-value. */
    public record Result(double wPlus, double pValue, boolean exact) {
    }

    private WilcoxonSignedRank() {
    }

    /**
     * Tests whether the differences tend to be positive ({@code greater}) or negative.
     *
     * @param d       paired differences, finite, at least one
     * @param greater the alternative: true for "d tends to be {@code > 0}", false for "{@code < 0}"
     */
    public static Result test(double[] d, boolean greater) {
        int n = d.length;
        if (n == 0) {
            throw new IllegalArgumentException("the Wilcoxon test needs at least one difference");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(d[i])) {
                throw new IllegalArgumentException("differences must be finite, but got " + Arrays.toString(d));
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(d[a]), Math.abs(d[b])));
        double[] rank = new double[n];
        boolean ties = false;
        boolean zeros = false;
        double tieTerm = 0;
        for (int i = 0; i < n;) {
            int j = i;
            while (j + 1 < n && Math.abs(d[order[j + 1]]) == Math.abs(d[order[i]])) {
                j++;
            }
            double average = (i + j) / 2.0 + 1; // ranks i+1 .. j+1
            for (int k = i; k <= j; k++) {
                rank[order[k]] = average;
            }
            long t = j - i + 1;
            if (t > 1) {
                ties = true;
                tieTerm += t * t * t - t;
            }
            i = j + 1;
        }
        double wPlus = 0;
        for (int i = 0; i < n; i++) {
            if (d[i] > 0) {
                wPlus += rank[i];
            } else if (d[i] == 0) {
                zeros = true;
                wPlus += rank[i] / 2;
            }
        }
        if (n <= EXACT_LIMIT && !ties && !zeros) {
            return new Result(wPlus, exactP(n, (int) wPlus, greater), true);
        }
        double mean = n * (n + 1) / 4.0;
        double variance = n * (n + 1) * (2.0 * n + 1) / 24.0 - tieTerm / 48.0;
        if (!(variance > 0)) {
            return new Result(wPlus, 1.0, false); // all differences zero: no evidence either way
        }
        double z = (wPlus - mean) / Math.sqrt(variance);
        double p = greater ? NORMAL.cumulativeProbability(-z) : NORMAL.cumulativeProbability(z);
        return new Result(wPlus, p, false);
    }

    /** P(W+ >= w) (greater) or P(W+ <= w) under H0, ranks 1..n, each sign with probability 1/2. */
    static double exactP(int n, int w, boolean greater) {
        int max = n * (n + 1) / 2;
        double[] count = new double[max + 1]; // sign patterns of ranks 1..k with each rank sum; exact below 2^53
        count[0] = 1;
        int reach = 0;
        for (int r = 1; r <= n; r++) {
            reach += r;
            for (int s = reach; s >= r; s--) {
                count[s] += count[s - r];
            }
        }
        double tail = 0;
        if (greater) {
            for (int s = w; s <= max; s++) {
                tail += count[s];
            }
        } else {
            for (int s = 0; s <= w; s++) {
                tail += count[s];
            }
        }
        return tail / Math.pow(2, n);
    }
}
