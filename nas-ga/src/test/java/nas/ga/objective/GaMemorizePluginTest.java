package nas.ga.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.objective.ObjectiveDefinition;
import nas.api.objective.ObjectiveOptions;
import nas.api.objective.ObjectivePlugins;
import nas.api.sampler.RandomSampler;
import org.junit.jupiter.api.Test;

class GaMemorizePluginTest {

    private static final Map<String, String> SMALL = Map.of("points", "16", "inputs", "8", "hidden", "8",
            "evaluations", "200", "children", "12", "threads", "2");

    @Test
    void isFoundByNameAndSearchesSigmaParentsAndSchemeByDefault() {
        var plugin = ObjectivePlugins.find("ga-memorize");
        assertThat(plugin).isInstanceOf(GaMemorizePlugin.class);
        ObjectiveDefinition d = plugin.create(ObjectiveOptions.none());
        assertThat(d.directions()).containsExactly(StudyDirection.MINIMIZE);
        assertThat(d.objectiveNames()).containsExactly("loss");
        ObjectiveDefinition m = plugin.create(new ObjectiveOptions(Map.of("value", "memorised")));
        assertThat(m.directions()).containsExactly(StudyDirection.MAXIMIZE);
    }

    @Test
    void badOptionsAreRefusedWithOneLine() {
        var plugin = new GaMemorizePlugin();
        assertThatThrownBy(() -> plugin.create(new ObjectiveOptions(Map.of("sigma", "-1"))))
                .hasMessage("sigma must be finite and > 0, got -1.0");
        assertThatThrownBy(() -> plugin.create(new ObjectiveOptions(Map.of("scheme", "adaptive"))))
                .hasMessage("scheme must be fixed, self-adaptive or norm-preserving, got 'adaptive'");
        assertThatThrownBy(() -> plugin.create(new ObjectiveOptions(Map.of("hidden", "64,x"))))
                .hasMessage("hidden layer widths are positive integers separated by commas, got '64,x'");
        assertThatThrownBy(() -> plugin.create(new ObjectiveOptions(Map.of("value", "acc"))))
                .hasMessageContaining("option 'value' of objective 'ga-memorize' is loss or memorised");
        assertThatThrownBy(() -> plugin.create(new ObjectiveOptions(Map.of("epochs", "3"))))
                .hasMessageContaining("does not take option(s) [epochs]");
    }

    @Test
    void eachTrialReportsEveryGenerationAndEndsOnTheLastValue() {
        List<Double> first = values(7);
        assertThat(values(7)).isEqualTo(first); // same study seed, same trials
        assertThat(values(8)).isNotEqualTo(first);
    }

    private static List<Double> values(long seed) {
        ObjectiveDefinition d = new GaMemorizePlugin().create(new ObjectiveOptions(SMALL));
        Study study = Studies.builder("ga").sampler(new RandomSampler(seed)).seed(seed).create();
        study.optimizeMulti(d.function(), OptimizeOptions.trials(3));
        for (FrozenTrial t : study.trials()) {
            assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(t.params()).containsOnlyKeys("parents", "sigma", "scheme");
            // 200 evaluations: 12 random individuals, then 13 per generation → 15 generations
            assertThat(t.intermediateValues()).hasSize(15);
            assertThat(t.intermediateValues().get(14)).isEqualTo(t.value());
            assertThat(t.intermediateValues().get(14)).isLessThanOrEqualTo(t.intermediateValues().get(0));
            assertThat((Long) t.userAttrs().get("memorised")).isBetween(0L, 16L);
        }
        return study.trials().stream().map(FrozenTrial::value).toList();
    }
}
