package nas.sim.evolution;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import nas.api.Limits;
import nas.sim.config.LabConfig;
import nas.sim.control.NeuralNetwork;
import nas.sim.genome.CreatureGenome;
import nas.sim.physics.CreatureSimulator;
import nas.sim.physics.EvaluationResult;
import nas.sim.physics.FrameRecorder;
import nas.sim.physics.FrameRecording;

/**
 * Evaluates creatures in parallel. Creatures never interact and each has its own pellet stream, so the
 * results are identical for any thread count. Each worker thread reuses one {@link CreatureSimulator}.
 */
public final class PopulationEvaluator implements AutoCloseable {

    private final int threads;
    private final ForkJoinPool pool;
    private final ThreadLocal<CreatureSimulator> simulators = ThreadLocal.withInitial(CreatureSimulator::new);
    private final ThreadMXBean threadCpu = ManagementFactory.getThreadMXBean();
    /** CPU nanoseconds of the recordings, summed over the threads that ran them. */
    private final LongAdder recordingCpu = new LongAdder();
    /** What recording while evaluating added to the evaluations, sampled (nanoseconds; a sum of noisy differences). */
    private final LongAdder recordingAdded = new LongAdder();
    /** What records each creature's frames while {@link #evaluate} simulates it, by index; null: nothing recorded. */
    private FrameRecorder[] recorders;
    /** How many creatures the last {@link #evaluate} recorded. */
    private int recordedCount;
    /** Evaluations that recorded; every {@link #SAMPLE_EVERY}th one samples what recording costs. */
    private long recordingEvaluations;
    /**
     * Every this many evaluations that record, one creature is simulated once more with and once without recording,
     * timed, to measure what recording adds to an evaluation (it cannot be timed apart inside one).
     */
    static final int SAMPLE_EVERY = 4;
    /** The sample's recorder and its timing-only twin, kept (a new buffer each time would be timed too). */
    private FrameRecorder[] samplers;

    /** @param threads worker threads; 1 evaluates on the calling thread */
    public PopulationEvaluator(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Limits.requireAtMost("threads", threads, Limits.MAX_THREADS);
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads);
    }

    /** One thread per available processor (at most {@link Limits#MAX_THREADS}). */
    public static PopulationEvaluator allCores() {
        return new PopulationEvaluator(Limits.defaultThreads());
    }

    public int threads() {
        return threads;
    }

    /**
     * Simulates every genome.
     *
     * @param pelletSeeds seed of each creature's pellet stream, same order as the population
     */
    public EvaluationResult[] evaluate(List<CreatureGenome> population, LabConfig config, long[] pelletSeeds) {
        if (pelletSeeds.length != population.size()) {
            throw new IllegalArgumentException("need one pellet seed per creature: " + population.size()
                    + " creatures, " + pelletSeeds.length + " seeds");
        }
        EvaluationResult[] out = new EvaluationResult[population.size()];
        if (recorders == null) {
            forEach(out.length, (sim, i) -> out[i] = evaluate(sim, population.get(i), config, pelletSeeds[i]));
            return out;
        }
        if (recorders.length < out.length) {
            int rate = recorders[0].frameRate();
            int had = recorders.length;
            recorders = Arrays.copyOf(recorders, out.length);
            for (int i = had; i < out.length; i++) {
                recorders[i] = new FrameRecorder(rate);
            }
        }
        recordedCount = 0;
        FrameRecorder[] by = recorders;
        forEach(out.length, (sim, i) -> out[i] = by[i].simulate(sim, population.get(i), config, pelletSeeds[i]));
        recordedCount = out.length;
        if (recordingEvaluations++ % SAMPLE_EVERY == 0 && out.length > 0) {
            long sample = recordingEvaluations / SAMPLE_EVERY;
            int i = (int) (sample % out.length);
            forEach(1, (sim, ignored) -> sampleRecordingCost(sim, population.get(i), config, pelletSeeds[i],
                    sample % 2 == 0, (long) SAMPLE_EVERY * out.length));
        }
        return out;
    }

    /**
     * Simulates one creature with and without recording (in turn first, so that neither always finds the caches warm)
     * and adds to {@link #recordingCpuNanos} what this sample cost and {@code scale} times what recording added to it:
     * the estimate of what recording added to the {@code scale} creatures evaluated since the last sample.
     */
    private void sampleRecordingCost(CreatureSimulator sim, CreatureGenome genome, LabConfig config, long pelletSeed,
            boolean recordingFirst, long scale) {
        // the same loop with and without frames: the plain evaluation's own loop, never run while recording, would
        // be timed before the JIT compiled it
        FrameRecorder[] pair = samplers;
        int first = recordingFirst ? 0 : 1;
        long t0 = threadCpu.getCurrentThreadCpuTime();
        pair[first].simulate(sim, genome, config, pelletSeed);
        long t1 = threadCpu.getCurrentThreadCpuTime();
        pair[1 - first].simulate(sim, genome, config, pelletSeed);
        long t2 = threadCpu.getCurrentThreadCpuTime();
        long added = recordingFirst ? (t1 - t0) - (t2 - t1) : (t2 - t1) - (t1 - t0);
        recordingCpu.add(t2 - t0);
        recordingAdded.add(scale * added);
    }

    /**
     * From now on {@link #evaluate} also records every creature's frames at {@code frameRate} as it simulates it
     * (one buffer per creature, kept from one evaluation to the next), so that chosen creatures need not be simulated
     * again ({@link #recorded}); 0 stops it. The results are the same either way.
     */
    public void recordWhileEvaluating(int frameRate) {
        if (frameRate < 0) {
            throw new IllegalArgumentException("frame rate must be >= 0, got " + frameRate);
        }
        recorders = frameRate == 0 ? null : new FrameRecorder[] {new FrameRecorder(frameRate)};
        samplers = frameRate == 0 ? null : new FrameRecorder[] {new FrameRecorder(frameRate), FrameRecorder.timingOnly()};
        recordedCount = 0;
    }

    /** Whether {@link #evaluate} records frames ({@link #recordWhileEvaluating}). */
    public boolean recordsWhileEvaluating() {
        return recorders != null;
    }

    /**
     * The frames creature {@code index} of the last {@link #evaluate} recorded (a copy: the next evaluation reuses the
     * buffer), equal to what {@link #record} records for it.
     */
    public FrameRecording recorded(int index) {
        if (index < 0 || index >= recordedCount) {
            throw new IllegalStateException("no frames recorded for creature " + index + " (the last evaluation recorded "
                    + recordedCount + ")");
        }
        return recorders[index].recording();
    }

    /**
     * Records the frames of some creatures by simulating them again ({@link FrameRecording}), in parallel.
     *
     * @param genomes     the creatures
     * @param pelletSeeds the pellet-stream seed each was evaluated with, same order
     */
    public FrameRecording[] record(List<CreatureGenome> genomes, LabConfig config, long[] pelletSeeds, int frameRate) {
        FrameRecording[] out = new FrameRecording[genomes.size()];
        forEach(out.length, (sim, i) -> {
            // timed on the thread that simulates: recordings share the pool with the next generation's evaluation
            long cpu0 = threadCpu.getCurrentThreadCpuTime();
            out[i] = FrameRecording.record(sim, genomes.get(i), config, pelletSeeds[i], frameRate);
            recordingCpu.add(Math.max(0, threadCpu.getCurrentThreadCpuTime() - cpu0));
        });
        return out;
    }

    /**
     * The CPU time recording frames has cost since this evaluator was made, in nanoseconds, summed over the threads
     * that simulated (the pool's, or the caller's with one thread): all of {@link #record}'s, and for the recordings
     * made while evaluating, what they added to the evaluations, sampled every {@link #SAMPLE_EVERY}th evaluation,
     * plus the samples' own cost. 0 where the JVM does not measure thread CPU time.
     */
    public long recordingCpuNanos() {
        return recordingCpu.sum() + Math.max(0, recordingAdded.sum());
    }

    private interface Task {
        void run(CreatureSimulator sim, int index);
    }

    private void forEach(int n, Task task) {
        if (pool == null) {
            CreatureSimulator sim = simulators.get();
            for (int i = 0; i < n; i++) {
                task.run(sim, i);
            }
            return;
        }
        try {
            pool.submit(() -> IntStream.range(0, n).parallel().forEach(i -> task.run(simulators.get(), i))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("evaluation failed", cause);
        }
    }

    /** Simulates one creature with the pellet stream of {@code pelletSeed} (re-simulation of a stored genome). */
    public static EvaluationResult evaluate(CreatureSimulator sim, CreatureGenome genome, LabConfig config,
            long pelletSeed) {
        NeuralNetwork net = config.useNeuralNet() && genome.brain() != null ? genome.brain().newNetwork() : null;
        return sim.simulate(genome, net, config, new SplittableRandom(pelletSeed));
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
