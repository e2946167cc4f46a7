package nas.sim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabConfigTest {

    @Test
    void defaultsAreTheReferenceBaseConfig() {
        LabConfig c = LabConfig.defaults();
        assertThat(c.timeStep()).isEqualTo(1.0 / 30);
        assertThat(c.simulationDuration()).isEqualTo(30.0);
        assertThat(c.numSteps()).isEqualTo(900);
        assertThat(c.neuralUpdateInterval()).isEqualTo(3);
        assertThat(c.outputSmoothingAlpha()).isEqualTo(0.15);
        assertThat(c.fitnessPelletPoints() + c.fitnessProgressMax()).isEqualTo(100.0);
        assertThat(c.selectionMethod()).isEqualTo(SelectionMethod.RANK);
        assertThat(c.weightMutationRate()).isEqualTo(0.8);
        assertThat(c.structuralRate()).isEqualTo(0.1);
        assertThat(c.compatHiddenOutputScramble()).isFalse();
        assertThat(c.stagnationLimit()).isEqualTo(50);
    }

    @Test
    void setParsesStringsToTheKeysType() {
        LabConfig c = LabConfig.builder().parse("mutation_rate=0.42").parse("selection_method=tournament")
                .parse("use_crossover=false").parse("neural_hidden_size=12").build();
        assertThat(c.mutationRate()).isEqualTo(0.42);
        assertThat(c.selectionMethod()).isEqualTo(SelectionMethod.TOURNAMENT);
        assertThat(c.useCrossover()).isFalse();
        assertThat(c.neuralHiddenSize()).isEqualTo(12);
        assertThat(c.toBuilder().build()).isEqualTo(c);
        Map<String, Object> m = c.toMap();
        assertThat(m).containsEntry("selection_method", "tournament").containsEntry("neural_hidden_size", 12);
        assertThat(LabConfig.builder().setAll(m).build()).isEqualTo(c);
    }

    @Test
    void badValuesAreRejectedWithTheRuleAndTheValue() {
        assertThatThrownBy(() -> LabConfig.builder().set("nope", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown config key 'nope'; known keys: [time_step, ");
        // a typo names the key it most likely meant instead of all eighty
        assertThatThrownBy(() -> LabConfig.builder().set("mutaton_rate", 0.4))
                .hasMessage("unknown config key 'mutaton_rate'; did you mean 'mutation_rate'?");
        assertThatThrownBy(() -> LabConfig.builder().set("populationsize", 10))
                .hasMessage("unknown config key 'populationsize'; did you mean 'population_size'?");
        assertThat(LabConfig.nearestKey("neural_hidden_sise")).isEqualTo("neural_hidden_size");
        assertThat(LabConfig.nearestKey("colour")).isNull();
        assertThatThrownBy(() -> LabConfig.builder().set("neural_hidden_size", 2.5).build())
                .hasMessageContaining("must be an integer, got 2.5");
        assertThatThrownBy(() -> LabConfig.builder().set("cull_percentage", 1.0).build())
                .hasMessage("cull_percentage must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> LabConfig.builder().set("max_nodes", 2).build())
                .hasMessageContaining("max_nodes must be >= min_nodes");
        assertThatThrownBy(() -> LabConfig.builder().set("selection_method", "roulette").build())
                .hasMessageContaining("SelectionMethod must be one of [truncation, tournament, rank, speciation]");
        assertThatThrownBy(() -> LabConfig.builder().set("max_muscles", 21).build())
                .hasMessageContaining("max_muscles must be in [1, 20], got 21");
    }

    @Test
    void physicsStepsPerCreatureAreBounded() {
        // 3,000 s at 1/30 s: exactly 90,000 steps, allowed; 1e9 s would be 3e10 steps, past what an int counts
        assertThat(LabConfig.builder().set("simulation_duration", 3000.0).build().numSteps()).isEqualTo(90_000);
        assertThatThrownBy(() -> LabConfig.builder().set("simulation_duration", 1e9).build())
                .hasMessage("simulation_duration / time_step must be at most 100000 physics steps per creature, but "
                        + "1.0E9 / 0.03333333333333333 gives 30000000000");
        assertThatThrownBy(() -> LabConfig.builder().set("time_step", 1e-6).build())
                .hasMessageContaining("gives 30000000");
    }

    @Test
    void presetsOverrideTheDefaults() {
        assertThat(Presets.names()).contains("pure_baseline", "pure_optimal", "hybrid_baseline", "neat_baseline",
                "nas_optimal", "nas_balanced", "select_tournament");
        for (String name : Presets.names()) {
            assertThat(Presets.get(name)).isNotNull();
        }
        LabConfig p = Presets.get("pure_optimal");
        assertThat(p.useCrossover()).isFalse();
        assertThat(p.cullPercentage()).isEqualTo(0.78);
        assertThat(p.proprioceptionInputs()).isEqualTo(ProprioceptionInputs.ALL);
        assertThat(Presets.get("hybrid_baseline").timeEncoding()).isEqualTo(TimeEncoding.CYCLIC);
        LabConfig neat = Presets.get("neat_baseline");
        assertThat(neat.effectiveSelectionMethod()).isEqualTo(SelectionMethod.SPECIATION);
        LabConfig neatSharing = neat.toBuilder().set("use_fitness_sharing", true).set("selection_method", "rank").build();
        assertThat(neatSharing.effectiveFitnessSharing()).isFalse();
        assertThat(neatSharing.effectiveSelectionMethod()).isEqualTo(SelectionMethod.SPECIATION);
        assertThatThrownBy(() -> Presets.get("nope")).hasMessageContaining("unknown config 'nope'");
    }
}
