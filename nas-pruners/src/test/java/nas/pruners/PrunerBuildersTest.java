package nas.pruners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Every pruner is configured by name from its defaults, as MedianPruner.defaults().withX(...). */
class PrunerBuildersTest {

    @Test
    void namedOptionsGiveThePositionalRecords() {
        assertThat(SuccessiveHalvingPruner.defaults().withMinResource(3).withReductionFactor(2)
                .withMinEarlyStoppingRate(1).withBootstrapCount(4))
                .isEqualTo(new SuccessiveHalvingPruner(3, 2, 1, 4));
        assertThat(SuccessiveHalvingPruner.defaults().withMinResource(3).withAutoMinResource())
                .isEqualTo(SuccessiveHalvingPruner.defaults());
        assertThat(HyperbandPruner.defaults().withMinResource(2).withMaxResource(81).withReductionFactor(3)
                .withBootstrapCount(1)).isEqualTo(new HyperbandPruner(2, 81, 3, 1));
        assertThat(HyperbandPruner.defaults().withMaxResource(81).withAutoMaxResource())
                .isEqualTo(HyperbandPruner.defaults());
        assertThat(MedianPruner.defaults().withStartupTrials(2).withWarmupSteps(3).withIntervalSteps(4).withMinTrials(5))
                .isEqualTo(new MedianPruner(2, 3, 4, 5));
        assertThat(PercentilePruner.of(25).withStartupTrials(2).withWarmupSteps(3).withIntervalSteps(4).withMinTrials(5))
                .isEqualTo(new PercentilePruner(25, 2, 3, 4, 5));
        assertThat(ThresholdPruner.between(-1, 1).withWarmupSteps(2).withIntervalSteps(3))
                .isEqualTo(new ThresholdPruner(-1, 1, 2, 3));
        MedianPruner median = MedianPruner.defaults();
        assertThat(PatientPruner.of(3).withMinDelta(0.5).wrapping(median)).isEqualTo(new PatientPruner(median, 3, 0.5));
    }

    @Test
    void theAutoSentinelIsNotAValue() {
        assertThatThrownBy(() -> SuccessiveHalvingPruner.defaults().withMinResource(SuccessiveHalvingPruner.AUTO))
                .hasMessageContaining("withAutoMinResource()");
        assertThatThrownBy(() -> HyperbandPruner.defaults().withMaxResource(HyperbandPruner.AUTO))
                .hasMessageContaining("withAutoMaxResource()");
        assertThatThrownBy(() -> PatientPruner.of(1).withMinDelta(-1)).hasMessageContaining("minDelta");
    }
}
