package nas.pruners;

import static nas.pruners.Scripts.running;
import static nas.pruners.Scripts.study;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.Trial;
import org.junit.jupiter.api.Test;

class PatientPrunerTest {

    private static final double NAN = Double.NaN;

    @Test
    void invalidOptionsAreRefused() {
        assertThatThrownBy(() -> PatientPruner.of(-1)).hasMessage("patience must be >= 0, but got -1");
        assertThatThrownBy(() -> new PatientPruner(null, 1, -0.5)).hasMessage("minDelta must be finite and >= 0, but got -0.5");
        assertThatThrownBy(() -> new PatientPruner(null, 1, NAN)).hasMessageContaining("but got NaN");
    }

    @Test
    void stagnationForMoreThanPatienceStepsPrunes() {
        Study study = study(PatientPruner.of(2));
        // earlier {1}, recent {0.5, 0.6, 0.7}: still improving
        assertThat(running(study, 1, 0.5, 0.6, 0.7).shouldPrune()).isFalse();
        // earlier {0.5}, recent {0.6, 0.7, 0.8}: no improvement for 3 steps
        assertThat(running(study, 0.5, 0.6, 0.7, 0.8).shouldPrune()).isTrue();
        // equal is not worse: min(earlier) + 0 < min(recent) fails
        assertThat(running(study, 0.5, 0.6, 0.5, 0.8).shouldPrune()).isFalse();
    }

    @Test
    void tooFewReportsNeverPrune() {
        Study study = study(PatientPruner.of(2));
        assertThat(running(study, 0.1, 5, 5).shouldPrune()).as("3 reports <= patience + 1").isFalse();
        assertThat(study.ask().shouldPrune()).as("no report").isFalse();
        Study zero = study(PatientPruner.of(0));
        assertThat(running(zero, 1).shouldPrune()).isFalse();
        assertThat(running(zero, 1, 2).shouldPrune()).as("patience 0: the latest step must improve").isTrue();
        assertThat(running(zero, 2, 1).shouldPrune()).isFalse();
    }

    @Test
    void minDeltaLetsSmallSetbacksPass() {
        Study study = study(new PatientPruner(null, 1, 0.2));
        // min earlier 0.5 + 0.2 < min recent 0.6? no
        assertThat(running(study, 0.5, 0.6, 0.65).shouldPrune()).isFalse();
        assertThat(running(study, 0.5, 0.8, 0.75).shouldPrune()).isTrue();
    }

    @Test
    void maximizingMirrorsTheRule() {
        Study study = study(new PatientPruner(null, 1, 0.1), StudyDirection.MAXIMIZE);
        assertThat(running(study, 1.0, 0.95, 0.92).shouldPrune()).as("within minDelta").isFalse();
        assertThat(running(study, 1.0, 0.8, 0.85).shouldPrune()).isTrue();
        assertThat(running(study, 1.0, 0.8, 1.2).shouldPrune()).isFalse();
    }

    @Test
    void theWrappedPrunerDecidesOnceTheTrialStagnated() {
        Study study = study(new PatientPruner(ThresholdPruner.upper(10), 1, 0));
        assertThat(running(study, 1, 2, 3).shouldPrune()).as("stagnated, but below 10").isFalse();
        assertThat(running(study, 1, 20, 30).shouldPrune()).isTrue();
        assertThat(running(study, 100, 50, 20).shouldPrune()).as("improving, though above 10").isFalse();
    }

    @Test
    void nanValuesAreIgnoredAndAllNaNWindowsNeverPrune() {
        Study study = study(PatientPruner.of(1));
        assertThat(running(study, 0.5, NAN, 0.6, NAN).shouldPrune()).isTrue();
        assertThat(running(study, 0.5, 0.4, NAN, NAN).shouldPrune()).isFalse();
        assertThat(running(study, NAN, NAN, 0.6, 0.7).shouldPrune()).isFalse();
    }

    @Test
    void itKeepsCountingFromTheTrialsOwnHistory() {
        Study study = study(PatientPruner.of(2));
        Trial t = study.ask();
        double[] v = {3, 2, 1, 1.5, 1.2};
        for (int i = 0; i < v.length; i++) {
            t.report(v[i], i);
            assertThat(t.shouldPrune()).as("step %d", i).isFalse();
        }
        t.report(1.1, 5); // best 1 at step 2, then three steps without a better value
        assertThat(t.shouldPrune()).isTrue();
    }
}
