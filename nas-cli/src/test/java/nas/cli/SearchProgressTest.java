package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import nas.api.FrozenTrial;
import nas.api.Studies;
import nas.api.Study;
import org.junit.jupiter.api.Test;

class SearchProgressTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theEtaOfTheProgressLineUsesTheRecentRate() {
        // 20,000 trials: the first 5,000 at 1,000/s, then 100/s; at 6,000 done, 14,000 are left at 100/s = 140 s
        Study study = Studies.builder("eta").create();
        FrozenTrial trial = FrozenTrial.of(nas.api.TrialState.COMPLETE, java.util.List.of(1.0), java.util.Map.of(), java.util.Map.of());
        AtomicLong clock = new AtomicLong();
        StringWriter text = new StringWriter();
        SearchProgress progress = new SearchProgress(new PrintWriter(text), study, 20_000, null, false, clock::get);
        for (int i = 1; i <= 6000; i++) {
            clock.addAndGet(i <= 5000 ? SECOND / 1000 : SECOND / 100);
            progress.afterTrial(study, trial);
        }
        String last = text.toString().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).contains("100.0 trials/s").contains("ETA 2m2");
    }
}
