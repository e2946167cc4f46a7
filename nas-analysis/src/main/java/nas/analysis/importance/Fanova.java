package nas.analysis.importance;

import java.util.ArrayList;
import java.util.List;

/**
 * fANOVA over a forest: each tree is decomposed with {@link FanovaTree}, its per-feature fractions of
 * variance {@code F_i = V_i / V} are averaged over the trees (Hutter et al. 2014, section 4), and the means
 * are normalised to sum to 1 over the reported features.
 *
 * <p>Trees with zero variance (a constant prediction) carry no information on shares and are skipped (and
 * counted). When every tree is constant all importances are 0.
 */
public final class Fanova {

    /**
     * Interaction importance of two features.
     *
     * @param first    one feature (index into the input features)
     * @param second   the other, {@code first < second}
     * @param fraction mean over trees of {@code V_ij / V}, not normalised
     * @param spread   standard deviation over trees of {@code V_ij / V}
     */
    public record Pair(int first, int second, double fraction, double spread) {
    }

    /**
     * Result, indexed like the {@code features} argument.
     *
     * @param fraction     mean over trees of {@code V_i / V}: the share of the total variance the feature's
     *                     main effect explains
     * @param fractionStd  standard deviation over trees of {@code V_i / V}
     * @param importance   {@code fraction} normalised to sum to 1 over the reported features
     * @param spread       {@code fractionStd} on the same scale as {@code importance}
     * @param pairs        pairwise interactions when asked, else empty
     * @param treesUsed    trees with non-zero variance
     * @param treesSkipped constant trees
     */
    public record Result(double[] fraction, double[] fractionStd, double[] importance, double[] spread,
                         List<Pair> pairs, int treesUsed, int treesSkipped) {
    }

    private Fanova() {
    }

    /**
     * Decomposes a forest.
     *
     * @param trees    the forest's trees
     * @param lower    lower bounds of the search space, one per tree feature
     * @param upper    upper bounds
     * @param features the features to report (tree feature indices)
     * @param pairs    whether to compute the pairwise interactions of the reported features
     */
    public static Result decompose(List<? extends TreeView> trees, double[] lower, double[] upper, int[] features,
                                   boolean pairs) {
        if (trees.isEmpty()) {
            throw new IllegalArgumentException("a forest needs at least one tree, got 0");
        }
        if (features.length == 0) {
            throw new IllegalArgumentException("at least one feature must be reported, got 0");
        }
        int m = features.length;
        double[] sum = new double[m];
        double[] sumSq = new double[m];
        int nPairs = pairs ? m * (m - 1) / 2 : 0;
        double[] pairSum = new double[nPairs];
        double[] pairSumSq = new double[nPairs];
        int used = 0;
        for (TreeView tree : trees) {
            FanovaTree f = new FanovaTree(tree, lower, upper);
            if (!(f.variance() > 0)) {
                continue;
            }
            used++;
            for (int a = 0; a < m; a++) {
                double share = f.marginalVariance(features[a]) / f.variance();
                sum[a] += share;
                sumSq[a] += share * share;
            }
            int p = 0;
            for (int a = 0; a < m && pairs; a++) {
                for (int b = a + 1; b < m; b++, p++) {
                    double share = f.pairVariance(features[a], features[b]) / f.variance();
                    pairSum[p] += share;
                    pairSumSq[p] += share * share;
                }
            }
        }
        double[] fraction = new double[m];
        double[] std = new double[m];
        double total = 0;
        for (int a = 0; a < m; a++) {
            fraction[a] = used == 0 ? 0 : sum[a] / used;
            std[a] = used == 0 ? 0 : std(sum[a], sumSq[a], used);
            total += fraction[a];
        }
        double[] importance = new double[m];
        double[] spread = new double[m];
        for (int a = 0; a < m; a++) {
            importance[a] = total > 0 ? fraction[a] / total : 0;
            spread[a] = total > 0 ? std[a] / total : 0;
        }
        List<Pair> pairList = new ArrayList<>(nPairs);
        int p = 0;
        for (int a = 0; a < m && pairs; a++) {
            for (int b = a + 1; b < m; b++, p++) {
                pairList.add(new Pair(a, b, used == 0 ? 0 : pairSum[p] / used,
                        used == 0 ? 0 : std(pairSum[p], pairSumSq[p], used)));
            }
        }
        return new Result(fraction, std, importance, spread, List.copyOf(pairList), used, trees.size() - used);
    }

    /** Population standard deviation from running sums. */
    private static double std(double sum, double sumSq, int n) {
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sumSq / n - mean * mean));
    }
}
