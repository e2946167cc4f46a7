package nas.examples.bench;

/**
 * The one-sided Mann–Whitney U test (Mann and Whitney, 1947) with its exact null distribution: the
 * p-value that sample {@code a} is stochastically larger than sample {@code b} ("a is worse" when
 * smaller is better). U counts the pairs (i, j) with {@code a[i] > b[j]}, a tie counting ½; under
 * the null hypothesis every assignment of the m + n ranks to the two samples is equally likely, and
 * the number of assignments with U = u follows {@code c(m, n, u) = c(m − 1, n, u − n) + c(m, n − 1, u)}.
 * With ties U is rounded down before the tail is summed, so a tie never makes the result look more
 * significant than it is.
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
        int m = a.length;
        int n = b.length;
        if (m == 0 || n == 0) {
            throw new IllegalArgumentException("both samples need at least one value");
        }
        int observed = (int) Math.floor(u(a, b));
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
        double[] dist = prev[n];
        double total = 0;
        double tail = 0;
        for (int v = 0; v < dist.length; v++) {
            total += dist[v];
            if (v >= observed) {
                tail += dist[v];
            }
        }
        return tail / total;
    }
}
