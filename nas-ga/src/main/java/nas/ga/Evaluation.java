package nas.ga;

/**
 * The outcome of evaluating one parameter vector.
 *
 * @param fitness higher is better (the negated loss, or the points classified correctly)
 * @param loss    the task's loss (mean cross-entropy, mean squared error, ...)
 * @param correct points classified correctly (0 for tasks that do not classify)
 * @param mask    bit {@code n} set when point {@code n} is classified correctly; null when the task does
 *                not classify
 */
public record Evaluation(double fitness, double loss, int correct, long[] mask) {

    /**
     * Interference: the fraction of {@code parent}'s correctly classified points that {@code child}
     * gets wrong; NaN when the parent classifies none or the task does not classify.
     *
     * @param parent the parent's correctness bits, one per point
     * @param child the child's correctness bits
     * @return the fraction lost, or NaN when the parent classifies none or the task does not classify
     */
    public static double lost(long[] parent, long[] child) {
        if (parent == null || child == null) {
            return Double.NaN;
        }
        int had = 0;
        int lost = 0;
        for (int i = 0; i < parent.length; i++) {
            had += Long.bitCount(parent[i]);
            lost += Long.bitCount(parent[i] & ~child[i]);
        }
        return had == 0 ? Double.NaN : (double) lost / had;
    }
}
