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
 * ImportanceResult r = FanovaImportance.builder().seed(1).build().evaluate(study);
 * }</pre>
 */
public final class FanovaImportance {

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
        this.parameters = b.parameters == null ? Set.of() : Set.copyOf(b.parameters);
        this.pairs = b.pairs;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * @throws IllegalArgumentException with fewer than {@link #MIN_TRIALS} completed trials, or unknown
     *                                  parameters in the subset
     */
    public ImportanceResult evaluate(StudyView study) {
        TrialData data = TrialData.of(study, target, parameters, MIN_TRIALS, "fANOVA");
        SmileForest model = SmileForest.fit(data.x(), data.y(), forest);
        int k = data.names().size();
        Fanova.Result r = Fanova.decompose(model.trees(), data.lower(), data.upper(), IntStream.range(0, k).toArray(), pairs);
        List<ParameterImportance> list = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            list.add(new ParameterImportance(data.names().get(p), r.importance()[p], r.spread()[p]));
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

    /** Options; defaults: 64 trees, depth 64, node size 3, seed 0, objective 0, all parameters, no pairs. */
    public static final class Builder {
        private ForestOptions forest = ForestOptions.defaults();
        private ToDoubleFunction<FrozenTrial> target = Targets.objective(0);
        private String targetName = "objective 0";
        private Set<String> parameters;
        private boolean pairs;

        public Builder forest(ForestOptions options) {
            this.forest = options;
            return this;
        }

        public Builder trees(int trees) {
            this.forest = forest.withTrees(trees);
            return this;
        }

        public Builder maxDepth(int depth) {
            this.forest = forest.withMaxDepth(depth);
            return this;
        }

        public Builder minSamples(int samples) {
            this.forest = forest.withMinSamples(samples);
            return this;
        }

        public Builder seed(long seed) {
            this.forest = forest.withSeed(seed);
            return this;
        }

        /** Explains objective value {@code index}. */
        public Builder objective(int index) {
            this.target = Targets.objective(index);
            this.targetName = "objective " + index;
            return this;
        }

        /** Explains any function of a trial (e.g. a user attribute, or a weighted sum of objectives). */
        public Builder target(String name, ToDoubleFunction<FrozenTrial> function) {
            this.target = function;
            this.targetName = name;
            return this;
        }

        /** Ranks only these parameters (the forest still sees only them). */
        public Builder parameters(Set<String> names) {
            this.parameters = names;
            return this;
        }

        /** Also computes pairwise interactions. */
        public Builder pairs(boolean on) {
            this.pairs = on;
            return this;
        }

        public FanovaImportance build() {
            return new FanovaImportance(this);
        }

        ForestOptions forestOptions() {
            return forest;
        }

        ToDoubleFunction<FrozenTrial> targetFunction() {
            return target;
        }

        String targetName() {
            return targetName;
        }

        Set<String> parameterSubset() {
            return parameters;
        }
    }

    ForestOptions forest() {
        return forest;
    }
}
