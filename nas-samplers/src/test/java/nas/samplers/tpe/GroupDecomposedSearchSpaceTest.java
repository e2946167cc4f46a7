package nas.samplers.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.Objective;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.distribution.IntDistribution;
import nas.api.objective.functions.TestFunctions;
import org.junit.jupiter.api.Test;

class GroupDecomposedSearchSpaceTest {

    private static final Distribution KIND = CategoricalDistribution.of("svm", "forest");
    private static final Distribution C = FloatDistribution.logOf(1e-3, 1e3);
    private static final Distribution GAMMA = FloatDistribution.logOf(1e-4, 1);
    private static final Distribution DEPTH = IntDistribution.of(1, 16);
    private static final Distribution TREES = IntDistribution.of(10, 500);
    private static final Distribution LR = FloatDistribution.of(0.01, 0.1);

    private static FrozenTrial trial(int number, Map<String, Distribution> space) {
        Map<String, Double> params = new LinkedHashMap<>();
        space.forEach((name, d) -> params.put(name, d instanceof CategoricalDistribution ? 0.0
                : d instanceof IntDistribution i ? (double) i.low() : ((FloatDistribution) d).low()));
        return new FrozenTrial(number, number, TrialState.COMPLETE, List.of(1.0), Instant.EPOCH, Instant.EPOCH,
                params, space, new java.util.TreeMap<>(), Map.of(), Map.of());
    }

    @Test
    void parametersThatAlwaysOccurTogetherShareAGroup() {
        // trial 0: kind, C, gamma, lr (svm branch); trial 1: kind, depth, trees, lr (forest branch);
        // trial 2: kind, C, gamma (svm without lr). By hand: {kind} is in every trial; {C, gamma} in
        // 0 and 2; {depth, trees} in 1 only; lr in 0 and 1 but not 2, so it is cut off from kind
        List<FrozenTrial> trials = List.of(
                trial(0, Map.of("kind", KIND, "C", C, "gamma", GAMMA, "lr", LR)),
                trial(1, Map.of("kind", KIND, "depth", DEPTH, "trees", TREES, "lr", LR)),
                trial(2, Map.of("kind", KIND, "C", C, "gamma", GAMMA)));
        List<Map<String, Distribution>> groups = GroupDecomposedSearchSpace.of(trials);
        assertThat(groups.stream().map(Map::keySet).map(List::copyOf).toList()).containsExactlyInAnyOrder(
                List.of("kind"), List.of("C", "gamma"), List.of("lr"), List.of("depth", "trees"));
        assertThat(groups).allSatisfy(g -> g.forEach((name, d) -> assertThat(d).isEqualTo(
                Map.of("kind", KIND, "C", C, "gamma", GAMMA, "lr", LR, "depth", DEPTH, "trees", TREES).get(name))));
        // with only the first two trials, lr still goes with kind (both in every trial)
        assertThat(GroupDecomposedSearchSpace.of(trials.subList(0, 2)).stream().map(Map::keySet).map(List::copyOf)
                .toList()).containsExactlyInAnyOrder(List.of("kind", "lr"), List.of("C", "gamma"),
                List.of("depth", "trees"));
    }

    @Test
    void singleValuedParametersAndEmptyStudiesGiveNoGroup() {
        Distribution fixed = FloatDistribution.of(2, 2);
        assertThat(GroupDecomposedSearchSpace.of(List.of())).isEmpty();
        assertThat(GroupDecomposedSearchSpace.of(List.of(trial(0, Map.of("f", fixed, "C", C)))))
                .containsExactly(Map.of("C", C));
    }

    /**
     * Two branches, each a Rosenbrock function of its own four parameters (the second shifted up by
     * 1): the branch parameters never all occur in one trial, so plain multivariate TPE models them
     * one by one, and the group estimator models each branch jointly.
     */
    static final Objective BRANCHES = t -> {
        String branch = t.suggestCategorical("branch", "a", "b");
        double[] x = new double[4];
        for (int i = 0; i < 4; i++) {
            x[i] = t.suggestFloat(branch + i, -5, 5);
        }
        return TestFunctions.rosenbrock(x) + (branch.equals("a") ? 0 : 1);
    };

    @Test
    void groupSamplerModelsEachBranchJointlyAndIsReproducible() {
        TpeOptions group = TpeOptions.defaults().withMultivariate(true).withGroup(true).withSeed(4L);
        Study a = TpeSamplerTest.study(new TpeSampler(group), StudyDirection.MINIMIZE);
        Study b = TpeSamplerTest.study(new TpeSampler(group), StudyDirection.MINIMIZE);
        a.optimize(BRANCHES, 60);
        b.optimize(BRANCHES, 60);
        for (int i = 0; i < 60; i++) {
            assertThat(b.trials().get(i).params()).isEqualTo(a.trials().get(i).params());
        }
        TpeSampler sampler = new TpeSampler(group);
        FrozenTrial last = a.trials().get(59);
        Map<String, Distribution> space = sampler.inferRelativeSearchSpace(a, last);
        assertThat(space.keySet()).containsExactly("a0", "a1", "a2", "a3", "b0", "b1", "b2", "b3", "branch");
        // every group is sampled jointly; plain multivariate has only the branch choice in common
        assertThat(sampler.sampleRelative(a, last, space).keySet()).containsExactlyInAnyOrderElementsOf(space.keySet());
        TpeSampler plain = new TpeSampler(TpeOptions.defaults().withMultivariate(true).withSeed(4L));
        assertThat(plain.inferRelativeSearchSpace(a, last).keySet()).containsExactly("branch");
    }

    @Test
    void groupNeedsTheMultivariateEstimator() {
        assertThatThrownBy(() -> TpeOptions.defaults().withGroup(true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multivariate");
    }
}
