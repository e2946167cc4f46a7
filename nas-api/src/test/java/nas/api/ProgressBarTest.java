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
}
