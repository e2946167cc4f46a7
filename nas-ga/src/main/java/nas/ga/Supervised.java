package nas.ga;

/** A task with a dataset an MLP fits, so the {@link AdamBaseline} can train the same network on it. */
public interface Supervised extends Task {

    Mlp mlp();

    int points();

    /** Inputs, row-major {@code points × mlp().inputs()}; do not modify. */
    double[] inputs();

    /**
     * The loss of point {@code point} given its outputs {@code out[from .. from + outputs)}, writing the
     * loss's gradient with respect to those outputs into {@code grad[at ..]}.
     */
    double pointLoss(int point, double[] out, int from, double[] grad, int at);

    /** Whether the point's outputs classify it correctly (false for regression). */
    boolean correct(int point, double[] out, int from);
}
