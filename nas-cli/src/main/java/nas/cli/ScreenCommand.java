package nas.cli;

import nas.api.storage.Storage;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import nas.analysis.importance.ImportanceFormat;
import nas.analysis.importance.MorrisAnalysis;
import nas.analysis.importance.MorrisImportance;
import nas.analysis.importance.Targets;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.distribution.Distribution;
import nas.api.objective.ObjectiveDefinition;
import nas.api.objective.ObjectiveOptions;
import nas.api.objective.ObjectivePlugin;
import nas.api.objective.ObjectivePlugins;
import nas.api.sampler.RandomSampler;
import nas.samplers.StudySettings;
import nas.samplers.morris.MorrisDesign;
import nas.samplers.morris.MorrisSampler;
import nas.samplers.morris.MorrisScreening;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nas screen}: phase 1 of the two-phase workflow. Runs a Morris elementary-effects design over the
 * objective's parameters and prints μ*, σ per parameter. The first trial runs the objective's defaults
 * (a baseline that also tells which parameters the objective suggests); then one trial per design point.
 * A stopped screening resumes where it stopped; several processes may run it together.
 */
@Command(name = "screen", sortOptions = false,
        description = "Screen which parameters matter with a Morris design (phase 1 of screen -> search).",
        footer = {"", "Examples:",
            "  nas screen --study exp-screen --objective evolution-lab \\",
            "      -O generations=20 --trajectories 10",
            "  # resume: the objective and the design are remembered",
            "  nas screen --study exp-screen",
            "  # phase 2: search the screening's top 15 parameters",
            "  nas search --study exp-001 --space-from exp-screen --top 15 --n-trials 300"})
public final class ScreenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "Screening study to create or resume.")
    String study;

    @Mixin
    StorageOptions storage;

    @Option(names = "--objective", paramLabel = "NAME", description = "Objective plugin (see 'nas objectives').")
    String objective;

    @Option(names = "--dim", paramLabel = "N", description = "Objective option 'dim' (test functions).")
    Integer dim;

    @Option(names = {"-O", "--objective-option"}, paramLabel = "KEY=VALUE",
            description = "Any objective option, e.g. -O generations=20. Repeatable.")
    Map<String, String> objectiveOptions = new LinkedHashMap<>();

    @Option(names = "--trajectories", paramLabel = "R", description = "Morris trajectories r (default 10, at most 100000).")
    Integer trajectories;

    @Option(names = "--levels", paramLabel = "P", description = "Grid levels p, even (default 4, at most 100).")
    Integer levels;

    @Option(names = "--candidates", paramLabel = "M",
            description = "Generate M trajectories and keep the r most spread (Campolongo); 0 = none (default 50, at most 2000).")
    Integer candidates;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the design (default 0).")
    Long seed;

    @Option(names = "--jobs", paramLabel = "J", defaultValue = "1", description = "Worker threads (default 1, at most 1024).")
    int jobs;

    @Option(names = "--objective-index", paramLabel = "K", defaultValue = "0",
            description = "Which objective value to analyse, from 0 (default 0).")
    int objectiveIndex;

    @Option(names = "--top", paramLabel = "N", defaultValue = "0", description = "Show only the N largest mu*.")
    int top;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (default table).")
    OutputFormat format;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        if (jobs < 1) {
            throw new Nas.BadInputException("--jobs must be >= 1, but got " + jobs);
        }
        Nas.requireAtMost("--jobs", jobs, nas.api.Limits.MAX_THREADS);
        checkDesign();
        if (top < 0) {
            throw new Nas.BadInputException("--top must be >= 0 (0, the default: all), but got " + top);
        }
        Nas.requireDistinctKeys(spec, "--objective-option");
        Nas.requireKnownObjective(objective, options(Optional.empty()));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Storage store = storage.open()) {
            var id = store.findStudy(study);
            Map<String, Object> remembered = id.isPresent() ? store.studySystemAttrs(id.getAsLong()) : Map.of();
            Optional<StudySettings> stored = StudySettings.of(remembered);
            // a screening remembers no sampler; a study made by 'nas search' does, one made otherwise nothing
            if (id.isPresent() && !remembered.containsKey(MorrisSampler.DESIGN_ATTR)
                    && (stored.isPresent() ? stored.get().sampler() != null
                    : store.countTrials(id.getAsLong(), java.util.EnumSet.allOf(nas.api.TrialState.class)) > 0)) {
                // its trials would be mixed into the Morris design's
                throw new Nas.BadInputException("study '" + study + "' is not a screening (it was not made by 'nas "
                        + "screen'); screen into a new study, e.g. --study " + study + "-screen");
            }
            String objectiveName = objective != null ? objective : stored.map(StudySettings::objective).orElse(null);
            if (objectiveName == null) {
                throw new Nas.BadInputException("study '" + study + "' is new: name its objective with --objective "
                        + "(see 'nas objectives')");
            }
            ObjectivePlugin plugin = ObjectivePlugins.find(objectiveName);
            Map<String, String> options = options(stored);
            ObjectiveDefinition definition = plugin.create(new ObjectiveOptions(options));
            long studySeed = seed != null ? seed : stored.map(StudySettings::seed).orElse(0L);
            // a screening remembers no sampler: its Morris design is remembered apart
            StudySettings settings = new StudySettings(objectiveName, options, studySeed, null, Map.of(), Map.of());
            stored.ifPresent(r -> SamplerOptions.inFlags(() -> {
                settings.checkSameObjective(study, r);
                return r;
            }));
            Study baseline = Studies.builder(study).storage(store).directions(definition.directions())
                    .sampler(new RandomSampler(studySeed)).seed(studySeed).loadIfExists(true).create();
            settings.rememberIn(baseline);
            if (objectiveIndex < 0 || objectiveIndex >= baseline.directions().size()) {
                throw new Nas.BadInputException("--objective-index must lie in [0, " + baseline.directions().size()
                        + "), but got " + objectiveIndex);
            }
            boolean fresh = baseline.trials().isEmpty();
            if (fresh && !quiet) {
                err.println("[" + study + "] baseline trial at the objective's defaults");
            }
            Map<String, Distribution> space = MorrisScreening.space(baseline, definition.function(),
                    definition.parameterDefaults());
            MorrisSampler sampler = sampler(remembered, space, studySeed);
            Study s = Studies.builder(study).storage(store).sampler(sampler).load();
            int remaining = sampler.remaining(s);
            if (remaining > 0) {
                if (!quiet) {
                    err.println("[" + study + "] Morris design: " + space.size() + " parameters, "
                            + sampler.design().trajectories() + " trajectories, " + sampler.design().levels()
                            + " levels: " + sampler.designSize() + " trials, " + remaining + " to run");
                }
                OptimizeOptions run = new OptimizeOptions(remaining, null, jobs, List.of(), List.of());
                SearchProgress progress = null;
                if (!quiet) {
                    progress = new SearchProgress(err, s, remaining, null, System.console() != null);
                    run = run.withCallback(progress);
                }
                s.optimizeMulti(definition.function(), run);
                if (progress != null) {
                    progress.finish();
                }
            }
            MorrisImportance.Report report = new MorrisImportance(Targets.objective(objectiveIndex),
                    new MorrisAnalysis.Options(1000, 0.95, studySeed)).evaluate(s);
            out.print(switch (format) {
                case TABLE -> ImportanceFormat.morrisTable(report, top);
                case CSV -> ImportanceFormat.morrisCsv(report, top);
                case JSON -> ImportanceFormat.morrisJson(report, top) + System.lineSeparator();
            });
        }
        out.flush();
        return Nas.OK;
    }

    /** The objective options: those given now, else those the study remembers. */
    private Map<String, String> options(Optional<StudySettings> stored) {
        Map<String, String> given = new LinkedHashMap<>(objectiveOptions);
        if (dim != null) {
            given.put("dim", String.valueOf(dim));
        }
        return given.isEmpty() && stored.isPresent() ? stored.get().objectiveOptions() : given;
    }

    /** The design's settings: those stored in the study win; given ones must agree with them. */
    private MorrisSampler sampler(Map<String, Object> remembered, Map<String, Distribution> space, long studySeed) {
        Object stored = remembered.get(MorrisSampler.DESIGN_ATTR);
        int p = levels != null ? levels : 4;
        int r = trajectories != null ? trajectories : 10;
        int m = candidates != null ? candidates : 50;
        long designSeed = studySeed;
        if (stored instanceof Map<?, ?> settings) {
            p = agree("--levels", levels, ((Number) settings.get("levels")).intValue());
            r = agree("--trajectories", trajectories, ((Number) settings.get("trajectories")).intValue());
            m = agree("--candidates", candidates, ((Number) settings.get("candidate_pool")).intValue());
            designSeed = ((Number) settings.get("seed")).longValue();
        }
        return MorrisSampler.builder().space(space).levels(p).trajectories(r).candidatePool(m).seed(designSeed).build();
    }

    /** The design's sizes given, checked before the study and its baseline trial are made. */
    private void checkDesign() {
        if (levels != null && (levels < 2 || levels % 2 != 0 || levels > MorrisDesign.MAX_LEVELS)) {
            throw new Nas.BadInputException("--levels must be an even number from 2 to " + MorrisDesign.MAX_LEVELS
                    + ", but got " + levels);
        }
        if (trajectories != null && (trajectories < 1 || trajectories > nas.api.Limits.MAX_POPULATION)) {
            throw new Nas.BadInputException("--trajectories must be from 1 to " + nas.api.Limits.MAX_POPULATION
                    + ", but got " + trajectories);
        }
        if (candidates != null && (candidates < 0 || candidates > MorrisDesign.MAX_CANDIDATE_POOL)) {
            throw new Nas.BadInputException("--candidates must be from 0 (no selection) to "
                    + MorrisDesign.MAX_CANDIDATE_POOL + ", but got " + candidates);
        }
    }

    private int agree(String option, Integer given, int stored) {
        if (given != null && given != stored) {
            throw new Nas.BadInputException("study '" + study + "' runs a Morris design with " + option + " " + stored
                    + ", not " + given + " (omit it to resume)");
        }
        return stored;
    }
}
