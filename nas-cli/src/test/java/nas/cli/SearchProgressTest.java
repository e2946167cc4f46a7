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

    @Test
    void aRunningTrialsReportedStepsAreShownOnTheTerminalLineWithoutWaitingForTheTrial() throws Exception {
        Study study = Studies.builder("steps").create();
        AtomicLong clock = new AtomicLong();
        StringWriter text = new StringWriter();
        SearchProgress progress = new SearchProgress(new PrintWriter(text), study, 5, null, true, clock::get);
        progress.steps(new nas.api.objective.TrialSteps("generation", 30));
        java.util.List<String> seen = new java.util.ArrayList<>();
        // a generation every half second: redrawn every other one
        runReportingTrials(study, progress, 1, 30, SECOND / 2, clock, () -> seen.add(text.toString()));
        // the line was redrawn inside the trial, in place, with the generations done of 30
        assertThat(seen.get(0)).isEmpty();
        // 2/30 of a trial in 1 s: 0.067 trials/s, (5 - 2/30) / (2/30) = 74 s left; at the end 1 trial in 15 s, 60 s left
        assertThat(seen.get(1)).isEqualTo(
                "\r[steps] 0/5 trials | trial 0: generation 2/30 | 0.1 trials/s | ETA 1m14s\033[K");
        assertThat(seen.get(29)).endsWith(
                "\r[steps] 0/5 trials | trial 0: generation 30/30 | 0.1 trials/s | ETA 1m00s\033[K");
        assertThat(seen.get(29).split("\r", -1)).hasSize(16); // 15 redraws in 15 s, no new line
        assertThat(seen.get(29)).doesNotContain("\n");
    }

    @Test
    void theEtaCountsTheRunningTrialsDoneGenerationsSoItStaysSteadyDuringALongTrial() throws Exception {
        // 4 trials of 30 generations, a generation a second, one at a time: 120 s in all. Every line's ETA is the
        // time really left, 120 - t: the work done is the finished trials plus the running one's generations done
        // (k/30 of it), at 1/30 trial/s. From the finished trials alone it grew during trial 1: 93 s, 96 s, ... 180 s
        Study study = Studies.builder("steady").create();
        AtomicLong clock = new AtomicLong();
        StringWriter text = new StringWriter();
        SearchProgress progress = new SearchProgress(new PrintWriter(text), study, 4, null, true, clock::get);
        progress.steps(new nas.api.objective.TrialSteps("generation", 30));
        runReportingTrials(study, progress, 2, 30, SECOND, clock, () -> { });
        java.util.List<String> lines = java.util.Arrays.stream(text.toString().split("\r")).filter(l -> !l.isEmpty())
                .toList();
        // a line a second for 60 s, line i at t = i + 1 s: trial 0's generations 1..30, trial 1's 1..30 (a trial's
        // finish comes 0 s after its last generation's line: no line of its own)
        assertThat(lines).hasSize(60);
        assertThat(lines.get(0)).startsWith("[steady] 0/4 trials | trial 0: generation 1/30 |").endsWith(" | ETA 1m59s\033[K");
        assertThat(lines.get(30)).isEqualTo(
                "[steady] 1/4 trials | best 1 (trial 0) | trial 1: generation 1/30 | 0.0 trials/s | ETA 1m29s\033[K");
        java.util.regex.Pattern eta = java.util.regex.Pattern.compile("ETA (\\d+)m(\\d+)s");
        for (int i = 0; i < lines.size(); i++) {
            java.util.regex.Matcher m = eta.matcher(lines.get(i));
            assertThat(m.find()).as(lines.get(i)).isTrue();
            int t = i + 1;
            assertThat(Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2))).as(lines.get(i))
                    .isEqualTo(120 - t);
        }
    }

    @Test
    void inALogARunningTrialsStepsAddALineAtMostOnceAMinute() throws Exception {
        Study study = Studies.builder("log").create();
        AtomicLong clock = new AtomicLong();
        StringWriter text = new StringWriter();
        SearchProgress progress = new SearchProgress(new PrintWriter(text), study, 5, null, false, clock::get);
        runReportingTrials(study, progress, 2, 300, SECOND, clock, () -> { }); // 300 steps in 5 minutes each
        // 10 minutes of two trials: a line a minute (no step total known: "step N"), none for the reports between
        java.util.List<String> lines = text.toString().lines().toList();
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).isEqualTo("[log] 0/5 trials | trial 0: step 59 | 0.0 trials/s");
        assertThat(lines.get(4)).isEqualTo("[log] 0/5 trials | trial 0: step 299 | 0.0 trials/s");
        // the trial finished 0 s after the last line: no line for it (5 s apart at least), then trial 1's steps
        assertThat(lines.get(5)).startsWith("[log] 1/5 trials | best 1 (trial 0) | trial 1: step 59 |");
    }

    /**
     * Runs {@code trials} trials one at a time, each reporting steps 0 to {@code steps} - 1, {@code stepNanos} apart
     * on the fake {@code clock}; after each step the progress looks at the running trials ({@link SearchProgress#tick})
     * and then {@code afterStep} runs.
     */
    private static void runReportingTrials(Study study, SearchProgress progress, int trials, int steps, long stepNanos,
            AtomicLong clock, Runnable afterStep) {
        nas.api.MultiObjective objective = progress.track(trial -> {
            for (int step = 0; step < steps; step++) {
                trial.report(step, step);
                clock.addAndGet(stepNanos);
                progress.tick();
                afterStep.run();
            }
            return new double[] {1.0};
        });
        try {
            study.optimizeMulti(objective, new nas.api.OptimizeOptions(trials, null, 1, java.util.List.of(progress),
                    java.util.List.of()));
        } finally {
            progress.close();
        }
    }
}
