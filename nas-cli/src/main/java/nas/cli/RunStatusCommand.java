package nas.cli;

import nas.storage.RunLiveness;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import nas.api.export.Csv;
import nas.api.json.Json;
import nas.api.storage.Storage;
import nas.dashboard.StoredRuns;
import nas.storage.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nas run-status RUN}: a run's progress, best so far, ETA and last checkpoint, then its generations
 * (the last few as a table; every one as CSV or JSON, for plots).
 */
@Command(name = "run-status", sortOptions = false,
        description = "Show an evolution run's progress, best fitness, ETA and last checkpoint, and its generations.",
        footer = {"", "Examples:", "  nas run-status long-1", "  nas run-status long-1 --format csv > long-1.csv"})
public final class RunStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Parameters(paramLabel = "RUN", description = "The run (see 'nas runs').")
    String run;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (the summary and the last generations), csv (every generation) or json "
                    + "(the summary and every generation).")
    OutputFormat format;

    @Option(names = "--last", paramLabel = "N", defaultValue = "10",
            description = "Generations shown by the table (0: all). Default: ${DEFAULT-VALUE}.")
    int last;

    /** The generation's fitness columns, shown with the same decimals as the run's best. */
    private static final List<String> FITNESS_COLUMNS = List.of("best", "mean", "median", "worst", "best_ever");

    static final List<String> COLUMNS = List.of("generation", "best", "mean", "median", "worst", "best_ever", "pellets",
            "species", "diversity", "seconds", "creature_types");

    @Override
    public Integer call() {
        if (last < 0) {
            throw new Nas.BadInputException("--last must be >= 0, but got " + last);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Storage store = storage.openForReading()) {
            RunStore runs = StorageOptions.runs(store);
            RunStore.Run r = storage.existingRun(runs, run);
            Optional<RunStore.Heartbeat> heartbeat = runs.heartbeat(run);
            Optional<RunStore.Checkpoint> checkpoint = runs.lastCheckpoint(run);
            int from = format == OutputFormat.TABLE && last > 0 ? Math.max(0, r.generationsDone() - last) : 0;
            List<Map<String, Object>> generations = new ArrayList<>();
            for (RunStore.Generation g : runs.generations(run, from)) {
                generations.add(StoredRuns.generation(g));
            }
            Map<String, Object> summary = StoredRuns.status(r, heartbeat, checkpoint);
            if (format == OutputFormat.JSON) {
                summary.put("generations_table", generations);
                out.println(Json.write(summary));
            } else if (format == OutputFormat.CSV) {
                Csv.row(out, COLUMNS);
                generations.forEach(g -> Csv.row(out, new ArrayList<>(g.values())));
            } else {
                table(out, r, heartbeat, summary, generations);
            }
            out.flush();
        }
        return Nas.OK;
    }

    /** The last checkpoint and when checkpoints are taken ("every 0" said in words). */
    static String checkpoint(Object last, int every) {
        String when = every == 0 ? "--checkpoint-every 0: one only when a signal stops the run"
                : every == 1 ? "every generation" : "every " + every + " generations";
        return (last == null ? "none" : "before generation " + last) + " (" + when + ")";
    }

    private static void table(PrintWriter out, RunStore.Run r, Optional<RunStore.Heartbeat> heartbeat,
            Map<String, Object> s, List<Map<String, Object>> gens) {
        int done = r.generationsDone();
        Object status = s.get("status");
        String holder = s.get("writer") == null ? "" : ", in " + s.get("writer") + " (last heartbeat "
                + RunLease.ago(heartbeat.orElseThrow().silentMillis()) + ")";
        String stopped = !RunLiveness.STOPPED.equals(status) ? "" : "; its process stopped: " + RunLease.whyStopped(heartbeat)
                + "; resume with: nas evolve --resume " + r.id();
        out.printf(Locale.ROOT, "Run:         %s (%s, seed %d)%n", r.id(), r.configName(), r.seed());
        // a count, not a generation's number: the generations stored are 0..done-1 (the table's "gen", --generation)
        out.printf(Locale.ROOT, "Status:      %s, %d of %d generations done (%.0f%%)%s%s%n", status, done,
                r.targetGenerations(), 100.0 * done / r.targetGenerations(), holder, stopped);
        // fitness with one number of decimals throughout (5 significant digits of the largest), seconds to the ms
        List<Object> fitness = new ArrayList<>();
        fitness.add(r.bestFitness());
        for (Map<String, Object> g : gens) {
            FITNESS_COLUMNS.forEach(c -> fitness.add(g.get(c)));
        }
        int fitnessDecimals = TextTable.decimals(fitness, 5, 4);
        int diversityDecimals = TextTable.decimals(gens.stream().map(g -> g.get("diversity")).toList(), 4, 4);
        out.printf(Locale.ROOT, "Best:        %s%n", r.bestFitness() == null ? "-"
                : TextTable.fixed(r.bestFitness(), fitnessDecimals) + " (generation " + r.bestGeneration() + ")");
        out.printf(Locale.ROOT, "Time:        %s, %.2f s/generation%s%n", RunCommand.duration(r.seconds()),
                (Double) s.get("seconds_per_generation"), s.get("eta_seconds") == null ? ""
                        : ", ETA " + RunCommand.duration((Double) s.get("eta_seconds")));
        out.printf(Locale.ROOT, "Checkpoint:  %s%n", checkpoint(s.get("last_checkpoint"), r.checkpointEvery()));
        out.printf(Locale.ROOT, "Frames:      %s%n", s.get("frames_text"));
        out.printf(Locale.ROOT, "Updated:     %s%n", s.get("updated"));
        if (gens.isEmpty()) {
            return;
        }
        out.println();
        TextTable t = new TextTable(List.of("gen", "best", "mean", "median", "worst", "best ever", "pellets", "species",
                "diversity", "seconds"));
        for (Map<String, Object> g : gens) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(g.get("generation"))));
            FITNESS_COLUMNS.forEach(c -> row.add(TextTable.fixed(g.get(c), fitnessDecimals)));
            row.addAll(List.of(String.valueOf(g.get("pellets")), TextTable.cell(g.get("species")),
                    TextTable.fixed(g.get("diversity"), diversityDecimals), TextTable.fixed(g.get("seconds"), 3)));
            t.row(row);
        }
        t.print(out);
    }
}
