package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.Studies;
import nas.api.Study;
import nas.api.TrialState;
import nas.api.distribution.FloatDistribution;
import org.junit.jupiter.api.Test;

class TrialRecordsTest {

    @Test
    void constraintsGetOneColumnEach() {
        Study study = Studies.builder().create();
        var d = Map.<String, nas.api.distribution.Distribution>of("x", FloatDistribution.of(0, 1));
        study.addTrial(FrozenTrial.of(TrialState.COMPLETE, List.of(1.0), Map.of("x", 0.5), d).withConstraints(0.25, -1));
        study.addTrial(FrozenTrial.of(TrialState.COMPLETE, List.of(2.0), Map.of("x", 0.5), d));
        List<FrozenTrial> trials = study.trials();
        List<String> columns = TrialRecords.columns(trials, 1);
        assertThat(columns).containsSubsequence("last_step", "constraints_0", "constraints_1", "params_x");
        assertThat(TrialRecords.record(trials.get(0), columns))
                .containsEntry("constraints_0", 0.25).containsEntry("constraints_1", -1.0);
        assertThat(TrialRecords.record(trials.get(1), columns))
                .containsEntry("constraints_0", null).containsEntry("constraints_1", null);
        // no constraints anywhere: no such columns
        assertThat(TrialRecords.columns(List.of(trials.get(1)), 1)).noneMatch(c -> c.startsWith("constraints_"));
    }
}
