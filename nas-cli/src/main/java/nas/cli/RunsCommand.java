package nas.cli;

import nas.storage.RunLiveness;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
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
 * {@code nas runs}: the evolution runs of a storage; {@code nas runs delete RUN} removes one. A RUNNING run no live
 * process holds ({@link RunLease}) is listed as STOPPED.
 */
@Command(name = "runs", sortOptions = false, subcommands = RunsCommand.Delete.class,
        description = {"List the evolution runs ('nas evolve') of a storage: status, progress and best fitness.",
            "STOPPED: a run no process runs any more (killed, or silent for longer than " + RunLiveness.GRACE_ENV
                + " seconds, default 60); 'nas evolve --resume RUN' continues it."},
        footer = {"", "Examples:", "  nas runs", "  nas runs --format csv", "  nas runs delete long-1"})
public final class RunsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (default table).")
    OutputFormat format;

    static final List<String> COLUMNS = List.of("run", "config", "seed", "status", "generations", "target", "best",
            "best_generation", "frames", "seconds", "updated", "writer", "heartbeat_seconds_ago", "frame_rate",
            "frames_text");

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Storage store = storage.openForReading()) {
            RunStore runs = StorageOptions.runs(store);
            List<Map<String, Object>> rows = new ArrayList<>();
            Map<String, RunStore.Heartbeat> heartbeats = runs.heartbeats();
            for (RunStore.Run r : runs.runs()) {
                rows.add(StoredRuns.summary(r, Optional.ofNullable(heartbeats.get(r.id()))));
            }
            if (format == OutputFormat.JSON) {
                out.println(Json.write(rows));
            } else if (format == OutputFormat.CSV) {
                Csv.row(out, COLUMNS);
                rows.forEach(r -> Csv.row(out, new ArrayList<>(r.values())));
            } else if (rows.isEmpty()) {
                out.println("(no runs in " + storage.shownName() + ")");
            } else {
                TextTable t = new TextTable(List.of("run", "config", "seed", "status", "generations", "best", "frames",
                        "time", "updated"));
                // every run's best with the same decimals (5 significant digits of the largest), as run-status
                int decimals = TextTable.decimals(rows.stream().map(r -> r.get("best")).toList(), 5, 4);
                for (Map<String, Object> r : rows) {
                    t.row(List.of(String.valueOf(r.get("run")), String.valueOf(r.get("config")),
                            String.valueOf(r.get("seed")), String.valueOf(r.get("status")),
                            r.get("generations") + "/" + r.get("target"), TextTable.fixed(r.get("best"), decimals),
                            String.valueOf(r.get("frames_text")), RunCommand.duration((Double) r.get("seconds")),
                            String.valueOf(r.get("updated"))));
                }
                t.print(out);
                if (rows.stream().anyMatch(r -> RunLiveness.STOPPED.equals(r.get("status")))) {
                    out.println("STOPPED: its process ended without finishing it (killed, or silent for over "
                            + RunLease.graceText() + "); 'nas evolve --resume RUN' "
                            + "continues it from its last checkpoint");
                }
            }
            out.flush();
        }
        return Nas.OK;
    }

    /** {@code nas runs delete RUN}. */
    @Command(name = "delete", description = "Delete an evolution run with its generations, creatures, frames and "
            + "checkpoints.", footer = {"", "Example:", "  nas runs delete long-1"})
    static final class Delete implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        StorageOptions storage;

        @Parameters(paramLabel = "RUN", description = "The run to delete.")
        String run;

        @Override
        public Integer call() {
            try (Storage store = storage.openExisting()) {
                RunStore runs = StorageOptions.runs(store);
                storage.existingRun(runs, run);
                Optional<RunStore.Heartbeat> holder = runs.heartbeat(run);
                RunLease.refuseIfRunning(run, holder, "delete");
                // taken from the holder judged gone first: a resume starting meanwhile makes this one refuse
                try (RunLease lease = RunLease.claim(runs, run, holder, "delete")) {
                    if (!runs.deleteRun(run)) {
                        throw storage.noRun(run);
                    }
                }
            }
            spec.commandLine().getOut().println("Deleted run " + run);
            spec.commandLine().getOut().flush();
            return Nas.OK;
        }
    }
}
