package nas.sim.neat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import nas.neat.ConnectionGene;
import nas.neat.NeatGenome;
import nas.neat.NeatTestGenomes;
import nas.neat.NeuronGene;
import nas.neat.Speciation;
import nas.sim.config.LabConfig;
import nas.sim.config.Presets;
import nas.sim.evolution.EvolutionRun;
import nas.sim.evolution.GenerationStats;
import nas.sim.evolution.PopulationEvaluator;
import nas.sim.evolution.RunResult;
import nas.sim.genome.CreatureGenome;
import nas.sim.genome.GenomeJson;
import nas.sim.physics.CreatureSimulator;
import nas.sim.physics.EvaluationResult;
import org.junit.jupiter.api.Test;

/** NEAT mode through the simulator's evolution run. */
class NeatEvolutionTest {

    private static LabConfig small(String preset) {
        return Presets.builder(preset).set("population_size", 40).set("simulation_duration", 6.0).build();
    }

    private static RunResult run(LabConfig config, int threads, long seed, int generations) {
        try (PopulationEvaluator evaluator = new PopulationEvaluator(threads)) {
            return new EvolutionRun(config, evaluator).run(seed, generations, null);
        }
    }

    @Test
    void everyNeatPresetRunsAndStaysFeedForward() {
        for (String preset : List.of("neat_baseline", "neat_sparse", "neat_minimal", "neat_aggressive",
                "neat_conservative", "nas_optimal", "nas_balanced", "neat_adaptive")) {
            RunResult r = run(small(preset), 2, 42, 4);
            assertThat(r.generations()).as(preset).hasSize(4);
            assertThat(r.bestGenome().brain()).as(preset).isInstanceOf(NeatBrain.class);
            for (CreatureGenome g : r.finalPopulation()) {
                NeatGenome brain = ((NeatBrain) g.brain()).genome();
                assertThat(brain.outputCount()).as(preset).isEqualTo(g.muscles().size());
                NeatTestGenomes.revalidate(brain);
            }
        }
    }

    @Test
    void evolutionImprovesOnTheFirstGeneration() {
        LabConfig config = Presets.builder("neat_baseline").set("population_size", 80)
                .set("simulation_duration", 10.0).build();
        for (long seed : new long[] {42, 123}) {
            RunResult r = run(config, 2, seed, 12);
            double first = r.generations().get(0).best();
            assertThat(r.bestFitness()).as("seed %d", seed).isGreaterThan(first * 1.5);
            assertThat(r.last().average()).as("seed %d", seed).isGreaterThan(r.generations().get(0).average());
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        LabConfig config = small("neat_baseline");
        RunResult one = run(config, 1, 7, 5);
        RunResult all = run(config, Math.max(2, Runtime.getRuntime().availableProcessors()), 7, 5);
        assertThat(series(all)).containsExactlyElementsOf(series(one));
        GenomeJson json = GenomeJson.standard();
        assertThat(json.toJson(all.bestGenome())).isEqualTo(json.toJson(one.bestGenome()));
        RunResult other = run(config, 1, 8, 5);
        assertThat(series(other)).isNotEqualTo(series(one));
    }

    private static List<Double> series(RunResult r) {
        List<Double> out = new ArrayList<>();
        for (GenerationStats s : r.generations()) {
            out.add(s.best());
            out.add(s.average());
        }
        return out;
    }

    @Test
    void bestGenomeSurvivesJsonAndReplaysItsFitness() {
        LabConfig config = small("neat_aggressive");
        RunResult r = run(config, 2, 3, 4);
        GenomeJson json = GenomeJson.standard();
        CreatureGenome back = json.fromJson(json.toJson(r.bestGenome()));
        assertThat(json.toJson(back)).isEqualTo(json.toJson(r.bestGenome()));
        EvaluationResult replay = PopulationEvaluator.evaluate(new CreatureSimulator(), back, config,
                r.bestPelletSeed());
        assertThat(replay.fitness()).isEqualTo(r.bestFitness());
    }

    @Test
    void compatibilitySwitchFreezesNodeBiasesLikeTheReferenceNasPath() {
        LabConfig correct = Presets.builder("nas_balanced").set("weight_mutation_rate", 0.0).build();
        LabConfig compat = correct.toBuilder().set("compat_neat_bias_frozen", true).build();
        for (LabConfig c : List.of(correct, compat)) {
            NeatBrainOperators ops = new NeatBrainOperators(c);
            SplittableRandom rng = new SplittableRandom(4);
            NeatBrain parent = (NeatBrain) ops.create(8, 5, rng);
            boolean changed = false;
            for (int k = 0; k < 20; k++) {
                NeatGenome child = ((NeatBrain) ops.mutate(parent, 0, 1.0, rng)).genome();
                for (NeuronGene n : child.neurons()) {
                    NeuronGene before = parent.genome().neuron(n.id());
                    changed |= before != null && before.bias() != n.bias();
                }
            }
            assertThat(changed).as("biases mutate unless compat_neat_bias_frozen").isEqualTo(!c.compatNeatBiasFrozen());
        }
    }

    @Test
    void innovationNumbersAgreeAcrossTheInitialPopulation() {
        LabConfig config = small("neat_baseline");
        NeatBrainOperators ops = new NeatBrainOperators(config);
        SplittableRandom rng = new SplittableRandom(1);
        NeatGenome a = ((NeatBrain) ops.create(7, 4, rng)).genome();
        NeatGenome b = ((NeatBrain) ops.create(7, 4, rng)).genome();
        assertThat(a.connections()).extracting(ConnectionGene::innovation)
                .containsExactlyElementsOf(b.connections().stream().map(ConnectionGene::innovation).toList());
        assertThat(ops.distance(NeatBrain.of(a), NeatBrain.of(a))).isZero();
        assertThat(ops.distance(NeatBrain.of(a), NeatBrain.of(b))).isGreaterThan(0).isLessThan(0.4);
    }
}
