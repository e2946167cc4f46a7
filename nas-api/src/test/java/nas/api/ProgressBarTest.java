package nas.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void aLineEveryTenthWithTheBestTrialTheRateAndTheTimeLeft() {
        AtomicLong clock = new AtomicLong();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), 20, false,
                () -> clock.addAndGet(500_000_000L)); // each reading of the clock: half a second later
        Study study = Studies.builder("bar").create();
        List<Double> values = List.of(5.0, 3.0, 4.0, 1.0);
        study.optimize(trial -> values.get(trial.number() % 4) + trial.number() / 4 * 10, OptimizeOptions.trials(20)
                .withCallback(bar));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(10);
        // 2 trials, one clock reading each after the start: 2 trials in 1 s; 18 left at 2/s = 9 s
        assertThat(lines.get(0)).isEqualTo("[##------------------] 2/20 | best 3.00000 (trial 1) | 2.0 trials/s | ETA 9s");
        assertThat(lines.get(9)).isEqualTo("[####################] 20/20 | best 1.00000 (trial 3) | 2.0 trials/s");
    }

    @Test
    void onATerminalOneLineIsRedrawn() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), 3, true,
                () -> clock.addAndGet(1_000_000_000L));
        Studies.builder("tty").create().optimize(trial -> 1.0, OptimizeOptions.trials(3).withCallback(bar));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("\r[######--------------] 1/3").endsWith("3/3 | best 1.00000 (trial 0) | 1.0 trials/s\n");
        assertThat(out.chars().filter(c -> c == '\r')).hasSize(3);
    }

    @Test
    void aStudyBoundedByATimeoutHasABarOfTimeWithTheTrialsDone() {
        AtomicLong clock = new AtomicLong();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // each reading of the clock: 1 s later; the bar reads it when made and once per trial
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                java.time.Duration.ofSeconds(10), false, () -> clock.addAndGet(1_000_000_000L));
        Study study = Studies.builder("timed").create();
        List<Double> values = List.of(5.0, 3.0, 4.0, 1.0);
        study.optimize(trial -> values.get(trial.number() % 4), OptimizeOptions.trials(12).withCallback(bar));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        // trial k ends at k + 1 s after the bar was made: a line each second up to the 10 s of the bar; later
        // trials are past 100 % and draw nothing more
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).isEqualTo("[##------------------] 1s/10s | 1 trial | best 5.00000 (trial 0) | 1.0 trials/s | 9s left");
        assertThat(lines.get(3)).isEqualTo("[########------------] 4s/10s | 4 trials | best 1.00000 (trial 3) | 1.0 trials/s | 6s left");
        assertThat(lines.get(9)).isEqualTo("[####################] 10s/10s | 10 trials | best 1.00000 (trial 3) | 1.0 trials/s");
    }

    @Test
    void onATerminalTheBarOfTimeEndsItsLineWhenTheTimeIsUp() {
        AtomicLong clock = new AtomicLong();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                java.time.Duration.ofSeconds(2), true, () -> clock.addAndGet(1_000_000_000L));
        Studies.builder("tty-timed").create().optimize(trial -> 1.0, OptimizeOptions.trials(2).withCallback(bar));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                "\r[##########----------] 1s/2s | 1 trial | best 1.00000 (trial 0) | 1.0 trials/s | 1s left"
                        + "\r[####################] 2s/2s | 2 trials | best 1.00000 (trial 0) | 1.0 trials/s\n");
    }

    @Test
    void aBarOfTrialsForNoTrialsSaysWhichBarATimeoutTakes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProgressBar.toStderr(0))
                .hasMessage("nTrials must be >= 1, but got 0 (a study bounded by a timeout takes "
                        + "ProgressBar.toStderr(timeout))");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProgressBar.toStderr(java.time.Duration.ZERO))
                .hasMessage("timeout must be positive, but got PT0S");
    }
}
