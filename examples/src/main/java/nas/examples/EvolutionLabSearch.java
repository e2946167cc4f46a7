package nas.examples;

import java.util.Locale;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.objective.ObjectiveDefinition;
import nas.api.objective.ObjectiveOptions;
import nas.api.objective.ObjectivePlugins;
import nas.api.sampler.RandomSampler;

/**
 * A small search over the Evolution Lab's genetic-algorithm settings from the Java API: the
 * {@code evolution-lab} objective plugin, a random sampler, in-memory storage.
 *
 * <p>Usage: {@code EvolutionLabSearch [TRIALS] [GENERATIONS] [POPULATION]} (defaults 6, 15, 100).
 */
public final class EvolutionLabSearch {

    private EvolutionLabSearch() {
    }

    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        String generations = args.length > 1 ? args[1] : "15";
        String population = args.length > 2 ? args[2] : "100";
        ObjectiveDefinition lab = ObjectivePlugins.find("evolution-lab").create(new ObjectiveOptions(Map.of(
                "generations", generations, "population-size", population, "seeds", "1", "tiers", "1,4")));
        Study study = Studies.builder("evolution-lab-demo").directions(lab.directions())
                .sampler(new RandomSampler(42)).create();
        study.optimizeMulti(lab.function(), OptimizeOptions.trials(trials));
        for (FrozenTrial t : study.trials()) {
            System.out.printf(Locale.ROOT, "trial %d %s value %.1f params %s%n", t.number(), t.state(),
                    t.values().isEmpty() ? Double.NaN : t.value(), t.params());
        }
        FrozenTrial best = study.bestTrial();
        System.out.printf(Locale.ROOT, "best trial %d: mean best-ever fitness %.1f%n", best.number(), best.value());
    }
}
