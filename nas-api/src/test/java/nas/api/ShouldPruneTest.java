package nas.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nas.api.pruner.Pruner;
import org.junit.jupiter.api.Test;

class ShouldPruneTest {

    /** Counts its calls per trial in a trial system attribute, and prunes on the third call. */
    private static final class CountingPruner implements Pruner {
        final List<Object> seen = new ArrayList<>();

        @Override
        public boolean prune(StudyView study, FrozenTrial trial) {
            Object previous = trial.systemAttrs().get("calls");
            seen.add(previous);
            int calls = previous == null ? 1 : ((Number) previous).intValue() + 1;
            study.setTrialSystemAttr(trial.id(), "calls", calls);
            return calls >= 3;
        }
    }

    @Test
    void thePrunerSeesTheTrialSystemAttributesItWroteEarlier() {
        CountingPruner pruner = new CountingPruner();
        Study study = Studies.builder("p").pruner(pruner).create();
        Trial trial = study.ask();
        trial.report(1.0, 0);
        assertThat(trial.shouldPrune()).isFalse();
        trial.report(2.0, 1);
        assertThat(trial.shouldPrune()).isFalse();
        assertThat(trial.shouldPrune()).isTrue();
        assertThat(pruner.seen).containsExactly(null, 1L, 2L);
        assertThat(trial.systemAttrs()).as("what the pruner wrote last").containsEntry("calls", 3L);
        FrozenTrial pruned = study.tell(trial, TrialState.PRUNED);
        assertThat(pruned.systemAttrs()).containsEntry("calls", 3L);
        assertThat(study.storage().trial(trial.id()).systemAttrs()).containsEntry("calls", 3L);
        assertThat(pruned.values()).containsExactly(2.0);
    }
}
