package nas.analysis.importance;

/**
 * Mean decrease in impurity (Breiman 2001): each tree's total reduction of the residual sum of squares
 * over its splits on a feature, normalised per tree to sum to 1 over the reported features, then averaged
 * over the trees. Cheap (a by-product of training) but biased towards features with many split points; it
 * is offered to compare with fANOVA.
 */
public final class MeanDecreaseImpurity {

    /**
     * @param importance mean over trees of the normalised impurity decrease; sums to 1 unless every tree is a
     *                   single leaf
     * @param spread     standard deviation over trees
     * @param treesUsed  trees with at least one split on a reported feature
     */
    public record Result(double[] importance, double[] spread, int treesUsed) {
    }

    private MeanDecreaseImpurity() {
    }

    /**
     * @param perTree  {@code [tree][feature]} impurity decrease
     * @param features the features to report
     */
    public static Result compute(double[][] perTree, int[] features) {
        if (features.length == 0) {
            throw new IllegalArgumentException("at least one feature must be reported, got 0");
        }
        int m = features.length;
        double[] sum = new double[m];
        double[] sumSq = new double[m];
        int used = 0;
        for (double[] tree : perTree) {
            double total = 0;
            for (int f : features) {
                total += tree[f];
            }
            if (!(total > 0)) {
                continue;
            }
            used++;
            for (int a = 0; a < m; a++) {
                double share = tree[features[a]] / total;
                sum[a] += share;
                sumSq[a] += share * share;
            }
        }
        double[] importance = new double[m];
        double[] spread = new double[m];
        for (int a = 0; a < m && used > 0; a++) {
            importance[a] = sum[a] / used;
            spread[a] = Math.sqrt(Math.max(0, sumSq[a] / used - importance[a] * importance[a]));
        }
        return new Result(importance, spread, used);
    }
}
