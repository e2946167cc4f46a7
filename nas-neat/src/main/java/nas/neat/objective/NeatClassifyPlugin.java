package nas.neat.objective;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nas.api.StudyDirection;
import nas.api.exception.TrialPrunedException;
import nas.api.objective.ObjectiveDefinition;
import nas.api.objective.ObjectiveOptions;
import nas.api.objective.ObjectivePlugin;
import nas.neat.NeatEvolution;
import nas.neat.NeatGenomeJson;
import nas.neat.data.CsvDataset;
import nas.neat.data.Datasets;
import nas.neat.data.Split;
import nas.neat.learn.NeatClassifier;

/**
 * The {@code neat-classify} objective: NEAT with backpropagation on a classification task, its settings searched
 * ({@link NeatClassifySpace}); the value is the validation accuracy of the run's best genome, the best-so-far
 * accuracy is reported after every generation (so pruners work), and the best genome is stored with the trial
 * as the user attribute {@code best_genome} (JSON).
 */
public final class NeatClassifyPlugin implements ObjectivePlugin {

    @Override
    public String name() {
        return "neat-classify";
    }

    @Override
    public String description() {
        return "NEAT with backpropagation on a classification task: validation accuracy of the best network";
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dataset", "spirals, xor, circles or a CSV file (default spirals)");
        m.put("label", "label column of a CSV file (default label)");
        m.put("validation", "share of a CSV or built-in set held out for validation (default 0.3; xor uses its 4 rows)");
        m.put("generations", "generations per trial (default 30)");
        m.put("population-size", "genomes per generation (default 100), or 'search' to search 50-300");
        m.put("seed", "seed of the data split and the evolution, the same for every trial (default 42)");
        m.put("threads", "threads evaluating genomes (default: all cores)");
        return m;
    }

    @Override
    public ObjectiveDefinition create(ObjectiveOptions options) {
        options.requireOnly(name(), options().keySet());
        int generations = options.getInt("generations", 30);
        boolean searchPopulation = options.getString("population-size", "").trim().equals("search");
        int population = searchPopulation ? 100 : options.getInt("population-size", 100);
        int threads = options.getInt("threads", nas.api.Limits.defaultThreads());
        nas.api.Limits.requireAtMost("option 'threads' of objective 'neat-classify'", threads,
                nas.api.Limits.MAX_THREADS);
        nas.api.Limits.requireAtMost("option 'population-size' of objective 'neat-classify'", population,
                nas.api.Limits.MAX_POPULATION);
        long seed = options.getInt("seed", 42);
        if (generations < 1 || population < 2 || threads < 1) {
            throw new IllegalArgumentException("neat-classify needs generations >= 1, population-size >= 2 and "
                    + "threads >= 1, but got " + generations + ", " + population + ", " + threads);
        }
        Split data = load(options.getString("dataset", "spirals"), options.getString("label", "label"),
                options.getDouble("validation", 0.3), seed);
        NeatClassifySpace space = new NeatClassifySpace(searchPopulation, population);
        return new ObjectiveDefinition(List.of(StudyDirection.MAXIMIZE), List.of("accuracy"), trial -> {
            NeatClassifier classifier = space.suggest(trial);
            NeatEvolution.Result r = classifier.run(data, generations, threads, seed, g -> {
                trial.report(g.bestEverScore(), g.generation());
                if (trial.shouldPrune()) {
                    throw new TrialPrunedException("pruned at generation " + g.generation());
                }
            });
            trial.setUserAttr("best_genome", NeatGenomeJson.toMap(r.best()));
            trial.setUserAttr("best_fitness", r.bestFitness());
            trial.setUserAttr("hidden_neurons", (long) r.best().hiddenCount());
            trial.setUserAttr("enabled_connections", (long) r.best().enabledConnectionCount());
            trial.setUserAttr("generations_run", (long) r.history().size());
            return new double[] {r.bestScore()};
        }, space.defaults());
    }

    /**
     * A built-in task by name, or a CSV file (a name ending in .csv or an existing file) split by the seed.
     *
     * @throws IllegalArgumentException for an unknown name or a bad file
     */
    public static Split load(String dataset, String label, double validation, long seed) {
        Path file = Path.of(dataset);
        if (dataset.toLowerCase(Locale.ROOT).endsWith(".csv") || Files.isRegularFile(file)) {
            return Split.of(CsvDataset.read(file, label), validation, seed);
        }
        return Datasets.builtIn(dataset, validation, seed);
    }
}
