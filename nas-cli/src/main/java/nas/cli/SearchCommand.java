package nas.cli;

import nas.api.storage.Storage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import nas.api.MaxConsecutiveFailsCallback;
import nas.api.MaxTrialsCallback;
import nas.api.OptimizeOptions;
import nas.api.RetryFailedTrialCallback;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.artifact.FileSystemArtifactStore;
import nas.api.artifact.RunArtifacts;
import nas.api.objective.ObjectiveDefinition;
import nas.api.objective.ObjectiveOptions;
import nas.api.objective.ObjectivePlugin;
import nas.api.objective.ObjectivePlugins;
import nas.samplers.StudySettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nas search}: creates or resumes a study and runs trials of an objective plugin. A resumed
 * study remembers its objective, objective options, seed, sampler, pruner and their options
 * ({@link StudySettings}), so {@code nas search --study NAME} alone continues it.
 */
@Command(name = "search", sortOptions = false,
        customSynopsis = {"nas search --study=NAME [--objective=NAME] [--sampler=NAME]",
            "                  [--pruner=NAME] [--n-trials=N] [--timeout=SECONDS] [--jobs=J]",
            "                  [--storage=URL] [OPTION...]"},
        description = "Create or resume a study and run trials of an objective.",
        footer = {"", "Examples:",
            "  nas search --study demo --objective sphere --sampler random \\",
            "      --n-trials 200 --seed 1",
            "  # resume: objective, seed, sampler, pruner and options are remembered",
            "  nas search --study demo --n-trials 100",
            "  nas search --study mo --objective zdt1 --n-trials 500 --jobs 2",
            "  # a program's config file, its summary's score, two eval seeds",
            "  nas search --study pilot --objective external --baseline \\",
            "      -O command='python3 train.py {config} {seed} {trial_dir}' \\",
            "      -O space=space.json -O config-file=config.json \\",
            "      -O result-file=summary.json -O result-key=losses \\",
            "      -O result-reduce=mean-last:3 -O eval-seeds=123,456",
            "  # phase 2: search the screening's top 15 parameters",
            "  nas search --study exp-001 --space-from exp-screen --top 15 \\",
            "      --param population_size=200"})
public final class SearchCommand implements Callable<Integer> {

    static final String OBJECTIVE_ATTR = StudySettings.OBJECTIVE_ATTR;
    static final String OBJECTIVE_OPTIONS_ATTR = StudySettings.OBJECTIVE_OPTIONS_ATTR;
    static final String SEED_ATTR = StudySettings.SEED_ATTR;
    static final String FIXED_PARAMS_ATTR = StudySettings.FIXED_PARAMS_ATTR;
    static final String SPACE_FROM_ATTR = "cli:space_from";
    static final String SAMPLER_ATTR = StudySettings.SAMPLER_ATTR;
    static final String BASELINE_ATTR = "cli:baseline";
    /** How long a worker without --objective waits for another worker to create its study. */
    static final Duration STUDY_WAIT = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "Study to create or resume.")
    String study;

    @Mixin
    StorageOptions storage;

    @Option(names = "--objective", paramLabel = "NAME",
            description = "Objective plugin (see 'nas objectives'). Remembered by the study.")
    String objective;

    @Option(names = "--dim", paramLabel = "N", description = "Objective option 'dim' (test functions).")
    Integer dim;

    @Option(names = "--generations", paramLabel = "N", description = "Objective option 'generations' (evolution-lab).")
    Integer generations;

    @Option(names = "--seeds", paramLabel = "N", description = "Objective option 'seeds' (evolution-lab).")
    Integer seeds;

    @Option(names = "--mode", paramLabel = "MODE", description = "Objective option 'mode' (evolution-lab).")
    String mode;

    @Option(names = {"-O", "--objective-option"}, paramLabel = "KEY=VALUE",
            description = "Any objective option, e.g. -O steps=50. Repeatable.")
    Map<String, String> objectiveOptions = new LinkedHashMap<>();

    @Mixin
    SamplerOptions sampler;

    @Option(names = "--space-from", paramLabel = "STUDY",
            description = "Phase 2: search only the top parameters of this screening study (Morris ranking, or "
                    + "fANOVA for a study not made by 'nas screen'); the rest stay at their defaults.")
    String spaceFrom;

    @Option(names = "--top", paramLabel = "N", defaultValue = "15",
            description = "With --space-from: how many parameters to search (default 15).")
    int top;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "Hold a parameter at a value instead of its default or instead of searching it. Repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--baseline", arity = "0..1", paramLabel = "NAME=VALUE,...", fallbackValue = "",
            description = "Run a baseline first, as trial 0 of a new study: the objective's defaults (the space "
                    + "file's \"defaults\"), with the NAME=VALUE pairs given instead. 'nas pilot-summary' compares "
                    + "the best trial with it. CMA-ES starts its first generation after it.")
    String baseline;

    @Mixin
    PrunerOptions pruner;

    @Option(names = "--n-trials", paramLabel = "N",
            description = "Trials to run in this invocation (default 100 unless --timeout or --max-trials is given).")
    Integer nTrials;

    @Option(names = "--max-trials", paramLabel = "N",
            description = "Stop once the study holds N COMPLETE or PRUNED trials, counting every worker and earlier runs.")
    Integer maxTrials;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Start no trial after this many seconds.")
    Double timeout;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of every random choice (default 0; a resumed study keeps its seed).")
    Long seed;

    @Option(names = "--jobs", paramLabel = "J", defaultValue = "1", description = "Worker threads (default 1, at most 1024).")
    int jobs;

    @Option(names = "--deterministic", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "With --jobs J: trial n's sampler sees only trials 0..n-J, after they finish, so the same seed "
                    + "gives the same study (every sampler; nsga2, cmaes and morris the same as with --jobs 1; "
                    + "default on). --no-deterministic: no waiting.")
    boolean deterministic;

    @Option(names = {"--direction", "--directions"}, arity = "1..*", paramLabel = "DIR",
            description = "minimize or maximize, one per objective value (default: the objective's).")
    List<String> directions;

    @Option(names = "--heartbeat-interval", paramLabel = "SECONDS", defaultValue = "5",
            description = "Running trials record a heartbeat this often; a trial silent for twice as long (its "
                    + "process died) is marked FAIL by the next worker. 0 turns heartbeats off. Default 5.")
    double heartbeatInterval;

    @Option(names = "--retry-stale", paramLabel = "N", defaultValue = "0",
            description = "Re-enqueue a trial failed for a stale heartbeat with the same parameters, up to N times.")
    int retryStale;

    @Option(names = "--max-consecutive-fails", paramLabel = "N", defaultValue = "20",
            description = "Stop after N trials in a row FAIL (a misconfigured objective); 0 = never. Default 20. "
                    + "A search in which no trial completed exits with code 1.")
    int maxConsecutiveFails;

    @Option(names = "--override-settings",
            description = "Resume a study with another --seed or --sampler than it was created with (refused otherwise).")
    boolean overrideSettings;

    @Option(names = "--store-runs",
            description = "Keep every evolution run of the evolution-lab objective in the storage, named "
                    + "STUDY-trialN-seedS (see 'nas runs'), so a trial can be replayed with 'nas replay'.")
    boolean storeRuns;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--print-trials",
            description = "Print a line on stdout for each trial this process finishes, once it is stored: "
                    + "'trial NUMBER STATE VALUES'.")
    boolean printTrials;

    @Override
    public Integer call() {
        validate();
        refuseBeforeStorage();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Storage store = storage.open()) {
            Map<String, Object> remembered = objective != null ? rememberedSettings(store) : awaitStudy(store, err);
            Optional<StudySettings> stored = StudySettings.of(remembered);
            String objectiveName = objective != null ? objective : stored.map(StudySettings::objective).orElse(null);
            if (objectiveName == null) {
                String near = StudyLoader.nearest(store, study);
                throw new Nas.BadInputException("study '" + study + "' is new: name its objective with --objective "
                        + "(see 'nas objectives')" + (near != null ? "; did you mean '" + near + "'?" : ""));
            }
            ObjectivePlugin plugin = ObjectivePlugins.find(objectiveName);
            Map<String, String> options = objectiveOptions(stored);
            ObjectiveDefinition definition = plugin.create(new ObjectiveOptions(options));
            if (storeRuns) {
                if (!(definition.function() instanceof nas.sim.objective.EvolutionLabObjective lab)) {
                    throw new Nas.BadInputException("--store-runs keeps the runs of the evolution-lab objective; "
                            + "objective '" + objectiveName + "' has none");
                }
                lab.storeRuns(new StoringRunObserver(StorageOptions.runs(store), "evolution-lab"));
            }
            long studySeed = seed != null ? seed : stored.map(StudySettings::seed).orElse(0L);
            checkResumedSettings(remembered, err);
            sampler.defaultTo(stored.map(StudySettings::sampler).orElse(SamplerOptions.DEFAULT));

            checkParams(definition);
            Map<String, Object> fixed = fixedParameters(store, remembered, definition, err);
            String prunerName = pruner.name() != null ? pruner.name()
                    : stored.map(StudySettings::pruner).orElse(PrunerOptions.DEFAULT);
            StudySettings settings = new StudySettings(objectiveName, options, studySeed, sampler.name(),
                    samplerOptions(stored), fixed, prunerName, prunerOptions(stored, prunerName));
            stored.ifPresent(r -> SamplerOptions.inFlags(() -> {
                settings.checkSameObjective(study, r);
                return r;
            }));
            nas.api.sampler.Sampler named = SamplerOptions.inFlags(settings.sampler(),
                    () -> settings.createNamedSampler(definition, store));
            int gridSize = named instanceof nas.samplers.grid.GridSampler g ? g.grid().size() : 0;
            if ("external".equals(objectiveName)) {
                requireWorkdir(Path.of(options.getOrDefault("workdir", "nas-runs")));
            }
            Studies.Builder builder = Studies.builder(study).storage(store)
                    .directions(directions(definition))
                    .sampler(settings.around(named))
                    .pruner(PrunerOptions.inFlags(settings::createPruner))
                    .seed(studySeed)
                    .loadIfExists(true);
            if (heartbeatInterval > 0) {
                builder.heartbeatInterval(Duration.ofMillis(Math.round(heartbeatInterval * 1000)));
                if (retryStale > 0) {
                    builder.staleTrialCallback(new RetryFailedTrialCallback(retryStale));
                }
            }
            Study s = builder.create();
            if (spaceFrom != null && !fixed.isEmpty() && !remembered.containsKey(FIXED_PARAMS_ATTR)) {
                s.setSystemAttr(SPACE_FROM_ATTR, spaceFrom);
            }
            settings.rememberIn(s);
            if (stored.isPresent() && !quiet) {
                err.println("[" + study + "] resumed with pruner " + prunerName
                        + (settings.prunerOptions().isEmpty() ? "" : " " + settings.prunerOptions())
                        + (pruner.name() != null ? " (--pruner given)" : stored.get().pruner() != null
                        ? " (remembered; --pruner overrides)" : " (the study remembers none)"));
            }
            s.failStaleTrials();
            if (baseline != null) {
                enqueueBaseline(s, definition, fixed, err);
            }
            RunArtifacts artifacts = "external".equals(objectiveName) ? startRunFiles(s, options, definition) : null;

            int n = nTrials != null ? nTrials : (timeout == null && maxTrials == null ? 100 : 0);
            OptimizeOptions run = new OptimizeOptions(n, timeout == null ? null
                    : Duration.ofMillis(Math.round(timeout * 1000)), jobs, List.of(), List.of())
                    .withDeterministic(deterministic);
            if (maxTrials != null) {
                int finished = s.storage().countTrials(s.id(), EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED));
                if (finished >= maxTrials) {
                    err.println("[" + study + "] already holds " + finished + " finished trials (--max-trials "
                            + maxTrials + "); nothing to do");
                    BestCommand.printBest(out, s, OutputFormat.TABLE);
                    return Nas.OK;
                }
                run = run.withCallback(new MaxTrialsCallback(maxTrials, EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED)));
            }
            if (printTrials) {
                run = run.withCallback((st, t) -> {
                    synchronized (out) {
                        out.println("trial " + t.number() + " " + t.state() + " " + t.values());
                        out.flush();
                    }
                });
            }
            MaxConsecutiveFailsCallback failGuard = null;
            if (maxConsecutiveFails > 0) {
                failGuard = new MaxConsecutiveFailsCallback(maxConsecutiveFails);
                run = run.withCallback(failGuard);
            }
            if (artifacts != null) {
                run = run.withCallback(artifacts);
            }
            TrialTally tally = new TrialTally();
            run = run.withCallback(tally);
            SearchProgress progress = null;
            if (!quiet) {
                // a grid has its own end: its progress counts to the grid's size
                progress = new SearchProgress(err, s, gridSize > 0 && n > 0 ? Math.min(n, gridSize) : n, timeout,
                        System.console() != null);
                progress.steps(plugin.trialSteps(new ObjectiveOptions(options)).orElse(null));
                run = run.withCallback(progress);
            }
            if (!quiet && named instanceof nas.samplers.AutoSampler auto) {
                int complete = s.storage().countTrials(s.id(), EnumSet.of(TrialState.COMPLETE));
                err.println("[" + study + "] sampler auto: " + auto.plan(s.directions(),
                        settings.searched(definition).searchSpace(), complete, n));
            }
            SearchProgress shownProgress = progress;
            try (SearchInterrupts interrupts = new SearchInterrupts(s, err, () -> {
                report(out, err, s, shownProgress);
                err.println("[" + study + "] interrupted; running trials stored as FAIL (reason 'interrupted')");
                store.close();
            })) {
                if (progress != null) {
                    interrupts.describeRunning(progress);
                }
                try {
                    s.optimizeMulti(interrupts.track(progress == null ? definition.function()
                            : progress.track(definition.function())), run);
                } finally {
                    if (progress != null) {
                        progress.close();
                    }
                    if (interrupts.aborting()) {
                        awaitExit();
                    }
                }
                report(out, err, s, progress);
                if (interrupts.interrupted()) {
                    err.println("[" + study + "] interrupted");
                    return interrupts.exitCode();
                }
            }
            if (gridSize > 0 && n > 0 && tally.finished() < n && timeout == null && maxTrials == null
                    && (failGuard == null || !failGuard.fired())) {
                err.println("[" + study + "] grid exhausted: every one of its " + gridSize + " points is evaluated");
            }
            return verdict(err, tally, failGuard);
        }
    }

    /**
     * Enqueues the baseline as the new study's first trial: the objective's defaults, the parameters held
     * fixed, then the values of {@code --baseline}. A study that has trials already keeps the baseline it has.
     */
    private void enqueueBaseline(Study s, ObjectiveDefinition definition, Map<String, Object> fixed, PrintWriter err) {
        Map<String, nas.api.distribution.Distribution> space = definition.searchSpace();
        if (space.isEmpty()) {
            throw new Nas.BadInputException("--baseline needs an objective whose parameters are known before it runs "
                    + "(e.g. 'external' with a space file)");
        }
        Map<String, Object> values = new LinkedHashMap<>(definition.parameterDefaults());
        values.putAll(fixed);
        for (String pair : baseline.isBlank() ? new String[0] : baseline.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new Nas.BadInputException("--baseline takes NAME=VALUE pairs separated by commas, but got '"
                        + pair + "'");
            }
            values.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (Map.Entry<String, nas.api.distribution.Distribution> e : space.entrySet()) {
            if (!values.containsKey(e.getKey())) {
                throw new Nas.BadInputException("--baseline needs a value for '" + e.getKey()
                        + "': it has no default; give it as --baseline " + e.getKey() + "=VALUE");
            }
            params.put(e.getKey(), baselineValue(e.getKey(), values.get(e.getKey()), e.getValue()));
        }
        for (String name : values.keySet()) {
            if (!space.containsKey(name)) {
                throw new Nas.BadInputException("--baseline names '" + name + "', which is not a parameter "
                        + "(parameters: " + space.keySet() + ")");
            }
        }
        if (s.storage().countTrials(s.id(), EnumSet.allOf(TrialState.class)) > 0) {
            if (!s.systemAttrs().containsKey(BASELINE_ATTR)) {
                err.println("nas: warning: study '" + study + "' has trials already; --baseline runs only as the "
                        + "first trial of a new study");
            }
            return;
        }
        s.setSystemAttr(BASELINE_ATTR, params);
        s.enqueueTrial(params, Map.of(RunArtifacts.BASELINE_ATTR, true));
    }

    /**
     * {@code --param} names parameters of the objective with values of their distributions, when the objective
     * knows its parameters before it runs: checked before the study is created, not as failed trials.
     */
    private void checkParams(ObjectiveDefinition definition) {
        Map<String, nas.api.distribution.Distribution> space = definition.searchSpace();
        if (space.isEmpty()) {
            return;
        }
        params.forEach((name, value) -> {
            if (!space.containsKey(name)) {
                throw new Nas.BadInputException("--param names '" + name + "', which is not a parameter (parameters: "
                        + space.keySet() + ")");
            }
            checkedValue("--param value", name, value, space.get(name));
        });
    }

    /** A baseline value as the parameter's external value, checked against its distribution. */
    private static Object baselineValue(String name, Object given, nas.api.distribution.Distribution d) {
        return checkedValue("baseline value", name, given, d);
    }

    /** A value given as text (or from the objective) as the parameter's external value, checked against its distribution. */
    private static Object checkedValue(String role, String name, Object given, nas.api.distribution.Distribution d) {
        Object value = given;
        try {
            if (given instanceof String text) {
                if (d instanceof nas.api.distribution.FloatDistribution) {
                    value = Double.parseDouble(text);
                } else if (d instanceof nas.api.distribution.IntDistribution) {
                    value = Long.parseLong(text);
                } else {
                    value = ((nas.api.distribution.CategoricalDistribution) d).choices().stream()
                            .filter(c -> String.valueOf(c).equals(text)).findFirst().orElse(text);
                }
            }
            if (d.contains(d.toInternal(value))) {
                return value;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new Nas.BadInputException("the " + role + " of '" + name + "', " + given + ", is not a value of "
                + nas.api.distribution.Distributions.describe(d));
    }

    /**
     * Refuses, before a study is created, a run directory that cannot be made or written (the external objective's
     * trial directories and run files go there).
     */
    private static void requireWorkdir(Path workdir) {
        try {
            java.nio.file.Files.createDirectories(workdir);
        } catch (java.io.IOException e) {
            throw new Nas.BadInputException("cannot create the run directory " + workdir + " (-O workdir): "
                    + nas.api.FileErrors.reason(e), e);
        }
        if (!java.nio.file.Files.isWritable(workdir)) {
            throw new Nas.BadInputException("the run directory " + workdir + " (-O workdir) is not writable");
        }
    }

    /** {@code run.json}, {@code progress.csv} and {@code best.json} in the external objective's study directory. */
    private RunArtifacts startRunFiles(Study s, Map<String, String> options, ObjectiveDefinition definition) {
        Path workdir = Path.of(options.getOrDefault("workdir", "nas-runs"));
        RunArtifacts artifacts = new RunArtifacts(FileSystemArtifactStore.of(workdir, study));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("command", List.of(spec().commandLine().getParseResult().originalArgs().toArray()));
        spec.put("objective", "external");
        spec.put("objective_options", options);
        Map<String, Object> space = new LinkedHashMap<>();
        definition.searchSpace().forEach((name, d) -> space.put(name, nas.api.distribution.Distributions.toMap(d)));
        spec.put("space", space);
        spec.put("defaults", definition.parameterDefaults());
        spec.put("sampler", s.systemAttrs().get(SAMPLER_ATTR));
        spec.put("seed", s.systemAttrs().get(SEED_ATTR));
        if (s.systemAttrs().get(BASELINE_ATTR) != null) {
            spec.put("baseline", s.systemAttrs().get(BASELINE_ATTR));
        }
        try {
            artifacts.start(s, spec);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the run files in " + workdir, e);
        }
        return artifacts;
    }

    private CommandSpec spec() {
        return spec;
    }

    /** The progress line's last state and the best trial so far. */
    private static void report(PrintWriter out, PrintWriter err, Study s, SearchProgress progress) {
        if (progress != null) {
            progress.finish();
        }
        BestCommand.printBest(out, s, OutputFormat.TABLE);
        out.flush();
        err.flush();
    }

    /** Exit 0, or 1 with the reason when this search stored trials but none of them COMPLETE. */
    private int verdict(PrintWriter err, TrialTally tally, MaxConsecutiveFailsCallback failGuard) {
        if (failGuard != null && failGuard.fired()) {
            err.println("nas: stopped after " + failGuard.limit() + " failed trials in a row (--max-consecutive-fails)"
                    + "; last reason: " + failGuard.lastFailReason());
        }
        if (tally.finished() > 0 && tally.complete() == 0 && tally.failed() > 0) {
            err.println("nas: no trial completed: " + tally.failed() + " of " + tally.finished()
                    + " failed; last reason: " + tally.lastFailReason());
            err.flush();
            return Nas.FAILURE;
        }
        err.flush();
        return Nas.OK;
    }

    /** The signal handler is exiting the process: this thread must not touch the closed storage meanwhile. */
    private static void awaitExit() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // keep waiting: System.exit ends this thread
            }
        }
    }

    /**
     * What the command line alone refuses, refused before the storage is opened: no storage server is started and
     * no database file created for a mistyped objective, sampler, pruner or objective option (this took 2-4 s and
     * left a new database behind). The same checks run again later against what the study remembers.
     */
    private void refuseBeforeStorage() {
        // options given now are the objective's whole options (a resumed study's are used only when none is)
        Nas.requireKnownObjective(objective, objectiveOptions(Optional.empty()));
        sampler.requireKnown();
        if (pruner.name() != null
                && !PrunerOptions.NAMES.contains(pruner.name().trim().toLowerCase(java.util.Locale.ROOT))) {
            throw new Nas.BadInputException("unknown pruner '" + pruner.name() + "'; known pruners: "
                    + String.join(", ", PrunerOptions.NAMES));
        }
    }

    private void validate() {
        if (spaceFrom == null && spec.commandLine().getParseResult().hasMatchedOption("--top")) {
            // it would be ignored: every parameter searched, though the user asked for a few
            throw new Nas.BadInputException("--top belongs to --space-from STUDY (how many of the screening's top "
                    + "parameters to search); without it every parameter is searched");
        }
        Nas.requireDistinctKeys(spec, "--param");
        Nas.requireDistinctKeys(spec, "--objective-option");
        if (nTrials != null && nTrials < 1) {
            throw new Nas.BadInputException("--n-trials must be >= 1, but got " + nTrials);
        }
        if (maxTrials != null && maxTrials < 1) {
            throw new Nas.BadInputException("--max-trials must be >= 1, but got " + maxTrials);
        }
        if (timeout != null && !(timeout > 0)) {
            throw new Nas.BadInputException("--timeout must be > 0 seconds, but got " + timeout);
        }
        if (jobs < 1) {
            throw new Nas.BadInputException("--jobs must be >= 1, but got " + jobs);
        }
        Nas.requireAtMost("--jobs", jobs, nas.api.Limits.MAX_THREADS);
        if (!(heartbeatInterval >= 0)) {
            throw new Nas.BadInputException("--heartbeat-interval must be >= 0, but got " + heartbeatInterval);
        }
        if (heartbeatInterval > 0 && heartbeatInterval < 0.001) {
            // heartbeats are timed in milliseconds: a shorter interval would round to none at all
            throw new Nas.BadInputException("--heartbeat-interval must be 0 (no heartbeats) or at least 0.001 seconds, "
                    + "but got " + heartbeatInterval);
        }
        Nas.requireAtMostMaxSeconds("--heartbeat-interval", heartbeatInterval);
        if (timeout != null) {
            Nas.requireAtMostMaxSeconds("--timeout", timeout);
        }
        if (maxConsecutiveFails < 0) {
            throw new Nas.BadInputException("--max-consecutive-fails must be >= 0, but got " + maxConsecutiveFails);
        }
        if (retryStale < 0) {
            throw new Nas.BadInputException("--retry-stale must be >= 0, but got " + retryStale);
        }
        if (retryStale > 0 && heartbeatInterval == 0) {
            // without heartbeats no trial is ever found stale: the option would do nothing
            throw new Nas.BadInputException("--retry-stale retries trials failed for a stale heartbeat, and "
                    + "--heartbeat-interval 0 turns heartbeats off: give one of them only");
        }
    }

    /**
     * The parameters held fixed. Phase 2 ({@code --space-from}): all but the screening's top {@code --top},
     * at the objective's defaults or {@code --param} values. Without it: the {@code --param} values. A resumed
     * study keeps the ones it was created with.
     */
    private Map<String, Object> fixedParameters(Storage store, Map<String, Object> remembered,
            ObjectiveDefinition definition, PrintWriter err) {
        if (top < 1) {
            throw new Nas.BadInputException("--top must be >= 1, but got " + top);
        }
        Object stored = remembered.get(FIXED_PARAMS_ATTR);
        Map<String, Object> fixed = new LinkedHashMap<>();
        if (spaceFrom != null) {
            Study screening = StudyLoader.load(store, spaceFrom, storage.shownName());
            List<String> ranking = ScreeningRanking.of(screening);
            nas.analysis.importance.PhaseTwo phase = nas.analysis.importance.PhaseTwo.select(ranking, top,
                    definition.parameterDefaults(), params);
            fixed.putAll(phase.fixed());
            if (!quiet) {
                err.println("[" + study + "] phase 2: searching " + phase.searched().size() + " parameter(s) "
                        + phase.searched() + " from '" + spaceFrom + "'; " + fixed.size() + " held fixed");
            }
        } else {
            fixed.putAll(params);
        }
        if (stored instanceof Map<?, ?> m) {
            if (!fixed.isEmpty() && !nas.api.json.Json.freeze(fixed).equals(stored)) {
                throw new Nas.BadInputException("study '" + study + "' was created holding " + stored
                        + " fixed; omit --space-from, --top and --param to resume it");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        return fixed;
    }

    /**
     * The settings of a study this worker resumes without naming an objective. A worker started together
     * with the one that creates the study may look before the study exists: it waits a few seconds for the
     * study's objective to appear before it calls the study new.
     */
    private Map<String, Object> awaitStudy(Storage store, PrintWriter err) {
        long deadline = System.nanoTime() + STUDY_WAIT.toNanos();
        boolean told = false;
        while (true) {
            Map<String, Object> remembered = rememberedSettings(store);
            if (remembered.containsKey(OBJECTIVE_ATTR) || System.nanoTime() > deadline) {
                return remembered;
            }
            if (!told && !quiet) {
                // said at once: a mistyped name can be stopped with Ctrl-C instead of waited out
                String near = StudyLoader.nearest(store, study);
                err.println("[" + study + "] " + (near != null ? "no study '" + study + "' (did you mean '" + near
                        + "'?): " : "") + "waiting up to " + STUDY_WAIT.toSeconds()
                        + " s for another worker to create the study (or name its objective with --objective)");
                err.flush();
                told = true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return remembered;
            }
        }
    }

    private Map<String, Object> rememberedSettings(Storage store) {
        var id = store.findStudy(study);
        return id.isPresent() ? store.studySystemAttrs(id.getAsLong()) : Map.of();
    }

    /**
     * A resumed study keeps the seed and sampler it was created with: another {@code --seed} or
     * {@code --sampler} would silently change the sequence of its trials, so it is refused, naming the
     * study's, unless {@code --override-settings} says it is meant (then a warning names both).
     */
    private void checkResumedSettings(Map<String, Object> remembered, PrintWriter err) {
        List<String> differences = new ArrayList<>();
        if (seed != null && remembered.get(SEED_ATTR) instanceof Number n && n.longValue() != seed) {
            differences.add("seed " + n.longValue() + " (--seed " + seed + " given)");
        }
        if (sampler.given() != null && remembered.get(SAMPLER_ATTR) instanceof String name
                && !name.equals(sampler.given())) {
            differences.add("sampler " + name + " (--sampler " + sampler.given() + " given)");
        }
        if (differences.isEmpty()) {
            return;
        }
        String uses = "study '" + study + "' uses " + String.join(" and ", differences);
        if (!overrideSettings) {
            throw new Nas.BadInputException(uses + ": resume it without them, or add --override-settings to run "
                    + "this search with the new ones");
        }
        err.println("nas: warning: " + uses + "; running with the new one(s) as --override-settings asks "
                + "(the study keeps its own for later runs)");
        err.flush();
    }

    /** The objective options: those given now, else those the study remembers. */
    private Map<String, String> objectiveOptions(Optional<StudySettings> stored) {
        Map<String, String> given = new LinkedHashMap<>(objectiveOptions);
        putOnce(given, "dim", dim);
        putOnce(given, "generations", generations);
        putOnce(given, "seeds", seeds);
        putOnce(given, "mode", mode);
        return given.isEmpty() && stored.isPresent() ? stored.get().objectiveOptions() : given;
    }

    /**
     * The sampler's options: those given now, else those the study remembers when it runs this sampler
     * (a study created before they were remembered has none: the sampler's defaults).
     */
    private Map<String, String> samplerOptions(Optional<StudySettings> stored) {
        Map<String, String> given = sampler.options();
        if (given.isEmpty() && stored.isPresent() && sampler.name().equals(stored.get().sampler())) {
            given = stored.get().samplerOptions();
        }
        return SamplerOptions.requireGrid(sampler.name(), given);
    }

    /**
     * The pruner's options: those given now, else those the study remembers when it runs this pruner
     * (a study created before the pruner was remembered runs without one).
     */
    private Map<String, String> prunerOptions(Optional<StudySettings> stored, String prunerName) {
        Map<String, String> given = pruner.given();
        if (given.isEmpty() && stored.isPresent() && prunerName.equals(stored.get().pruner())) {
            return stored.get().prunerOptions();
        }
        return given;
    }

    /** {@code --dim 3} and {@code -O dim=4} name one option twice: refused rather than one silently winning. */
    private static void putOnce(Map<String, String> options, String key, Object value) {
        if (value == null) {
            return;
        }
        if (options.containsKey(key)) {
            throw new Nas.BadInputException("objective option '" + key + "' is given twice: --" + key + " " + value
                    + " and -O " + key + "=" + options.get(key));
        }
        options.put(key, String.valueOf(value));
    }

    private List<StudyDirection> directions(ObjectiveDefinition definition) {
        if (directions == null) {
            return definition.directions();
        }
        List<StudyDirection> d = new ArrayList<>();
        for (String text : directions) {
            d.add(StudyDirection.parse(text));
        }
        if (d.size() != definition.directions().size()) {
            throw new Nas.BadInputException("the objective returns " + definition.directions().size()
                    + " value(s) " + definition.objectiveNames() + ", but " + d.size() + " direction(s) were given");
        }
        return d;
    }
}
