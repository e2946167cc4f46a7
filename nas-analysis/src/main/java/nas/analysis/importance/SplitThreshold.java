package nas.analysis.importance;

import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;
import smile.data.Tuple;
import smile.data.type.StructType;

/**
 * Reads the threshold of a Smile ordinal split through Smile's public API only.
 *
 * <p>Smile 3.1.1 keeps the threshold in a package-private field and offers no accessor, but fANOVA needs it
 * to know the boxes of the leaves. {@link OrdinalNode#branch} is public and answers
 * {@code x[feature] <= threshold}, so the threshold is the largest double for which it answers true: a
 * binary search over the 2<sup>64</sup> doubles in their numeric order finds it exactly in 64 questions. A
 * threshold of {@code -0.0} comes back as {@code 0.0}, which compares equal to it.
 *
 * <p>The search relies on {@code branch} meaning {@code x <= threshold}. {@link #of} checks that once on a
 * split it builds itself, so a Smile that changes the meaning fails with a clear message instead of moving
 * every threshold by one ulp.
 */
final class SplitThreshold {

    private static final double CHECK_THRESHOLD = 0.375;

    private static volatile boolean checked;

    private SplitThreshold() {
    }

    /**
     * The threshold of an ordinal split: a point goes to {@code trueChild()} when
     * {@code x[feature] <= threshold}.
     *
     * @throws IllegalStateException when Smile's split test no longer means {@code x <= threshold}, or the
     *         threshold is NaN (no point goes to the true child)
     */
    static double of(OrdinalNode node) {
        if (!checked) {
            checkSmileSemantics();
        }
        return search(node);
    }

    private static double search(OrdinalNode node) {
        Probe probe = new Probe();
        if (!probe.branch(node, Double.NEGATIVE_INFINITY)) {
            throw new IllegalStateException("Smile split on feature " + node.feature()
                    + " sends no value to its true child (a NaN threshold?)");
        }
        if (probe.branch(node, Double.POSITIVE_INFINITY)) {
            return Double.POSITIVE_INFINITY;
        }
        // invariant: branch(lo) is true, branch(hi) is false; keys are compared as signed longs but
        // their distance is taken unsigned, since it can exceed Long.MAX_VALUE
        long lo = key(Double.NEGATIVE_INFINITY);
        long hi = key(Double.POSITIVE_INFINITY);
        while (Long.compareUnsigned(hi - lo, 1) > 0) {
            long mid = lo + ((hi - lo) >>> 1);
            if (probe.branch(node, value(mid))) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return value(lo);
    }

    private static void checkSmileSemantics() {
        Node leaf = new RegressionNode(1, 0.0, 0.0, 0.0);
        OrdinalNode node = new OrdinalNode(0, CHECK_THRESHOLD, 0.0, 0.0, leaf, leaf);
        double found = search(node);
        if (found != CHECK_THRESHOLD) {
            throw new IllegalStateException("this Smile version's OrdinalNode.branch no longer tests"
                    + " x <= threshold (a split at " + CHECK_THRESHOLD + " reads as " + found
                    + "); nas.analysis.importance.SplitThreshold must be updated for it");
        }
        checked = true;
    }

    /** Maps a non-NaN double to a long whose signed order is the doubles' numeric order. */
    private static long key(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
    }

    private static double value(long key) {
        return Double.longBitsToDouble(key >= 0 ? key : key ^ Long.MAX_VALUE);
    }

    /** A one-value tuple: every feature reads as the probed value, which is all {@code branch} asks. */
    private static final class Probe implements Tuple {

        private static final long serialVersionUID = 1L;

        private double x;

        boolean branch(OrdinalNode node, double value) {
            x = value;
            return node.branch(this);
        }

        @Override
        public StructType schema() {
            throw new UnsupportedOperationException("a split probe has no schema");
        }

        @Override
        public Object get(int i) {
            return x;
        }

        @Override
        public double getDouble(int i) {
            return x;
        }
    }
}
