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
 * fANOVA parameter importance of a study (Hutter, Hoos and Leyton-Brown 2014), as Optuna's default
 * evaluator: a Smile random forest is fitted on the completed trials ({@link TrialData}), every tree is
 * decomposed over the bounded search space ({@link FanovaTree}), and the per-tree variance fractions are
 * averaged and normalised over the reported parameters ({@link Fanova}).
 *
 * <pre>{@code
 * Map<String, Double> shares = Importance.of(study);       // this evaluator with its defaults
 * ImportanceResult r = FanovaImportance.builder().seed(1).pairs(true).build().evaluate(study);
 * }</pre>
 */
public final class FanovaImportance implements ImportanceEvaluator {

    /** Fewer completed trials than this cannot give a forest anything to split. */
    public static final int MIN_TRIALS = 4;

    private final ForestOptions forest;
    private final ToDoubleFunction<FrozenTrial> target;
    private final String targetName;
    private final Set<String> parameters;
    private final boolean pairs;

    private FanovaImportance(Builder b) {
        this.forest = b.forest;
        this.target = b.target;
        this.targetName = b.targetName;
        this.parameters = b.parameterSubset();
        this.pairs = b.pairs;
    }

    /**
     * A builder with the defaults of {@link ForestImportanceBuilder} and no pairs.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @throws IllegalArgumentException with fewer than {@link #MIN_TRIALS} completed trials, or unknown
     *                                  parameters in the subset
     */
    @Override
    public ImportanceResult evaluate(StudyView study) {
        TrialData data = TrialData.of(study, target(study), parameters, MIN_TRIALS, "fANOVA");
        SmileForest model = SmileForest.fit(data.x(), data.y(), forest);
        int k = data.names().size();
        Fanova.Result r = Fanova.decompose(model.trees(), data.lower(), data.upper(), IntStream.range(0, k).toArray(), pairs);
        List<ParameterImportance> list = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            list.add(new ParameterImportance(data.names().get(p), r.importance()[p], r.spread()[p], r.fraction()[p]));
        }
        list.sort(Comparator.comparingDouble(ParameterImportance::importance).reversed());
        List<PairImportance> pairList = new ArrayList<>();
        for (Fanova.Pair pair : r.pairs()) {
            pairList.add(new PairImportance(data.names().get(pair.first()), data.names().get(pair.second()),
                    pair.fraction(), pair.spread()));
        }
        pairList.sort(Comparator.comparingDouble(PairImportance::fraction).reversed());
        List<String> notes = new ArrayList<>();
        if (r.treesUsed() == 0) {
            notes.add("the target is constant over the completed trials: no parameter explains any variance");
        } else if (r.treesSkipped() > 0) {
            notes.add(r.treesSkipped() + " of " + forest.trees() + " trees predict a constant and were left out");
        }
        if (!data.constant().isEmpty()) {
            notes.add("parameters that never varied were left out: " + data.constant());
        }
        if (data.skipped() > 0) {
            notes.add(data.skipped() + " trial(s) not complete or without a finite target were left out");
        }
        return new ImportanceResult("fanova", targetName, list, pairList, data.y().length, data.skipped(), notes);
    }

    /** Options (see {@link ForestImportanceBuilder}); and whether to compute pairs (default no). */
    public static final class Builder extends ForestImportanceBuilder<Builder> {
        private boolean pairs;

        private Builder() {
        }

        /** Also computes pairwise interactions. */
        public Builder pairs(boolean on) {
            this.pairs = on;
            return this;
        }

        /**
         * The evaluator with these options.
         *
         * @return the evaluator
         */
        public FanovaImportance build() {
            return new FanovaImportance(this);
        }
    }

    ForestOptions forest() {
        return forest;
    }

    /** The chosen target, or objective 0 of a single-objective study. */
    private ToDoubleFunction<FrozenTrial> target(StudyView study) {
        if (target != null) {
            return target;
        }
        Targets.requireChosen(study, "fANOVA");
        return Targets.objective(0);
    }
}
