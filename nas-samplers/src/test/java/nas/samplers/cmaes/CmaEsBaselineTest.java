package nas.samplers.cmaes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import org.junit.jupiter.api.Test;

/**
 * A baseline enqueued as a new study's first trial (what {@code nas search --baseline} does) is not a member
 * of any CMA-ES generation: CMA-ES learns its search space from finished trials, so its first generation
 * starts after the baseline, and "2 generations of 4" are the 8 trials after it.
 */
class CmaEsBaselineTest {

    @Test
    void anEnqueuedFirstTrialIsOutsideTheGenerations() {
        Study study = Studies.builder("b")
                .sampler(new CmaEsSampler(CmaEsSampler.Options.defaults().withSeed(3).withPopsize(4))).create();
        study.enqueueTrial(Map.of("x", 0.5, "y", 0.5), Map.of("baseline", true));
        study.optimize(t -> {
            double x = t.suggestFloat("x", -1, 1);
            double y = t.suggestFloat("y", -1, 1);
            return x * x + y * y;
        }, OptimizeOptions.trials(9));
        assertThat(study.trials().stream().map(FrozenTrial::systemAttrs)
                .map(a -> a.getOrDefault(CmaEsSampler.GENERATION_KEY, "-")).toList())
                .containsExactly("-", 0L, 0L, 0L, 0L, 1L, 1L, 1L, 1L);
        assertThat(study.trials().get(0).params()).isEqualTo(Map.of("x", 0.5, "y", 0.5));
    }
}
