package nas.cli;

import nas.api.export.Csv;
import nas.api.storage.Storage;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import nas.api.Studies;
import nas.api.Study;
import nas.api.TrialState;
import nas.api.json.Json;
import nas.api.storage.StudyInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nas studies}: every study of a storage with its trial counts and best value. */
@Command(name = "studies", description = "List the studies: directions, trials by state, best value or front size.")
public final class StudiesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (default table).")
    OutputFormat format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Storage store = storage.openForReading()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (StudyInfo info : Studies.list(store)) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("name", info.name());
                // a list in JSON, like 'nas pareto'; words joined by a space in tables and CSV
                r.put("directions", info.directions().stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList());
                r.put("trials", info.totalTrials());
                for (TrialState s : TrialState.values()) {
                    r.put(s.name().toLowerCase(Locale.ROOT), info.trialCounts().getOrDefault(s, 0));
                }
                Study study = Studies.builder(info.name()).storage(store).load();
                if (info.directions().size() == 1) {
                    r.put("best", info.trialCounts().getOrDefault(TrialState.COMPLETE, 0) > 0 ? study.bestValue() : null);
                } else {
                    r.put("best", "front of " + study.bestTrials().size());
                }
                rows.add(r);
            }
            if (format == OutputFormat.JSON) {
                out.println(Json.write(rows));
            } else if (format == OutputFormat.CSV) {
                List<String> cols = List.of("name", "directions", "trials", "running", "waiting", "complete", "pruned",
                        "fail", "best");
                Csv.row(out, cols);
                for (Map<String, Object> r : rows) {
                    Csv.row(out, cols.stream().map(c -> c.equals("directions") ? words(r.get(c)) : r.get(c))
                            .collect(Collectors.toList()));
                }
            } else if (rows.isEmpty()) {
                out.println("(no studies in " + storage.shownName() + ")");
            } else {
                TextTable t = new TextTable(List.of("study", "directions", "trials", "complete", "pruned", "fail",
                        "running", "best"));
                for (Map<String, Object> r : rows) {
                    t.row(List.of(String.valueOf(r.get("name")), words(r.get("directions")),
                            String.valueOf(r.get("trials")), String.valueOf(r.get("complete")),
                            String.valueOf(r.get("pruned")), String.valueOf(r.get("fail")),
                            String.valueOf(r.get("running")), TextTable.cell(r.get("best"))));
                }
                t.print(out);
            }
            out.flush();
        }
        return Nas.OK;
    }

    /** A list of directions as words, "minimize maximize". */
    private static String words(Object directions) {
        return String.join(" ", ((List<?>) directions).stream().map(String::valueOf).toList());
    }
}
