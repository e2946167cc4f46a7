package nas.analysis.importance;

/**
 * Random-forest settings for the tree-based importance evaluators.
 *
 * @param trees      number of trees (64 by default, at most {@link #MAX_TREES})
 * @param maxDepth   maximum depth of a tree (64 by default: in practice limited by {@code minSamples})
 * @param minSamples Smile's node size: nodes with fewer samples are not split (3 by default: deeper trees
 *                   than Smile's 5 resolve small effects better, as Optuna's fully grown trees do, at about
 *                   1.7 times the fitting time; 1 doubles it again for little gain)
 * @param mtry       features tried per split; 0 means all of them (the default, as in Optuna's fANOVA)
 * @param subsample  fraction of trials each tree samples with replacement (1.0 = a bootstrap sample)
 * @param seed       seed every tree's randomness derives from
 */
public record ForestOptions(int trees, int maxDepth, int minSamples, int mtry, double subsample, long seed) {

    /** Most trees in a forest: 10,000, far past where the importances settle; every tree is held at once. */
    public static final int MAX_TREES = 10_000;

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException for trees outside [1, {@link #MAX_TREES}], a maxDepth below 2, a
     *         minSamples below 1, a negative mtry, or a subsample outside (0, 1]
     */
    public ForestOptions {
        if (trees < 1) {
            throw new IllegalArgumentException("trees must be at least 1, got " + trees);
        }
        if (trees > MAX_TREES) {
            throw new IllegalArgumentException("trees must be at most " + MAX_TREES + ", got " + trees);
        }
        if (maxDepth < 2) {
            throw new IllegalArgumentException("maxDepth must be at least 2, got " + maxDepth);
        }
        if (minSamples < 1) {
            throw new IllegalArgumentException("minSamples must be at least 1, got " + minSamples);
        }
        if (mtry < 0) {
            throw new IllegalArgumentException("mtry must be 0 (all features) or more, got " + mtry);
        }
        if (!(subsample > 0 && subsample <= 1)) {
            throw new IllegalArgumentException("subsample must be in (0, 1], got " + subsample);
        }
    }

    /**
     * 64 trees, depth 64, node size 3, every feature per split, bootstrap samples, seed 0.
     *
     * @return the defaults
     */
    public static ForestOptions defaults() {
        return new ForestOptions(64, 64, 3, 0, 1.0, 0L);
    }

    /**
     * The same settings with {@code t} trees.
     *
     * @param t number of trees (1 to {@link #MAX_TREES})
     * @return the same settings with that many trees
     */
    public ForestOptions withTrees(int t) {
        return new ForestOptions(t, maxDepth, minSamples, mtry, subsample, seed);
    }

    /**
     * The same settings with maximum depth {@code d}.
     *
     * @param d the maximum depth (≥ 2)
     * @return the same settings with that depth
     */
    public ForestOptions withMaxDepth(int d) {
        return new ForestOptions(trees, d, minSamples, mtry, subsample, seed);
    }

    /**
     * The same settings with node size {@code s}.
     *
     * @param s nodes with fewer samples are not split (≥ 1)
     * @return the same settings with that node size
     */
    public ForestOptions withMinSamples(int s) {
        return new ForestOptions(trees, maxDepth, s, mtry, subsample, seed);
    }

    /**
     * The same settings with seed {@code s}.
     *
     * @param s the seed every tree's randomness derives from
     * @return the same settings with that seed
     */
    public ForestOptions withSeed(long s) {
        return new ForestOptions(trees, maxDepth, minSamples, mtry, subsample, s);
    }
}
