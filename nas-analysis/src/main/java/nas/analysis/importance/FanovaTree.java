package nas.analysis.importance;

import java.util.Arrays;

/**
 * Functional ANOVA of one regression tree over a bounded box (Hutter, Hoos and Leyton-Brown, "An Efficient
 * Approach for Assessing Hyperparameter Importance", ICML 2014).
 *
 * <p>A tree is piecewise constant on the boxes of its leaves, which partition the search space
 * {@code S = [lower, upper]}. Under the uniform measure on {@code S}:
 * <ul>
 *   <li>the mean is {@code f0 = Σ_L v_L |L| / |S|} and the total variance
 *       {@code V = Σ_L (|L| / |S|) (v_L - f0)²} (leaves {@code L}, values {@code v_L}, volumes {@code |L|});</li>
 *   <li>the marginal of a set {@code U} of features, {@code a_U(x_U)}, averages the tree over the other
 *       features. On the grid formed by all split thresholds of the features in {@code U} it is constant per
 *       cell {@code c}, and {@code a_U(c) = Σ_{L ⊇ c} v_L Π_{j∉U} |L_j| / |S_j|} (Theorem 2 of the paper:
 *       the leaves whose box covers the cell in the {@code U} coordinates, each weighted by its share of the
 *       remaining coordinates);</li>
 *   <li>the variance of the marginal is {@code Σ_c (|c| / |S_U|) (a_U(c) - f0)²}. For one feature this is
 *       its main-effect variance {@code V_i}; for a pair the interaction variance is
 *       {@code V_ij = Var(a_ij) - V_i - V_j}.</li>
 * </ul>
 * The fraction of variance explained by {@code U} is its variance divided by {@code V}.
 *
 * <p>Splits whose threshold falls outside the current box are allowed; the empty side gets a box of zero
 * width and contributes nothing. Cells are accumulated with difference arrays, so one feature costs
 * {@code O(leaves + thresholds)} and one pair {@code O(leaves + cells)}.
 */
public final class FanovaTree {

    private final int dimension;
    private final double[] lower;
    private final double[] upper;
    private final int leaves;
    /** Leaf boxes, flattened [leaf][feature]. */
    private final double[] boxLow;
    private final double[] boxHigh;
    private final double[] value;
    /** Leaf volume as a fraction of |S|. */
    private final double[] volume;
    private final double mean;
    private final double variance;
    /** Sorted distinct cell edges per feature, including the bounds. */
    private final double[][] edges;
    private final double[] single;

    /**
     * Decomposes {@code tree} over the box {@code [lower, upper]}.
     *
     * @throws IllegalArgumentException if the bounds are not finite with {@code lower < upper}, or the tree
     *                                  splits on a feature outside the box's dimension
     */
    public FanovaTree(TreeView tree, double[] lower, double[] upper) {
        if (lower.length != upper.length || lower.length == 0) {
            throw new IllegalArgumentException("lower and upper must have the same non-zero length, got "
                    + lower.length + " and " + upper.length);
        }
        for (int i = 0; i < lower.length; i++) {
            if (!(Double.isFinite(lower[i]) && Double.isFinite(upper[i]) && lower[i] < upper[i])) {
                throw new IllegalArgumentException("bounds of feature " + i + " must be finite with lower < upper, got ["
                        + lower[i] + ", " + upper[i] + "]");
            }
        }
        this.dimension = lower.length;
        this.lower = lower.clone();
        this.upper = upper.clone();
        int n = countLeaves(tree);
        this.leaves = n;
        this.boxLow = new double[n * dimension];
        this.boxHigh = new double[n * dimension];
        this.value = new double[n];
        this.volume = new double[n];
        double[] lo = this.lower.clone();
        double[] hi = this.upper.clone();
        collect(tree, tree.root(), lo, hi, new int[1]);
        double m = 0;
        for (int l = 0; l < n; l++) {
            double vol = 1;
            for (int i = 0; i < dimension; i++) {
                vol *= width(l, i) / (this.upper[i] - this.lower[i]);
            }
            volume[l] = vol;
            m += vol * value[l];
        }
        this.mean = m;
        double v = 0;
        for (int l = 0; l < n; l++) {
            v += volume[l] * (value[l] - m) * (value[l] - m);
        }
        this.variance = v;
        this.edges = new double[dimension][];
        for (int i = 0; i < dimension; i++) {
            double[] e = new double[2 * n];
            for (int l = 0; l < n; l++) {
                e[2 * l] = boxLow[l * dimension + i];
                e[2 * l + 1] = boxHigh[l * dimension + i];
            }
            edges[i] = Arrays.stream(e).sorted().distinct().toArray();
        }
        this.single = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            single[i] = computeSingle(i);
        }
    }

    private static int countLeaves(TreeView tree) {
        int count = 0;
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = tree.root();
        int visited = 0;
        while (top > 0) {
            int node = stack[--top];
            if (++visited > tree.nodeCount()) {
                throw new IllegalArgumentException("tree has a cycle or shared nodes: more visits than its "
                        + tree.nodeCount() + " nodes");
            }
            if (tree.isLeaf(node)) {
                count++;
            } else {
                if (top + 2 > stack.length) {
                    stack = Arrays.copyOf(stack, stack.length * 2);
                }
                stack[top++] = tree.left(node);
                stack[top++] = tree.right(node);
            }
        }
        return count;
    }

    private void collect(TreeView tree, int node, double[] lo, double[] hi, int[] next) {
        if (tree.isLeaf(node)) {
            int l = next[0]++;
            System.arraycopy(lo, 0, boxLow, l * dimension, dimension);
            System.arraycopy(hi, 0, boxHigh, l * dimension, dimension);
            value[l] = tree.value(node);
            return;
        }
        int f = tree.feature(node);
        if (f < 0 || f >= dimension) {
            throw new IllegalArgumentException("tree splits on feature " + f + " but the box has " + dimension
                    + " features");
        }
        double t = Math.max(lo[f], Math.min(hi[f], tree.threshold(node)));
        double savedHigh = hi[f];
        hi[f] = t;
        collect(tree, tree.left(node), lo, hi, next);
        hi[f] = savedHigh;
        double savedLow = lo[f];
        lo[f] = t;
        collect(tree, tree.right(node), lo, hi, next);
        lo[f] = savedLow;
    }

    private double width(int leaf, int feature) {
        return boxHigh[leaf * dimension + feature] - boxLow[leaf * dimension + feature];
    }

    private double share(int leaf, int feature) {
        return width(leaf, feature) / (upper[feature] - lower[feature]);
    }

    private double computeSingle(int i) {
        double[] e = edges[i];
        int cells = e.length - 1;
        double[] diff = new double[cells + 1];
        for (int l = 0; l < leaves; l++) {
            double s = share(l, i);
            if (s == 0) {
                continue; // an empty box covers no cell
            }
            double w = value[l] * volume[l] / s;
            diff[Arrays.binarySearch(e, boxLow[l * dimension + i])] += w;
            diff[Arrays.binarySearch(e, boxHigh[l * dimension + i])] -= w;
        }
        double range = upper[i] - lower[i];
        double a = 0;
        double v = 0;
        for (int c = 0; c < cells; c++) {
            a += diff[c];
            v += (e[c + 1] - e[c]) / range * (a - mean) * (a - mean);
        }
        return v;
    }

    /** Number of features. */
    public int dimension() {
        return dimension;
    }

    /** Number of leaves. */
    public int leaves() {
        return leaves;
    }

    /** Mean {@code f0} of the tree over the box. */
    public double mean() {
        return mean;
    }

    /** Total variance {@code V} of the tree over the box. */
    public double variance() {
        return variance;
    }

    /** Main-effect variance {@code V_i}: variance of the marginal of feature {@code i}. */
    public double marginalVariance(int i) {
        checkFeature(i);
        return single[i];
    }

    /** Interaction variance {@code V_ij = Var(a_ij) - V_i - V_j} of two distinct features. */
    public double pairVariance(int i, int j) {
        checkFeature(i);
        checkFeature(j);
        if (i == j) {
            throw new IllegalArgumentException("a pair needs two distinct features, got " + i + " twice");
        }
        double[] ei = edges[i];
        double[] ej = edges[j];
        int ci = ei.length - 1;
        int cj = ej.length - 1;
        double[] diff = new double[(ci + 1) * (cj + 1)];
        for (int l = 0; l < leaves; l++) {
            double si = share(l, i);
            double sj = share(l, j);
            if (si == 0 || sj == 0) {
                continue;
            }
            double w = value[l] * volume[l] / (si * sj);
            int i0 = Arrays.binarySearch(ei, boxLow[l * dimension + i]);
            int i1 = Arrays.binarySearch(ei, boxHigh[l * dimension + i]);
            int j0 = Arrays.binarySearch(ej, boxLow[l * dimension + j]);
            int j1 = Arrays.binarySearch(ej, boxHigh[l * dimension + j]);
            // 2-D difference array: +w on the rectangle [i0, i1) x [j0, j1).
            diff[i0 * (cj + 1) + j0] += w;
            diff[i1 * (cj + 1) + j0] -= w;
            diff[i0 * (cj + 1) + j1] -= w;
            diff[i1 * (cj + 1) + j1] += w;
        }
        // Prefix sums along j, then along i.
        for (int a = 0; a <= ci; a++) {
            for (int b = 1; b <= cj; b++) {
                diff[a * (cj + 1) + b] += diff[a * (cj + 1) + b - 1];
            }
        }
        for (int a = 1; a <= ci; a++) {
            for (int b = 0; b <= cj; b++) {
                diff[a * (cj + 1) + b] += diff[(a - 1) * (cj + 1) + b];
            }
        }
        double area = (upper[i] - lower[i]) * (upper[j] - lower[j]);
        double v = 0;
        for (int a = 0; a < ci; a++) {
            for (int b = 0; b < cj; b++) {
                double d = diff[a * (cj + 1) + b] - mean;
                v += (ei[a + 1] - ei[a]) * (ej[b + 1] - ej[b]) / area * d * d;
            }
        }
        // Mathematically non-negative (an orthogonal component's variance); clamp rounding noise.
        return Math.max(0, v - single[i] - single[j]);
    }

    private void checkFeature(int i) {
        if (i < 0 || i >= dimension) {
            throw new IllegalArgumentException("feature must be in [0, " + dimension + "), got " + i);
        }
    }
}
