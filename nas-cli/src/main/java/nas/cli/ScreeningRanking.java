package nas.cli;

import java.util.List;
import nas.analysis.importance.FanovaImportance;
import nas.analysis.importance.MorrisImportance;
import nas.analysis.importance.ParameterImportance;
import nas.api.Study;
import nas.samplers.morris.MorrisSampler;

/** The parameter ranking phase 2 takes from a screening study. */
final class ScreeningRanking {

    private ScreeningRanking() {
    }

    /** By μ* for a study made by {@code nas screen}, else by fANOVA importance of objective 0. */
    static List<String> of(Study screening) {
        if (screening.systemAttrs().containsKey(MorrisSampler.DESIGN_ATTR)) {
            return new MorrisImportance(0).evaluate(screening).rows().stream()
                    .map(MorrisImportance.Row::name).toList();
        }
        return FanovaImportance.builder().objective(0).build().evaluate(screening).parameters().stream()
                .map(ParameterImportance::name).toList();
    }
}
