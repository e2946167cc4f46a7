package nas.cli;

import nas.api.export.Csv;
import nas.api.export.TrialTable;
import nas.api.storage.Storage;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nas.api.FrozenTrial;
import nas.api.Study;
import nas.api.TrialState;
import nas.api.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nas best}: the best trial, or the Pareto front of a multi-objective study. */
@Command(name = "best", sortOptions = false,
        description = "Show the best trial of a study, or its Pareto front when it has several objectives (in the "
                + "order of 'nas pareto': by the first objective in its direction, ties by the next, then trial "
                + "number).")
public final class BestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study (see 'nas studies').")
    String study;

    @Mixin
    StorageOptions storage;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (default table).")
    OutputFormat format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Storage store = storage.openForReading()) {
            printBest(out, StudyLoader.load(store, study, storage.shownName()), format);
        }
        return Nas.OK;
    }

    /** The front as a table: number, one column per objective, the parameters (shortened). */
    static TextTable frontTable(Study s, List<FrozenTrial> front) {
        List<String> headers = new ArrayList<>(List.of("number"));
        for (int k = 0; k < s.directions().size(); k++) {
            headers.add("values_" + k);
        }
        headers.add("params");
        TextTable table = new TextTable(headers);
        for (FrozenTrial t : front) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(t.number())));
            t.values().forEach(v -> cells.add(TextTable.num(v)));
            StringBuilder p = new StringBuilder();
            t.params().forEach((k, v) -> p.append(p.length() == 0 ? "" : " ").append(k).append('=')
                    .append(TextTable.cell(v)));
            cells.add(p.length() > 80 ? p.substring(0, 77) + "..." : p.toString());
            table.row(cells);
        }
        return table;
    }

    /** Prints the best trial (one objective) or the front (several). */
    static void printBest(PrintWriter out, Study s, OutputFormat format) {
        List<FrozenTrial> best = s.directions().size() == 1
                ? (s.storage().countTrials(s.id(), EnumSet.of(TrialState.COMPLETE)) == 0 ? List.of() : List.of(s.bestTrial()))
                : nas.analysis.pareto.ParetoAnalysis.ordered(s.bestTrials(), s.directions());
        switch (format) {
            case JSON: {
                List<Map<String, Object>> records = new ArrayList<>();
                for (FrozenTrial t : best) {
                    records.add(TrialTable.json(t));
                }
                out.println(Json.write(s.directions().size() == 1 && !records.isEmpty() ? records.get(0) : records));
                break;
            }
            case CSV: {
                TrialTable table = TrialTable.of(best, s.directions().size());
                Csv.row(out, table.columns());
                for (FrozenTrial t : best) {
                    Csv.row(out, new ArrayList<>(table.row(t).values()));
                }
                break;
            }
            default:
                if (best.isEmpty()) {
                    out.println("study '" + s.name() + "' has no COMPLETE trial yet");
                } else if (s.directions().size() == 1) {
                    // numbers as the other tables show them (6 significant digits, no "E-4"); csv and json keep
                    // every digit
                    FrozenTrial t = best.get(0);
                    out.println("best trial " + t.number() + " of study '" + s.name() + "' ("
                            + s.directions().get(0).name().toLowerCase(java.util.Locale.ROOT) + "): value "
                            + TextTable.num(t.value()));
                    t.params().forEach((k, v) -> out.println("  " + k + " = " + TextTable.cell(v)));
                } else {
                    out.println("Pareto front of study '" + s.name() + "': " + best.size() + " trial(s), directions "
                            + s.directions().stream().map(d -> d.name().toLowerCase(java.util.Locale.ROOT)).toList());
                    frontTable(s, best).print(out);
                }
        }
        out.flush();
    }
}
