package nas.analysis.importance;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nas.api.StudyView;

/**
 * The one-liner for parameter importance, as Optuna's {@code get_param_importances}: parameter name →
 * importance (normalised shares summing to 1), most important first.
 *
 * <pre>{@code
 * Map<String, Double> shares = Importance.of(study);                                   // fANOVA, defaults
 * Map<String, Double> fast = Importance.of(study).with(PedAnovaImportance.defaults()); // another evaluator
 * ImportanceResult full = Importance.of(study).result();                               // spreads, notes, pairs
 * }</pre>
 *
 * <p>The map is computed on first use and then fixed; it is unmodifiable.
 */
public final class Importance extends AbstractMap<String, Double> {

    private final StudyView study;
    private final ImportanceEvaluator evaluator;
    private ImportanceResult result;

    private Importance(StudyView study, ImportanceEvaluator evaluator) {
        this.study = Objects.requireNonNull(study, "study");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    }

    /**
     * Importance of the parameters of a single-objective study by fANOVA with its default options (seed 0).
     * A multi-objective study is refused on first use, naming how to choose the objective (as Optuna's
     * {@code get_param_importances} refuses one without a {@code target}): use {@link #of(StudyView, int)}.
     *
     * @param study the study
     * @return its parameters' importance
     */
    public static Importance of(StudyView study) {
        return new Importance(study, FanovaImportance.builder().build());
    }

    /**
     * Importance of the study's parameters for objective value {@code objective} (from 0), by fANOVA with its
     * default options (seed 0).
     *
     * @param study     the study
     * @param objective which objective value to explain, from 0
     * @return its parameters' importance
     * @throws IllegalArgumentException if {@code objective} is negative
     */
    public static Importance of(StudyView study, int objective) {
        return new Importance(study, FanovaImportance.builder().objective(objective).build());
    }

    /** The same study's importance by another evaluator. */
    public Importance with(ImportanceEvaluator other) {
        return new Importance(study, other);
    }

    /**
     * The evaluator's full result (spreads, raw fractions, pairs, notes).
     *
     * @throws IllegalArgumentException when the study has too few usable trials
     */
    public synchronized ImportanceResult result() {
        if (result == null) {
            result = evaluator.evaluate(study);
        }
        return result;
    }

    @Override
    public Set<Entry<String, Double>> entrySet() {
        return result().asMap().entrySet();
    }

    @Override
    public Double get(Object key) {
        return result().asMap().get(key);
    }
}
