package nas.cli;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nas.sim.evolution.PopulationEvaluator;
import nas.storage.RunStore;

/**
 * Stores a run's generations on one writer thread while the next generation is simulated: genomes and frames
 * are prepared ({@link RunRecorder#batch}) and each generation is appended with its checkpoint in one
 * transaction, in generation order. At most one generation waits: {@link #submit} first waits for the one
 * before, so a checkpoint is never stored before its generation, and a process killed at any moment loses at
 * most the two newest generations, which a resume from the last stored checkpoint runs again identically.
 */
final class GenerationWriter implements AutoCloseable {

    private final RunStore runs;
    private final String runId;
    private final RunStore.Owner owner;
    private final RunRecorder recorder;
    private final PopulationEvaluator evaluator;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nas-run-writer");
        t.setDaemon(true);
        return t;
    });
    private Future<?> pending;
    private volatile int lastCheckpoint;
    private volatile int stored;
    private long waited;
    private volatile long recording;
    private volatile long storing;
    private volatile long cpu;

    /** @param owner the lease the run is written with (each append checks it and is a heartbeat) */
    GenerationWriter(RunStore runs, String runId, RunStore.Owner owner, RunRecorder recorder,
            PopulationEvaluator evaluator) {
        this.runs = runs;
        this.runId = runId;
        this.owner = owner;
        this.recorder = recorder;
        this.evaluator = evaluator;
    }

    /** Stores {@code generation} once the one before is stored; rethrows that one's failure. */
    void submit(RunRecorder.Captured generation) {
        finish();
        pending = thread.submit(() -> {
            long cpu0 = ThreadCpu.thisThread();
            long t0 = System.nanoTime();
            RunStore.GenerationBatch batch = recorder.batch(generation, evaluator);
            long t1 = System.nanoTime();
            runs.appendGeneration(runId, batch, owner);
            recording += t1 - t0;
            storing += System.nanoTime() - t1;
            cpu += ThreadCpu.thisThread() - cpu0;
            if (batch.checkpoint() != null) {
                lastCheckpoint = batch.checkpoint().generation();
            }
            stored = batch.generation().generation() + 1;
        });
    }

    /** Waits until every submitted generation is stored; rethrows a failure. */
    void finish() {
        if (pending == null) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing a generation", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("storing a generation failed: " + e.getCause(), e.getCause());
        } finally {
            pending = null;
            waited += System.nanoTime() - t0;
        }
    }

    /** The generation of the newest stored checkpoint, 0 before the first. */
    int lastCheckpoint() {
        return lastCheckpoint;
    }

    /** How many generations of the run are stored by this writer's last append, 0 before the first. */
    int generationsStored() {
        return stored;
    }

    double waitedSeconds() {
        return waited / 1e9;
    }

    double recordingSeconds() {
        return recording / 1e9;
    }

    double storingSeconds() {
        return storing / 1e9;
    }

    /** The writer thread's CPU seconds (preparing and sending generations; with one evaluator thread, recording too). */
    double cpuSeconds() {
        return cpu / 1e9;
    }

    /** Lets a generation being stored finish (a failure of the run keeps what was stored), then stops the thread. */
    @Override
    public void close() {
        try {
            finish();
        } catch (RuntimeException ignored) {
            // the run is failing already: its own error is the one to report
        } finally {
            thread.shutdown();
        }
    }
}
