package nas.ga.objective;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nas.api.StudyDirection;
import nas.api.Trial;
import nas.api.exception.TrialPrunedException;
import nas.api.objective.ObjectiveDefinition;
import nas.api.objective.ObjectiveOptions;
import nas.api.objective.ObjectivePlugin;
import nas.ga.Crossover;
import nas.ga.GaResult;
import nas.ga.GaSettings;
import nas.ga.GeneticAlgorithm;
import nas.ga.MemorizationTask;
import nas.ga.MutationScheme;
import nas.ga.Seeds;
import nas.ga.Supervised;
import nas.ga.TaskSpec;

/**
 * The {@code ga-memorize} objective: one GA run memorising a random dataset per trial, with an equal
 * evaluation budget for every trial. Each GA setting is an option: a fixed value, or {@code search} to
 * let the sampler choose it. The value is the best individual's final cross-entropy (minimised) or the
 * points it memorised (maximised); every generation reports it as an intermediate value, so pruners
 * stop hopeless settings early.
 */
public final class GaMemorizePlugin implements ObjectivePlugin {

    private static final String SEARCH = "search";

    @Override
    public String name() {
        return "ga-memorize";
    }

    @Override
    public String description() {
        return "neuroevolution GA memorising random labels: final loss or points memorised at an equal evaluation budget";
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("points", "points to memorise (default 64)");
        o.put("inputs", "random inputs per point (default 32)");
        o.put("hidden", "hidden layer widths, e.g. 64 or 128,64 (default 64)");
        o.put("fitness", "what selection sees: cross-entropy or accuracy (no-grad) (default cross-entropy)");
        o.put("evaluations", "fitness evaluations per trial, the budget every setting gets (default 3000)");
        o.put("value", "loss (final cross-entropy, minimised) or memorised (points, maximised) (default loss)");
        o.put("parents", "P, 1..16, or search (default search)");
        o.put("children", "C, or search in 8..64 (default 32)");
        o.put("sigma", "mutation step, or search in [0.001, 0.5] log (default search)");
        o.put("scheme", "fixed, self-adaptive, norm-preserving, or search (default search)");
        o.put("tau", "self-adaptive log-rate step, or search in [0.01, 1] log (default 0.1)");
        o.put("momentum", "beta in [0, 1), or search in [0, 0.9] (default 0)");
        o.put("crossover", "none, tensor, unit, or search (default none)");
        o.put("layers", "all or one (mutated per child), or search (default all)");
        o.put("data-seed", "seed of the dataset, the same for every trial (default 1)");
        o.put("threads", "threads evaluating children (default: all cores)");
        return o;
    }

    @Override
    public ObjectiveDefinition create(ObjectiveOptions options) {
        options.requireOnly(name(), options().keySet());
        TaskSpec spec = new TaskSpec("memorize", options.getInt("points", 64), options.getInt("inputs", 32),
                TaskSpec.parseHidden(options.getString("hidden", "64")), 10,
                MemorizationTask.Fitness.parse(options.getString("fitness", "cross-entropy")),
                options.getInt("data-seed", 1));
        int evaluations = options.getInt("evaluations", 3000);
        boolean memorised = switch (options.getString("value", "loss").trim()) {
            case "loss" -> false;
            case "memorised", "memorized" -> true;
            default -> throw new IllegalArgumentException("option 'value' of objective 'ga-memorize' is loss or "
                    + "memorised, got '" + options.getString("value", "") + "'");
        };
        int threads = options.getInt("threads", nas.api.Limits.defaultThreads());
        nas.api.Limits.requireAtMost("option 'threads' of objective 'ga-memorize'", threads,
                nas.api.Limits.MAX_THREADS);
        if (evaluations < 8 || evaluations > 100_000_000 || threads < 1) {
            throw new IllegalArgumentException("ga-memorize needs 8 <= evaluations <= 100000000 and threads >= 1, got "
                    + evaluations + ", " + threads);
        }
        Space space = new Space(options);
        space.check(); // a fixed value that is invalid fails now, not in every trial
        Supervised task = spec.build();
        StudyDirection direction = memorised ? StudyDirection.MAXIMIZE : StudyDirection.MINIMIZE;
        return new ObjectiveDefinition(List.of(direction), List.of(memorised ? "memorised" : "loss"),
                trial -> new double[] {run(trial, task, space.settings(trial), evaluations, memorised, threads)},
                space.defaults());
    }

    private static double run(Trial trial, Supervised task, GaSettings settings, int evaluations, boolean memorised,
            int threads) {
        int generations = settings.generationsFor(Math.max(evaluations, settings.children()));
        long seed = Seeds.mix(trial.study().seed(), trial.number());
        GaResult r = new GeneticAlgorithm(task, settings, threads, seed).run(generations, g -> {
            trial.report(memorised ? g.bestCorrect() : g.bestLoss(), g.generation());
            if (trial.shouldPrune()) {
                throw new TrialPrunedException("pruned at generation " + g.generation());
            }
        });
        trial.setUserAttr("generations", (long) generations);
        trial.setUserAttr("memorised", (long) r.last().bestCorrect());
        if (!Double.isNaN(r.last().interference())) {
            trial.setUserAttr("interference", r.last().interference());
        }
        return memorised ? r.last().bestCorrect() : r.last().bestLoss();
    }

    /** The GA settings: each option fixed or searched. */
    private static final class Space {
        private final ObjectiveOptions o;

        Space(ObjectiveOptions o) {
            this.o = o;
        }

        private boolean searched(String name, String byDefault) {
            return o.getString(name, byDefault).trim().toLowerCase(Locale.ROOT).equals(SEARCH);
        }

        GaSettings settings(Trial t) {
            int children = searched("children", "32") ? t.suggestInt("children", 8, 64, true) : o.getInt("children", 32);
            int parents = searched("parents", SEARCH) ? t.suggestInt("parents", 1, 16) : o.getInt("parents", 8);
            double sigma = searched("sigma", SEARCH) ? t.suggestFloat("sigma", 1e-3, 0.5, true) : o.getDouble("sigma", 0.05);
            MutationScheme scheme = MutationScheme.parse(searched("scheme", SEARCH)
                    ? t.suggestCategorical("scheme", List.of("fixed", "self-adaptive", "norm-preserving"))
                    : o.getString("scheme", "fixed"));
            double tau = searched("tau", "0.1") ? t.suggestFloat("tau", 0.01, 1, true) : o.getDouble("tau", 0.1);
            double momentum = searched("momentum", "0") ? t.suggestFloat("momentum", 0, 0.9) : o.getDouble("momentum", 0);
            Crossover crossover = Crossover.parse(searched("crossover", "none")
                    ? t.suggestCategorical("crossover", List.of("none", "tensor", "unit"))
                    : o.getString("crossover", "none"));
            String layers = searched("layers", "all") ? t.suggestCategorical("layers", List.of("all", "one"))
                    : o.getString("layers", "all");
            // more parents than the C + 1 candidates cannot be kept: P is capped at C
            return new GaSettings(Math.min(parents, children), children, sigma, scheme, tau, momentum, crossover,
                    oneLayer(layers));
        }

        static boolean oneLayer(String layers) {
            return switch (layers.trim()) {
                case "all" -> false;
                case "one" -> true;
                default -> throw new IllegalArgumentException("layers must be all or one, got '" + layers + "'");
            };
        }

        /** Validates the fixed options with a trial-free stand-in for the searched ones. */
        void check() {
            int children = searched("children", "32") ? 32 : o.getInt("children", 32);
            int parents = searched("parents", SEARCH) ? 1 : o.getInt("parents", 8);
            if (parents < 1) {
                throw new IllegalArgumentException("parents must be >= 1, got " + parents);
            }
            new GaSettings(Math.min(parents, children), children,
                    searched("sigma", SEARCH) ? 0.05 : o.getDouble("sigma", 0.05),
                    searched("scheme", SEARCH) ? MutationScheme.FIXED : MutationScheme.parse(o.getString("scheme", "fixed")),
                    searched("tau", "0.1") ? 0.1 : o.getDouble("tau", 0.1),
                    searched("momentum", "0") ? 0 : o.getDouble("momentum", 0),
                    searched("crossover", "none") ? Crossover.NONE : Crossover.parse(o.getString("crossover", "none")),
                    !searched("layers", "all") && oneLayer(o.getString("layers", "all")));
        }

        Map<String, Object> defaults() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("parents", 8L);
            d.put("children", 32L);
            d.put("sigma", 0.05);
            d.put("scheme", "fixed");
            d.put("tau", 0.1);
            d.put("momentum", 0.0);
            d.put("crossover", "none");
            d.put("layers", "all");
            return d;
        }
    }
}
