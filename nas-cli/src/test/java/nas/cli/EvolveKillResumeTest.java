package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import nas.api.storage.Storage;
import nas.storage.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run SIGKILLed at random generations and resumed each time ends exactly as the run that was never
 * killed: every generation's statistics, every creature's genome, fitness and pellet stream, and every
 * recorded frame (of a selection other than the default: the creatures chosen are the same too). Real {@code nas evolve} processes on one H2 file (through its storage server).
 */
class EvolveKillResumeTest {

    /**
     * Far more than the last kill point (at most 18): the test sees the count of stored generations only between
     * polls, and the run must still be running when its kill lands. Warm, a generation took 20-30 ms at load 10
     * while a poll took up to 150 ms; with 24 generations only 6 remained after the latest kill point.
     */
    private static final int GENERATIONS = 40;

    @TempDir
    Path dir;

    private String[] evolve(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("evolve", "--storage", url(), "-q"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private String url() {
        return dir.resolve("runs").toString();
    }

    @Test
    void killedAndResumedRunIsBitIdenticalToAnUnkilledOne() throws Exception {
        String[] settings = {"-c", "pure_baseline", "-p", "14", "-g", String.valueOf(GENERATIONS), "-s", "11",
            "--checkpoint-every", "4", "--set", "stagnation_limit=1000", "--set", "use_adaptive_mutation=true",
            "--set", "stagnation_threshold=3", "-t", "2",
            // frames of a chosen selection: the random ones are drawn again after each resume
            "--frame-top", "3", "--frame-random", "2", "--frame-bottom", "1"};
        CliProcess.Result reference = CliProcess.start(dir, concat(evolve("--run-id", "reference"), settings)).await(300);
        assertThat(reference.exitCode()).as(reference.err()).isZero();

        // kill points drawn from a fixed seed: two kills mid-run, between or on checkpoints
        Random draw = new Random(18);
        int[] killAt = {3 + draw.nextInt(6), 12 + draw.nextInt(7)};
        CliProcess first = CliProcess.start(dir, concat(evolve("--run-id", "killed"), settings));
        killWhenStored(first, killAt[0]);
        int afterFirstKill = runs(s -> s.run("killed").orElseThrow().generationsDone());
        assertThat(afterFirstKill).isLessThan(GENERATIONS);
        CliProcess second = CliProcess.start(dir, evolve("--resume", "killed"));
        killWhenStored(second, killAt[1]);
        RunStore.Run beforeLast = runs(s -> s.run("killed").orElseThrow());
        assertThat(beforeLast.status()).isEqualTo(RunStore.RUNNING);
        CliProcess.Result last = CliProcess.start(dir, evolve("--resume", "killed")).await(300);
        assertThat(last.exitCode()).as(last.err()).isZero();

        runs(s -> {
            assertBitIdentical(s, "reference", "killed");
            assertThat(s.run("killed").orElseThrow().framesMode()).isEqualTo("selective:3,2,1");
            assertThat(s.generations("killed", 0)).hasSize(GENERATIONS);
            for (int g = 0; g < GENERATIONS; g++) {
                List<RunStore.Creature> cb = s.creatures("killed", g);
                assertThat(cb).hasSize(14);
                if (g > 0) {
                    // survivors are stored once: half the population refers to genomes stored before
                    int generation = g;
                    assertThat(cb).filteredOn(c -> c.genomeId() < RunStore.genomeId(generation, 0)).hasSize(7)
                            .allSatisfy(c -> assertThat(c.survivalStreak()).isPositive());
                }
                assertThat(s.framedCreatures("killed", g)).hasSize(6);
            }
            return null;
        });
    }

    /**
     * Run {@code b} is complete and holds exactly what run {@code a} holds: every generation's statistics (but their
     * times), every creature's genome, fitness, pellet stream, genome id, parents and survival streak, and every
     * recorded frame.
     */
    static void assertBitIdentical(RunStore s, String a, String b) {
        RunStore.Run ref = s.run(a).orElseThrow();
        RunStore.Run run = s.run(b).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStore.COMPLETE);
        assertThat(run.generationsDone()).isEqualTo(ref.generationsDone()).isPositive();
        assertThat(run.bestFitness()).isEqualTo(ref.bestFitness());
        assertThat(run.bestGeneration()).isEqualTo(ref.bestGeneration());
        List<RunStore.Generation> ga = s.generations(a, 0);
        List<RunStore.Generation> gb = s.generations(b, 0);
        assertThat(gb).hasSize(ref.generationsDone()).hasSameSizeAs(ga);
        for (int g = 0; g < ga.size(); g++) {
            assertThat(withoutTime(gb.get(g))).as("generation %d", g).isEqualTo(withoutTime(ga.get(g)));
            List<RunStore.Creature> ca = s.creatures(a, g);
            List<RunStore.Creature> cb = s.creatures(b, g);
            assertThat(cb).hasSameSizeAs(ca).isNotEmpty();
            for (int i = 0; i < ca.size(); i++) {
                assertThat(cb.get(i).genome()).isEqualTo(ca.get(i).genome());
                assertThat(cb.get(i).fitness()).isEqualTo(ca.get(i).fitness());
                assertThat(cb.get(i).pelletSeed()).isEqualTo(ca.get(i).pelletSeed());
                assertThat(cb.get(i).genomeId()).isEqualTo(ca.get(i).genomeId());
                assertThat(cb.get(i).parents()).isEqualTo(ca.get(i).parents());
                assertThat(cb.get(i).survivalStreak()).isEqualTo(ca.get(i).survivalStreak());
            }
            assertThat(s.framedCreatures(b, g)).isEqualTo(s.framedCreatures(a, g));
            for (int i : s.framedCreatures(a, g)) {
                assertThat(s.frames(b, g, i).orElseThrow().data()).isEqualTo(s.frames(a, g, i).orElseThrow().data());
            }
        }
    }

    /**
     * SIGTERM: the run finishes its generation, stores it with a checkpoint at it (none was due: every 10), is
     * marked INTERRUPTED and exits with 143; the resume runs no generation again and ends as the unsignalled run.
     */
    @Test
    void sigtermStopsAfterTheGenerationWithACheckpointAndTheResumeEndsAsAnUnsignalledRun() throws Exception {
        String[] settings = {"-c", "pure_baseline", "-p", "14", "-g", String.valueOf(GENERATIONS), "-s", "5",
            "--checkpoint-every", "10", "--frames", "none", "--set", "stagnation_limit=1000", "-t", "2"};
        CliProcess.Result reference = CliProcess.start(dir, concat(evolve("--run-id", "reference"), settings)).await(300);
        assertThat(reference.exitCode()).as(reference.err()).isZero();

        CliProcess p = CliProcess.start(dir, concat(evolve("--run-id", "killed"), settings));
        awaitStored(p, 3);
        p.signal("TERM");
        CliProcess.Result stopped = p.await(300);
        assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(143);
        RunStore.Run run = runs(s -> s.run("killed").orElseThrow());
        int done = run.generationsDone();
        assertThat(done).isBetween(3, GENERATIONS - 1);
        assertThat(run.status()).isEqualTo(RunStore.INTERRUPTED);
        int checkpoint = runs(s -> s.lastCheckpoint("killed").orElseThrow().generation());
        assertThat(checkpoint).isEqualTo(done);
        List<RunStore.Generation> stored = runs(s -> s.generations("killed", 0));
        assertThat(stored).hasSize(done);
        assertThat(stopped.err()).contains("interrupted (SIGTERM) after generation " + (done - 1) + " (" + done + "/"
                + GENERATIONS + " done), stored with a checkpoint; resume with: nas evolve --resume killed");

        CliProcess.Result status = CliProcess.run(dir, "run-status", "--storage", url(), "killed");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("Status:      INTERRUPTED, " + done + " of " + GENERATIONS + " generations done")
                .doesNotContain("ETA").contains("Checkpoint:  before generation " + done);

        CliProcess.Result resumed = CliProcess.start(dir, "evolve", "--storage", url(), "--resume", "killed",
                "--every", "1").await(300);
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        // it went on from the generation it stopped after: none was run twice
        assertThat(resumed.err()).contains("resumed at generation " + done)
                .contains("gen " + done + " | " + (done + 1) + "/" + GENERATIONS + " done")
                .doesNotContain("gen " + (done - 1) + " |");
        runs(s -> {
            RunStore.Run ref = s.run("reference").orElseThrow();
            RunStore.Run killed = s.run("killed").orElseThrow();
            assertThat(killed.status()).isEqualTo(RunStore.COMPLETE);
            assertThat(killed.generationsDone()).isEqualTo(GENERATIONS);
            assertThat(killed.bestFitness()).isEqualTo(ref.bestFitness());
            assertThat(killed.bestGeneration()).isEqualTo(ref.bestGeneration());
            assertThat(s.generations("killed", 0).stream().map(EvolveKillResumeTest::withoutTime).toList())
                    .isEqualTo(s.generations("reference", 0).stream().map(EvolveKillResumeTest::withoutTime).toList());
            int lastGeneration = GENERATIONS - 1;
            assertThat(s.creatures("killed", lastGeneration)).extracting(RunStore.Creature::fitness)
                    .isEqualTo(s.creatures("reference", lastGeneration).stream().map(RunStore.Creature::fitness)
                            .toList());
            return null;
        });
    }

    /**
     * SIGTERM during the last generation: nothing is left to run, so the run completes and is stored COMPLETE, and
     * nas still exits with 143 (before: 0, as if no signal had come). Generation 1 of 2 runs 800 creatures on one
     * thread, a second or more, after generation 0 is seen stored.
     */
    @Test
    void sigtermDuringTheLastGenerationCompletesTheRunAndStillExits143() throws Exception {
        CliProcess p = CliProcess.start(dir, concat(evolve("--run-id", "killed"), new String[] {"-c", "pure_baseline",
            "-p", "800", "-g", "2", "-s", "5", "--frames", "none", "-t", "1"}));
        awaitStored(p, 1);
        p.signal("TERM");
        CliProcess.Result r = p.await(300);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(143);
        assertThat(r.err().lines().toList()).containsExactly("[killed] interrupted (SIGTERM): finishing this "
                + "generation, then stopping; signal again to stop at once", "[killed] SIGTERM came during the last "
                + "generation: the run is complete (2 generations), nothing to resume");
        RunStore.Run run = runs(s -> s.run("killed").orElseThrow());
        assertThat(run.status()).isEqualTo(RunStore.COMPLETE);
        assertThat(run.generationsDone()).isEqualTo(2);
        assertThat(r.out()).startsWith("Run killed: 2 generations, best ");
    }

    /** Waits until the run has stored at least {@code generations} generations (its process still running). */
    private void awaitStored(CliProcess p, int generations) throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (runs(s -> s.run("killed").map(RunStore.Run::generationsDone).orElse(0)) >= generations) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the run did not reach generation " + generations + ": " + p.errorOutput());
    }

    /** Waits until the run has stored at least {@code generations} generations, then SIGKILLs its process. */
    private void killWhenStored(CliProcess p, int generations) throws Exception {
        awaitStored(p, generations);
        p.kill();
    }

    private <T> T runs(java.util.function.Function<RunStore, T> read) {
        try (Storage store = new StorageOptions(url()).open()) {
            return read.apply(StorageOptions.runs(store));
        }
    }

    static RunStore.Generation withoutTime(RunStore.Generation g) {
        return new RunStore.Generation(g.generation(), g.best(), g.mean(), g.median(), g.worst(), g.bestEver(),
                g.pellets(), g.species(), g.creatureTypes(), g.diversity(), 0.0);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
