package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import org.junit.jupiter.api.Test;

/** The Go / No-Go rule on hand-made trials, with the numbers worked out by hand. */
class PilotSummaryTest {

    private final List<FrozenTrial> trials = new ArrayList<>();

    private void add(TrialState state, Double value, Double seedStd, boolean baseline, String failure) {
        add(state, value, seedStd, baseline, failure, "failed: " + failure);
    }

    private void add(TrialState state, Double value, Double seedStd, boolean baseline, String failure,
            String reason) {
        Map<String, Object> user = new LinkedHashMap<>();
        if (seedStd != null) {
            user.put("eval_seed_std", seedStd);
        }
        if (baseline) {
            user.put("baseline", true);
        }
        if (failure != null) {
            user.put("failure", failure);
        }
        trials.add(new FrozenTrial(trials.size(), trials.size(), state, value == null ? List.of() : List.of(value),
                null, null, Map.of(), Map.of(), new TreeMap<>(), user,
                failure == null ? Map.of() : Map.of(FrozenTrial.FAIL_REASON, reason)));
    }

    private PilotSummary summary(StudyDirection direction) {
        return new PilotSummary("s", direction, trials, 0.10, 0.01);
    }

    @Test
    void goWhenTheGainExceedsOnePercentOfTheBaselinePlusTheLargerSeedSpread() {
        add(TrialState.COMPLETE, 2.0, 0.01, true, null);
        for (int i = 0; i < 9; i++) {
            add(TrialState.COMPLETE, 1.96 + i * 0.01, 0.005, false, null);
        }
        // need 0.01 * 2.0 + max(0.01, 0.005) = 0.03; gain 2.0 - 1.96 = 0.04
        PilotSummary.Verdict v = summary(StudyDirection.MINIMIZE).verdict();
        assertThat(v.go()).isTrue();
        assertThat(v.checks().get(1)).startsWith("✔ improvement: 0.0400000 ≥ 0.0300000");
        assertThat(summary(StudyDirection.MINIMIZE).markdown(Map.of())).contains("**GO**")
                .contains("Relative improvement of the best over the baseline: **2.0%**");
    }

    @Test
    void noGoWhenTheGainIsWithinTheSeedSpread() {
        add(TrialState.COMPLETE, 2.0, 0.05, true, null);
        add(TrialState.COMPLETE, 1.96, 0.01, false, null);
        // need 0.02 + 0.05 = 0.07 > gain 0.04
        PilotSummary.Verdict v = summary(StudyDirection.MINIMIZE).verdict();
        assertThat(v.go()).isFalse();
        assertThat(v.checks().get(1)).startsWith("✘ improvement: 0.0400000 < 0.0700000");
    }

    @Test
    void trialsASignalInterruptedAreNotCountedAsTheProgramsFailures() {
        add(TrialState.COMPLETE, 2.0, null, true, null);
        for (int i = 0; i < 8; i++) {
            add(TrialState.COMPLETE, 1.0, null, false, null);
        }
        add(TrialState.FAIL, null, null, false, "time-out");
        add(TrialState.FAIL, null, null, false, "exit-code", "interrupted (program exited with code 130: ...)");
        add(TrialState.FAIL, null, null, false, "start", "interrupted (program not started)");
        // 1 of the 10 not interrupted = 10% <= 10%; counting the two interrupted ones would give 3 of 12 = 25%
        PilotSummary s = summary(StudyDirection.MINIMIZE);
        assertThat(s.verdict().checks().get(0))
                .isEqualTo("✔ failures: 1 of 10 finished trials (10.0%) ≤ 10.0%; 2 interrupted by a signal not counted");
        assertThat(s.verdict().go()).isTrue();
    }

    @Test
    void aStudyWithNoFinishedTrialIsNoGoWithoutAShareOfNothing() {
        PilotSummary empty = summary(StudyDirection.MINIMIZE);
        assertThat(empty.verdict().go()).isFalse();
        assertThat(empty.verdict().checks().get(0))
                .isEqualTo("✘ failures: no finished trial to judge the program's reliability by");
        // only trials a signal interrupted: none counts, and the check says why
        add(TrialState.FAIL, null, null, false, "exit-code", "interrupted (program exited with code 130: ...)");
        assertThat(summary(StudyDirection.MINIMIZE).verdict().checks().get(0)).isEqualTo(
                "✘ failures: no finished trial to judge the program's reliability by; 1 interrupted by a signal not counted");
    }

    @Test
    void noGoWhenMoreThanTenPercentFailAndFailuresAreCountedByKind() {
        add(TrialState.COMPLETE, 2.0, null, true, null);
        for (int i = 0; i < 7; i++) {
            add(TrialState.COMPLETE, 1.0, null, false, null);
        }
        add(TrialState.FAIL, null, null, false, "oom");
        add(TrialState.FAIL, null, null, false, "time-out");
        // 2 of 10 = 20% > 10%, although the gain (1.0 >= 0.02) is plenty
        PilotSummary s = summary(StudyDirection.MINIMIZE);
        assertThat(s.verdict().go()).isFalse();
        assertThat(s.verdict().checks().get(0)).isEqualTo("✘ failures: 2 of 10 finished trials (20.0%) > 10.0%");
        assertThat(s.markdown(Map.of())).contains("| OOM | 1 | 10.0% |").contains("| time-out | 1 | 10.0% |")
                .contains("| NaN | 0 | 0.0% |").contains("**NO-GO**");
    }

    @Test
    void maximizingCountsTheGainUpwardsAndAMissingBaselineIsNoGo() {
        add(TrialState.COMPLETE, 10.0, null, true, null);
        add(TrialState.COMPLETE, 10.5, null, false, null);
        assertThat(summary(StudyDirection.MAXIMIZE).verdict().go()).isTrue(); // 0.5 >= 0.1
        assertThat(summary(StudyDirection.MINIMIZE).verdict().go()).isFalse(); // the baseline is the best
        trials.remove(0);
        assertThat(summary(StudyDirection.MAXIMIZE).verdict().checks())
                .contains("✘ no baseline trial: run the search with --baseline");
    }

    @Test
    void aFailureWithoutAKindIsReadFromItsReason() {
        FrozenTrial stale = new FrozenTrial(0, 0, TrialState.FAIL, List.of(), null, null, Map.of(), Map.of(),
                new TreeMap<>(), Map.of(), Map.of(FrozenTrial.FAIL_REASON, "stale heartbeat"));
        FrozenTrial nan = new FrozenTrial(1, 1, TrialState.FAIL, List.of(), null, null, Map.of(), Map.of(),
                new TreeMap<>(), Map.of(), Map.of(FrozenTrial.FAIL_REASON, "objective returned NaN"));
        FrozenTrial other = new FrozenTrial(2, 2, TrialState.FAIL, List.of(), null, null, Map.of(), Map.of(),
                new TreeMap<>(), Map.of(), Map.of(FrozenTrial.FAIL_REASON, "nanoseconds went wrong"));
        assertThat(PilotSummary.kind(stale)).isEqualTo("interrupted");
        assertThat(PilotSummary.kind(nan)).isEqualTo("nan");
        assertThat(PilotSummary.kind(other)).isEqualTo("other");
    }
}
