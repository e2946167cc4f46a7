package nas.pruners;

import static nas.pruners.Scripts.complete;
import static nas.pruners.Scripts.study;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nas.api.FrozenTrial;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.Trial;
import nas.api.TrialState;
import org.junit.jupiter.api.Test;

/** Scripted scenarios for asynchronous successive halving. */
class SuccessiveHalvingPrunerTest {

    /** r = 1, η = 2, s = 0: rung k at step 2^k. */
    private static final SuccessiveHalvingPruner ETA2 = new SuccessiveHalvingPruner(1, 2, 0, 0);

    private static Trial reportAt(Study study, int step, double value) {
        Trial t = study.ask();
        t.report(value, step);
        return t;
    }

    @Test
    void defaultsAreOptunasAndInvalidOptionsAreRefused() {
        assertThat(SuccessiveHalvingPruner.defaults()).isEqualTo(new SuccessiveHalvingPruner(0, 4, 0, 0));
        assertThatThrownBy(() -> ETA2.withMinResource(-1)).hasMessage("minResource must be >= 1 or AUTO (0), but got -1");
        assertThatThrownBy(() -> ETA2.withReductionFactor(1)).hasMessage("reductionFactor must be >= 2, but got 1");
        assertThatThrownBy(() -> ETA2.withMinEarlyStoppingRate(-1))
                .hasMessage("minEarlyStoppingRate must be >= 0, but got -1");
        assertThatThrownBy(() -> ETA2.withBootstrapCount(-1)).hasMessage("bootstrapCount must be >= 0, but got -1");
        assertThatThrownBy(() -> SuccessiveHalvingPruner.defaults().withBootstrapCount(2))
                .hasMessageContaining("bootstrapCount > 0 needs an explicit minResource");
    }

    @Test
    void aTrialIsJudgedOnlyWhenItReachesARung() {
        Study study = study(ETA2);
        Trial t = reportAt(study, 0, 5.0);
        assertThat(t.shouldPrune()).isFalse();
        assertThat(study.storage().trial(t.id()).systemAttrs()).doesNotContainKey("completed_rung_0");
    }

    @Test
    void theFirstTrialAtARungIsPromotedAndLeavesItsValueThere() {
        Study study = study(ETA2);
        Trial t = Scripts.running(study, 5.0, 1.0);
        assertThat(t.shouldPrune()).isFalse();
        assertThat(study.storage().trial(t.id()).systemAttrs()).containsEntry("completed_rung_0", 1.0)
                .doesNotContainKey("completed_rung_1");
        t.report(0.8, 2);
        assertThat(t.shouldPrune()).isFalse();
        assertThat(study.storage().trial(t.id()).systemAttrs()).containsEntry("completed_rung_1", 0.8);
        assertThat(SuccessiveHalvingPruner.currentRung(study.storage().trial(t.id()))).isEqualTo(2);
    }

    @Test
    void onlyTheBestOneOverEtaOfARungArePromoted() {
        Study study = study(ETA2);
        assertThat(reportAt(study, 1, 1.0).shouldPrune()).isFalse();
        // two values at rung 0, η = 2: only the best one goes on
        assertThat(reportAt(study, 1, 2.0).shouldPrune()).isTrue();
        assertThat(reportAt(study, 1, 0.5).shouldPrune()).isFalse();
        // rung 0 now holds {1, 2, 0.5, 1.5} → the best ⌊4/2⌋ = 2 are {0.5, 1}
        assertThat(reportAt(study, 1, 1.5).shouldPrune()).isTrue();
        // {1, 2, 0.5, 1.5, 1} → best ⌊5/2⌋ = 2 are {0.5, 1}: a tie with the cut is kept
        assertThat(reportAt(study, 1, 1.0).shouldPrune()).isFalse();
    }

    @Test
    void maximizingPromotesTheLargestValues() {
        Study study = study(ETA2, StudyDirection.MAXIMIZE);
        assertThat(reportAt(study, 1, 1.0).shouldPrune()).isFalse();
        assertThat(reportAt(study, 1, 2.0).shouldPrune()).isFalse();
        assertThat(reportAt(study, 1, 0.5).shouldPrune()).isTrue();
    }

    @Test
    void prunedAndCompletedTrialsCompeteWithTheirRecordedValues() {
        Study study = study(ETA2);
        Trial a = reportAt(study, 1, 1.0);
        assertThat(a.shouldPrune()).isFalse();
        study.tell(a, TrialState.PRUNED);
        Trial b = reportAt(study, 1, 3.0);
        assertThat(b.shouldPrune()).isTrue();
        study.tell(b, 3.0);
        // rung 0 holds {1, 3}: 2 is not in the best half
        assertThat(reportAt(study, 1, 2.0).shouldPrune()).isTrue();
    }

    @Test
    void aTrialPassingSeveralRungsAtOnceIsJudgedAtEach() {
        Study study = study(ETA2);
        // an earlier trial set a high bar at rung 1 (step 2) only
        Trial bar = study.ask();
        bar.report(0.1, 1);
        assertThat(bar.shouldPrune()).isFalse();
        bar.report(0.1, 2);
        assertThat(bar.shouldPrune()).isFalse();
        // jumps to step 4: rung 0 (step 1) → {0.1, 0.5} prunes at rung 0 already
        Trial jumper = reportAt(study, 4, 0.5);
        assertThat(jumper.shouldPrune()).isTrue();
        assertThat(study.storage().trial(jumper.id()).systemAttrs()).containsKey("completed_rung_0")
                .doesNotContainKey("completed_rung_1");
        // a better jumper is recorded at rungs 0, 1 and 2 and stops before rung 3 (step 8)
        Trial good = reportAt(study, 4, 0.05);
        assertThat(good.shouldPrune()).isFalse();
        assertThat(study.storage().trial(good.id()).systemAttrs()).containsEntry("completed_rung_0", 0.05)
                .containsEntry("completed_rung_1", 0.05).containsEntry("completed_rung_2", 0.05)
                .doesNotContainKey("completed_rung_3");
    }

    @Test
    void theMinEarlyStoppingRateDelaysTheFirstRung() {
        Study study = study(ETA2.withMinEarlyStoppingRate(2)); // rung 0 at step 4
        assertThat(reportAt(study, 1, 1.0).shouldPrune()).isFalse();
        assertThat(reportAt(study, 3, 5.0).shouldPrune()).isFalse();
        assertThat(reportAt(study, 4, 1.0).shouldPrune()).isFalse();
        assertThat(reportAt(study, 4, 5.0).shouldPrune()).isTrue();
    }

    @Test
    void theMinResourceScalesTheRungs() {
        Study study = study(ETA2.withMinResource(10)); // rungs at 10, 20, 40
        assertThat(reportAt(study, 9, 1.0).shouldPrune()).isFalse();
        assertThat(reportAt(study, 10, 1.0).shouldPrune()).isFalse();
        assertThat(reportAt(study, 10, 5.0).shouldPrune()).isTrue();
    }

    @Test
    void bootstrapCountPrunesUntilTheRungHoldsMoreValues() {
        Study study = study(ETA2.withBootstrapCount(2));
        assertThat(reportAt(study, 1, 1.0).shouldPrune()).as("1 value <= 2").isTrue();
        assertThat(reportAt(study, 1, 0.5).shouldPrune()).as("2 values <= 2").isTrue();
        assertThat(reportAt(study, 1, 0.1).shouldPrune()).as("3 values, the best").isFalse();
        assertThat(reportAt(study, 1, 0.7).shouldPrune()).as("4 values, not in the best 2").isTrue();
    }

    @Test
    void aNaNValueAtARungPrunesWithoutBeingRecorded() {
        Study study = study(ETA2);
        Trial early = reportAt(study, 0, Double.NaN);
        assertThat(early.shouldPrune()).as("before the first rung").isFalse();
        Trial t = reportAt(study, 1, Double.NaN);
        assertThat(t.shouldPrune()).isTrue();
        assertThat(study.storage().trial(t.id()).systemAttrs()).doesNotContainKey("completed_rung_0");
        // the judged value is the latest, not the one at the rung's step
        Trial latestNaN = Scripts.running(study, 1.0, 1.0, Double.NaN);
        assertThat(latestNaN.shouldPrune()).isTrue();
    }

    @Test
    void autoMinResourceWaitsForACompletedTrialThenIsFixed() {
        Study study = study(SuccessiveHalvingPruner.defaults());
        Trial t = reportAt(study, 5, 100.0);
        assertThat(t.shouldPrune()).isFalse();
        assertThat(study.systemAttrs()).doesNotContainKey(SuccessiveHalvingPruner.MIN_RESOURCE_KEY);
        double[] curve = new double[450];
        java.util.Arrays.fill(curve, 1.0);
        complete(study, curve); // last step 449 → r = 4
        assertThat(reportAt(study, 3, 9.0).shouldPrune()).as("before rung 0 at step 4").isFalse();
        assertThat(study.systemAttrs()).containsEntry(SuccessiveHalvingPruner.MIN_RESOURCE_KEY, 4L);
        Trial a = reportAt(study, 4, 1.0);
        assertThat(a.shouldPrune()).isFalse();
        // rung 0 holds {1.0, 9.0}; η = 4 → the best one only
        assertThat(reportAt(study, 4, 9.0).shouldPrune()).isTrue();
        // a longer completed trial later does not change the fixed estimate
        double[] longer = new double[1000];
        complete(study, longer);
        reportAt(study, 0, 1.0).shouldPrune();
        assertThat(study.systemAttrs()).containsEntry(SuccessiveHalvingPruner.MIN_RESOURCE_KEY, 4L);
    }

    @Test
    void aTrialThatReportedNothingIsNeverPruned() {
        Study study = study(ETA2.withBootstrapCount(3));
        Trial t = study.ask();
        assertThat(t.shouldPrune()).isFalse();
        assertThat(study.storage().trial(t.id()).systemAttrs()).isEmpty();
    }

    @Test
    void promotabilityKeepsTheBestFloorOfMOverEtaWithAtLeastOne() {
        List<Double> v = List.of(3.0, 1.0, 2.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0);
        assertThat(SuccessiveHalvingPruner.isPromotable(3.0, v, 3, StudyDirection.MINIMIZE)).isTrue();
        assertThat(SuccessiveHalvingPruner.isPromotable(3.5, v, 3, StudyDirection.MINIMIZE)).isFalse();
        assertThat(SuccessiveHalvingPruner.isPromotable(7.0, v, 3, StudyDirection.MAXIMIZE)).isTrue();
        assertThat(SuccessiveHalvingPruner.isPromotable(6.5, v, 3, StudyDirection.MAXIMIZE)).isFalse();
        assertThat(SuccessiveHalvingPruner.isPromotable(1.0, List.of(1.0, 2.0), 4, StudyDirection.MINIMIZE)).isTrue();
        assertThat(SuccessiveHalvingPruner.isPromotable(2.0, List.of(1.0, 2.0), 4, StudyDirection.MINIMIZE)).isFalse();
    }

    @Test
    void completedTrialsKeepTheirRungRecords() {
        Study study = study(ETA2);
        Trial t = Scripts.running(study, 1, 1, 1, 1, 1);
        assertThat(t.shouldPrune()).isFalse();
        FrozenTrial done = study.tell(t, 1.0);
        assertThat(done.systemAttrs()).containsKeys("completed_rung_0", "completed_rung_1", "completed_rung_2")
                .doesNotContainKey("completed_rung_3");
    }
}
