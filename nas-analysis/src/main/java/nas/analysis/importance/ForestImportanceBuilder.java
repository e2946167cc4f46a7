package nas.analysis.importance;

import java.util.Set;
import java.util.function.ToDoubleFunction;
import nas.api.FrozenTrial;

/**
 * Options shared by the random-forest evaluators ({@link FanovaImportance}, {@link MdiImportance}):
 * the forest, what is explained, which parameters. Defaults: 64 trees, depth 64, node size 3, seed 0,
 * all parameters, and the objective of a single-objective study (a multi-objective study needs
 * {@link #objective(int)} or {@link #target}: it is refused without, as Optuna refuses one without a target).
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class ForestImportanceBuilder<B extends ForestImportanceBuilder<B>> {
    ForestOptions forest = ForestOptions.defaults();
    /** Null until chosen: objective 0 of a single-objective study; a multi-objective study is refused. */
    ToDoubleFunction<FrozenTrial> target;
    String targetName = "objective 0";
    Set<String> parameters;

    ForestImportanceBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * All forest settings at once (replacing trees, depth, node size and seed given before).
     *
     * @param options the forest settings
     * @return this builder
     */
    public B forest(ForestOptions options) {
        this.forest = options;
        return self();
    }

    /**
     * Trees in the forest: more trees give steadier importances at proportionally more time.
     *
     * @param trees number of trees (≥ 1; default 64, at most {@link ForestOptions#MAX_TREES})
     * @return this builder
     */
    public B trees(int trees) {
        this.forest = forest.withTrees(trees);
        return self();
    }

    /**
     * Maximum depth of a tree.
     *
     * @param depth the depth (≥ 2; default 64, in practice limited by the node size)
     * @return this builder
     */
    public B maxDepth(int depth) {
        this.forest = forest.withMaxDepth(depth);
        return self();
    }

    /**
     * Smile's node size: a node with fewer trials is not split (see {@link ForestOptions}).
     *
     * @param samples the node size (≥ 1; default 3)
     * @return this builder
     */
    public B minSamples(int samples) {
        this.forest = forest.withMinSamples(samples);
        return self();
    }

    /**
     * Seed every tree's bootstrap sample and split choices derive from: the same seed and trials give the same
     * importances.
     *
     * @param seed the seed (default 0)
     * @return this builder
     */
    public B seed(long seed) {
        this.forest = forest.withSeed(seed);
        return self();
    }

    /** Explains objective value {@code index}. */
    public B objective(int index) {
        this.target = Targets.objective(index);
        this.targetName = "objective " + index;
        return self();
    }

    /** Explains any function of a trial (e.g. a user attribute, or a weighted sum of objectives). */
    public B target(String name, ToDoubleFunction<FrozenTrial> function) {
        this.target = function;
        this.targetName = name;
        return self();
    }

    /** Ranks only these parameters (the forest still sees only them). */
    public B parameters(Set<String> names) {
        this.parameters = names;
        return self();
    }

    Set<String> parameterSubset() {
        return parameters == null ? Set.of() : Set.copyOf(parameters);
    }
}
