package nas.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.sampler.Sampler;
import nas.samplers.grid.GridSampler;
import org.junit.jupiter.api.Test;

class BaselineAwareSamplerTest {

    private static List<Object> choices(Sampler sampler) {
        Study study = Studies.builder("g").sampler(sampler).create();
        study.enqueueTrial(Map.of("c", "a"), Map.of("baseline", true));
        study.optimize(t -> t.suggestCategorical("c", "a", "b", "c").hashCode(), OptimizeOptions.trials(4));
        return study.trials().stream().map(t -> t.param("c")).toList();
    }

    @Test
    void aGridDoesNotCountTheBaselineAsOneOfItsPoints() {
        Map<String, List<Object>> grid = Map.of("c", List.of("a", "b", "c"));
        // the baseline "a", then every grid point, "a" included
        List<Object> chosen = choices(new BaselineAwareSampler(new GridSampler(grid, 1)));
        assertThat(chosen).hasSize(4).first().isEqualTo("a");
        assertThat(chosen.subList(1, 4)).containsExactlyInAnyOrder("a", "b", "c");
    }
}
