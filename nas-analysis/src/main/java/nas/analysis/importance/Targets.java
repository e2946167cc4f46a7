package nas.analysis.importance;

import java.util.function.ToDoubleFunction;
import nas.api.FrozenTrial;
import nas.api.StudyView;

/** Common targets of the importance evaluators. */
public final class Targets {

    private Targets() {
    }

    /** Objective value {@code index} of a trial (NaN when the trial has no such value). */
    public static ToDoubleFunction<FrozenTrial> objective(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("objective index must be >= 0, got " + index);
        }
        return t -> t.values().size() > index ? t.values().get(index) : Double.NaN;
    }

    /**
     * Refuses a multi-objective study when no objective was chosen, as Optuna's {@code get_param_importances}
     * refuses one without a {@code target}: explaining objective 0 without a word would answer another question
     * than the one the user may have meant.
     */
    static void requireChosen(StudyView study, String evaluator) {
        int n = study.directions().size();
        if (n > 1) {
            throw new IllegalArgumentException("study '" + study.name() + "' has " + n + " objectives: choose the one "
                    + evaluator + " explains with Importance.of(study, index), the evaluator's objective(index) "
                    + "(or target(name, function) for a weighted sum), or 'nas importance --objective-index K'");
        }
    }
}
