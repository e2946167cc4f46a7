package nas.analysis.importance;

import java.util.List;

/**
 * What an importance evaluator found.
 *
 * @param evaluator     {@code fanova}, {@code mdi} or {@code morris}
 * @param target        what was explained (objective name or index)
 * @param parameters    ranked, most important first
 * @param pairs         pairwise interactions when asked (fANOVA), ranked
 * @param trialsUsed    trials the result rests on
 * @param trialsSkipped trials left out (not complete, non-finite target, missing parameters)
 * @param notes         anything a reader should know (skipped trials, constant target, ...)
 */
public record ImportanceResult(String evaluator, String target, List<ParameterImportance> parameters,
                               List<PairImportance> pairs, int trialsUsed, int trialsSkipped, List<String> notes) {
    public ImportanceResult {
        parameters = List.copyOf(parameters);
        pairs = List.copyOf(pairs);
        notes = List.copyOf(notes);
    }
}
