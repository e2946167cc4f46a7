package nas.analysis.importance;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.LongStream;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.regression.RandomForest;
import smile.regression.RegressionTree;

/**
 * A Smile random-forest regression, fitted on a plain {@code double[][]}, whose trees are exposed as
 * {@link TreeView}s. This is the only class that knows Smile's tree types.
 *
 * <p>Reproducibility: Smile trains trees in a parallel stream and draws from a thread-local RNG, reseeded
 * per tree only when a seed stream is given (and only for seeds {@code > 0}). We pass one positive seed per
 * tree derived from {@link ForestOptions#seed()}, so the forest depends on the seed alone, not on the
 * number of threads.
 */
public final class SmileForest {

    /**
     * Smile's forest logs every tree's out-of-bag R² (INFO, 64 lines per fANOVA) and, in small forests, trees
     * without out-of-bag samples (SEVERE) through SLF4J, which nas-analysis sends to java.util.logging: nothing a
     * caller can act on, so off unless the application gives the logger {@code smile} (or one below it) a level.
     * Held here because java.util.logging keeps loggers only weakly.
     */
    private static final Logger SMILE_FOREST_LOG = Logger.getLogger("smile.regression.RandomForest");
    /** Whether {@link #SMILE_FOREST_LOG}'s level is the one {@link #quietSmile()} set (not the application's). */
    private static boolean quietedHere;

    private final List<ArrayTree> trees;
    private final double[][] impurityDecrease;

    private SmileForest(List<ArrayTree> trees, double[][] impurityDecrease) {
        this.trees = trees;
        this.impurityDecrease = impurityDecrease;
    }

    /**
     * Fits a forest.
     *
     * @param x rows of features (all rows the same length, at least one feature)
     * @param y targets, finite
     */
    public static SmileForest fit(double[][] x, double[] y, ForestOptions options) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same number of rows, got " + x.length
                    + " and " + y.length);
        }
        if (x.length < 2) {
            throw new IllegalArgumentException("a forest needs at least 2 rows, got " + x.length);
        }
        int k = x[0].length;
        if (k == 0) {
            throw new IllegalArgumentException("rows must have at least one feature");
        }
        String[] names = new String[k];
        for (int i = 0; i < k; i++) {
            names[i] = "x" + i;
        }
        for (int r = 0; r < x.length; r++) {
            if (x[r].length != k) {
                throw new IllegalArgumentException("every row must have " + k + " features; row " + r + " has "
                        + x[r].length);
            }
            if (!Double.isFinite(y[r])) {
                throw new IllegalArgumentException("targets must be finite; row " + r + " is " + y[r]);
            }
        }
        quietSmile();
        DataFrame data = DataFrame.of(x, names).merge(DoubleVector.of("__y", y));
        SplittableRandom random = new SplittableRandom(options.seed());
        long[] seeds = new long[options.trees()];
        for (int t = 0; t < seeds.length; t++) {
            seeds[t] = (random.nextLong() & Long.MAX_VALUE) | 1L; // Smile ignores seeds <= 0
        }
        int mtry = options.mtry() == 0 ? k : Math.min(options.mtry(), k);
        RandomForest forest = RandomForest.fit(Formula.lhs("__y"), data, options.trees(), mtry,
                options.maxDepth(), Math.max(2, x.length), options.minSamples(), options.subsample(),
                LongStream.of(seeds));
        List<ArrayTree> views = new ArrayList<>(options.trees());
        RegressionTree[] smileTrees = forest.trees();
        double[][] mdi = new double[smileTrees.length][];
        for (int t = 0; t < smileTrees.length; t++) {
            views.add(view(smileTrees[t]));
            mdi[t] = smileTrees[t].importance().clone();
        }
        return new SmileForest(List.copyOf(views), mdi);
    }

    /** Turns Smile's per-tree lines off, unless the application chose a level for {@code smile} or below. */
    private static synchronized void quietSmile() {
        if (SMILE_FOREST_LOG.getLevel() != null && !quietedHere) {
            return; // the application set this logger's level itself
        }
        boolean chosen = Logger.getLogger("smile.regression").getLevel() != null
                || Logger.getLogger("smile").getLevel() != null;
        SMILE_FOREST_LOG.setLevel(chosen ? null : Level.OFF);
        quietedHere = !chosen;
    }

    /** Copies a Smile tree into our own terms. */
    static ArrayTree view(RegressionTree tree) {
        ArrayTree.Builder builder = ArrayTree.builder();
        return builder.build(copy(tree.root(), builder));
    }

    private static int copy(Node node, ArrayTree.Builder builder) {
        if (node instanceof RegressionNode leaf) {
            return builder.leaf(leaf.output());
        }
        if (node instanceof OrdinalNode split) {
            int left = copy(split.trueChild(), builder);
            int right = copy(split.falseChild(), builder);
            return builder.split(split.feature(), SplitThreshold.of(split), left, right);
        }
        throw new IllegalStateException("unexpected Smile node type " + node.getClass().getName());
    }

    /** The trees, as views in our own terms. */
    public List<ArrayTree> trees() {
        return trees;
    }

    /** Per tree, Smile's impurity decrease (reduction of residual sum of squares) per feature. */
    public double[][] impurityDecrease() {
        double[][] copy = new double[impurityDecrease.length][];
        for (int t = 0; t < copy.length; t++) {
            copy[t] = impurityDecrease[t].clone();
        }
        return copy;
    }

    /** Mean prediction of the trees at {@code x}. */
    public double predict(double[] x) {
        double s = 0;
        for (ArrayTree tree : trees) {
            s += tree.predict(x);
        }
        return s / trees.size();
    }
}
