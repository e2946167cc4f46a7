package nas.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.MultiObjective;
import nas.api.Objective;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.sampler.Sampler;
import nas.api.storage.InMemoryStorage;
import nas.samplers.AutoSampler.Choice;
import nas.samplers.gp.GpOptions;
import nas.samplers.gp.GpSampler;
import nas.samplers.nsga2.Nsga2Sampler;
import nas.samplers.tpe.TpeOptions;
import nas.samplers.tpe.TpeSampler;
import org.junit.jupiter.api.Test;

class AutoSamplerTest {

    static final List<StudyDirection> ONE = List.of(StudyDirection.MINIMIZE);
    static final Map<String, Distribution> XY = Map.of("x", FloatDistribution.of(-5, 5), "y", FloatDistribution.of(-5, 5));

    static final Objective BOWL = t -> {
        double x = t.suggestFloat("x", -5, 5);
        double y = t.suggestFloat("y", -5, 5);
        return (x - 1.2) * (x - 1.2) + 3 * (y + 0.7) * (y + 0.7);
    };

    static final Objective WITH_CATEGORICAL = t -> {
        double x = t.suggestFloat("x", -5, 5);
        String c = t.suggestCategorical("c", "a", "b", "c");
        return x * x + (c.equals("b") ? 0 : 1);
    };

    static final MultiObjective TWO_OBJECTIVES = t -> {
        double x = t.suggestFloat("x", 0, 1);
        double y = t.suggestFloat("y", 0, 1);
        double g = 1 + 9 * y;
        return new double[] {x, g * (1 - Math.sqrt(x / g))};
    };

    static FrozenTrial finished(TrialState state, Map<String, Distribution> space) {
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        space.forEach((name, d) -> params.put(name, d.toExternal(d instanceof CategoricalDistribution ? 0 : 1)));
        return FrozenTrial.of(state, state == TrialState.COMPLETE ? List.of(1.0) : List.of(), params, space);
    }

    static List<FrozenTrial> complete(int n, Map<String, Distribution> space) {
        List<FrozenTrial> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(finished(TrialState.COMPLETE, space));
        }
        return out;
    }

    @Test
    void theRuleByDirectionsSpaceAndCompleteTrials() {
        assertThat(AutoSampler.choose(ONE, List.of(), 250)).isEqualTo(Choice.GP);
        assertThat(AutoSampler.choose(ONE, complete(249, XY), 250)).isEqualTo(Choice.GP);
        assertThat(AutoSampler.choose(ONE, complete(250, XY), 250)).isEqualTo(Choice.TPE);
        // pruned trials do not spend the GP's budget
        List<FrozenTrial> withPruned = complete(249, XY);
        withPruned.add(finished(TrialState.PRUNED, XY));
        assertThat(AutoSampler.choose(ONE, withPruned, 250)).isEqualTo(Choice.GP);
        // a categorical parameter, or a conditional space, means TPE from the first finished trial
        assertThat(AutoSampler.choose(ONE, complete(1, Map.of("c", new CategoricalDistribution(List.of("a", "b")))), 250))
                .isEqualTo(Choice.TPE);
        List<FrozenTrial> conditional = complete(3, XY);
        conditional.add(finished(TrialState.COMPLETE, Map.of("x", FloatDistribution.of(-5, 5))));
        assertThat(AutoSampler.choose(ONE, conditional, 250)).isEqualTo(Choice.TPE);
        // several objectives: MOTPE, categorical or not, then NSGA-II
        List<StudyDirection> two = List.of(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE);
        assertThat(AutoSampler.choose(two, List.of(), 250)).isEqualTo(Choice.TPE);
        assertThat(AutoSampler.choose(two, complete(249, Map.of("c", new CategoricalDistribution(List.of("a", "b")))), 250))
                .isEqualTo(Choice.TPE);
        assertThat(AutoSampler.choose(two, complete(250, XY), 250)).isEqualTo(Choice.NSGA2);
    }

    @Test
    void thePlanSaysWhichSamplerAndWhy() {
        AutoSampler auto = new AutoSampler();
        assertThat(auto.plan(ONE, XY, 0, 100)).isEqualTo("gp (one objective, 2 numeric parameters)");
        assertThat(auto.plan(ONE, XY, 200, 100))
                .isEqualTo("gp (one objective, 2 numeric parameters); tpe, multivariate, after 250 complete trials");
        assertThat(auto.plan(ONE, XY, 300, 100))
                .isEqualTo("tpe, multivariate (300 complete trials, past the GP's budget of 250)");
        assertThat(auto.plan(ONE, Map.of("c", new CategoricalDistribution(List.of("a", "b"))), 0, 10))
                .isEqualTo("tpe, multivariate (categorical parameter 'c')");
        List<StudyDirection> two = List.of(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE);
        assertThat(auto.plan(two, XY, 0, 10)).isEqualTo("tpe, multi-objective (2 objectives)");
        assertThat(auto.plan(two, XY, 0, 1000))
                .isEqualTo("tpe, multi-objective (2 objectives); nsga2 after 250 complete trials");
        assertThat(auto.plan(two, XY, 400, 10)).isEqualTo("nsga2 (2 objectives, 400 complete trials)");
    }

    static Study study(Sampler sampler, StudyDirection... directions) {
        return Studies.builder("auto").storage(new InMemoryStorage()).directions(directions).sampler(sampler).seed(5)
                .create();
    }

    static List<Map<String, Object>> params(Study s) {
        return s.trials().stream().map(FrozenTrial::params).toList();
    }

    static List<Object> choices(Study s) {
        return s.trials().stream().map(t -> t.systemAttrs().get(AutoSampler.CHOICE_KEY)).toList();
    }

    @Test
    void aNumericSpaceGetsTheGpThenTpeAfterItsBudgetTrialForTrial() {
        Study auto = study(new AutoSampler(null, 15), StudyDirection.MINIMIZE);
        auto.optimize(BOWL, 20);
        Study gp = study(new GpSampler(GpOptions.defaults()), StudyDirection.MINIMIZE);
        gp.optimize(BOWL, 15);

        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add(i < 15 ? "gp" : "tpe");
        }
        assertThat(choices(auto)).isEqualTo(expected);
        assertThat(params(auto).subList(0, 15)).isEqualTo(params(gp));
        assertThat(auto.bestValue()).isLessThan(0.05); // optimum 0 at (1.2, -0.7)
    }

    @Test
    void aCategoricalParameterGetsMultivariateTpeTrialForTrial() {
        Study auto = study(new AutoSampler(), StudyDirection.MINIMIZE);
        auto.optimize(WITH_CATEGORICAL, 30);
        Study tpe = study(new TpeSampler(TpeOptions.defaults().withMultivariate(true).withConstantLiar(true)),
                StudyDirection.MINIMIZE);
        tpe.optimize(WITH_CATEGORICAL, 30);

        // nothing is finished before trial 0, so the rule cannot yet see the categorical: the GP's
        // random start-up samples it, exactly as TPE's start-up does
        assertThat(choices(auto).get(0)).isEqualTo("gp");
        assertThat(choices(auto).subList(1, 30)).containsOnly("tpe");
        assertThat(params(auto)).isEqualTo(params(tpe));
    }

    @Test
    void severalObjectivesGetMotpeThenNsga2BreedingFromTheBestTrialsSoFar() {
        Study auto = study(new AutoSampler(null, 30), StudyDirection.MINIMIZE, StudyDirection.MINIMIZE);
        auto.optimizeMulti(TWO_OBJECTIVES, OptimizeOptions.trials(60));
        Study tpe = study(new TpeSampler(TpeOptions.defaults().withMultivariate(true).withConstantLiar(true)),
                StudyDirection.MINIMIZE, StudyDirection.MINIMIZE);
        tpe.optimizeMulti(TWO_OBJECTIVES, OptimizeOptions.trials(30));

        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            expected.add(i < 30 ? "tpe" : "nsga2");
        }
        assertThat(choices(auto)).isEqualTo(expected);
        assertThat(params(auto).subList(0, 30)).isEqualTo(params(tpe));
        // NSGA-II's generations are blocks of 25 trial numbers: its first trial, 30, is a child of
        // generation 1, whose parents are the survivors of trials 0..24 (all MOTPE's), not random
        assertThat(auto.trials().get(30).systemAttrs().get(Nsga2Sampler.GENERATION_KEY)).isEqualTo(1L);
        assertThat(auto.trials().get(50).systemAttrs().get(Nsga2Sampler.GENERATION_KEY)).isEqualTo(2L);
        Map<?, ?> population = (Map<?, ?>) auto.systemAttrs().get(Nsga2Sampler.POPULATION_KEY);
        assertThat(population.get("generation")).isEqualTo(2L);
        List<?> members = (List<?>) population.get("members");
        assertThat(members).hasSize(25).allMatch(m -> ((Number) ((List<?>) m).get(0)).intValue() < 50);
        assertThat(members).anyMatch(m -> ((Number) ((List<?>) m).get(0)).intValue() < 30);
    }
}
