package nas.analysis.importance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an importance evaluator found.
 *
 * @param evaluator     {@code fanova}, {@code mdi}, {@code ped-anova} or {@code morris}
 * @param target        what was explained (objective name or index)
 * @param parameters    ranked, most important first
 * @param pairs         pairwise interactions when asked (fANOVA), ranked
 * @param trialsUsed    trials the result rests on
 * @param trialsSkipped trials left out (not complete, non-finite target, missing parameters)
 * @param notes         anything a reader should know (skipped trials, constant target, ...)
 */
public record ImportanceResult(String evaluator, String target, List<ParameterImportance> parameters,
                               List<PairImportance> pairs, int trialsUsed, int trialsSkipped, List<String> notes) {
    /** Copies the lists, so a result never changes after it is made. */
    public ImportanceResult {
        parameters = List.copyOf(parameters);
        pairs = List.copyOf(pairs);
        notes = List.copyOf(notes);
    }

    /** Parameter name → normalised importance, most important first (as Optuna's {@code get_param_importances}). */
    public Map<String, Double> asMap() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (ParameterImportance p : parameters) {
            out.put(p.name(), p.importance());
        }
        return Collections.unmodifiableMap(out);
    }
}
