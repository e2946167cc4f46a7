package nas.analysis.importance;

/**
 * Read-only view of a binary regression tree with axis-aligned splits, the only thing fANOVA needs from a
 * forest. Nodes are numbered {@code 0 .. nodeCount()-1}. An internal node sends a point {@code x} to its
 * left child when {@code x[feature] <= threshold}, to its right child otherwise; a leaf predicts its value.
 *
 * <p>Keeping the forest library behind this interface lets the variance decomposition be tested on
 * hand-built trees ({@link ArrayTree}) and keeps the library's internals in one adapter.
 */
public interface TreeView {

    /** Number of nodes. */
    int nodeCount();

    /** The root node. */
    int root();

    /** Whether {@code node} is a leaf. */
    boolean isLeaf(int node);

    /** Feature an internal node splits on. */
    int feature(int node);

    /** Split threshold of an internal node: {@code x[feature] <= threshold} goes left. */
    double threshold(int node);

    /** Left child of an internal node. */
    int left(int node);

    /** Right child of an internal node. */
    int right(int node);

    /** Prediction of a leaf. */
    double value(int node);

    /** Prediction at {@code x}, by walking from the root. */
    default double predict(double[] x) {
        int node = root();
        while (!isLeaf(node)) {
            node = x[feature(node)] <= threshold(node) ? left(node) : right(node);
        }
        return value(node);
    }
}
