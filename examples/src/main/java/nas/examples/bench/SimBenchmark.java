package nas.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nas.sim.config.LabConfig;
import nas.sim.config.Presets;
import nas.sim.evolution.PopulationEvaluator;
import nas.sim.experiment.Throughput;

/**
 * Throughput of whole Evolution Lab generations (evaluation of every creature for the full simulated
 * duration, plus breeding), the figure the reference reports as creatures per second (spec 8.3).
 *
 * <p>Usage: {@code SimBenchmark [-c CONFIG[,CONFIG...]] [-p POP] [-g GENS] [-t THREADS] [-w WARMUP_GENS] [-s SEED]}.
 * Defaults: pure_baseline,hybrid_baseline, population 500, 10 generations, all cores, 3 warm-up generations.
 * Besides wall-clock throughput it prints the process CPU time per creature, which does not depend on how
 * much of a shared machine other processes take.
 */
public final class SimBenchmark {

    private SimBenchmark() {
    }

    public static void main(String[] args) {
        List<String> configs = new ArrayList<>(List.of("pure_baseline", "hybrid_baseline"));
        int population = 500;
        int generations = 10;
        int warmup = 3;
        int threads = Runtime.getRuntime().availableProcessors();
        long seed = 42;
        for (int i = 0; i < args.length; i += 2) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
            String v = args[i + 1];
            switch (a) {
                case "-c" -> configs = List.of(v.split(","));
                case "-p" -> population = Integer.parseInt(v);
                case "-g" -> generations = Integer.parseInt(v);
                case "-t" -> threads = Integer.parseInt(v);
                case "-w" -> warmup = Integer.parseInt(v);
                case "-s" -> seed = Long.parseLong(v);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        System.out.printf(Locale.ROOT, "threads=%d population=%d generations=%d (+%d warm-up)%n", threads, population,
                generations, warmup);
        try (PopulationEvaluator evaluator = new PopulationEvaluator(threads)) {
            for (String name : configs) {
                LabConfig config = Presets.builder(name).set("population_size", population).build();
                Throughput.Result r = Throughput.measure(config, generations, warmup, seed, evaluator);
                System.out.printf(Locale.ROOT,
                        "%-16s pop %d x %d gens: %.2f s, %.0f creatures/s, %.1f ms/generation"
                                + " (%d steps/creature; best %.1f, avg %.1f at the last generation)%n",
                        name, population, r.generations(), r.wallSeconds(), r.creaturesPerSecond(),
                        r.msPerGeneration(), config.numSteps(), r.lastBest(), r.lastAverage());
                System.out.printf(Locale.ROOT, "%-16s process CPU %.2f s: %.3f ms CPU per creature"
                        + " (%d threads with a core each: %.0f creatures/s)%n", name, r.cpuSeconds(),
                        r.cpuMsPerCreature(), threads, r.idleMachineCreaturesPerSecond());
            }
        }
    }
}
