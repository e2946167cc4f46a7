package nas.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.logging.Level;
import java.util.stream.IntStream;
import nas.api.testing.LogCapture;
import org.junit.jupiter.api.Test;

class MaxConsecutiveFailsCallbackTest {

    @Test
    void stopsAfterTheLimitOfFailuresInARowAndACompleteTrialResetsTheCount() {
        Study study = Studies.builder("fails").create();
        Set<Integer> completing = Set.of(3); // never reached: trials 0, 1 and 2 fail, which is the limit
        MaxConsecutiveFailsCallback guard = new MaxConsecutiveFailsCallback(3);
        try (LogCapture log = LogCapture.start()) {
            study.optimize(trial -> {
                if (completing.contains(trial.number())) {
                    return 1.0;
                }
                throw new IllegalStateException("missing file " + trial.number());
            }, OptimizeOptions.trials(100).withCallback(guard));
            assertThat(log.messages(Level.WARNING)).containsExactlyElementsOf(failures("missing file", 0, 1, 2));
        }
        assertThat(study.trials()).hasSize(3);
        assertThat(guard.fired()).isTrue();
        assertThat(guard.lastFailReason()).contains("missing file 2");
    }

    @Test
    void itSaysWhyTheStudyEndedEarly() {
        Study study = Studies.builder("fails").create();
        try (LogCapture log = LogCapture.start(Level.INFO)) {
            study.optimize(trial -> {
                throw new IllegalStateException("missing file");
            }, OptimizeOptions.trials(100).withCallback(new MaxConsecutiveFailsCallback(2)));
            assertThat(log.messages(Level.INFO)).containsExactly("study 'fails' stops starting trials: 2 trials in a "
                    + "row failed, the last with java.lang.IllegalStateException: missing file");
        }
        assertThat(study.trials()).hasSize(2);
    }

    @Test
    void aCompleteTrialResetsTheCount() {
        Study study = Studies.builder("fails").create();
        MaxConsecutiveFailsCallback guard = new MaxConsecutiveFailsCallback(3);
        // fails 0,1 / completes 2 / fails 3,4 / completes 5 / fails 6,7,8 -> stops after trial 8
        try (LogCapture log = LogCapture.start()) {
            study.optimize(trial -> {
                if (trial.number() == 2 || trial.number() == 5) {
                    return 1.0;
                }
                throw new IllegalStateException("bad " + trial.number());
            }, OptimizeOptions.trials(100).withCallback(guard));
            assertThat(log.messages(Level.WARNING)).containsExactlyElementsOf(failures("bad", 0, 1, 3, 4, 6, 7, 8));
        }
        assertThat(study.trials()).hasSize(9);
        assertThat(study.trials(TrialState.COMPLETE)).hasSize(2);
        assertThat(guard.fired()).isTrue();
    }

    /** The WARNING line of each failed trial of study 'fails', whose objective threw "PREFIX NUMBER". */
    private static java.util.List<String> failures(String prefix, int... numbers) {
        return IntStream.of(numbers).mapToObj(n -> "trial " + n + " of study 'fails' failed: "
                + "java.lang.IllegalStateException: " + prefix + " " + n).toList();
    }

    @Test
    void theLimitIsAtLeastOne() {
        assertThatThrownBy(() -> new MaxConsecutiveFailsCallback(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(">= 1");
    }
}
