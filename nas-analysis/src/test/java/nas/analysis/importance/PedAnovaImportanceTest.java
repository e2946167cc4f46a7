package nas.analysis.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.sampler.RandomSampler;
import org.junit.jupiter.api.Test;

class PedAnovaImportanceTest {

    @Test
    void handComputedDivergenceOfACategorical() {
        // 10 trials: c = a for values 0..4, c = b for 5..9; x is noise. The top 10 % is at least the best two
        // (values 0 and 1, both a). Prior weight 1 with two choices: an observation of a is (3/4, 1/4).
        // p_top = (2 (3/4, 1/4) + (1/2, 1/2)) / 3 = (2/3, 1/3); p_all = (5 (3/4,1/4) + 5 (1/4,3/4) + (1/2,1/2)) / 11
        // = (1/2, 1/2); divergence = 1/2 (4/3 - 1)^2 + 1/2 (2/3 - 1)^2 = 1/9.
        Study study = Studies.builder().create();
        Map<String, Distribution> d = Map.of("c", new CategoricalDistribution(List.of("a", "b")),
                "x", FloatDistribution.of(0, 1));
        for (int i = 0; i < 10; i++) {
            study.addTrial(FrozenTrial.of(TrialState.COMPLETE, List.of((double) i),
                    Map.of("c", i < 5 ? "a" : "b", "x", (i * 7 % 10) / 10.0 + 0.05), d));
        }
        ImportanceResult r = PedAnovaImportance.defaults().evaluate(study);
        ParameterImportance c = r.parameters().stream().filter(p -> p.name().equals("c")).findFirst().orElseThrow();
        assertThat(c.fraction()).isCloseTo(1 / 9.0, within(1e-9));
        assertThat(r.evaluator()).isEqualTo("ped-anova");
        assertThat(r.parameters().get(0).name()).isEqualTo("c");
        assertThat(PedAnovaImportance.density(new int[] {2, 0}, true, 1.0)).containsExactly(
                new double[] {2 / 3.0, 1 / 3.0}, within(1e-15));
    }

    @Test
    void ranksAnAdditiveFunctionAsTheAnalyticSharesAndFanovaDo() {
        // f = 4 x0^2 + 2 x1 + 0.5 x2 + 0 x3 on [-1, 1]^4 (x0 through its square): variances 4^2 4/45 = 1.42,
        // 2^2/3 = 1.33, 0.25/3 = 0.083, 0: the order x0 / x1 close, x2 far below, x3 last
        Study study = Studies.builder().sampler(new RandomSampler(21)).create();
        study.optimize(t -> {
            double x0 = t.suggestFloat("x0", -1, 1);
            double x1 = t.suggestFloat("x1", -1, 1);
            double x2 = t.suggestFloat("x2", -1, 1);
            t.suggestFloat("x3", -1, 1);
            return 4 * x0 * x0 + 2 * x1 + 0.5 * x2;
        }, 600);
        Map<String, Double> ped = Importance.of(study).with(PedAnovaImportance.defaults());
        Map<String, Double> fanova = Importance.of(study);
        assertThat(ped.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-9));
        assertThat(List.copyOf(ped.keySet()).subList(2, 4)).containsExactly("x2", "x3");
        assertThat(List.copyOf(fanova.keySet()).subList(2, 4)).containsExactly("x2", "x3");
        assertThat(ped.get("x0") + ped.get("x1")).isGreaterThan(0.8);
        assertThat(ped.get("x3")).isLessThan(0.05);
        // maximizing the same function flips which end is the top, not which parameters matter
        Study max = Studies.builder().directions(StudyDirection.MAXIMIZE).create();
        study.trials().forEach(max::addTrial);
        Map<String, Double> pedMax = Importance.of(max).with(PedAnovaImportance.defaults());
        assertThat(pedMax.get("x3")).isLessThan(0.05);
        assertThat(pedMax.get("x0") + pedMax.get("x1")).isGreaterThan(0.8);
    }

    @Test
    void optionsAndErrors() {
        assertThatThrownBy(() -> PedAnovaImportance.defaults().withTopQuantile(1.0)).hasMessageContaining("topQuantile");
        assertThatThrownBy(() -> PedAnovaImportance.defaults().withSteps(1)).hasMessageContaining("nSteps");
        Study few = Studies.builder().create();
        few.optimize(t -> t.suggestFloat("x", 0, 1), 3);
        assertThatThrownBy(() -> PedAnovaImportance.defaults().evaluate(few)).hasMessageContaining("at least 4");
        assertThatThrownBy(() -> PedAnovaImportance.defaults().withObjective(1).evaluate(few))
                .hasMessageContaining("objective index 1");
        // top set as in Optuna: the best two at least, ties at the cutoff included
        boolean[] top = PedAnovaImportance.defaults().top(new double[] {5, 1, 3, 1, 9, 7, 2, 8, 6, 4}, true);
        assertThat(top).containsExactly(false, true, false, true, false, false, false, false, false, false);
    }
}
