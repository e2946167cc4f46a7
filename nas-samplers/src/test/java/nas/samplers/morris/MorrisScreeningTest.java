package nas.samplers.morris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import nas.api.Studies;
import nas.api.Study;
import nas.api.distribution.Distribution;
import nas.api.sampler.RandomSampler;
import nas.api.storage.InMemoryStorage;
import nas.api.storage.Storage;
import org.junit.jupiter.api.Test;
import nas.api.testing.LogCapture;
import java.util.logging.Level;

class MorrisScreeningTest {

    static final Map<String, Object> DEFAULTS = Map.of("a", 0.5, "b", 0.1, "c", 1L, "d", "y");

    @Test
    void aNewStudyRunsTheDefaultsOnceAndLearnsTheSpace() {
        Storage storage = new InMemoryStorage();
        Study probe = Studies.builder("s").storage(storage).sampler(new RandomSampler(1L)).create();
        Map<String, Distribution> space = MorrisScreening.space(probe,
                t -> new double[] {MorrisSamplerTest.objective(t)}, DEFAULTS);
        assertThat(space).isEqualTo(MorrisSamplerTest.space());
        assertThat(probe.trials()).hasSize(1);
        assertThat(probe.trials().get(0).params()).containsEntry("a", 0.5).containsEntry("c", 1).containsEntry("d", "y");
        assertThat(probe.trials().get(0).userAttrs()).containsEntry(MorrisScreening.BASELINE_ATTR, true);

        // Run half of the design, then resume: the space comes back from the stored design.
        MorrisSampler sampler = new MorrisSampler(space, 4, 3, 0, 2L);
        Study screen = Studies.builder("s").storage(storage).sampler(sampler).load();
        screen.optimize(MorrisSamplerTest::objective, 7);
        Study again = Studies.builder("s").storage(storage).sampler(new RandomSampler(1L)).load();
        assertThat(MorrisScreening.space(again, t -> new double[] {0}, Map.of())).isEqualTo(space);
        assertThat(again.trials()).hasSize(8);
        assertThat(sampler.remaining(again)).isEqualTo(15 - 7);
    }

    @Test
    void anObjectiveThatSuggestsNothingIsAClearError() {
        Study study = Studies.builder("e").create();
        try (LogCapture log = LogCapture.start()) {
            assertThatThrownBy(() -> MorrisScreening.space(study, t -> {
                throw new IllegalStateException("no simulator");
            }, Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no simulator");
            assertThat(log.messages(Level.WARNING))
                    .containsExactly("trial 0 of study 'e' failed: java.lang.IllegalStateException: no simulator");
        }
    }
}
