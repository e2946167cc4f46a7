package nas.pruners;

import static nas.pruners.Scripts.running;
import static nas.pruners.Scripts.study;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.Trial;
import org.junit.jupiter.api.Test;

class ThresholdPrunerTest {

    @Test
    void invalidBoundsAndStepsAreRefusedWithTheRuleAndTheValues() {
        assertThatThrownBy(() -> new ThresholdPruner(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0, 1))
                .hasMessage("give a finite lower or upper bound, but got lower -Infinity, upper Infinity");
        assertThatThrownBy(() -> ThresholdPruner.between(2, 1)).hasMessage("lower must be <= upper, but got lower 2.0, upper 1.0");
        assertThatThrownBy(() -> ThresholdPruner.lower(Double.NaN)).hasMessageContaining("must be numbers");
        assertThatThrownBy(() -> ThresholdPruner.upper(1).withWarmupSteps(-1))
                .hasMessage("nWarmupSteps must be >= 0, but got -1");
        assertThatThrownBy(() -> ThresholdPruner.upper(1).withIntervalSteps(0))
                .hasMessage("intervalSteps must be >= 1, but got 0");
    }

    @Test
    void theLatestValueOutsideTheBoundsPrunesWithoutAnyOtherTrial() {
        Study study = study(ThresholdPruner.between(0, 1));
        assertThat(running(study, 0.5).shouldPrune()).isFalse();
        assertThat(running(study, 0.0).shouldPrune()).as("bounds are inclusive").isFalse();
        assertThat(running(study, 1.0).shouldPrune()).isFalse();
        assertThat(running(study, -0.01).shouldPrune()).isTrue();
        assertThat(running(study, 1.01).shouldPrune()).isTrue();
        assertThat(running(study, 5.0, 0.5).shouldPrune()).as("only the latest value counts").isFalse();
        assertThat(running(study, 0.5, 5.0).shouldPrune()).isTrue();
    }

    @Test
    void oneSidedBounds() {
        Study upper = study(ThresholdPruner.upper(1));
        assertThat(running(upper, -1e300).shouldPrune()).isFalse();
        assertThat(running(upper, 2).shouldPrune()).isTrue();
        Study lower = study(ThresholdPruner.lower(1));
        assertThat(running(lower, 1e300).shouldPrune()).isFalse();
        assertThat(running(lower, 0).shouldPrune()).isTrue();
    }

    @Test
    void theDirectionDoesNotMatter() {
        for (StudyDirection d : StudyDirection.values()) {
            Study study = study(ThresholdPruner.upper(1), d);
            assertThat(running(study, 2).shouldPrune()).as("%s", d).isTrue();
            assertThat(running(study, 0).shouldPrune()).as("%s", d).isFalse();
        }
    }

    @Test
    void aNaNValuePrunes() {
        Study study = study(ThresholdPruner.upper(1));
        assertThat(running(study, 0.5, Double.NaN).shouldPrune()).isTrue();
        assertThat(running(study, Double.NaN, 0.5).shouldPrune()).isFalse();
    }

    @Test
    void warmUpAndIntervalDelayTheChecks() {
        Study study = study(ThresholdPruner.upper(1).withWarmupSteps(2).withIntervalSteps(3));
        Trial t = study.ask();
        boolean[] expected = {false, false, true, false, false, true, false};
        for (int step = 0; step < expected.length; step++) {
            t.report(5, step);
            assertThat(t.shouldPrune()).as("step %d", step).isEqualTo(expected[step]);
        }
    }

    @Test
    void aTrialThatReportedNothingIsNeverPruned() {
        Study study = study(ThresholdPruner.lower(1));
        assertThat(study.ask().shouldPrune()).isFalse();
    }
}
