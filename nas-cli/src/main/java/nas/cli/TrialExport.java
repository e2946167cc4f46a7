package nas.cli;

import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import nas.api.Studies;
import nas.api.Study;
import nas.api.TrialState;
import nas.api.export.TrialTable;
import nas.api.storage.Storage;
import nas.server.RemoteStorage;
import nas.server.RpcHandler;
import nas.server.Wire;

/**
 * {@code nas trials --format csv|json} ({@link TrialTable}) written by the process that holds the
 * storage: the CLI itself on PostgreSQL, otherwise the server that owns the H2 file, which streams
 * the text to the CLI ({@link #METHOD}). The rows never cross the wire as trial objects, and the
 * same code writes them either way, so the bytes are the same.
 */
final class TrialExport {

    /** The streamed method of a storage server that writes an export. */
    static final String METHOD = "cli.trials.export";

    private TrialExport() {
    }

    /** Offers {@link #METHOD} on {@code rpc} over {@code storage}. */
    static void register(RpcHandler rpc, Storage storage) {
        rpc.registerStream(METHOD, (args, out) -> {
            // a missing study fails here, before any byte of the reply (a JSON error)
            Study study = Studies.builder(args.getString("study")).storage(storage).load();
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(study, Wire.states(args.get("states")), OutputFormat.valueOf(args.getString("format")), text);
            text.flush();
        });
    }

    /** Writes the export of {@code study} to {@code out}: by the server that owns its storage when there is one. */
    static void export(Study study, Set<TrialState> states, OutputFormat format, PrintWriter out) {
        if (study.storage() instanceof RemoteStorage remote) {
            Map<String, Object> args = Map.of("study", study.name(), "states", Wire.states(states), "format",
                    format.name());
            remote.download(METHOD, args, reply -> new InputStreamReader(reply, StandardCharsets.UTF_8).transferTo(out));
        } else {
            write(study, states, format, out);
        }
        out.flush();
    }

    private static void write(Study study, Set<TrialState> states, OutputFormat format, Writer out) {
        Writer buffered = new BufferedWriter(out, 1 << 16);
        if (format == OutputFormat.CSV) {
            TrialTable.writeCsv(study, states, buffered);
        } else {
            TrialTable.writeJson(study, states, buffered);
        }
    }
}
