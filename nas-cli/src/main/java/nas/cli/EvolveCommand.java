package nas.cli;

import nas.sim.evolution.FramesSetting;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import nas.api.exception.StorageException;
import nas.api.json.Json;
import nas.api.storage.Storage;
import nas.dashboard.StoredRuns;
import nas.sim.config.LabConfig;
import nas.sim.config.Presets;
import nas.sim.evolution.Evolution;
import nas.sim.evolution.EvolutionState;
import nas.sim.evolution.GenerationStats;
import nas.sim.evolution.PopulationEvaluator;
import nas.storage.RunStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nas evolve}: one long Evolution Lab run kept in the database, generation by generation: statistics,
 * every creature's genome and fitness, the frames of chosen creatures, and checkpoints to resume from.
 */
@Command(name = "evolve", sortOptions = false,
        description = {"Run one Evolution Lab evolution and keep it in the database: every generation's statistics "
                + "and creatures, frames of chosen creatures, and checkpoints.",
            "A killed run continues with --resume RUN exactly as if it had never stopped.",
            "Ctrl-C, SIGTERM or SIGHUP: the generation running finishes and is stored with a checkpoint, the run is "
                + "marked INTERRUPTED and nas exits with 130, 143 or 129; a second signal stops at once. A signal "
                + "during the last generation lets the run complete (COMPLETE), and nas still exits with 130, 143 or "
                + "129."},
        footer = {"", "Examples:",
            "  nas evolve -c pure_baseline -g 1000 --run-id long-1",
            "  nas evolve --resume long-1",
            "  nas evolve -c neat_baseline -g 50 --frames none --set mutation_rate=0.4",
            "  nas evolve -g 1000 --frame-top 3 --frame-random 0 --frame-bottom 0"})
public final class EvolveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = {"-c", "--config"}, paramLabel = "PRESET",
            description = "Preset to evolve (see 'nas configs'). Default: pure_baseline.")
    String config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a setting (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = {"-g", "--generations"}, paramLabel = "N", description = "Generations to run. Default: 100.")
    Integer generations;

    @Option(names = {"-p", "--population-size"}, paramLabel = "N", description = "Override the preset's population size (at most 100000).")
    Integer population;

    @Option(names = {"-s", "--seed"}, paramLabel = "S", description = "Run seed. Default: 42.")
    Long seed;

    @Option(names = "--run-id", paramLabel = "NAME",
            description = "Name of the run. Default: PRESET-SEED-yyyyMMdd-HHmmss.")
    String runId;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Store the whole evolutionary state every N generations (0: never). Default: 10.")
    Integer checkpointEvery;

    @Mixin
    FramesOptions frames;

    @Option(names = "--resume", paramLabel = "RUN",
            description = "Continue RUN from its last checkpoint with its stored settings.")
    String resume;

    @Option(names = "--force", description = "Resume even though the settings or the code version changed.")
    boolean force;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Threads simulating creatures (at most 1024). Default: all cores.")
    Integer threads;

    @Option(names = "--every", paramLabel = "N", defaultValue = "10",
            description = "Print progress every N generations. Default: ${DEFAULT-VALUE}.")
    int every;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines.")
    boolean quiet;

    @Override
    public Integer call() {
        if (every < 1) {
            throw new Nas.BadInputException("--every must be >= 1, but got " + every);
        }
        if (threads != null && threads < 1) {
            throw new Nas.BadInputException("--threads must be >= 1, but got " + threads);
        }
        Nas.threads(threads); // refused before a run is created
        try (Storage store = storage.open()) {
            RunStore runs = StorageOptions.runs(store);
            Started started = resume != null ? resume(runs) : start(runs);
            try (RunLease lease = started.lease()) {
                return evolve(runs, started);
            }
        }
    }

    /** A run ready to go on: its row, configuration, evolution, and this process's hold on it. */
    private record Started(RunStore.Run run, LabConfig lab, EvolutionState from, RunLease lease) {
    }

    private LabConfig labConfig(String preset) {
        if (!Presets.exists(preset)) {
            throw new Nas.BadInputException("unknown config '" + preset + "'; available: " + Presets.names());
        }
        LabConfig.Builder b = Presets.builder(preset);
        if (population != null) {
            if (population < 2) {
                throw new Nas.BadInputException("--population-size must be >= 2, but got " + population);
            }
            b.set("population_size", Nas.requireAtMost("--population-size", population,
                    nas.api.Limits.MAX_POPULATION));
        }
        Nas.requireDistinctKeys("--set", sets);
        for (String s : sets) {
            b.parse(s);
        }
        return b.build();
    }

    private Started start(RunStore runs) {
        String preset = config == null ? "pure_baseline" : config;
        LabConfig lab = labConfig(preset);
        int target = generations == null ? 100 : generations;
        int checkpoints = checkpointEvery == null ? 10 : checkpointEvery;
        FramesSetting recorded = frames.setting();
        int rate = frames.rate();
        nas.sim.physics.FrameRecording.stepsPerFrame(rate, lab.timeStep()); // a rate the frames can be taken at
        long s = seed == null ? 42 : seed;
        if (target < 1) {
            throw new Nas.BadInputException("--generations must be >= 1, but got " + target);
        }
        if (checkpoints < 0) {
            throw new Nas.BadInputException("--checkpoint-every must be >= 0 (0: never), but got " + checkpoints);
        }
        String id = runId != null ? runId : preset + "-" + s + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        if (runs.run(id).isPresent()) {
            throw new Nas.BadInputException("run '" + id + "' exists already: continue it with --resume " + id
                    + ", or remove it with 'nas runs delete " + id + "'");
        }
        long now = System.currentTimeMillis();
        RunStore.Run run = new RunStore.Run(id, preset, Json.write(lab.toMap()), s, target, recorded.key(), rate,
                checkpoints, EvolutionState.CODE_VERSION, RunStore.RUNNING, now, now, 0, null, -1, 0.0);
        return new Started(run, lab, null, RunLease.create(runs, run));
    }

    /** The options that set a run's settings, which {@code --resume} takes from the run. */
    private static final List<String> SETTINGS = List.of("--config", "--set", "--population-size", "--generations",
            "--seed", "--run-id", "--frames", "--frame-top", "--frame-random", "--frame-bottom", "--frame-rate",
            "--checkpoint-every");

    private Started resume(RunStore runs) {
        if (runId != null || seed != null || frames.given() || checkpointEvery != null
                || config != null || !sets.isEmpty() || population != null || generations != null) {
            // the options given, by their long names, in the order the user gave them
            java.util.Set<String> given = new java.util.LinkedHashSet<>();
            for (CommandLine.Model.OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
                if (SETTINGS.contains(o.longestName())) {
                    given.add(o.longestName());
                }
            }
            throw new Nas.BadInputException("--resume continues a run with the settings it was started with; leave out "
                    + String.join(" and ", given));
        }
        RunStore.Run run = storage.existingRun(runs, resume);
        // first: of a run another process is writing, that is what to say
        Optional<RunStore.Heartbeat> holder = runs.heartbeat(resume);
        RunLease.refuseIfRunning(resume, holder, "resume");
        if (run.status().equals(RunStore.COMPLETE)) {
            throw new Nas.BadInputException("run '" + resume + "' is complete (" + run.generationsDone()
                    + " generations): nothing to resume");
        }
        List<String> changes = new ArrayList<>();
        LabConfig lab = StoredRuns.config(run, changes);
        if (!run.codeVersion().equals(EvolutionState.CODE_VERSION)) {
            changes.add("it was run by code version '" + run.codeVersion() + "', this is '"
                    + EvolutionState.CODE_VERSION + "'");
        }
        if (!changes.isEmpty() && !force) {
            throw new Nas.BadInputException("run '" + resume + "' cannot continue exactly as it began: "
                    + String.join("; ", changes) + ". Add --force to resume anyway (the rest of the run may then differ "
                    + "from an uninterrupted one)");
        }
        Nas.BadInputException noCheckpoint = new Nas.BadInputException("run '" + resume + "' has no checkpoint to "
                + "resume from (--checkpoint-every " + run.checkpointEvery() + "); start it again after 'nas runs delete "
                + resume + "'");
        if (runs.lastCheckpoint(resume).isEmpty()) {
            throw noCheckpoint;
        }
        // this process's from here on; the checkpoint read again, as the last holder may have stored one meanwhile
        RunLease lease = RunLease.claim(runs, resume, holder, "resume");
        try {
            RunStore.Checkpoint cp = runs.lastCheckpoint(resume).orElseThrow(() -> noCheckpoint);
            EvolutionState state = Checkpoints.decode(cp.state());
            runs.rewind(resume, cp.generation(), RunStore.RUNNING, EvolutionState.CODE_VERSION);
            return new Started(runs.run(resume).orElseThrow(), lab, state, lease);
        } catch (RuntimeException | Error e) {
            lease.close();
            throw e;
        }
    }

    private int evolve(RunStore runs, Started s) {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        RunStore.Run run = s.run();
        int first = s.from() == null ? 0 : s.from().generation();
        // a resumed run's survivors refer to the genomes stored with the generation before the checkpoint
        long[] previousIds = first == 0 ? null
                : runs.creatures(run.id(), first - 1).stream().mapToLong(RunStore.Creature::genomeId).toArray();
        RunRecorder recorder = new RunRecorder(s.lab(), run.seed(), FramesSetting.parse(run.framesMode()),
                run.frameRate(), run.checkpointEvery(), previousIds);
        int nThreads = Nas.threads(threads);
        long started = System.nanoTime();
        if (!quiet) {
            err.printf(Locale.ROOT, "run %s: %s, seed %d, population %d, generations %d%s%n", run.id(), run.configName(),
                    run.seed(), s.lab().populationSize(), run.targetGenerations(),
                    first > 0 ? ", resumed at generation " + first : "");
            err.flush();
        }
        GenerationStats last = null;
        boolean anySubmitted = false;
        ThreadCpu.Snapshot cpuBefore = ThreadCpu.now();
        try (EvolveInterrupts interrupts = new EvolveInterrupts(run.id(), err);
                PopulationEvaluator evaluator = new PopulationEvaluator(nThreads);
                GenerationWriter writer = new GenerationWriter(runs, run.id(), s.lease().owner(), recorder,
                        evaluator)) {
            try {
                Evolution e = s.from() == null
                        ? new Evolution(s.lab(), evaluator, run.seed(), run.targetGenerations())
                        : Evolution.resume(s.lab(), evaluator, run.seed(), run.targetGenerations(), s.from());
                long evolving = 0;
                long capturing = 0;
                long mark = System.nanoTime();
                while (e.hasNext()) {
                    s.lease().check(); // taken over while this process was silent (suspended, say): no more writes
                    long t0 = System.nanoTime();
                    last = e.next();
                    evolving += System.nanoTime() - t0;
                    // read once: the generation stored as the last is the one the loop stops after
                    boolean stopping = interrupts.interrupted();
                    long cpu0 = ThreadCpu.thisThread();
                    RunRecorder.Captured captured = recorder.capture(e, last, (System.nanoTime() - mark) / 1e9,
                            stopping);
                    capturing += ThreadCpu.thisThread() - cpu0;
                    // the generation is stored while the next one runs: one writer, in generation order
                    writer.submit(captured);
                    anySubmitted = true;
                    mark = System.nanoTime();
                    int g = last.generation();
                    if (!quiet && ((g + 1) % every == 0 || !e.hasNext())) {
                        double perGen = (System.nanoTime() - started) / 1e9 / (g + 1 - first);
                        int checkpoint = writer.lastCheckpoint();
                        // generations are numbered from 0 as stored (run-status, replay --generation, export):
                        // the line names the generation just done and counts the done ones apart
                        err.printf(Locale.ROOT, "[%s] gen %d | %d/%d done | best: %.1f | mean: %.1f | %.2fs/gen | ETA %s"
                                + " | checkpoint: %s%n", run.id(), g, g + 1, run.targetGenerations(), last.bestEver(),
                                last.average(), perGen, RunCommand.duration(perGen * (run.targetGenerations() - g - 1)),
                                checkpoint > 0 ? "before gen " + checkpoint : first > 0 ? "before gen " + first : "none");
                        err.flush();
                    }
                    if (stopping && e.hasNext()) {
                        writer.finish();
                        err.printf(Locale.ROOT, "[%s] interrupted (%s) after generation %d (%d/%d done), stored with a "
                                + "checkpoint; resume with: nas evolve --resume %s%n", run.id(), interrupts.signal(), g,
                                g + 1, run.targetGenerations(), run.id());
                        err.flush();
                        return interrupts.exitCode();
                    }
                }
                writer.finish();
                if (!quiet) {
                    // where the time went: simulation and breeding on this thread; genomes, frames and the database on
                    // the writer's, overlapping the next generation's simulation
                    err.printf(Locale.ROOT, "time: simulation and breeding %.1f s, waiting for the writer %.1f s; writer: "
                            + "genomes and frames %.1f s, storing %.1f s%n", evolving / 1e9, writer.waitedSeconds(),
                            writer.recordingSeconds(), writer.storingSeconds());
                    printCpu(err, ThreadCpu.between(cpuBefore, ThreadCpu.now()), evaluator, writer, capturing / 1e9);
                    err.flush();
                }
                Optional<RunStore.Run> done = runs.run(run.id());
                out.printf(Locale.ROOT, "Run %s: %d generations, best %.1f (generation %d)%s, %s%n", run.id(),
                        last.generation() + 1, e.bestEver(), e.bestGeneration(),
                        e.stoppedEarly() ? ", early stop (no 5% gain in " + s.lab().stagnationLimit() + " generations)" : "",
                        RunCommand.duration(done.map(RunStore.Run::seconds).orElse(0.0)));
                out.flush();
                if (e.stoppedEarly()) {
                    runs.setStatus(run.id(), RunStore.COMPLETE);
                }
                if (interrupts.interrupted()) {
                    // the signal came during the last generation: nothing is left to run, but a Ctrl-C still ends
                    // a script's chain of commands as it does at any other generation
                    err.printf(Locale.ROOT, "[%s] %s came during the last generation: the run is complete (%d "
                            + "generations), nothing to resume%n", run.id(), interrupts.signal(),
                            last.generation() + 1);
                    err.flush();
                    return interrupts.exitCode();
                }
            } catch (RuntimeException | Error failure) {
                if (s.lease().takenOver()) {
                    s.lease().check(); // says so in one line; what the new holder writes stays
                }
                if (s.from() == null && !anySubmitted) {
                    // a new run that failed before its first generation (out of memory for its population, say)
                    // holds nothing: it goes, so no RUNNING run is left behind and the same --run-id can start again
                    try {
                        runs.deleteRun(run.id());
                    } catch (RuntimeException notDeleted) {
                        failure.addSuppressed(notDeleted); // the storage failed too: the first failure is the one to say
                    }
                }
                if (failure instanceof RuntimeException r && Nas.isDiskFull(r)) {
                    throw diskFull(r, run.id(), writer.generationsStored(), writer.lastCheckpoint(), first);
                }
                throw failure;
            }
        }
        return Nas.OK;
    }

    /**
     * Where this process's CPU went during the run, each part once: the evaluator's threads less the frames they
     * recorded (simulated again), breeding and the rest of the run's own threads, what storing took on the run's
     * thread (diversity, checkpoint state), on the writer's and on the common pool's (parallel encoding), and the
     * JVM's own threads (compiler, GC). The parts add up to the process's CPU time.
     */
    private static void printCpu(PrintWriter err, ThreadCpu.Split cpu, PopulationEvaluator evaluator,
            GenerationWriter writer, double capture) {
        double recording = evaluator.recordingCpuNanos() / 1e9;
        // with one thread the evaluator has no pool: it records on the caller, the writer
        boolean onWriter = evaluator.threads() == 1;
        double evaluation = cpu.pool() - (onWriter ? 0 : recording);
        double writing = writer.cpuSeconds() - (onWriter ? recording : 0);
        double rest = cpu.other() - writer.cpuSeconds() - capture;
        err.printf(Locale.ROOT, "cpu: evaluation %.2f s, frames simulated again %.2f s, breeding and the rest %.2f s, "
                + "storing on the run's thread %.2f s, writer %.2f s, parallel helpers %.2f s, JVM (compiler, GC) "
                + "%.2f s; process %.2f s%n", evaluation, recording, rest, capture, writing, cpu.commonPool(),
                cpu.jvm(), cpu.process());
    }

    /**
     * A full disk, said for a run: what the store kept (the generations stored, the checkpoint a resume goes on
     * from) and how to continue, instead of the storage's words for studies.
     *
     * @param stored     generations stored by this process, 0 if none
     * @param checkpoint the generation of the last checkpoint this process stored, 0 if none
     * @param first      the generation this process began at (its checkpoint's), 0 for a new run
     */
    private static StorageException diskFull(RuntimeException failure, String runId, int stored, int checkpoint,
            int first) {
        String m = String.valueOf(failure.getMessage());
        int cut = m.indexOf(": ");
        String where = cut > 0 ? m.substring(0, cut) : Nas.DISK_FULL;
        int done = Math.max(stored, first);
        int from = checkpoint > 0 ? checkpoint : first;
        String kept = from > 0
                ? "free some space and continue with 'nas evolve --resume " + runId + "': generations 0 to " + (done - 1)
                        + " are stored and it goes on from the checkpoint before generation " + from
                : "free some space and start the run again after 'nas runs delete " + runId + "': "
                        + (done > 0 ? "generations 0 to " + (done - 1) + " are stored but no checkpoint yet"
                        : "no generation is stored yet");
        return new StorageException(where + ": " + kept, failure);
    }
}
