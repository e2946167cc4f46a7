package nas.analysis.importance;

import java.util.Arrays;

/**
 * A {@link TreeView} held in arrays; built node by node (children before parents), for hand-built trees and
 * for copies of a library's trees.
 *
 * <pre>{@code
 * ArrayTree.Builder b = ArrayTree.builder();
 * int lo = b.leaf(1.0), hi = b.leaf(3.0);
 * TreeView tree = b.build(b.split(0, 0.5, lo, hi));
 * }</pre>
 */
public final class ArrayTree implements TreeView {

    private final int root;
    private final int[] feature;
    private final double[] threshold;
    private final int[] left;
    private final int[] right;
    private final double[] value;

    private ArrayTree(int root, int[] feature, double[] threshold, int[] left, int[] right, double[] value) {
        this.root = root;
        this.feature = feature;
        this.threshold = threshold;
        this.left = left;
        this.right = right;
        this.value = value;
    }

    /**
     * A builder of an empty tree.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public int nodeCount() {
        return feature.length;
    }

    @Override
    public int root() {
        return root;
    }

    @Override
    public boolean isLeaf(int node) {
        return feature[node] < 0;
    }

    @Override
    public int feature(int node) {
        return feature[node];
    }

    @Override
    public double threshold(int node) {
        return threshold[node];
    }

    @Override
    public int left(int node) {
        return left[node];
    }

    @Override
    public int right(int node) {
        return right[node];
    }

    @Override
    public double value(int node) {
        return value[node];
    }

    /** Adds nodes one at a time; every method returns the new node's number. */
    public static final class Builder {
        private int size;
        private int[] feature = new int[16];
        private double[] threshold = new double[16];
        private int[] left = new int[16];
        private int[] right = new int[16];
        private double[] value = new double[16];

        private int add(int f, double t, int l, int r, double v) {
            if (size == feature.length) {
                int n = size * 2;
                feature = Arrays.copyOf(feature, n);
                threshold = Arrays.copyOf(threshold, n);
                left = Arrays.copyOf(left, n);
                right = Arrays.copyOf(right, n);
                value = Arrays.copyOf(value, n);
            }
            feature[size] = f;
            threshold[size] = t;
            left[size] = l;
            right[size] = r;
            value[size] = v;
            return size++;
        }

        /** A leaf predicting {@code value}. */
        public int leaf(double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("leaf value must be finite, got " + value);
            }
            return add(-1, Double.NaN, -1, -1, value);
        }

        /** A split: {@code x[feature] <= threshold} goes to {@code left}, else to {@code right}. */
        public int split(int feature, double threshold, int left, int right) {
            if (feature < 0) {
                throw new IllegalArgumentException("feature must be >= 0, got " + feature);
            }
            if (Double.isNaN(threshold)) {
                throw new IllegalArgumentException("threshold must be a number, got NaN");
            }
            if (left < 0 || left >= size || right < 0 || right >= size || left == right) {
                throw new IllegalArgumentException("children must be two distinct existing nodes (0.." + (size - 1)
                        + "), got " + left + " and " + right);
            }
            return add(feature, threshold, left, right, Double.NaN);
        }

        /**
         * The tree of the nodes added so far, with node {@code root} (an index returned by {@code leaf} or
         * {@code split}) as its root.
         *
         * @param root the root node's index
         * @return the tree
         * @throws IllegalArgumentException if {@code root} is not an existing node
         */
        public ArrayTree build(int root) {
            if (root < 0 || root >= size) {
                throw new IllegalArgumentException("root must be an existing node (0.." + (size - 1) + "), got " + root);
            }
            return new ArrayTree(root, Arrays.copyOf(feature, size), Arrays.copyOf(threshold, size),
                    Arrays.copyOf(left, size), Arrays.copyOf(right, size), Arrays.copyOf(value, size));
        }
    }
}
