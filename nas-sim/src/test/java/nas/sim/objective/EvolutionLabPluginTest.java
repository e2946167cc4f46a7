package nas.sim.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.objective.ObjectiveDefinition;
import nas.api.objective.ObjectiveOptions;
import nas.api.objective.ObjectivePlugins;
import nas.api.sampler.RandomSampler;
import nas.sim.config.LabConfig;
import nas.sim.evolution.PopulationEvaluator;
import nas.sim.genome.CreatureGenome;
import nas.sim.genome.GenomeJson;
import nas.sim.physics.CreatureSimulator;
import nas.sim.physics.EvaluationResult;
import org.junit.jupiter.api.Test;

class EvolutionLabPluginTest {

    private static ObjectiveDefinition create(Map<String, String> options) {
        return ObjectivePlugins.find("evolution-lab").create(new ObjectiveOptions(options));
    }

    @Test
    void singleObjectiveTrialReportsEveryGenerationAndStoresAReproducibleBestGenome() {
        ObjectiveDefinition def = create(Map.of("generations", "4", "population-size", "16", "seeds", "2"));
        assertThat(def.directions()).containsExactly(StudyDirection.MAXIMIZE);
        Study study = Studies.builder("lab").directions(def.directions()).sampler(new RandomSampler(3)).create();
        study.optimizeMulti(def.function(), OptimizeOptions.trials(2));
        for (FrozenTrial t : study.trials()) {
            assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(t.intermediateValues()).containsOnlyKeys(0, 1, 2, 3);
            // what nas search's progress line counts: steps 0..3 are generations 1..4 of 4
            assertThat(new EvolutionLabPlugin().trialSteps(new ObjectiveOptions(Map.of("generations", "4"))))
                    .contains(new nas.api.objective.TrialSteps("generation", 4));
            @SuppressWarnings("unchecked")
            List<Double> best = (List<Double>) t.userAttrs().get("best_fitness_per_seed");
            assertThat(t.value()).isCloseTo((best.get(0) + best.get(1)) / 2, within(1e-12));
            assertThat(t.intermediateValues().get(3)).isEqualTo(t.value());
            // intermediate values never decrease: best-ever is monotone
            assertThat(t.intermediateValues().get(1)).isGreaterThanOrEqualTo(t.intermediateValues().get(0));
            assertThat(t.params()).containsKeys("cull_percentage", "selection_method", "max_nodes", "neural_hidden_size");

            // re-simulate the stored genome with the trial's configuration: same fitness, bit for bit
            LabConfig config = configOf(t);
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) t.userAttrs().get("best_genome");
            CreatureGenome genome = GenomeJson.standard().fromMap(json);
            long pelletSeed = Long.parseLong((String) t.userAttrs().get("best_genome_pellet_seed"));
            EvaluationResult r = PopulationEvaluator.evaluate(new CreatureSimulator(), genome, config, pelletSeed);
            assertThat(r.fitness()).isEqualTo(((Number) t.userAttrs().get("best_genome_fitness")).doubleValue());
        }
    }

    /** Rebuilds the trial's configuration the way the plugin does (pure_baseline + params + population). */
    private static LabConfig configOf(FrozenTrial t) {
        LabConfig.Builder b = nas.sim.config.Presets.builder("pure_baseline").set("population_size", 16);
        t.params().forEach(b::set);
        return b.build();
    }

    @Test
    void sameStudySeedGivesTheSameValues() {
        ObjectiveDefinition def = create(Map.of("generations", "2", "population-size", "12", "seeds", "1",
                "threads", "2"));
        Study a = Studies.builder("a").directions(def.directions()).sampler(new RandomSampler(5)).create();
        a.optimizeMulti(def.function(), OptimizeOptions.trials(2));
        ObjectiveDefinition single = create(Map.of("generations", "2", "population-size", "12", "seeds", "1",
                "threads", "1"));
        Study b = Studies.builder("b").directions(single.directions()).sampler(new RandomSampler(5)).create();
        b.optimizeMulti(single.function(), OptimizeOptions.trials(2));
        assertThat(b.trials().stream().map(FrozenTrial::value).toList())
                .isEqualTo(a.trials().stream().map(FrozenTrial::value).toList());
    }

    @Test
    void prunedAtAnEarlyGeneration() {
        ObjectiveDefinition def = create(Map.of("generations", "30", "population-size", "10", "seeds", "1"));
        Study study = Studies.builder("p").directions(def.directions()).sampler(new RandomSampler(1))
                .pruner((s, t) -> t.lastStep() >= 2).create();
        study.optimizeMulti(def.function(), OptimizeOptions.trials(1));
        FrozenTrial t = study.trials().get(0);
        assertThat(t.state()).isEqualTo(TrialState.PRUNED);
        assertThat(t.intermediateValues()).containsOnlyKeys(0, 1, 2);
    }

    @Test
    void twoObjectivesAddBehaviouralDiversity() {
        ObjectiveDefinition def = create(Map.of("generations", "2", "population-size", "12", "seeds", "1",
                "objectives", "fitness,diversity", "mode", "hybrid", "tiers", "1,3"));
        assertThat(def.objectiveNames()).containsExactly("fitness", "diversity");
        Study study = Studies.builder("mo").directions(def.directions()).sampler(new RandomSampler(2)).create();
        study.optimizeMulti(def.function(), OptimizeOptions.trials(1));
        FrozenTrial t = study.trials().get(0);
        assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(t.values().get(1)).isPositive();
        assertThat(t.params()).doesNotContainKeys("neural_hidden_size", "use_fitness_sharing");
    }

    @Test
    void neatSearchSpaceEnforcesSpeciation() {
        ObjectiveDefinition def = create(Map.of("mode", "neat"));
        assertThat(def.parameterDefaults()).containsEntry("selection_method", "speciation");
        LabSearchSpace space = new LabSearchSpace(nas.sim.config.NeuralMode.NEAT, java.util.Set.of(1, 2, 3, 4));
        Study study = Studies.builder("n").sampler(new RandomSampler(4)).create();
        LabConfig c = space.suggest(study.ask(), LabConfig.builder().set("use_fitness_sharing", true));
        assertThat(c.selectionMethod()).isEqualTo(nas.sim.config.SelectionMethod.SPECIATION);
        assertThat(c.useFitnessSharing()).isFalse();
    }

    @Test
    void populationSizeCanBeSearched() {
        LabSearchSpace space = new LabSearchSpace(nas.sim.config.NeuralMode.PURE, java.util.Set.of(1), true);
        Study study = Studies.builder("pop").sampler(new RandomSampler(6)).create();
        nas.api.Trial t = study.ask();
        LabConfig c = space.suggest(t, LabConfig.builder());
        assertThat(c.populationSize()).isBetween(100, 1000);
        assertThat(((Number) t.params().get("population_size")).intValue()).isEqualTo(c.populationSize());
        assertThat(create(Map.of("population-size", "search")).parameterDefaults()).containsKey("population_size");
    }

    @Test
    void badOptionsAreRejected() {
        assertThatThrownBy(() -> create(Map.of("generation", "3"))).hasMessageContaining("does not take option(s) [generation]");
        assertThatThrownBy(() -> create(Map.of("objectives", "speed"))).hasMessageContaining("'fitness,diversity'");
        assertThatThrownBy(() -> create(Map.of("tiers", "1,5"))).hasMessageContaining("tiers are 1..4, got 5");
        assertThatThrownBy(() -> create(Map.of("mode", "fast"))).hasMessageContaining("NeuralMode must be one of");
    }

    @Test
    void diversityIsTheMeanPairwiseBehaviourDistance() {
        EvaluationResult a = new EvaluationResult(10, 0, false, 0, 0, 1);
        EvaluationResult b = new EvaluationResult(10, 0, false, 3, 4, 1);
        EvaluationResult c = new EvaluationResult(150, 1, false, 0, 0, 1);
        EvaluationResult dq = new EvaluationResult(0, 0, true, 100, 100, 1);
        assertThat(BehaviouralDiversity.of(List.of(a, b))).isEqualTo(5.0);
        // pairs: ab 5, ac 1, bc sqrt(26)
        assertThat(BehaviouralDiversity.of(List.of(a, b, c, dq))).isCloseTo((5 + 1 + Math.sqrt(26)) / 3, within(1e-12));
        assertThat(BehaviouralDiversity.of(List.of(a, a, a))).isZero();
        assertThat(BehaviouralDiversity.of(List.of(a))).isZero();
    }
}
