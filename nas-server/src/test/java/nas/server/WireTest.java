package nas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nas.api.FrozenTrial;
import nas.api.TrialState;
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.FloatDistribution;
import org.junit.jupiter.api.Test;

class WireTest {

    private static FrozenTrial trial(int number, Instant start, Instant complete) {
        TreeMap<Integer, Double> steps = new TreeMap<>(Map.of(1, 0.5, 3, Double.NaN));
        return new FrozenTrial(100 + number, number, TrialState.COMPLETE, List.of(number * 1.5), start, complete,
                Map.of("x", 0.25 * number, "c", 1.0), Map.of("x", FloatDistribution.of(-5, 5), "c",
                        new CategoricalDistribution(List.of("a", "b"))), steps, Map.of("k", "v"), Map.of());
    }

    @Test
    void aListOfTrialsSharingDistributionsReadsBackEqualAndWritesEachDistributionOnce() throws Exception {
        List<FrozenTrial> trials = List.of(trial(0, Instant.parse("2026-12-04T17:00:00.123456789Z"),
                Instant.parse("2026-12-04T17:00:01Z")), trial(1, Instant.parse("1969-12-31T23:59:59.999999999Z"), null),
                trial(2, null, null));
        Map<String, Object> sent = Wire.readObject(Wire.write(Wire.trials(trials)));
        assertThat((List<?>) sent.get("distributionTable")).hasSize(2);
        assertThat(Wire.trialList(sent)).containsExactlyElementsOf(trials);
    }

    @Test
    void instantsOutsideTheRangeOfEpochNanosecondsTravelAsText() throws Exception {
        FrozenTrial far = trial(7, Instant.parse("1500-01-01T00:00:00.000000001Z"), Instant.parse("3000-06-01T12:00:00Z"));
        Map<String, Object> sent = Wire.readObject(Wire.write(Wire.trial(far)));
        assertThat(sent.get("start")).isEqualTo("1500-01-01T00:00:00.000000001Z");
        assertThat(Wire.trial(sent)).isEqualTo(far);
    }
}
