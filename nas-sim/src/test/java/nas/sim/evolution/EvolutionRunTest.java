package nas.sim.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import nas.sim.config.LabConfig;
import nas.sim.config.Presets;
import nas.sim.genome.CreatureGenome;
import nas.sim.genome.GenomeJson;
import nas.sim.physics.CreatureSimulator;
import nas.sim.physics.EvaluationResult;
import org.junit.jupiter.api.Test;

class EvolutionRunTest {

    private static RunResult run(LabConfig c, long seed, int gens, int threads) {
        try (PopulationEvaluator ev = new PopulationEvaluator(threads)) {
            return new EvolutionRun(c, ev).run(seed, gens, null);
        }
    }

    private static LabConfig small(String preset, int pop) {
        return Presets.builder(preset).set("population_size", pop).build();
    }

    @Test
    void sameSeedGivesTheSameRunAndThreadCountDoesNotMatter() {
        LabConfig c = small("pure_baseline", 24);
        RunResult one = run(c, 42, 4, 1);
        RunResult again = run(c, 42, 4, 1);
        RunResult four = run(c, 42, 4, 4);
        assertThat(again.generations()).usingRecursiveComparison().ignoringFields("seconds")
                .isEqualTo(one.generations());
        assertThat(four.generations()).usingRecursiveComparison().ignoringFields("seconds")
                .isEqualTo(one.generations());
        assertThat(four.bestFitness()).isEqualTo(one.bestFitness());
        assertThat(four.finalResults()).isEqualTo(one.finalResults());
        RunResult other = run(c, 43, 4, 2);
        assertThat(other.generations().get(0).average()).isNotEqualTo(one.generations().get(0).average());
    }

    @Test
    void hybridRunsAreDeterministicAcrossThreadCountsToo() {
        LabConfig c = small("hybrid_baseline", 16).toBuilder().set("use_proprioception", true)
                .set("selection_method", "tournament").set("use_fitness_sharing", true).build();
        RunResult a = run(c, 7, 3, 1);
        RunResult b = run(c, 7, 3, 3);
        assertThat(b.finalResults()).isEqualTo(a.finalResults());
    }

    @Test
    void speciationSelectionRunsForFixedNetworks() {
        LabConfig c = small("pure_baseline", 20).toBuilder().set("selection_method", "speciation")
                .set("compatibility_threshold", 0.3).build();
        RunResult r = run(c, 5, 3, 2);
        assertThat(r.finalPopulation()).hasSizeGreaterThanOrEqualTo(18);
        assertThat(r.generations()).hasSize(3);
    }

    @Test
    void evolutionImprovesFitnessOnPureBaseline() {
        LabConfig c = small("pure_baseline", 80);
        RunResult r = run(c, 42, 25, Runtime.getRuntime().availableProcessors());
        List<GenerationStats> g = r.generations();
        double firstAvg = g.get(0).average();
        double lateAvg = (g.get(22).average() + g.get(23).average() + g.get(24).average()) / 3;
        assertThat(lateAvg).isGreaterThan(2 * firstAvg + 5);
        assertThat(r.bestFitness()).isGreaterThan(g.get(0).best());
        // best-ever is monotone and equals the maximum of the per-generation bests
        double max = g.stream().mapToDouble(GenerationStats::best).max().orElseThrow();
        assertThat(r.bestFitness()).isEqualTo(max);
        for (int i = 1; i < g.size(); i++) {
            assertThat(g.get(i).bestEver()).isGreaterThanOrEqualTo(g.get(i - 1).bestEver());
            assertThat(g.get(i).worst()).isLessThanOrEqualTo(g.get(i).median());
            assertThat(g.get(i).median()).isLessThanOrEqualTo(g.get(i).best());
        }
    }

    @Test
    void theStoredBestGenomeReSimulatesToItsFitnessExactlyThroughJson() {
        LabConfig c = small("pure_optimal", 30);
        RunResult r = run(c, 123, 5, 2);
        GenomeJson codec = GenomeJson.standard();
        String json = codec.toJson(r.bestGenome());
        CreatureGenome back = codec.fromJson(json);
        assertThat(codec.toJson(back)).isEqualTo(json);
        EvaluationResult again = PopulationEvaluator.evaluate(new CreatureSimulator(), back, c, r.bestPelletSeed());
        assertThat(again.fitness()).isEqualTo(r.bestFitness());
        // the stored seed is the pellet stream of one creature of the best generation
        assertThat(indexOf(r, c)).isNotNegative();
    }

    private static int indexOf(RunResult r, LabConfig c) {
        for (int i = 0; i < c.populationSize(); i++) {
            if (EvolutionRun.pelletSeed(123, r.bestGeneration(), i) == r.bestPelletSeed()) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void earlyStopAfterTheStagnationLimit() {
        StagnationMonitor m = new StagnationMonitor(3);
        assertThat(m.record(10, 5)).isFalse();
        assertThat(m.record(10.4, 5.2)).isFalse(); // below +5 %
        assertThat(m.record(10.6, 5.2)).isFalse(); // +6 % over 10 resets
        StagnationMonitor s = new StagnationMonitor(2);
        s.record(10, 5);
        assertThat(s.record(10, 5)).isFalse();
        assertThat(s.record(10.6, 5)).isFalse(); // best +6 % resets
        assertThat(s.record(10.6, 5)).isFalse();
        assertThat(s.record(10.6, 5)).isTrue();
        LabConfig c = small("pure_baseline", 10).toBuilder().set("stagnation_limit", 1).set("mutation_rate", 0.0)
                .set("weight_mutation_rate", 0.0).set("structural_rate", 0.0).build();
        RunResult r = run(c, 1, 30, 1);
        assertThat(r.stoppedEarly()).isTrue();
        assertThat(r.generations().size()).isLessThan(30);
    }

    @Test
    void neatModeRunsWithNeatBrains() {
        RunResult r = run(small("neat_baseline", 10), 1, 2, 1);
        assertThat(r.bestGenome().brain()).isInstanceOf(nas.sim.neat.NeatBrain.class);
    }

    @Test
    void seedsFollowTheReferenceList() {
        assertThat(EvolutionRun.seeds(3)).containsExactly(42, 123, 456);
        assertThat(EvolutionRun.seeds(6)).containsExactly(42, 123, 456, 789, 1337, 1342);
        // at most Limits.MAX_SEEDS: the 1,000th is 1337 + 999
        assertThat(EvolutionRun.seeds(1000)).hasSize(1000).endsWith(2336L);
        assertThatThrownBy(() -> EvolutionRun.seeds(1001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("seeds must be at most 1000, but got 1001");
        assertThatThrownBy(() -> EvolutionRun.seeds(Integer.MAX_VALUE)).hasMessage("seeds must be at most 1000, but got "
                + Integer.MAX_VALUE);
        assertThat(Streams.derive(42, 1, 2)).isNotEqualTo(Streams.derive(42, 2, 1));
        // the key path as recorded runs were made (computed outside Java from the formula)
        assertThat(Streams.derive(42, 1, 2)).isEqualTo(3552818788207023949L);
        assertThat(new SplittableRandom(Streams.derive(1, 0)).nextLong())
                .isEqualTo(Streams.random(1, 0).nextLong());
    }
}
