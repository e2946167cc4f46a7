package nas.ga;

import java.util.List;

/**
 * A task on a bare parameter vector of two groups: {@code keep} values that must stay at 0 (any change
 * costs 100× its square) and {@code move} values that must travel from 0 to 3. Selection should shrink
 * the first group's self-adaptive rates and not the second's, which need their steps.
 */
final class VectorTask implements Task {

    private final Layout layout;
    private final int keep;

    VectorTask(int keep, int move) {
        this.keep = keep;
        this.layout = new Layout(List.of(new Tensor("keep", 0, 0, keep, 1, false),
                new Tensor("move", 1, keep, move, 1, false)));
    }

    @Override
    public Layout layout() {
        return layout;
    }

    @Override
    public Evaluator newEvaluator() {
        return w -> {
            double loss = 0;
            for (int i = 0; i < w.length; i++) {
                loss += i < keep ? 100 * w[i] * w[i] : (w[i] - 3) * (w[i] - 3);
            }
            return new Evaluation(-loss, loss, 0, null);
        };
    }
}
