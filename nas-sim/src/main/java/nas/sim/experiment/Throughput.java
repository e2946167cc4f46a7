package nas.sim.experiment;

import java.lang.management.ManagementFactory;
import nas.sim.config.LabConfig;
import nas.sim.evolution.EvolutionRun;
import nas.sim.evolution.PopulationEvaluator;
import nas.sim.evolution.RunResult;

/**
 * Measures whole generations (every creature simulated for the full duration, plus breeding), the figure the
 * reference reports as creatures per second (spec 8.3). Besides wall time it records the process CPU time,
 * which does not depend on how much of a shared machine other processes take.
 */
public final class Throughput {

    /**
     * One measurement.
     *
     * @param generations generations run (early stop can end a run sooner)
     * @param creatures   creatures simulated (generations x population)
     * @param wallSeconds elapsed time
     * @param cpuSeconds  process CPU time (0 if the JVM cannot tell)
     * @param threads     worker threads
     * @param lastBest    best fitness of the last generation
     * @param lastAverage average fitness of the last generation
     */
    public record Result(int generations, long creatures, double wallSeconds, double cpuSeconds, int threads,
            double lastBest, double lastAverage) {

        public double creaturesPerSecond() {
            return creatures / wallSeconds;
        }

        public double msPerGeneration() {
            return 1000.0 * wallSeconds / generations;
        }

        /** CPU milliseconds per creature. */
        public double cpuMsPerCreature() {
            return 1000.0 * cpuSeconds / creatures;
        }

        /** Creatures per second if every thread had a core to itself. */
        public double idleMachineCreaturesPerSecond() {
            return cpuSeconds > 0 ? threads * creatures / cpuSeconds : Double.NaN;
        }
    }

    private Throughput() {
    }

    /** Runs {@code warmup} generations (seed + 1, not measured) then {@code generations} measured ones (seed). */
    public static Result measure(LabConfig config, int generations, int warmup, long seed, PopulationEvaluator evaluator) {
        if (warmup > 0) {
            new EvolutionRun(config, evaluator).run(seed + 1, warmup, null);
        }
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        RunResult r = new EvolutionRun(config, evaluator).run(seed, generations, null);
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        int gens = r.generations().size();
        return new Result(gens, (long) gens * config.populationSize(), wall, cpu, evaluator.threads(), r.last().best(),
                r.last().average());
    }

    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0L;
    }
}
