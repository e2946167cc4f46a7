package nas.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.Studies;
import nas.api.Study;
import nas.api.Trial;
import nas.api.sampler.RandomSampler;
import nas.samplers.morris.MorrisSampler;
import nas.samplers.morris.MorrisSamplerTest;
import org.junit.jupiter.api.Test;

class PartialFixedSamplerTest {

    @Test
    void fixedParametersKeepTheirValuesAndTheOthersFollowTheDelegate() {
        Study fixed = Studies.builder("f")
                .sampler(new PartialFixedSampler(Map.of("c", 2, "d", "z"), new RandomSampler(3L))).create();
        Study free = Studies.builder("r").sampler(new RandomSampler(3L)).create();
        fixed.optimize(MorrisSamplerTest::objective, 20);
        free.optimize(MorrisSamplerTest::objective, 20);
        for (int i = 0; i < 20; i++) {
            FrozenTrial t = fixed.trials().get(i);
            assertThat(t.params()).containsEntry("c", 2).containsEntry("d", "z");
            assertThat(t.params().get("a")).isEqualTo(free.trials().get(i).params().get("a"));
        }
    }

    @Test
    void fixedParametersLeaveARelativeSamplersSpace() {
        MorrisSampler morris = new MorrisSampler(MorrisSamplerTest.space(), 4, 2, 0, 1L);
        PartialFixedSampler sampler = new PartialFixedSampler(Map.of("a", 0.25), morris);
        Study study = Studies.builder("m").sampler(sampler).create();
        assertThat(sampler.inferRelativeSearchSpace(study, null)).containsOnlyKeys("b", "c", "d");
        study.optimize(MorrisSamplerTest::objective, 4);
        assertThat(study.trials()).allMatch(t -> t.params().get("a").equals(0.25));
    }

    @Test
    void valuesGivenAsTextAreParsedByTheDistribution() {
        Study study = Studies.builder("t")
                .sampler(new PartialFixedSampler(Map.of("a", "0.5", "c", "3", "d", "y"), new RandomSampler(1L))).create();
        study.optimize(MorrisSamplerTest::objective, 3);
        assertThat(study.trials()).allMatch(t -> t.params().get("a").equals(0.5) && t.params().get("c").equals(3)
                && t.params().get("d").equals("y"));
        Study bad = Studies.builder("b")
                .sampler(new PartialFixedSampler(Map.of("d", "w"), new RandomSampler(1L))).create();
        Trial trial = bad.ask();
        assertThatThrownBy(() -> trial.suggestCategorical("d", "x", "y", "z"))
                .hasMessageContaining("'w' is none of the choices [x, y, z]");
    }

    @Test
    void aFixedValueOutsideTheDistributionIsAClearError() {
        Study study = Studies.builder("e").sampler(new PartialFixedSampler(Map.of("c", 9), new RandomSampler(1L))).create();
        Trial trial = study.ask();
        assertThatThrownBy(() -> trial.suggestInt("c", 0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'c'").hasMessageContaining("9");
    }
}
