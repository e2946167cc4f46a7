package nas.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.System.Logger.Level;
import java.util.Iterator;
import java.util.List;
import nas.api.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NasLoggingTest {

    /** The level the tests' logging configuration gave the nas loggers, put back after each test. */
    private final java.util.logging.Level configured = java.util.logging.Logger.getLogger("nas").getLevel();

    @AfterEach
    void restore() {
        java.util.logging.Logger.getLogger("nas").setLevel(configured);
    }

    private static Study run(String name, List<Double> values) {
        Study study = Studies.builder(name).create();
        Iterator<Double> next = values.iterator();
        study.optimize(trial -> {
            trial.suggestInt("n", 1, 1);
            double v = next.next();
            if (Double.isNaN(v)) {
                throw new IllegalStateException("boom");
            }
            return v;
        }, values.size());
        return study;
    }

    @Test
    void eachFinishedTrialLogsAnOptunaLikeInfoLineWithTheBestSoFar() {
        try (LogCapture log = LogCapture.start(java.util.logging.Level.ALL)) {
            run("info", List.of(3.0, 1.0, Double.NaN, 2.0));
            assertThat(log.messages(java.util.logging.Level.INFO)).containsExactly(
                    "Trial 0 finished with value 3.0 and parameters {n=1}. Best is trial 0 with value 3.0.",
                    "Trial 1 finished with value 1.0 and parameters {n=1}. Best is trial 1 with value 1.0.",
                    "Trial 3 finished with value 2.0 and parameters {n=1}. Best is trial 1 with value 1.0.");
            assertThat(log.messages(java.util.logging.Level.WARNING))
                    .containsExactly("trial 2 of study 'info' failed: java.lang.IllegalStateException: boom");
        }
    }

    @Test
    void setLevelWarningSilencesThePerTrialLinesButNotTheWarnings() {
        try (LogCapture log = LogCapture.start(java.util.logging.Level.ALL)) {
            NasLogging.setLevel(Level.WARNING);
            assertThat(NasLogging.level()).isEqualTo(Level.WARNING);
            run("quiet", List.of(3.0, Double.NaN));
            assertThat(log.messages(java.util.logging.Level.INFO)).isEmpty();
            assertThat(log.messages(java.util.logging.Level.WARNING)).hasSize(1);
            NasLogging.setLevel(Level.OFF);
            run("off", List.of(Double.NaN));
            assertThat(log.messages(java.util.logging.Level.WARNING)).hasSize(1);
        }
    }
}
