package nas.examples.bench;

import java.util.Arrays;

/**
 * The one-sided Mann–Whitney U test (Mann and Whitney, 1947) with its exact null distribution: the
 * p-value that sample {@code a} is stochastically larger than sample {@code b} ("a is worse" when
 * smaller is better). U counts the pairs (i, j) with {@code a[i] > b[j]}, a tie counting ½; under
 * the null hypothesis every assignment of the m + n ranks to the two samples is equally likely, and
 * the number of assignments with U = u follows {@code c(m, n, u) = c(m − 1, n, u − n) + c(m, n − 1, u)}.
 * With ties U is rounded down before the tail is summed, so a tie never makes the result look more
 * significant than it is. Also the two-sided p and the Hodges–Lehmann shift with its interval.
 */
final class MannWhitney {

    private MannWhitney() {
    }

    /** U = #{(i, j): a[i] > b[j]} + ½ #{(i, j): a[i] = b[j]}. */
    static double u(double[] a, double[] b) {
        double u = 0;
        for (double x : a) {
            for (double y : b) {
                u += x > y ? 1 : x == y ? 0.5 : 0;
            }
        }
        return u;
    }

    /** P(U ≥ u(a, b)) under the null hypothesis: small when {@code a} tends to be larger than {@code b}. */
    static double pGreater(double[] a, double[] b) {
        double[] dist = nullCounts(a.length, b.length);
        return tail(dist, (int) Math.floor(u(a, b)), dist.length - 1);
    }

    /**
     * The two-sided p: twice the smaller one-sided tail (U rounded down for the upper tail and up for the lower one),
     * at most 1.
     */
    static double pTwoSided(double[] a, double[] b) {
        double[] dist = nullCounts(a.length, b.length);
        double u = u(a, b);
        double upper = tail(dist, (int) Math.floor(u), dist.length - 1);
        double lower = tail(dist, 0, (int) Math.ceil(u));
        return Math.min(1, 2 * Math.min(upper, lower));
    }

    /**
     * The Hodges–Lehmann estimate of the shift a − b, the median of the m·n differences {@code a[i] − b[j]}, and its
     * distribution-free confidence interval (Moses; Hollander and Wolfe, "Nonparametric Statistical Methods", §4.3):
     * the k-th smallest and k-th largest difference, k the largest with P(U ≤ k − 1) ≤ (1 − level)/2 under the null
     * hypothesis, so the interval covers the shift with probability at least {@code level}.
     *
     * @return {estimate, lower, upper}
     */
    static double[] shift(double[] a, double[] b, double level) {
        int m = a.length;
        int n = b.length;
        double[] d = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                d[i * n + j] = a[i] - b[j];
            }
        }
        Arrays.sort(d);
        int mn = d.length;
        double median = mn % 2 == 1 ? d[mn / 2] : 0.5 * (d[mn / 2 - 1] + d[mn / 2]);
        double[] dist = nullCounts(m, n);
        double total = 0;
        for (double c : dist) {
            total += c;
        }
        double alpha = (1 - level) / 2;
        int k = 0;
        double below = 0; // P(U ≤ k − 1) for the next k
        while (k < mn && (below + dist[k]) / total <= alpha) {
            below += dist[k];
            k++;
        }
        if (k == 0) {
            return new double[] {median, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        }
        return new double[] {median, d[k - 1], d[mn - k]};
    }

    /** Σ dist[from..to], as a probability. */
    private static double tail(double[] dist, int from, int to) {
        double total = 0;
        double part = 0;
        for (int v = 0; v < dist.length; v++) {
            total += dist[v];
            if (v >= from && v <= to) {
                part += dist[v];
            }
        }
        return part / total;
    }

    /** The last sizes' null distribution: a comparison asks for the p values and the shift of the same sizes. */
    private static int[] lastSizes = {0, 0};
    private static double[] lastCounts;

    /** Number of rank assignments of m values of a and n of b with U = u, for u = 0..mn. */
    private static synchronized double[] nullCounts(int m, int n) {
        if (m == 0 || n == 0) {
            throw new IllegalArgumentException("both samples need at least one value");
        }
        if (lastSizes[0] != m || lastSizes[1] != n) {
            lastCounts = computeNullCounts(m, n);
            lastSizes = new int[] {m, n};
        }
        return lastCounts;
    }

    private static double[] computeNullCounts(int m, int n) {
        // counts[i][j][u]: assignments of i values of a and j of b with U = u, built up one value at a time
        double[][] prev = new double[n + 1][];
        for (int j = 0; j <= n; j++) {
            prev[j] = new double[1];
            prev[j][0] = 1; // no value of a: U = 0 whatever j
        }
        for (int i = 1; i <= m; i++) {
            double[][] cur = new double[n + 1][];
            cur[0] = new double[] {1}; // no value of b: U = 0
            for (int j = 1; j <= n; j++) {
                cur[j] = new double[i * j + 1];
                // the largest of the i + j values is from a (it beats all j values of b) or from b
                double[] fromA = prev[j];
                for (int v = 0; v < fromA.length; v++) {
                    cur[j][v + j] += fromA[v];
                }
                double[] fromB = cur[j - 1];
                for (int v = 0; v < fromB.length; v++) {
                    cur[j][v] += fromB[v];
                }
            }
            prev = cur;
        }
        return prev[n];
    }
}
