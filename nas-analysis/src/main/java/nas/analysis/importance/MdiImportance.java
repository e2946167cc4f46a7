package nas.analysis.importance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import nas.api.FrozenTrial;
import nas.api.StudyView;

/**
 * Mean-decrease-in-impurity importance of a study ({@link MeanDecreaseImpurity}) from the same forest as
 * {@link FanovaImportance}: cheaper, and biased towards parameters with many distinct values; offered for
 * comparison.
 *
 * <pre>{@code
 * ImportanceResult r = MdiImportance.builder().trees(32).seed(1).build().evaluate(study);
 * }</pre>
 */
public final class MdiImportance implements ImportanceEvaluator {

    private final ForestOptions forest;
    private final ToDoubleFunction<FrozenTrial> target;
    private final String targetName;
    private final Set<String> parameters;

    /**
     * With the forest, target and parameters of a fANOVA builder (its pairs option does not apply).
     *
     * @deprecated use {@link #builder()}
     */
    @Deprecated
    public MdiImportance(FanovaImportance.Builder options) {
        this((ForestImportanceBuilder<?>) options);
    }

    private MdiImportance(ForestImportanceBuilder<?> options) {
        this.forest = options.forest;
        this.target = options.target;
        this.targetName = options.targetName;
        this.parameters = options.parameterSubset();
    }

    /**
     * A builder with the defaults of {@link ForestImportanceBuilder}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Options (see {@link ForestImportanceBuilder}). */
    public static final class Builder extends ForestImportanceBuilder<Builder> {
        private Builder() {
        }

        /**
         * The evaluator with these options.
         *
         * @return the evaluator
         */
        public MdiImportance build() {
            return new MdiImportance(this);
        }
    }

    @Override
    public ImportanceResult evaluate(StudyView study) {
        TrialData data = TrialData.of(study, target(study), parameters, FanovaImportance.MIN_TRIALS, "MDI");
        SmileForest model = SmileForest.fit(data.x(), data.y(), forest);
        int k = data.names().size();
        MeanDecreaseImpurity.Result r = MeanDecreaseImpurity.compute(model.impurityDecrease(),
                IntStream.range(0, k).toArray());
        List<ParameterImportance> list = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            list.add(new ParameterImportance(data.names().get(p), r.importance()[p], r.spread()[p]));
        }
        list.sort(Comparator.comparingDouble(ParameterImportance::importance).reversed());
        List<String> notes = new ArrayList<>();
        if (r.treesUsed() == 0) {
            notes.add("no tree split at all: the target is constant or there are too few trials");
        }
        if (!data.constant().isEmpty()) {
            notes.add("parameters that never varied were left out: " + data.constant());
        }
        if (data.skipped() > 0) {
            notes.add(data.skipped() + " trial(s) not complete or without a finite target were left out");
        }
        return new ImportanceResult("mdi", targetName, list, List.of(), data.y().length, data.skipped(), notes);
    }

    /** The chosen target, or objective 0 of a single-objective study. */
    private ToDoubleFunction<FrozenTrial> target(StudyView study) {
        if (target != null) {
            return target;
        }
        Targets.requireChosen(study, "MDI");
        return Targets.objective(0);
    }
}
