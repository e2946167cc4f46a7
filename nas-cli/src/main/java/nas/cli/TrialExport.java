package nas.cli;

import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nas.api.FrozenTrial;
import nas.api.TrialState;
import nas.api.json.Json;
import nas.api.storage.Storage;
import nas.api.storage.TrialKeys;
import nas.server.RemoteStorage;
import nas.server.RpcHandler;
import nas.server.Wire;

/**
 * A study's trials as CSV or JSON ({@code nas trials --format csv|json}), written a page at a time
 * by the process that holds the storage: the CLI itself on PostgreSQL, the server that owns an H2
 * file otherwise, which streams the text to the CLI ({@link #METHOD}). The rows never cross the
 * wire as trial objects, and the same code writes them either way, so the bytes are the same.
 */
final class TrialExport {

    /** The streamed method of a storage server that writes an export. */
    static final String METHOD = "cli.trials.export";

    private TrialExport() {
    }

    /** Offers {@link #METHOD} on {@code rpc} over {@code storage}. */
    static void register(RpcHandler rpc, Storage storage) {
        rpc.registerStream(METHOD, (args, out) -> {
            long studyId = args.getLong("study");
            Set<TrialState> states = Wire.states(args.get("states"));
            OutputFormat format = OutputFormat.valueOf(args.getString("format"));
            // a missing study fails here, before any byte of the reply (a JSON error)
            storage.studyName(studyId);
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(storage, studyId, states, format, text);
            text.flush();
        });
    }

    /**
     * Writes the export to {@code out}: from the server that owns the storage when there is one,
     * else read here.
     */
    static void export(Storage storage, long studyId, Set<TrialState> states, OutputFormat format, PrintWriter out) {
        if (storage instanceof RemoteStorage remote) {
            Map<String, Object> args = Map.of("study", studyId, "states", Wire.states(states), "format", format.name());
            remote.download(METHOD, args, reply -> new InputStreamReader(reply, StandardCharsets.UTF_8).transferTo(out));
        } else {
            write(storage, studyId, states, format, out);
        }
        out.flush();
    }

    /** Writes the export, reading the trials from {@code storage} in pages (memory stays flat). */
    static void write(Storage storage, long studyId, Set<TrialState> states, OutputFormat format, Writer out) {
        PrintWriter rows = new PrintWriter(new BufferedWriter(out, 1 << 16), false);
        Iterable<FrozenTrial> trials = new TrialPages(storage, studyId, states);
        if (format == OutputFormat.CSV) {
            // the fail-reason column when a selected trial failed (known before the rows, like the keys)
            boolean failReasons = (states.isEmpty() || states.contains(TrialState.FAIL))
                    && storage.countTrials(studyId, EnumSet.of(TrialState.FAIL)) > 0;
            TrialKeys keys = storage.trialKeys(studyId, states);
            List<String> columns = TrialRecords.columns(keys, storage.studyDirections(studyId).size(), failReasons);
            Csv.row(rows, columns);
            List<Function<FrozenTrial, Object>> cells = TrialRecords.cells(columns);
            List<Object> row = new ArrayList<>(cells.size());
            for (FrozenTrial t : trials) {
                row.clear();
                cells.forEach(cell -> row.add(cell.apply(t)));
                Csv.row(rows, row);
            }
        } else {
            rows.print('[');
            boolean first = true;
            for (FrozenTrial t : trials) {
                rows.print(first ? "" : ",");
                rows.print(Json.write(TrialsCommand.json(t)));
                first = false;
            }
            rows.println(']');
        }
        rows.flush();
    }
}
