package nas.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nas.sim.config.LabConfig;
import nas.sim.config.Presets;
import nas.sim.evolution.EvolutionRun;
import nas.sim.evolution.GenerationStats;
import nas.sim.evolution.PopulationEvaluator;
import nas.sim.evolution.RunResult;

/**
 * Throughput of whole Evolution Lab generations (evaluation of every creature for the full simulated
 * duration, plus breeding), the figure the reference reports as creatures per second (spec 8.3).
 *
 * <p>Usage: {@code SimBenchmark [-c CONFIG[,CONFIG...]] [-p POP] [-g GENS] [-t THREADS] [-w WARMUP_GENS]}.
 * Defaults: pure_baseline,hybrid_baseline, population 500, 10 generations, all cores, 3 warm-up generations.
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
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "-c" -> {
                    configs = List.of(v.split(","));
                    i++;
                }
                case "-p" -> {
                    population = Integer.parseInt(v);
                    i++;
                }
                case "-g" -> {
                    generations = Integer.parseInt(v);
                    i++;
                }
                case "-t" -> {
                    threads = Integer.parseInt(v);
                    i++;
                }
                case "-w" -> {
                    warmup = Integer.parseInt(v);
                    i++;
                }
                case "-s" -> {
                    seed = Long.parseLong(v);
                    i++;
                }
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        System.out.printf(Locale.ROOT, "threads=%d population=%d generations=%d (+%d warm-up)%n", threads, population,
                generations, warmup);
        try (PopulationEvaluator evaluator = new PopulationEvaluator(threads)) {
            for (String name : configs) {
                LabConfig config = Presets.builder(name).set("population_size", population).build();
                if (warmup > 0) {
                    new EvolutionRun(config, evaluator).run(seed + 1, warmup, null);
                }
                long start = System.nanoTime();
                RunResult r = new EvolutionRun(config, evaluator).run(seed, generations, null);
                double seconds = (System.nanoTime() - start) / 1e9;
                int gens = r.generations().size();
                double creatures = (double) gens * population;
                GenerationStats last = r.last();
                System.out.printf(Locale.ROOT,
                        "%-16s pop %d x %d gens: %.2f s, %.0f creatures/s, %.1f ms/generation"
                                + " (%d steps/creature; best %.1f, avg %.1f at the last generation)%n",
                        name, population, gens, seconds, creatures / seconds, 1000.0 * seconds / gens,
                        config.numSteps(), last.best(), last.average());
            }
        }
    }
}
