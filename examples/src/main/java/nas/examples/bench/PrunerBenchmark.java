package nas.examples.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.Studies;
import nas.api.Study;
import nas.api.TrialState;
import nas.api.objective.ObjectiveDefinition;
import nas.api.objective.ObjectiveOptions;
import nas.api.objective.ObjectivePlugins;
import nas.api.OptimizeOptions;
import nas.api.pruner.NopPruner;
import nas.api.pruner.Pruner;
import nas.api.sampler.RandomSampler;
import nas.pruners.HyperbandPruner;
import nas.pruners.MedianPruner;
import nas.pruners.SuccessiveHalvingPruner;

/**
 * How much compute each pruner saves on the {@code curve} objective, and what it costs in the
 * best value found. Runs the same random-sampled study (same seed, so trial n has the same
 * parameters and noise in every run) with each pruner and prints a Markdown table.
 *
 * <pre>
 * java nas.examples.bench.PrunerBenchmark [trials=200] [seed=42] [steps=100]
 * </pre>
 */
public final class PrunerBenchmark {

    private PrunerBenchmark() {
    }

    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        ObjectiveDefinition curve = ObjectivePlugins.find("curve")
                .create(new ObjectiveOptions(Map.of("steps", Integer.toString(steps))));

        Map<String, Pruner> pruners = new LinkedHashMap<>();
        pruners.put("none", new NopPruner());
        pruners.put("median (defaults)", MedianPruner.defaults());
        pruners.put("median, 20 warm-up steps", MedianPruner.defaults().withWarmupSteps(20));
        pruners.put("successive halving (defaults)", SuccessiveHalvingPruner.defaults());
        pruners.put("hyperband (defaults)", HyperbandPruner.defaults());

        System.out.printf(Locale.ROOT, "curve objective, %d trials of %d steps, random sampler, seed %d%n%n", trials,
                steps, seed);
        System.out.println("| pruner | steps consumed | % of unpruned | pruned trials | best value | best trial | time (s) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        long baseline = -1;
        for (Map.Entry<String, Pruner> e : pruners.entrySet()) {
            long t0 = System.nanoTime();
            Study study = Studies.builder("pruner-benchmark").pruner(e.getValue()).sampler(new RandomSampler(seed))
                    .seed(seed).create();
            study.optimizeMulti(curve.function(), OptimizeOptions.trials(trials));
            double seconds = (System.nanoTime() - t0) / 1e9;
            long consumed = 0;
            for (FrozenTrial t : study.trials()) {
                consumed += t.intermediateValues().size();
            }
            if (baseline < 0) {
                baseline = consumed;
            }
            FrozenTrial best = study.bestTrial();
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %d | %.5f | %d | %.2f |%n", e.getKey(), consumed,
                    100.0 * consumed / baseline, study.trials(TrialState.PRUNED).size(), best.value(), best.number(),
                    seconds);
        }
    }
}
