package nas.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import nas.api.FrozenTrial;
import nas.api.Study;
import nas.api.TrialState;
import nas.api.export.TrialTable;
import nas.api.storage.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nas trials}: every trial of a study, as a table, CSV or JSON. */
@Command(name = "trials", sortOptions = false,
        description = "List the trials of a study. CSV columns follow Optuna's trials_dataframe.")
public final class TrialsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study (see 'nas studies').")
    String study;

    @Mixin
    StorageOptions storage;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (default table).")
    OutputFormat format;

    @Option(names = "--state", split = ",", paramLabel = "STATE",
            description = "Only trials in these states (comma-separated: COMPLETE,PRUNED,FAIL,RUNNING,WAITING).")
    List<TrialState> states = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Storage store = storage.openForReading()) {
            Study s = StudyLoader.load(store, study, storage.shownName());
            Set<TrialState> selected = states.isEmpty() ? EnumSet.noneOf(TrialState.class) : EnumSet.copyOf(states);
            switch (format) {
                case CSV:
                case JSON:
                    // written a page at a time by the process holding the storage: memory stays flat
                    TrialExport.export(s, selected, format, out);
                    break;
                default:
                    List<FrozenTrial> trials = s.trials(states.toArray(new TrialState[0]));
                    table(out, trials, TrialTable.of(trials, s.directions().size()));
            }
            out.flush();
        }
        return Nas.OK;
    }

    private static void table(PrintWriter out, List<FrozenTrial> trials, TrialTable columns) {
        if (trials.isEmpty()) {
            out.println("(no trials)");
            return;
        }
        List<String> shown = new ArrayList<>();
        for (String c : columns.columns()) {
            if (!c.equals("datetime_complete") && !c.startsWith("user_attrs_")) {
                shown.add(c);
            }
        }
        long paramColumns = shown.stream().filter(c -> c.startsWith("params_")).count();
        boolean compact = paramColumns > 6;
        List<String> headers = new ArrayList<>();
        for (String c : shown) {
            if (!(compact && c.startsWith("params_"))) {
                headers.add(c.startsWith("params_") ? c.substring(7)
                        : c.equals(TrialTable.FAIL_REASON_COLUMN) ? FrozenTrial.FAIL_REASON : c);
            }
        }
        if (compact) {
            headers.add("params");
        }
        TextTable table = new TextTable(headers);
        for (FrozenTrial t : trials) {
            Map<String, Object> r = columns.row(t);
            List<String> cells = new ArrayList<>();
            StringBuilder params = new StringBuilder();
            for (String c : shown) {
                Object v = r.get(c);
                if (c.startsWith("params_") && compact) {
                    if (v != null) {
                        params.append(params.length() == 0 ? "" : " ").append(c.substring(7)).append('=')
                                .append(TextTable.cell(v));
                    }
                } else if (c.equals("datetime_start")) {
                    cells.add(v == null ? "" : v.toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"));
                } else if (c.equals("duration")) {
                    cells.add(v == null ? "" : String.format(java.util.Locale.ROOT, "%.3f", (Double) v));
                } else {
                    cells.add(TextTable.cell(v));
                }
            }
            if (compact) {
                String p = params.toString();
                cells.add(p.length() > 100 ? p.substring(0, 97) + "..." : p);
            }
            table.row(cells);
        }
        table.print(out);
    }
}
