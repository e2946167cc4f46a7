package nas.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import nas.sim.config.LabConfig;
import nas.sim.config.Presets;
import nas.sim.evolution.EvolutionRun;
import nas.sim.evolution.PopulationEvaluator;
import nas.sim.experiment.Experiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nas run}: evolves an Evolution Lab preset for several seeds (42, 123, 456, 789, 1337 in that
 * order), with per-generation progress on stderr and the results written to
 * {@code <results-dir>/<config>_<timestamp>.json} as it goes (see {@link Experiment}), and once more when a signal
 * ends it.
 */
@Command(name = "run", sortOptions = false,
        description = "Evolve an Evolution Lab preset for several seeds; results JSON is written as it goes.",
        footer = {"", "Examples:",
            "  nas run --config pure_baseline --generations 100 --seeds 3",
            "  nas run -c pure_optimal -g 200 -s 2 -p 300 --set neural_dead_zone=0.118"})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "CONFIG", defaultValue = "pure_baseline",
            description = "Preset to run (see 'nas configs'). Default: ${DEFAULT-VALUE}.")
    String config;

    @Option(names = {"-g", "--generations"}, paramLabel = "N", defaultValue = "100",
            description = "Generations per seed. Default: ${DEFAULT-VALUE}.")
    int generations;

    @Option(names = {"-s", "--seeds"}, paramLabel = "N", defaultValue = "3",
            description = "Number of seeds (at most 1000). Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = {"-p", "--population-size"}, paramLabel = "N",
            description = "Override the preset's population size (at most 100000).")
    Integer population;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override any setting (repeatable), e.g. --set mutation_rate=0.4.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--results-dir", paramLabel = "DIR", defaultValue = "results",
            description = "Where the results JSON goes. Default: ${DEFAULT-VALUE}.")
    Path resultsDir;

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "Threads evaluating creatures (at most 1024). Default: all cores.")
    Integer threads;

    @Option(names = "--every", paramLabel = "N", defaultValue = "1",
            description = "Print progress every N generations. Default: ${DEFAULT-VALUE}.")
    int every;

    @Option(names = "--store-runs",
            description = "Also keep each seed's run in the storage (see 'nas runs'), named after the results file "
                    + "and the seed, so it can be replayed with 'nas replay'.")
    boolean storeRuns;

    @picocli.CommandLine.Mixin
    StorageOptions storage;

    @Option(names = {"-q", "--quiet"}, description = "No per-generation progress.")
    boolean quiet;

    @Override
    public Integer call() {
        if (!Presets.exists(config)) {
            throw new Nas.BadInputException("unknown config '" + config + "'; available: " + Presets.names());
        }
        Nas.requireAtLeast("--generations", generations, 1);
        Nas.requireAtLeast("--seeds", seeds, 1);
        Nas.requireAtMost("--seeds", seeds, nas.api.Limits.MAX_SEEDS);
        Nas.requireAtLeast("--every", every, 1);
        LabConfig.Builder b = Presets.builder(config);
        if (population != null) {
            b.set("population_size", Nas.requireAtMost("--population-size", population,
                    nas.api.Limits.MAX_POPULATION));
        }
        Nas.requireDistinctKeys("--set", sets);
        for (String s : sets) {
            b.parse(s);
        }
        LabConfig lab = b.build();
        int nThreads = Nas.threads(threads);
        checkResultsDir();
        Path file = Experiment.resultsPath(resultsDir, config, LocalDateTime.now());
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        for (Path stale : nas.sim.experiment.ResultsFile.removeStale(resultsDir, java.time.Instant.now())) {
            err.println("nas run: removed " + stale + ", a partial results file a killed run left behind");
        }
        Experiment experiment = new Experiment(config, lab, generations, EvolutionRun.seeds(seeds));
        Experiment.Summary summary;
        // Ctrl-C or SIGTERM ends the run at once: the file gets the generations done since its last write first
        Thread flushOnSignal = new Thread(experiment::stopAndFlush, "nas-run-results");
        Runtime.getRuntime().addShutdownHook(flushOnSignal);
        try (PopulationEvaluator evaluator = new PopulationEvaluator(nThreads);
                nas.api.storage.Storage store = storeRuns ? storage.open() : null) {
            StoringRunObserver observer = store == null ? null : new StoringRunObserver(StorageOptions.runs(store), config);
            summary = experiment.run(evaluator, file, (i, n, seed, g, last) -> {
                if (!quiet && ((g.generation() + 1) % every == 0 || g.generation() == 0 || last)) {
                    // the NAS plan's console line, with the generation numbered from 0 as in the results file
                    // (and as stored with --store-runs) and the count done apart
                    err.printf(Locale.ROOT, "[seed %d/%d] gen %d | %d/%d done | best: %.1f | avg: %.1f | %.2fs/gen%s%n",
                            i + 1, n, g.generation(), g.generation() + 1, generations, g.bestEver(), g.average(),
                            g.seconds(),
                            last && g.generation() + 1 < generations ? " | early stop (no 5% gain in "
                                    + lab.stagnationLimit() + " generations)" : "");
                    err.flush();
                }
            }, observer);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(flushOnSignal);
            } catch (IllegalStateException e) {
                // shutting down already: the hook writes the file
            }
        }
        out.printf(Locale.ROOT, "Config: %s | Seeds: %d | Final: %.1f ± %.1f | Time: %s%n", config, seeds,
                summary.mean(), summary.std(), duration(summary.seconds()));
        out.println("Results: " + summary.resultsFile());
        out.flush();
        return Nas.OK;
    }

    /** The results directory can be written: refused before the evolution, not after its first generation. */
    private void checkResultsDir() {
        try {
            java.nio.file.Files.createDirectories(resultsDir);
        } catch (java.io.IOException e) {
            throw new Nas.BadInputException("--results-dir " + resultsDir + ": " + nas.api.FileErrors.reason(e), e);
        }
        if (!java.nio.file.Files.isWritable(resultsDir)) {
            throw new Nas.BadInputException("--results-dir " + resultsDir + " is not writable");
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }
}
