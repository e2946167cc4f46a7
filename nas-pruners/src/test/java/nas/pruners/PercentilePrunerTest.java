package nas.pruners;

import static nas.pruners.Scripts.complete;
import static nas.pruners.Scripts.completeAt;
import static nas.pruners.Scripts.running;
import static nas.pruners.Scripts.study;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.Trial;
import org.junit.jupiter.api.Test;

/** Scripted scenarios for every rule of the percentile (and so the median) pruner. */
class PercentilePrunerTest {

    private static final double NAN = Double.NaN;

    private static PercentilePruner median() {
        return PercentilePruner.of(50).withStartupTrials(0);
    }

    @Test
    void defaultsAreOptunas() {
        assertThat(PercentilePruner.of(30)).isEqualTo(new PercentilePruner(30, 5, 0, 1, 1));
        assertThat(MedianPruner.defaults()).isEqualTo(new MedianPruner(5, 0, 1, 1));
        assertThat(MedianPruner.defaults().asPercentile()).isEqualTo(PercentilePruner.of(50));
    }

    @Test
    void invalidOptionsAreRefusedWithTheRuleAndTheValue() {
        assertThatThrownBy(() -> PercentilePruner.of(100.5)).hasMessage("percentile must lie in [0, 100], but got 100.5");
        assertThatThrownBy(() -> PercentilePruner.of(NAN)).hasMessageContaining("but got NaN");
        assertThatThrownBy(() -> PercentilePruner.of(50).withStartupTrials(-1))
                .hasMessage("nStartupTrials must be >= 0, but got -1");
        assertThatThrownBy(() -> PercentilePruner.of(50).withWarmupSteps(-2))
                .hasMessage("nWarmupSteps must be >= 0, but got -2");
        assertThatThrownBy(() -> PercentilePruner.of(50).withIntervalSteps(0))
                .hasMessage("intervalSteps must be >= 1, but got 0");
        assertThatThrownBy(() -> PercentilePruner.of(50).withMinTrials(0)).hasMessage("nMinTrials must be >= 1, but got 0");
        assertThatThrownBy(() -> new MedianPruner(5, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("intervalSteps must be >= 1, but got 0");
    }

    @Test
    void nothingIsPrunedBeforeNStartupTrialsCompleted() {
        Study study = study(PercentilePruner.of(50).withStartupTrials(2));
        Trial t = running(study, 5.0);
        assertThat(t.shouldPrune()).as("no completed trial").isFalse();
        complete(study, 1.0);
        assertThat(t.shouldPrune()).as("1 of 2 startup trials").isFalse();
        Scripts.pruned(study, 0.0);
        assertThat(t.shouldPrune()).as("pruned trials do not count").isFalse();
        complete(study, 1.0);
        assertThat(t.shouldPrune()).isTrue();
    }

    @Test
    void zeroStartupTrialsStillNeedsOneCompletedTrial() {
        Study study = study(median());
        Trial t = running(study, 5.0);
        assertThat(t.shouldPrune()).isFalse();
        complete(study, 1.0);
        assertThat(t.shouldPrune()).isTrue();
    }

    @Test
    void nothingIsPrunedBeforeTheWarmUpStep() {
        Study study = study(median().withWarmupSteps(2));
        complete(study, 1, 1, 1, 1);
        Trial t = study.ask();
        t.report(9, 0);
        assertThat(t.shouldPrune()).isFalse();
        t.report(9, 1);
        assertThat(t.shouldPrune()).isFalse();
        t.report(9, 2);
        assertThat(t.shouldPrune()).isTrue();
    }

    @Test
    void checksHappenOnlyEveryIntervalStepsAfterTheWarmUp() {
        Study study = study(median().withWarmupSteps(1).withIntervalSteps(2));
        complete(study, 1, 1, 1, 1, 1, 1, 1, 1);
        Trial t = study.ask();
        boolean[] expected = {false, true, false, true, false, true, false};
        for (int step = 0; step < expected.length; step++) {
            t.report(9, step);
            assertThat(t.shouldPrune()).as("step %d", step).isEqualTo(expected[step]);
        }
    }

    @Test
    void aCheckPointWithoutAReportIsCheckedAtTheNextReportOnce() {
        Study study = study(median().withWarmupSteps(1).withIntervalSteps(2));
        complete(study, 1, 1, 1, 1, 1, 1, 1, 1);
        Trial t = study.ask();
        t.report(9, 0);
        t.report(9, 2); // check point 1 skipped
        assertThat(t.shouldPrune()).isTrue();
        t.report(9, 4); // check point 3 skipped
        assertThat(t.shouldPrune()).isTrue();
        t.report(9, 5);
        assertThat(t.shouldPrune()).isTrue();
        t.report(9, 6);
        assertThat(t.shouldPrune()).isFalse();
    }

    @Test
    void nMinTrialsCompletedTrialsMustHaveReportedTheStep() {
        Study study = study(median().withMinTrials(2));
        complete(study, 1, 1);
        completeAt(study, Map.of(0, 1.0), 1.0);
        Trial onlyStepOne = study.ask();
        onlyStepOne.report(9, 1);
        assertThat(onlyStepOne.shouldPrune()).as("1 completed trial reported step 1").isFalse();
        Trial stepZero = running(study, 9);
        assertThat(stepZero.shouldPrune()).as("2 completed trials reported step 0").isTrue();

        Study lenient = study(median());
        complete(lenient, 1, 1);
        completeAt(lenient, Map.of(0, 1.0), 1.0);
        Trial t = lenient.ask();
        t.report(9, 1);
        assertThat(t.shouldPrune()).isTrue();
    }

    @Test
    void aStepNoCompletedTrialReportedPrunesNothing() {
        Study study = study(median());
        complete(study, 1, 1);
        Trial t = study.ask();
        t.report(9, 7);
        assertThat(t.shouldPrune()).isFalse();
    }

    @Test
    void theTrialsBestValueSoFarIsComparedNotItsLatest() {
        Study study = study(median());
        complete(study, 1, 1);
        Trial t = running(study, 0.5, 9.0);
        assertThat(t.shouldPrune()).isFalse();
    }

    @Test
    void thePercentileIsInterpolatedAndTheBoundaryValueIsKept() {
        Study study = study(PercentilePruner.of(25).withStartupTrials(0));
        for (double v : new double[] {1, 2, 3, 4, 5}) {
            complete(study, v);
        }
        // 25th percentile of 1..5 is 2
        assertThat(running(study, 2.0).shouldPrune()).isFalse();
        assertThat(running(study, 2.001).shouldPrune()).isTrue();

        Study four = study(PercentilePruner.of(25).withStartupTrials(0));
        for (double v : new double[] {1, 2, 3, 4}) {
            complete(four, v);
        }
        // 25th percentile of 1..4 is 1.75
        assertThat(running(four, 1.75).shouldPrune()).isFalse();
        assertThat(running(four, 1.76).shouldPrune()).isTrue();
    }

    @Test
    void maximizingUsesTheMirroredPercentileAndPrunesLowValues() {
        Study study = study(PercentilePruner.of(25).withStartupTrials(0), StudyDirection.MAXIMIZE);
        for (double v : new double[] {1, 2, 3, 4, 5}) {
            complete(study, v);
        }
        // keeps the best quarter: the 75th percentile of 1..5 is 4
        assertThat(running(study, 4.0).shouldPrune()).isFalse();
        assertThat(running(study, 3.999).shouldPrune()).isTrue();
        assertThat(running(study, 0.0, 4.5).shouldPrune()).as("best so far, not latest").isFalse();

        Study minimizing = study(PercentilePruner.of(25).withStartupTrials(0));
        for (double v : new double[] {1, 2, 3, 4, 5}) {
            complete(minimizing, v);
        }
        assertThat(running(minimizing, 3.999).shouldPrune()).isTrue();
        assertThat(running(minimizing, 1.5).shouldPrune()).isFalse();
    }

    @Test
    void aTrialWhoseValuesAreAllNaNIsPruned() {
        Study study = study(median());
        complete(study, 1, 1);
        assertThat(running(study, NAN).shouldPrune()).isTrue();
        assertThat(running(study, NAN, NAN).shouldPrune()).isTrue();
        assertThat(running(study, NAN, 0.5).shouldPrune()).as("NaN ignored next to a number").isFalse();
        assertThat(running(study, 0.5, NAN).shouldPrune()).isFalse();
    }

    @Test
    void nanValuesOfCompletedTrialsAreIgnoredButCountTowardsNMinTrials() {
        Study study = study(median().withMinTrials(3));
        complete(study, NAN);
        complete(study, 1.0);
        complete(study, 3.0);
        // median of {1, 3} = 2, and three trials reported step 0
        assertThat(running(study, 2.0).shouldPrune()).isFalse();
        assertThat(running(study, 2.5).shouldPrune()).isTrue();

        Study allNaN = study(median());
        complete(allNaN, NAN);
        complete(allNaN, NAN);
        assertThat(running(allNaN, 100.0).shouldPrune()).isFalse();
    }

    @Test
    void aTrialThatReportedNothingIsNeverPruned() {
        Study study = study(median());
        complete(study, 1, 1);
        Trial t = study.ask();
        assertThat(t.shouldPrune()).isFalse();
    }

    @Test
    void theMedianPrunerIsThePercentilePrunerAtFifty() {
        Study m = study(new MedianPruner(0, 0, 1, 1));
        Study p = study(median());
        for (double v : new double[] {1, 2, 3, 4}) {
            complete(m, v);
            complete(p, v);
        }
        for (double v : new double[] {2.4, 2.5, 2.6, 0.0, 9.0, NAN}) {
            assertThat(running(m, v).shouldPrune()).as("value %s", v).isEqualTo(running(p, v).shouldPrune());
        }
        assertThat(running(m, 2.5).shouldPrune()).isFalse();
        assertThat(running(m, 2.51).shouldPrune()).isTrue();
    }
}
