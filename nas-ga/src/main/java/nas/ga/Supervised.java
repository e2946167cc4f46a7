package nas.ga;

/** A task with a dataset an MLP fits, so the {@link AdamBaseline} can train the same network on it. */
public interface Supervised extends Task {

    /**
     * The network.
     *
     * @return the network
     */
    Mlp mlp();

    /**
     * The number of points.
     *
     * @return the count
     */
    int points();

    /**
     * Inputs, row-major {@code points × mlp().inputs()}; do not modify.
     *
     * @return the inputs
     */
    double[] inputs();

    /**
     * The loss of point {@code point} given its outputs {@code out[from .. from + outputs)}, writing the
     * loss's gradient with respect to those outputs into {@code grad[at ..]}.
     *
     * @param point the point's index
     * @param out the outputs of a batch, row-major
     * @param from the index of this point's first output in {@code out}
     * @param grad receives the loss's gradient with respect to the outputs
     * @param at where this point's gradient starts in {@code grad}
     * @return the point's loss
     */
    double pointLoss(int point, double[] out, int from, double[] grad, int at);

    /**
     * Whether the point's outputs classify it correctly (false for regression).
     *
     * @param point the point's index
     * @param out the outputs of a batch, row-major
     * @param from the index of this point's first output in {@code out}
     * @return whether the point is classified correctly
     */
    boolean correct(int point, double[] out, int from);
}
