package nas.sim.evolution;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
        forEach(out.length, (sim, i) -> out[i] = evaluate(sim, population.get(i), config, pelletSeeds[i]));
        return out;
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
     * The CPU time {@link #record} has taken since this evaluator was made, in nanoseconds, summed over the threads
     * that simulated (the pool's, or the caller's with one thread): what recording frames costs in simulation.
     * 0 where the JVM does not measure thread CPU time.
     */
    public long recordingCpuNanos() {
        return recordingCpu.sum();
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
