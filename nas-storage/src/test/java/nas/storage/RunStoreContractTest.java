package nas.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RunStore} does; subclasses give the database. */
public abstract class RunStoreContractTest {

    protected RunStore store;
    private AutoCloseable owner;

    /** A fresh, empty store and what to close after the test. */
    protected abstract RunStore open(java.util.function.Consumer<AutoCloseable> closeWith);

    @BeforeEach
    void openStore() {
        store = open(c -> owner = c);
    }

    @AfterEach
    void closeStore() throws Exception {
        if (owner != null) {
            owner.close();
        }
    }

    public static RunStore.Run run(String id) {
        return new RunStore.Run(id, "pure_baseline", "{\"population_size\":3}", 42, 10, "selective", 15, 2,
                "test-1", RunStore.RUNNING, 1_000_000L, 1_000_000L, 0, null, -1, 0.0);
    }

    public static RunStore.GenerationBatch batch(int g, double best, boolean checkpoint) {
        RunStore.Generation gen = new RunStore.Generation(g, best, best / 2, best / 3, 0.0, best, 4, g % 2 == 0 ? null : 3,
                "{\"3\":2,\"4\":1}", 0.25, 1.5);
        // creature 0 is bred anew every generation (from both creatures before it); creature 1 is a survivor of
        // generation 0, whose genome is stored once
        List<RunStore.Creature> creatures = List.of(
                new RunStore.Creature(g, 0, best, 2, 10.0, false, 7L + g, 3, 2, RunStore.genomeId(g, 0),
                        Deflate.text("{\"g\":" + g + "}"), g == 0 ? new int[0] : new int[] {0, 1}, 0),
                g == 0 ? RunStore.Creature.withGenome(g, 1, 0.0, 0, 0.0, true, -5L, 4, 3, new byte[] {0, (byte) 255, 1})
                        : new RunStore.Creature(g, 1, 0.0, 0, 0.0, true, -5L, 4, 3, RunStore.genomeId(0, 1), null,
                                new int[] {1}, g));
        List<RunStore.Frames> frames = List.of(new RunStore.Frames(g, 1, new byte[] {9, 8, 7}));
        RunStore.Checkpoint cp = checkpoint ? new RunStore.Checkpoint(g + 1, 2_000_000L, Deflate.text("state " + (g + 1)))
                : null;
        return new RunStore.GenerationBatch(gen, creatures, frames, cp, RunStore.RUNNING, g);
    }

    @Test
    void aRunKeepsAFramesSettingWithItsCounts() {
        // the longest setting the command line can make: three counts of 10 digits (42 characters)
        String longest = "selective:2147483647,2147483647,2147483647";
        RunStore.Run r = run("counts");
        store.createRun(new RunStore.Run(r.id(), r.configName(), r.configJson(), r.seed(), r.targetGenerations(),
                longest, 5, r.checkpointEvery(), r.codeVersion(), r.status(), r.createdMillis(), r.updatedMillis(),
                r.generationsDone(), r.bestFitness(), r.bestGeneration(), r.seconds()));
        RunStore.Run back = store.run("counts").orElseThrow();
        assertThat(back.framesMode()).isEqualTo(longest).hasSize(42);
        assertThat(back.frameRate()).isEqualTo(5);
    }

    @Test
    void aRunKeepsItsGenerationsCreaturesFramesAndNewestCheckpoints() {
        store.createRun(run("r1"));
        for (int g = 0; g < 5; g++) {
            store.appendGeneration("r1", batch(g, 10.0 * (g + 1), true));
        }
        RunStore.Run r = store.run("r1").orElseThrow();
        assertThat(r.generationsDone()).isEqualTo(5);
        assertThat(r.bestFitness()).isEqualTo(50.0);
        assertThat(r.bestGeneration()).isEqualTo(4);
        assertThat(r.seconds()).isEqualTo(7.5);
        assertThat(r.configJson()).isEqualTo("{\"population_size\":3}");
        assertThat(store.generations("r1", 0)).extracting(RunStore.Generation::best)
                .containsExactly(10.0, 20.0, 30.0, 40.0, 50.0);
        assertThat(store.generations("r1", 3)).hasSize(2);
        RunStore.Generation g1 = store.generations("r1", 1).get(0);
        assertThat(g1.species()).isEqualTo(3);
        assertThat(store.generations("r1", 0).get(0).species()).isNull();
        List<RunStore.Creature> cs = store.creatures("r1", 2);
        assertThat(cs).hasSize(2);
        assertThat(Deflate.toText(cs.get(0).genome())).isEqualTo("{\"g\":2}");
        assertThat(cs.get(1).genome()).containsExactly(0, 255 - 256, 1);
        assertThat(cs.get(1).genomeId()).isEqualTo(RunStore.genomeId(0, 1)).isEqualTo(1L);
        assertThat(cs.get(1).parents()).containsExactly(1);
        assertThat(cs.get(1).survivalStreak()).isEqualTo(2);
        assertThat(cs.get(0).genomeId()).isEqualTo(RunStore.genomeId(2, 0)).isEqualTo((2L << 32));
        assertThat(cs.get(0).parents()).containsExactly(0, 1);
        assertThat(store.creatures("r1", 0).get(0).parents()).isEmpty();
        assertThat(cs.get(1).disqualified()).isTrue();
        assertThat(cs.get(1).pelletSeed()).isEqualTo(-5L);
        assertThat(store.frames("r1", 2, 1).orElseThrow().data()).containsExactly(9, 8, 7);
        assertThat(store.frames("r1", 2, 0)).isEmpty();
        assertThat(store.framedCreatures("r1", 2)).containsExactly(1);
        RunStore.Checkpoint cp = store.lastCheckpoint("r1").orElseThrow();
        assertThat(cp.generation()).isEqualTo(5);
        assertThat(Deflate.toText(cp.state())).isEqualTo("state 5");
    }

    @Test
    void aGenerationOfLargeGenomesReadsBackWholeAndItsSurvivorsFindThem() {
        store.createRun(run("big"));
        // 5 genomes of 20,000 bytes each, each byte its own: a generation's block of 100 KB, in several rows
        List<RunStore.Creature> first = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            first.add(RunStore.Creature.withGenome(0, i, i, 0, 0.0, false, i, 3, 2, genome(i)));
        }
        store.appendGeneration("big", new RunStore.GenerationBatch(batch(0, 1.0, false).generation(), first, List.of(),
                null, RunStore.RUNNING, 0));
        // generation 1: creature 0 bred anew, creature 1 the survivor of creature 4
        List<RunStore.Creature> second = List.of(RunStore.Creature.withGenome(1, 0, 9, 0, 0.0, false, 9, 3, 2, genome(9)),
                new RunStore.Creature(1, 1, 4, 0, 0.0, false, 4, 3, 2, RunStore.genomeId(0, 4), null, new int[] {4}, 1));
        store.appendGeneration("big", new RunStore.GenerationBatch(batch(1, 2.0, false).generation(), second, List.of(),
                null, RunStore.RUNNING, 1));
        List<RunStore.Creature> back = store.creatures("big", 0);
        assertThat(back).extracting(RunStore.Creature::index).containsExactly(0, 1, 2, 3, 4);
        for (int i = 0; i < 5; i++) {
            assertThat(back.get(i).genome()).isEqualTo(genome(i));
            assertThat(back.get(i).pelletSeed()).isEqualTo(i);
        }
        List<RunStore.Creature> later = store.creatures("big", 1);
        assertThat(later.get(0).genome()).isEqualTo(genome(9));
        assertThat(later.get(1).genome()).isEqualTo(genome(4));
        assertThat(later.get(1).genomeId()).isEqualTo(4L);
    }

    /** 20,000 bytes that differ from any other {@code seed}'s at every position. */
    private static byte[] genome(int seed) {
        byte[] g = new byte[20_000];
        for (int i = 0; i < g.length; i++) {
            g[i] = (byte) (i * 31 + seed);
        }
        return g;
    }

    @Test
    void rewindForgetsWhatFollowsTheCheckpointAndRecomputesTheSummary() {
        store.createRun(run("r2"));
        store.appendGeneration("r2", batch(0, 5.0, false));
        store.appendGeneration("r2", batch(1, 8.0, true));
        store.appendGeneration("r2", batch(2, 9.0, false));
        store.appendGeneration("r2", batch(3, 12.0, false));
        store.rewind("r2", store.lastCheckpoint("r2").orElseThrow().generation(), RunStore.RUNNING, "test-2");
        RunStore.Run r = store.run("r2").orElseThrow();
        assertThat(r.generationsDone()).isEqualTo(2);
        assertThat(r.bestFitness()).isEqualTo(8.0);
        assertThat(r.bestGeneration()).isEqualTo(1);
        assertThat(r.seconds()).isEqualTo(3.0);
        assertThat(r.codeVersion()).isEqualTo("test-2");
        assertThat(store.generations("r2", 0)).hasSize(2);
        assertThat(store.creatures("r2", 2)).isEmpty();
        assertThat(store.frames("r2", 3, 1)).isEmpty();
        // the generations run again are stored as before; survivors still find the genome stored before
        store.appendGeneration("r2", batch(2, 9.0, false));
        assertThat(store.run("r2").orElseThrow().generationsDone()).isEqualTo(3);
        assertThat(Deflate.toText(store.creatures("r2", 2).get(0).genome())).isEqualTo("{\"g\":2}");
        assertThat(store.creatures("r2", 2).get(1).genome()).containsExactly(0, 255 - 256, 1);
    }

    @Test
    void idsAreUniqueAndUnknownRunsAreReported() {
        store.createRun(run("same"));
        assertThatThrownBy(() -> store.createRun(run("same"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("run 'same' exists already");
        assertThatThrownBy(() -> store.appendGeneration("other", batch(0, 1, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no run 'other'");
        assertThat(store.run("other")).isEmpty();
        assertThat(store.lastCheckpoint("same")).isEmpty();
    }

    @Test
    void deleteRemovesOneRunAndNothingElse() {
        store.createRun(run("a"));
        store.createRun(run("b"));
        store.appendGeneration("a", batch(0, 1.0, true));
        store.appendGeneration("b", batch(0, 2.0, true));
        store.setStatus("b", RunStore.COMPLETE);
        assertThat(store.deleteRun("a")).isTrue();
        assertThat(store.deleteRun("a")).isFalse();
        assertThat(store.runs()).extracting(RunStore.Run::id).containsExactly("b");
        assertThat(store.runs().get(0).status()).isEqualTo(RunStore.COMPLETE);
        assertThat(store.creatures("a", 0)).isEmpty();
        assertThat(store.creatures("b", 0)).hasSize(2);
    }

    private static final RunStore.Owner A = new RunStore.Owner("host-a", 4242, 7);
    private static final RunStore.Owner B = new RunStore.Owner("host-b", 17, -99);

    @Test
    void aRunCreatedByAProcessIsHeldByItUntilItGivesItUp() {
        store.createRun(run("held"), A);
        store.createRun(run("free"));

        RunStore.Heartbeat h = store.heartbeat("held").orElseThrow();
        assertThat(h.owner()).isEqualTo(A);
        assertThat(h.held()).isTrue();
        assertThat(h.silentMillis()).isBetween(0L, 5_000L);
        // a run created by no process (a test's, a tool's) has no heartbeat, as runs stored before heartbeats
        assertThat(store.heartbeat("free")).isEmpty();
        assertThat(store.heartbeats()).containsOnlyKeys("held");
        assertThat(store.beat("held", A)).isTrue();
        assertThat(store.beat("held", B)).isFalse();
        assertThat(store.beat("free", A)).isFalse();

        store.release("held", B); // not its holder: nothing changes
        assertThat(store.heartbeat("held").orElseThrow().held()).isTrue();
        store.release("held", A);
        RunStore.Heartbeat released = store.heartbeat("held").orElseThrow();
        assertThat(released.held()).isFalse();
        assertThat(released.owner()).isEqualTo(new RunStore.Owner("host-a", 4242, 0));
        assertThat(store.beat("held", A)).isFalse();
        // the run itself is as it was
        assertThat(store.run("held").orElseThrow()).isEqualTo(run("held"));
    }

    @Test
    void heartbeatsAgeByTheDatabasesClock() throws InterruptedException {
        store.createRun(run("r"), A);
        Thread.sleep(400);
        long silent = store.heartbeat("r").orElseThrow().silentMillis();
        assertThat(silent).isBetween(390L, 10_000L);
        assertThat(store.beat("r", A)).isTrue();
        assertThat(store.heartbeat("r").orElseThrow().silentMillis()).isLessThan(silent);
        Thread.sleep(200);
        store.appendGeneration("r", batch(0, 1.0, true), A); // a stored generation is a heartbeat too
        assertThat(store.heartbeat("r").orElseThrow().silentMillis()).isLessThan(190L);
    }

    @Test
    void aClaimTakesTheRunOnlyFromTheHolderItJudgedAndTheFormerHolderWritesNoMore() {
        store.createRun(run("r"), A);
        store.appendGeneration("r", batch(0, 5.0, true), A);

        // B judged the run free (lease 0) or another holder's: refused, nothing changed
        assertThat(store.claim("r", B, 0)).isFalse();
        assertThat(store.claim("r", B, 123)).isFalse();
        assertThat(store.heartbeat("r").orElseThrow().owner()).isEqualTo(A);
        // B judged A dead: B holds it now
        assertThat(store.claim("r", B, A.lease())).isTrue();
        assertThat(store.heartbeat("r").orElseThrow().owner()).isEqualTo(B);
        assertThat(store.beat("r", A)).isFalse();

        // A, woken up, may not append: refused with who holds the run, and nothing of the generation is stored
        assertThatThrownBy(() -> store.appendGeneration("r", batch(1, 9.0, true), A))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("run 'r' was taken over by pid 17 on host-b while this process (pid 4242 on host-a) sent "
                        + "no heartbeat: it stops writing the run, which goes on there");
        assertThat(store.run("r").orElseThrow().generationsDone()).isEqualTo(1);
        assertThat(store.generations("r", 0)).hasSize(1);
        assertThat(store.creatures("r", 1)).isEmpty();
        assertThat(store.lastCheckpoint("r").orElseThrow().generation()).isEqualTo(1);
        store.appendGeneration("r", batch(1, 9.0, true), B);
        assertThat(store.run("r").orElseThrow().generationsDone()).isEqualTo(2);

        // given up, the run is free: a claim expecting no holder takes it
        store.release("r", B);
        assertThatThrownBy(() -> store.appendGeneration("r", batch(2, 9.0, false), B))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no longer held by this process");
        assertThat(store.claim("r", A, 0)).isTrue();
        // a run created by no process is free too
        store.createRun(run("free"));
        assertThat(store.claim("free", B, 0)).isTrue();
        assertThatThrownBy(() -> store.claim("none", B, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no run 'none'");
    }

    @Test
    void ofProcessesClaimingOneRunAtOnceOneWins() throws Exception {
        store.createRun(run("r"), A);
        int n = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Boolean>> claims = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                RunStore.Owner o = new RunStore.Owner("host-" + i, 100 + i, 1000 + i);
                claims.add(pool.submit(() -> {
                    go.await();
                    return store.claim("r", o, A.lease());
                }));
            }
            go.countDown();
            int won = 0;
            for (java.util.concurrent.Future<Boolean> f : claims) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
            RunStore.Owner holder = store.heartbeat("r").orElseThrow().owner();
            assertThat(holder.lease()).isBetween(1000L, 1000L + n - 1);
            assertThat(holder.pid()).isEqualTo(holder.lease() - 900);
        } finally {
            pool.shutdownNow();
        }
    }
}
