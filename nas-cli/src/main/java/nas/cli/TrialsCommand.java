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
        try (Storage store = storage.openExisting()) {
            Study s = StudyLoader.load(store, study, storage.shownName());
            Set<TrialState> selected = states.isEmpty() ? EnumSet.noneOf(TrialState.class) : EnumSet.copyOf(states);
            switch (format) {
                case CSV:
                case JSON:
                    // streamed a page at a time by the process holding the storage: memory stays flat
                    TrialExport.export(store, s.id(), selected, format, out);
                    break;
                default:
                    List<FrozenTrial> trials = s.trials(states.toArray(new TrialState[0]));
                    table(out, trials, TrialRecords.columns(trials, s.directions().size()));
            }
            out.flush();
        }
        return Nas.OK;
    }

    static Map<String, Object> json(FrozenTrial t) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("number", t.number());
        m.put("state", t.state().name());
        m.put("values", t.values());
        m.put("params", t.params());
        m.put("datetime_start", t.datetimeStart() == null ? null : t.datetimeStart().toString());
        m.put("datetime_complete", t.datetimeComplete() == null ? null : t.datetimeComplete().toString());
        m.put("duration", t.duration() == null ? null : t.duration().toNanos() / 1e9);
        m.put("last_step", t.lastStep() < 0 ? null : t.lastStep());
        m.put("user_attrs", t.userAttrs());
        Object reason = t.systemAttrs().get(FrozenTrial.FAIL_REASON);
        if (reason != null) {
            m.put("fail_reason", reason);
        }
        return m;
    }

    private static void table(PrintWriter out, List<FrozenTrial> trials, List<String> columns) {
        if (trials.isEmpty()) {
            out.println("(no trials)");
            return;
        }
        List<String> shown = new ArrayList<>();
        for (String c : columns) {
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
                        : c.equals(TrialRecords.FAIL_REASON_COLUMN) ? FrozenTrial.FAIL_REASON : c);
            }
        }
        if (compact) {
            headers.add("params");
        }
        TextTable table = new TextTable(headers);
        for (FrozenTrial t : trials) {
            Map<String, Object> r = TrialRecords.record(t, columns);
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
