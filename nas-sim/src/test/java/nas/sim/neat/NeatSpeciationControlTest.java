package nas.sim.neat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import nas.neat.NeatSpeciationControl;
import nas.neat.SpeciationControl;
import nas.sim.config.LabConfig;
import nas.sim.config.Presets;
import nas.sim.control.SensorLayout;
import nas.sim.evolution.EvolutionRun;
import nas.sim.evolution.GenerationStats;
import nas.sim.evolution.PopulationEvaluator;
import nas.sim.evolution.RunResult;
import nas.sim.genetics.Evolver;
import nas.sim.genome.CreatureGenome;
import nas.sim.genome.GenomeFactory;
import org.junit.jupiter.api.Test;

class NeatSpeciationControlTest {

    @Test
    void offDefaultsAreTheReferenceBehaviour() {
        assertThat(LabSpeciationControl.of(Presets.get("neat_baseline"))).isSameAs(SpeciationControl.NONE);
        assertThat(LabSpeciationControl.of(Presets.builder("pure_baseline")
                .set("neat_species_target_mode", "pid").build())).isSameAs(SpeciationControl.NONE);
    }

    /** Breeding only (no physics): fitness is a fixed function of the genome's muscle count and index. */
    private static List<Integer> closedLoop(String mode, double start, int target, long seed) {
        LabConfig config = Presets.builder("neat_baseline").set("population_size", 60)
                .set("compatibility_threshold", start).set("neat_species_target_mode", mode)
                .set("neat_species_target", target).set("neat_species_stagnation", 5).build();
        NeatBrainOperators brains = new NeatBrainOperators(config);
        NeatSpeciationControl control = (NeatSpeciationControl) LabSpeciationControl.of(config);
        Evolver evolver = new Evolver(config, brains, control);
        int inputs = SensorLayout.inputCount(config);
        SplittableRandom rng = new SplittableRandom(seed);
        List<CreatureGenome> pop = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            pop.add(GenomeFactory.random(config, (m, r) -> brains.create(inputs, m, r), rng));
        }
        for (int g = 0; g < 25; g++) {
            double[] fitness = new double[pop.size()];
            for (int i = 0; i < fitness.length; i++) {
                fitness[i] = pop.get(i).muscles().size() + (i % 7);
            }
            pop = evolver.evolve(pop, fitness, g, 1.0, new SplittableRandom(seed * 100 + g));
            // The reference allocation rounds per species and can overshoot by a few with many tiny species.
            assertThat(pop.size()).isBetween(60, 80);
        }
        return control.speciesCounts();
    }

    @Test
    void pidAndBanditBringTheSpeciesCountTowardsTheTarget() {
        for (String mode : List.of("pid", "hill", "auto")) {
            List<Integer> counts = closedLoop(mode, 0.05, 6, 3);
            // A threshold of 0.05 splits the population into many species; the controller raises it.
            assertThat(counts.get(0)).as(mode).isGreaterThan(20);
            double lateMean = counts.subList(15, 25).stream().mapToInt(Integer::intValue).average().orElseThrow();
            assertThat(lateMean).as(mode + " " + counts).isBetween(2.0, 12.0);
        }
        assertThat(closedLoop("auto", 0.05, 6, 3)).isEqualTo(closedLoop("auto", 0.05, 6, 3));
    }

    @Test
    void steeredRunsDoNotDependOnTheThreadCount() {
        LabConfig config = Presets.builder("neat_baseline").set("population_size", 40)
                .set("simulation_duration", 5.0).set("neat_species_target_mode", "auto")
                .set("neat_species_target", 4).set("neat_species_stagnation", 2).build();
        List<Double> one;
        List<Double> two;
        try (PopulationEvaluator e = new PopulationEvaluator(1)) {
            one = series(new EvolutionRun(config, e).run(11, 5, null));
        }
        try (PopulationEvaluator e = new PopulationEvaluator(2)) {
            two = series(new EvolutionRun(config, e).run(11, 5, null));
        }
        assertThat(two).isEqualTo(one);
    }

    private static List<Double> series(RunResult r) {
        List<Double> out = new ArrayList<>();
        for (GenerationStats s : r.generations()) {
            out.add(s.best());
            out.add(s.average());
        }
        return out;
    }
}
