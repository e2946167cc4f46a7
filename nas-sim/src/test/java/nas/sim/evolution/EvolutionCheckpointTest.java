package nas.sim.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import nas.sim.config.LabConfig;
import nas.sim.config.Presets;
import nas.sim.genome.GenomeJson;
import org.junit.jupiter.api.Test;

/** A run resumed from a JSON checkpoint continues bit for bit as the run that never stopped. */
class EvolutionCheckpointTest {

    private static final GenomeJson GENOMES = GenomeJson.standard();

    /** Per generation: stats without wall time, and every evaluated genome as JSON. */
    private record Trace(List<String> stats, List<List<String>> genomes) {
    }

    private static void record(Evolution e, Trace t) {
        GenerationStats s = e.next();
        t.stats().add(s.generation() + " " + s.best() + " " + s.average() + " " + s.median() + " " + s.worst() + " "
                + s.bestEver());
        t.genomes().add(e.evaluatedPopulation().stream().map(GENOMES::toJson).toList());
    }

    private static Trace straight(LabConfig c, long seed, int generations) {
        Trace t = new Trace(new ArrayList<>(), new ArrayList<>());
        try (PopulationEvaluator ev = new PopulationEvaluator(2)) {
            Evolution e = new Evolution(c, ev, seed, generations);
            while (e.hasNext()) {
                record(e, t);
            }
        }
        return t;
    }

    /** Runs {@code stopAt} generations, checkpoints through JSON, and resumes in a new Evolution. */
    private static Trace resumed(LabConfig c, long seed, int generations, int stopAt) {
        Trace t = new Trace(new ArrayList<>(), new ArrayList<>());
        String json;
        try (PopulationEvaluator ev = new PopulationEvaluator(1)) {
            Evolution e = new Evolution(c, ev, seed, generations);
            for (int g = 0; g < stopAt; g++) {
                record(e, t);
            }
            json = new EvolutionStateJson().toJson(e.state());
        }
        try (PopulationEvaluator ev = new PopulationEvaluator(2)) {
            Evolution e = Evolution.resume(c, ev, seed, generations, new EvolutionStateJson().fromJson(json));
            assertThat(e.nextGeneration()).isEqualTo(stopAt);
            while (e.hasNext()) {
                record(e, t);
            }
        }
        return t;
    }

    @Test
    void pureRunResumedFromAnyGenerationIsIdentical() {
        LabConfig c = Presets.builder("pure_baseline").set("population_size", 16)
                .set("use_adaptive_mutation", true).set("stagnation_threshold", 2).build();
        Trace reference = straight(c, 42, 7);
        for (int stopAt : new int[] {1, 3, 6}) {
            Trace t = resumed(c, 42, 7, stopAt);
            assertThat(t.stats()).isEqualTo(reference.stats());
            assertThat(t.genomes()).isEqualTo(reference.genomes());
        }
    }

    @Test
    void neatRunKeepsItsInnovationNumbersAcrossAResume() {
        LabConfig c = Presets.builder("neat_baseline").set("population_size", 16).build();
        Trace reference = straight(c, 7, 6);
        Trace t = resumed(c, 7, 6, 3);
        assertThat(t.stats()).isEqualTo(reference.stats());
        assertThat(t.genomes()).isEqualTo(reference.genomes());
        assertThat(t.genomes().get(5).get(0)).contains("\"innovation\"");
    }

    @Test
    void hybridRunWithTournamentAndSharingResumesIdentically() {
        LabConfig c = Presets.builder("hybrid_baseline").set("population_size", 12)
                .set("selection_method", "tournament").set("use_fitness_sharing", true).build();
        assertThat(resumed(c, 3, 5, 2)).isEqualTo(straight(c, 3, 5));
    }

    @Test
    void aCheckpointOfAnotherConfigurationOrPastTheEndIsRefused() {
        LabConfig c = Presets.builder("pure_baseline").set("population_size", 8).build();
        EvolutionState state;
        try (PopulationEvaluator ev = new PopulationEvaluator(1)) {
            Evolution e = new Evolution(c, ev, 1, 3);
            e.next();
            state = e.state();
            e.next();
            e.next();
            assertThatThrownBy(e::state).hasMessageContaining("has ended");
            LabConfig bigger = c.toBuilder().set("population_size", 9).build();
            assertThatThrownBy(() -> Evolution.resume(bigger, ev, 1, 3, state))
                    .hasMessageContaining("holds 8 genomes");
            assertThatThrownBy(() -> Evolution.resume(c, ev, 1, 1, state)).hasMessageContaining("nothing is left");
        }
    }

    @Test
    void steeredSpeciationCannotBeCheckpointed() {
        LabConfig c = Presets.builder("neat_adaptive").set("population_size", 10).build();
        try (PopulationEvaluator ev = new PopulationEvaluator(1)) {
            Evolution e = new Evolution(c, ev, 1, 3);
            assertThat(e.canCheckpoint()).isFalse();
            e.next();
            assertThatThrownBy(e::state).hasMessageContaining("cannot be checkpointed");
        }
    }
}
