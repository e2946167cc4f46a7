package nas.examples.bench;

import java.util.Locale;
import nas.sim.config.LabConfig;
import nas.sim.config.Presets;
import nas.sim.evolution.EvolutionRun;
import nas.sim.evolution.PopulationEvaluator;
import nas.sim.evolution.RunResult;

/**
 * Fitness curve of a preset, to compare with the reference's published ranges (spec 9.2): prints best,
 * best-ever and average every {@code every} generations for each seed.
 *
 * <p>Usage: {@code PresetCurve CONFIG POPULATION GENERATIONS SEEDS [EVERY]}, e.g.
 * {@code PresetCurve pure_optimal 300 200 2 25}.
 */
public final class PresetCurve {

    private PresetCurve() {
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "pure_optimal";
        int population = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int generations = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int seeds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        int every = args.length > 4 ? Integer.parseInt(args[4]) : 25;
        LabConfig config = Presets.builder(name).set("population_size", population).build();
        try (PopulationEvaluator evaluator = PopulationEvaluator.allCores()) {
            for (long seed : EvolutionRun.seeds(seeds)) {
                long start = System.nanoTime();
                RunResult r = new EvolutionRun(config, evaluator).run(seed, generations, s -> {
                    if ((s.generation() + 1) % every == 0 || s.generation() == 0) {
                        System.out.printf(Locale.ROOT, "%s seed %d gen %d | best %.1f | best-ever %.1f | avg %.1f%n",
                                name, seed, s.generation() + 1, s.best(), s.bestEver(), s.average());
                    }
                });
                System.out.printf(Locale.ROOT, "%s seed %d: best-ever %.1f at generation %d, %d generations%s, %.1f s%n",
                        name, seed, r.bestFitness(), r.bestGeneration() + 1, r.generations().size(),
                        r.stoppedEarly() ? " (early stop)" : "", (System.nanoTime() - start) / 1e9);
            }
        }
    }
}
