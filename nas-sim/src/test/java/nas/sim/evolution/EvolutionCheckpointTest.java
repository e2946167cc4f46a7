package nas.sim.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import nas.sim.config.LabConfig;
import nas.sim.config.Presets;
import nas.sim.genome.GenomeJson;
import org.junit.jupiter.api.Test;

/** A run resumed from a checkpoint (JSON or binary) continues bit for bit as the run that never stopped. */
class EvolutionCheckpointTest {

    private static final GenomeJson GENOMES = GenomeJson.standard();

    /** Per generation: stats without wall time, every evaluated genome as JSON, and each genome's parents. */
    private record Trace(List<String> stats, List<List<String>> genomes, List<String> parents) {
        Trace() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    private static void record(Evolution e, Trace t) {
        GenerationStats s = e.next();
        t.stats().add(s.generation() + " " + s.best() + " " + s.average() + " " + s.median() + " " + s.worst() + " "
                + s.bestEver());
        t.genomes().add(e.evaluatedPopulation().stream().map(GENOMES::toJson).toList());
        t.parents().add(e.parents().stream().map(java.util.Arrays::toString).toList().toString());
    }

    private static Trace straight(LabConfig c, long seed, int generations) {
        Trace t = new Trace();
        try (PopulationEvaluator ev = new PopulationEvaluator(2)) {
            Evolution e = new Evolution(c, ev, seed, generations);
            while (e.hasNext()) {
                record(e, t);
            }
        }
        return t;
    }

    /** The two stored forms of a checkpoint: written, then read back. */
    private static final List<UnaryOperator<EvolutionState>> FORMS = List.of(
            s -> new EvolutionStateJson().fromJson(new EvolutionStateJson().toJson(s)),
            s -> new EvolutionStateBinary().decode(new EvolutionStateBinary().encode(s)));

    /** {@link #resumed} through each stored form of a checkpoint. */
    private static List<Trace> resumedBothWays(LabConfig c, long seed, int generations, int stopAt) {
        return FORMS.stream().map(form -> resumed(c, seed, generations, stopAt, form)).toList();
    }

    /** Runs {@code stopAt} generations, checkpoints through {@code form}, and resumes in a new Evolution. */
    private static Trace resumed(LabConfig c, long seed, int generations, int stopAt, UnaryOperator<EvolutionState> form) {
        Trace t = new Trace();
        EvolutionState state;
        try (PopulationEvaluator ev = new PopulationEvaluator(1)) {
            Evolution e = new Evolution(c, ev, seed, generations);
            for (int g = 0; g < stopAt; g++) {
                record(e, t);
            }
            state = form.apply(e.state());
        }
        try (PopulationEvaluator ev = new PopulationEvaluator(2)) {
            Evolution e = Evolution.resume(c, ev, seed, generations, state);
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
            for (Trace t : resumedBothWays(c, 42, 7, stopAt)) {
                assertThat(t.stats()).isEqualTo(reference.stats());
                assertThat(t.genomes()).isEqualTo(reference.genomes());
                assertThat(t.parents()).isEqualTo(reference.parents());
            }
        }
    }

    @Test
    void parentsAreTrackedAndASurvivorIsItsParentsGenome() {
        LabConfig c = Presets.builder("pure_baseline").set("population_size", 20).build();
        try (PopulationEvaluator ev = new PopulationEvaluator(1)) {
            Evolution e = new Evolution(c, ev, 5, 3);
            e.next();
            assertThat(e.parents()).allSatisfy(p -> assertThat(p).isEmpty());
            List<nas.sim.genome.CreatureGenome> before = e.evaluatedPopulation();
            e.next();
            List<nas.sim.genome.CreatureGenome> now = e.evaluatedPopulation();
            List<int[]> parents = e.parents();
            // cull_percentage 0.5: the first 10 are the survivors, passed on unchanged with a streak of 1
            for (int i = 0; i < 10; i++) {
                assertThat(parents.get(i)).hasSize(1);
                nas.sim.genome.CreatureGenome parent = before.get(parents.get(i)[0]);
                assertThat(now.get(i)).isEqualTo(parent.survived());
                assertThat(now.get(i).survivalStreak()).isEqualTo(1);
            }
            // the others are bred: a clone of one parent or a crossover of two, all among the survivors
            java.util.Set<Integer> survivors = new java.util.HashSet<>();
            for (int i = 0; i < 10; i++) {
                survivors.add(parents.get(i)[0]);
            }
            assertThat(survivors).hasSize(10);
            for (int i = 10; i < 20; i++) {
                assertThat(parents.get(i).length).isBetween(1, 2);
                assertThat(now.get(i).survivalStreak()).isZero();
                for (int p : parents.get(i)) {
                    assertThat(survivors).contains(p);
                }
            }
            assertThat(parents.subList(10, 20)).anySatisfy(p -> assertThat(p).hasSize(2));
        }
    }

    @Test
    void neatRunKeepsItsInnovationNumbersAcrossAResume() {
        LabConfig c = Presets.builder("neat_baseline").set("population_size", 16).build();
        Trace reference = straight(c, 7, 6);
        for (Trace t : resumedBothWays(c, 7, 6, 3)) {
            assertThat(t.stats()).isEqualTo(reference.stats());
            assertThat(t.genomes()).isEqualTo(reference.genomes());
            assertThat(t.genomes().get(5).get(0)).contains("\"innovation\"");
        }
    }

    @Test
    void hybridRunWithTournamentAndSharingResumesIdentically() {
        LabConfig c = Presets.builder("hybrid_baseline").set("population_size", 12)
                .set("selection_method", "tournament").set("use_fitness_sharing", true).build();
        Trace reference = straight(c, 3, 5);
        assertThat(resumedBothWays(c, 3, 5, 2)).containsExactly(reference, reference);
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
    void steeredSpeciationResumesIdentically() {
        // the species target (bandit of PID and hill climbing) and species stagnation keep history of their own
        LabConfig c = Presets.builder("neat_adaptive").set("population_size", 16)
                .set("neat_species_target_mode", "auto").set("neat_species_stagnation", 2).build();
        assertThat(nas.sim.neat.LabSpeciationControl.of(c)).isNotSameAs(nas.neat.SpeciationControl.NONE);
        Trace reference = straight(c, 9, 7);
        for (int stopAt : new int[] {2, 5}) {
            for (Trace t : resumedBothWays(c, 9, 7, stopAt)) {
                assertThat(t.stats()).isEqualTo(reference.stats());
                assertThat(t.genomes()).isEqualTo(reference.genomes());
            }
        }
        // without the controllers' state the continuation differs: the test can tell
        Trace forgetful = resumedWithout(c, 9, 7, 5);
        assertThat(forgetful.genomes()).isNotEqualTo(reference.genomes());
    }

    /** As {@link #resumed}, but the checkpoint loses the speciation controllers' state. */
    private static Trace resumedWithout(LabConfig c, long seed, int generations, int stopAt) {
        Trace t = new Trace();
        EvolutionState state;
        try (PopulationEvaluator ev = new PopulationEvaluator(1)) {
            Evolution e = new Evolution(c, ev, seed, generations);
            for (int g = 0; g < stopAt; g++) {
                record(e, t);
            }
            state = e.state();
        }
        EvolutionState forgotten = new EvolutionState(state.generation(), state.population(), state.bestEver(),
                state.bestGenome(), state.bestPelletSeed(), state.bestGeneration(), state.adaptive(), state.stagnation(),
                state.innovation(), state.parents(), null);
        try (PopulationEvaluator ev = new PopulationEvaluator(1)) {
            Evolution e = Evolution.resume(c, ev, seed, generations, forgotten);
            while (e.hasNext()) {
                record(e, t);
            }
        }
        return t;
    }
}
