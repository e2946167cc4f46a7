package nas.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nas.api.distribution.IntDistribution;
import nas.api.exception.TrialPrunedException;
import nas.api.sampler.RandomSampler;
import org.junit.jupiter.api.Test;

/** What trials hand back: the types suggest returned, and no NaN value for a pruned trial. */
class TrialValuesTest {

    @Test
    void paramsGiveWhatSuggestReturned() {
        Study study = Studies.builder("types").sampler(new RandomSampler(5)).create();
        study.optimize(t -> {
            int n = t.suggestInt("n", 1, 9);
            double x = t.suggestFloat("x", 0, 1);
            String c = t.suggestCategorical("c", "a", "b");
            assertThat(t.params()).containsEntry("n", n).containsEntry("x", x).containsEntry("c", c);
            t.setUserAttr("n", n);
            return n + x;
        }, 5);
        for (FrozenTrial t : study.trials()) {
            assertThat(t.params().get("n")).isInstanceOf(Integer.class)
                    .isEqualTo(((Number) t.userAttrs().get("n")).intValue());
            assertThat(t.param("n")).isInstanceOf(Integer.class);
            assertThat(t.internalParams().get("n")).isEqualTo(((Integer) t.param("n")).doubleValue());
        }
        // a range beyond int keeps Long
        IntDistribution wide = IntDistribution.of(0, 10_000_000_000L);
        assertThat(wide.toExternal(3.0)).isEqualTo(3L);
        assertThat(IntDistribution.of(0, 10).toExternal(3.0)).isEqualTo(3);
    }

    @Test
    void prunedTrialWhoseLastReportWasNaNStoresNoValue() {
        Study study = Studies.builder("nan").create();
        study.optimize(t -> {
            t.report(2.0, 0);
            t.report(Double.NaN, 1);
            throw new TrialPrunedException();
        }, 1);
        FrozenTrial t = study.trials().get(0);
        assertThat(t.state()).isEqualTo(TrialState.PRUNED);
        assertThat(t.values()).isEmpty();
        assertThat(t.intermediateValues()).containsEntry(0, 2.0).containsKey(1);
        assertThat(t.intermediateValues().get(1)).isNaN();
        // as the snapshot tell returns
        Trial u = study.ask();
        u.report(Double.NaN, 0);
        assertThat(study.tell(u, TrialState.PRUNED).values()).isEmpty();
        assertThat(study.trials().get(1).values()).isEmpty();
        Map<Integer, Double> none = study.trials().get(1).intermediateValues();
        assertThat(none).hasSize(1);
    }
}
