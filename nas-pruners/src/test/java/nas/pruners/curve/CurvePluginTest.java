package nas.pruners.curve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.objective.ObjectiveDefinition;
import nas.api.objective.ObjectiveOptions;
import nas.api.objective.ObjectivePlugins;
import nas.api.sampler.RandomSampler;
import nas.pruners.MedianPruner;
import org.junit.jupiter.api.Test;

class CurvePluginTest {

    @Test
    void isFoundByNameWithItsOptions() {
        var plugin = ObjectivePlugins.find("curve");
        assertThat(plugin).isInstanceOf(CurvePlugin.class);
        assertThat(plugin.options()).containsOnlyKeys("steps", "noise");
        ObjectiveDefinition d = plugin.create(ObjectiveOptions.none());
        assertThat(d.directions()).containsExactly(StudyDirection.MINIMIZE);
        assertThat(d.parameterDefaults()).containsOnlyKeys("lr", "width", "dropout");
    }

    @Test
    void badOptionsAreRefused() {
        var plugin = new CurvePlugin();
        assertThatThrownBy(() -> plugin.create(new ObjectiveOptions(Map.of("steps", "0"))))
                .hasMessage("option 'steps' of objective 'curve' must lie in [1, 1000000], but got 0");
        assertThatThrownBy(() -> plugin.create(new ObjectiveOptions(Map.of("noise", "-1"))))
                .hasMessage("option 'noise' of objective 'curve' must be finite and >= 0, but got -1.0");
        assertThatThrownBy(() -> plugin.create(new ObjectiveOptions(Map.of("epochs", "3"))))
                .hasMessageContaining("does not take option(s) [epochs]");
    }

    @Test
    void everyStepIsReportedAndTheValueIsTheLastOne() {
        ObjectiveDefinition d = new CurvePlugin().create(new ObjectiveOptions(Map.of("steps", "12", "noise", "0")));
        Study study = Studies.builder("c").sampler(new RandomSampler(1)).create();
        study.optimizeMulti(d.function(), nas.api.OptimizeOptions.trials(5));
        for (FrozenTrial t : study.trials()) {
            assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(t.intermediateValues()).hasSize(12);
            LearningCurve curve = LearningCurve.of((Double) t.param("lr"), (Integer) t.param("width"),
                    (Double) t.param("dropout"), 12, 0);
            for (int s = 0; s < 12; s++) {
                assertThat(t.intermediateValues().get(s)).isEqualTo(curve.mean(s));
            }
            assertThat(t.value()).isEqualTo(curve.mean(11));
        }
    }

    @Test
    void aPrunedTrialStopsAtTheStepThePrunerChose() {
        ObjectiveDefinition d = new CurvePlugin().create(new ObjectiveOptions(Map.of("steps", "40")));
        Study study = Studies.builder("c").pruner(MedianPruner.defaults()).sampler(new RandomSampler(2)).create();
        study.optimizeMulti(d.function(), nas.api.OptimizeOptions.trials(30));
        assertThat(study.trials(TrialState.PRUNED)).isNotEmpty().allSatisfy(t -> {
            assertThat(t.lastStep()).isLessThan(39);
            assertThat(t.values()).containsExactly(t.intermediateValues().get(t.lastStep()));
        });
        assertThat(study.trials(TrialState.COMPLETE)).allSatisfy(t -> assertThat(t.lastStep()).isEqualTo(39));
    }
}
