package nas.cli;

import nas.api.export.Csv;
import nas.api.export.TrialTable;
import nas.api.storage.Storage;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nas.analysis.pareto.ParetoAnalysis;
import nas.api.FrozenTrial;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nas pareto}: the Pareto front of a study and its hypervolume. */
@Command(name = "pareto", sortOptions = false,
        description = "Show the Pareto front of a study (its non-dominated COMPLETE trials, feasible ones only when "
                + "trials carry constraints) and the front's hypervolume. The front is listed best first by the first "
                + "objective in its direction (smallest first when minimized, largest first when maximized), ties by "
                + "the next objectives, then by trial number; the same order in table, csv and json.",
        footer = {"%nExample:", "  nas pareto --study zdt --reference-point 1.1,1.1 --format json"})
public final class ParetoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study (see 'nas studies').")
    String study;

    @Mixin
    StorageOptions storage;

    @Option(names = "--reference-point", split = ",", paramLabel = "V",
            description = "Hypervolume reference point, one value per objective in the objectives' own units, "
                    + "e.g. 1.1,1.1 (default: 10%% of the front's range beyond its worst values).")
    List<Double> referencePoint;

    @Option(names = "--history",
            description = "Instead of the front, the hypervolume after each COMPLETE trial (feasible ones when trials "
                    + "carry constraints), in trial order: how the search converged. The reference point is the "
                    + "final front's unless --reference-point is given.")
    boolean history;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (default table). CSV has the front's rows; JSON adds the hypervolume.")
    OutputFormat format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Storage store = storage.openForReading()) {
            Study s = StudyLoader.load(store, study, storage.shownName());
            double[] reference = null;
            if (referencePoint != null) {
                if (referencePoint.size() != s.directions().size()) {
                    throw new Nas.BadInputException("--reference-point needs " + s.directions().size()
                            + " value(s), one per objective of study '" + study + "', but got " + referencePoint.size());
                }
                reference = referencePoint.stream().mapToDouble(Double::doubleValue).toArray();
                for (double r : reference) {
                    if (!Double.isFinite(r)) {
                        throw new Nas.BadInputException("--reference-point values must be finite, but got " + referencePoint);
                    }
                }
            }
            List<FrozenTrial> trials = s.trials();
            ParetoAnalysis.Summary summary = ParetoAnalysis.summarize(trials, s.directions(), reference);
            if (history) {
                printHistory(out, s, summary.referencePoint(), summary.front().isEmpty() ? List.of()
                        : ParetoAnalysis.historyByTrial(trials, s.directions(), summary.referencePoint()));
            } else {
                print(out, s, summary);
            }
        }
        return Nas.OK;
    }

    private void print(PrintWriter out, Study s, ParetoAnalysis.Summary summary) {
        List<FrozenTrial> front = summary.front(); // in ParetoAnalysis.ordered order
        switch (format) {
            case JSON: {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("study", s.name());
                doc.put("directions", s.directions().stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList());
                doc.put("reference_point", front.isEmpty() ? null : toList(summary.referencePoint()));
                doc.put("hypervolume", summary.hypervolume());
                List<Map<String, Object>> trials = new ArrayList<>();
                for (FrozenTrial t : front) {
                    trials.add(TrialTable.json(t));
                }
                doc.put("front", trials);
                out.println(Json.write(doc));
                break;
            }
            case CSV: {
                TrialTable table = TrialTable.of(front, s.directions().size());
                Csv.row(out, table.columns());
                for (FrozenTrial t : front) {
                    Csv.row(out, new ArrayList<>(table.row(t).values()));
                }
                break;
            }
            default: {
                if (front.isEmpty()) {
                    out.println("study '" + s.name() + "' has no COMPLETE trial yet");
                    break;
                }
                out.println("Pareto front of study '" + s.name() + "': " + front.size() + " trial(s), directions "
                        + directions(s.directions()));
                BestCommand.frontTable(s, front).print(out);
                StringBuilder ref = new StringBuilder();
                for (double r : summary.referencePoint()) {
                    ref.append(ref.length() == 0 ? "" : ", ").append(TextTable.num(r));
                }
                out.println("hypervolume " + TextTable.num(summary.hypervolume()) + " (reference point (" + ref
                        + ")" + (referencePoint == null ? ", default" : "") + ")");
            }
        }
        out.flush();
    }

    private void printHistory(PrintWriter out, Study s, double[] reference, List<ParetoAnalysis.HistoryPoint> points) {
        switch (format) {
            case JSON: {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("study", s.name());
                doc.put("reference_point", points.isEmpty() ? null : toList(reference));
                List<Map<String, Object>> rows = new ArrayList<>();
                for (ParetoAnalysis.HistoryPoint p : points) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("trial", p.trialNumber());
                    row.put("hypervolume", p.hypervolume());
                    rows.add(row);
                }
                doc.put("history", rows);
                out.println(Json.write(doc));
                break;
            }
            case CSV: {
                Csv.row(out, List.of("trial", "hypervolume"));
                for (ParetoAnalysis.HistoryPoint p : points) {
                    Csv.row(out, List.of(p.trialNumber(), p.hypervolume()));
                }
                break;
            }
            default: {
                if (points.isEmpty()) {
                    out.println("study '" + s.name() + "' has no COMPLETE trial yet");
                    break;
                }
                TextTable table = new TextTable(List.of("trial", "hypervolume"));
                for (ParetoAnalysis.HistoryPoint p : points) {
                    table.row(List.of(String.valueOf(p.trialNumber()), TextTable.num(p.hypervolume())));
                }
                table.print(out);
            }
        }
        out.flush();
    }

    private static List<Double> toList(double[] a) {
        List<Double> out = new ArrayList<>(a.length);
        for (double v : a) {
            out.add(v);
        }
        return out;
    }

    private static String directions(List<StudyDirection> directions) {
        return directions.stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList().toString();
    }
}
