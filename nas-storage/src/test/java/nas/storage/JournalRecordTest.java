package nas.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nas.api.FrozenTrial;
import nas.api.TrialState;
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.distribution.IntDistribution;
import org.junit.jupiter.api.Test;

/** A journal line gives back the trial it was written from, field for field. */
class JournalRecordTest {

    @Test
    void aTrialSurvivesTheRoundTrip() {
        Map<String, Double> params = new LinkedHashMap<>();
        Map<String, Distribution> distributions = new LinkedHashMap<>();
        params.put("lr", Math.log(3e-4));
        distributions.put("lr", new FloatDistribution(1e-5, 1e-1, true, 0));
        params.put("layers", 3.0);
        distributions.put("layers", new IntDistribution(1, 8, false, 1));
        params.put("act", 1.0);
        distributions.put("act", new CategoricalDistribution(List.of("relu", "tanh", 0.5, true)));
        TreeMap<Integer, Double> intermediate = new TreeMap<>(Map.of(0, 0.9, 1, Double.NaN, 7, 1.0 / 3));
        FrozenTrial trial = new FrozenTrial(41, 17, TrialState.COMPLETE, List.of(0.125, -2.5e-300),
                Instant.parse("2026-11-23T18:00:00.123456789Z"), Instant.parse("2026-11-23T18:00:01Z"), params,
                distributions, intermediate, Map.of("note", "a \"quoted\"\nline", "n", 3L),
                Map.of("nested", Map.of("x", List.of(1L, 2.5, "y")), "flag", true));

        JournalRecord back = JournalRecord.parse(new JournalRecord(5, trial).toLine());

        assertThat(back.studyId()).isEqualTo(5);
        assertThat(back.trial()).isEqualTo(trial);
        assertThat(back.trial().internalParams().keySet()).containsExactly("lr", "layers", "act");
        assertThat(back.trial().intermediateValues().get(1)).isNaN();
    }

    @Test
    void aFailedTrialWithoutValuesOrStartSurvivesTheRoundTrip() {
        FrozenTrial trial = new FrozenTrial(2, 0, TrialState.FAIL, List.of(), null, Instant.parse("2026-01-01T00:00:00Z"),
                Map.of(), Map.of(), new TreeMap<>(), Map.of(), Map.of(FrozenTrial.FAIL_REASON, "objective threw"));
        String line = new JournalRecord(1, trial).toLine();
        assertThat(line).doesNotContain("\n");
        assertThat(JournalRecord.parse(line).trial()).isEqualTo(trial);
    }
}
