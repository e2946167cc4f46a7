package nas.sim.neat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import nas.api.Studies;
import nas.api.Study;
import nas.api.Trial;
import nas.api.sampler.RandomSampler;
import nas.sim.config.LabConfig;
import nas.sim.config.NeuralMode;
import nas.sim.config.SpeciesTargetMode;
import nas.sim.objective.LabSearchSpace;
import org.junit.jupiter.api.Test;

/** The adaptive species target as a tier-2 parameter of the NEAT search space. */
class NeatSearchSpaceTest {

    @Test
    void speciesTargetModeIsSearchedWithItsConditionalParameters() {
        LabSearchSpace space = new LabSearchSpace(NeuralMode.NEAT, Set.of(2));
        Study study = Studies.builder("neat-target").sampler(new RandomSampler(5)).create();
        Set<SpeciesTargetMode> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            Trial trial = study.ask();
            LabConfig c = space.suggest(trial, LabConfig.builder());
            Map<String, Object> params = study.tell(trial, 1.0).params();
            seen.add(c.neatSpeciesTargetMode());
            assertThat(params).containsKey("neat_species_target_mode");
            switch (c.neatSpeciesTargetMode()) {
                case OFF -> assertThat(params).doesNotContainKeys("neat_species_target", "neat_pid_kp");
                case HILL -> assertThat(params).containsKey("neat_species_target").doesNotContainKey("neat_pid_kp");
                case PID -> assertThat(params).containsKeys("neat_species_target", "neat_pid_kp", "neat_pid_ki",
                        "neat_pid_kd").doesNotContainKey("neat_species_epsilon");
                case AUTO -> assertThat(params).containsKeys("neat_pid_kp", "neat_species_epsilon");
                default -> throw new AssertionError(c.neatSpeciesTargetMode());
            }
            if (c.neatSpeciesTargetMode() != SpeciesTargetMode.OFF) {
                assertThat(c.neatSpeciesTarget()).isBetween(3, 30)
                        .isEqualTo(((Number) params.get("neat_species_target")).intValue());
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(SpeciesTargetMode.values());
        assertThat(space.defaults(LabConfig.defaults())).containsEntry("neat_species_target_mode", "off");
    }
}
