package nas.api.export;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nas.api.FrozenTrial;
import nas.api.Study;
import nas.api.TrialState;
import nas.api.json.Json;
import nas.api.storage.Storage;
import nas.api.storage.TrialKeys;

/**
 * Trials as flat rows with the columns of Optuna's {@code trials_dataframe}: {@code number, state,
 * value} (or {@code values_0, values_1, ...}), {@code datetime_start, datetime_complete, duration}
 * (seconds), {@code last_step} (the last reported step, where a pruned trial stopped), when trials
 * carry constraints ({@code Trial.setConstraint}) {@code constraints_0, constraints_1, ...}, then
 * {@code params_<name>}, {@code user_attrs_<name>} and, when a trial failed,
 * {@code system_attrs_fail_reason} (Optuna names system attribute columns so). {@code nas trials
 * --format csv} prints {@link #writeCsv}'s output and {@code --format json} {@link #writeJson}'s.
 *
 * <pre>{@code
 * TrialTable table = TrialTable.of(study.trials(), study.directions().size());
 * for (FrozenTrial t : study.trials()) {
 *     Map<String, Object> row = table.row(t);   // column -> value, null where a trial has none
 * }
 * TrialTable.writeCsv(study, Set.of(), writer);  // every trial, streamed a page at a time
 * }</pre>
 */
public final class TrialTable {

    /** The column of a failed trial's reason. */
    public static final String FAIL_REASON_COLUMN = "system_attrs_" + FrozenTrial.FAIL_REASON;

    private final List<String> columns;
    private final List<Function<FrozenTrial, Object>> cells = new ArrayList<>();

    private TrialTable(List<String> columns) {
        this.columns = List.copyOf(columns);
        columns.forEach(c -> cells.add(cell(c)));
    }

    /**
     * The table of these trials: a column for every parameter, user attribute and constraint any of
     * them has.
     *
     * @param trials     the trials
     * @param objectives how many values a trial has (1: one {@code value} column)
     * @return the table
     */
    public static TrialTable of(List<FrozenTrial> trials, int objectives) {
        boolean failReasons = trials.stream().anyMatch(t -> t.systemAttrs().containsKey(FrozenTrial.FAIL_REASON));
        return of(TrialKeys.of(trials), objectives, failReasons);
    }

    /**
     * The table of trials with these keys, known before the rows are read.
     *
     * @param keys        the parameter names, user attribute keys and number of constraints of the trials
     * @param objectives  how many values a trial has (1: one {@code value} column)
     * @param failReasons whether the fail-reason column is wanted (some trial failed)
     * @return the table
     */
    public static TrialTable of(TrialKeys keys, int objectives, boolean failReasons) {
        List<String> cols = new ArrayList<>(List.of("number", "state"));
        if (objectives == 1) {
            cols.add("value");
        } else {
            for (int k = 0; k < objectives; k++) {
                cols.add("values_" + k);
            }
        }
        cols.addAll(List.of("datetime_start", "datetime_complete", "duration", "last_step"));
        for (int k = 0; k < keys.constraints(); k++) {
            cols.add("constraints_" + k);
        }
        keys.paramNames().forEach(p -> cols.add("params_" + p));
        keys.userAttrKeys().forEach(a -> cols.add("user_attrs_" + a));
        if (failReasons) {
            cols.add(FAIL_REASON_COLUMN);
        }
        return new TrialTable(cols);
    }

    /**
     * The table of a stored study's trials in these states, its columns read from storage before any row.
     *
     * @param study  the study
     * @param states the states of the trials in the table; empty for all
     * @return the table
     */
    public static TrialTable of(Study study, Set<TrialState> states) {
        return of(study.storage(), study.id(), states);
    }

    /**
     * The table of a stored study's trials in these states, its columns read from storage before any row.
     *
     * @param storage the storage
     * @param studyId the study's id
     * @param states  the states of the trials in the table; empty for all
     * @return the table
     */
    public static TrialTable of(Storage storage, long studyId, Set<TrialState> states) {
        // the fail-reason column when a selected trial failed (known before the rows, like the keys)
        boolean failReasons = (states.isEmpty() || states.contains(TrialState.FAIL))
                && storage.countTrials(studyId, EnumSet.of(TrialState.FAIL)) > 0;
        return of(storage.trialKeys(studyId, states), storage.studyDirections(studyId).size(), failReasons);
    }

    /**
     * The column names, in order.
     *
     * @return the columns
     */
    public List<String> columns() {
        return columns;
    }

    /**
     * One trial as column → value, in column order: numbers as {@code Integer}, {@code Long} or
     * {@code Double}, times as ISO-8601 text, the duration in seconds, a user attribute that is a map
     * or a list as JSON text; null where the trial has no value.
     *
     * @param t the trial
     * @return its row
     */
    public Map<String, Object> row(FrozenTrial t) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            r.put(columns.get(i), cells.get(i).apply(t));
        }
        return r;
    }

    /**
     * Writes the trials of {@code study} in these states as CSV, a header row then one row per trial in
     * number order, read from storage a page at a time (memory stays flat whatever the study's size).
     *
     * @param study  the study
     * @param states the states of the trials written; empty for all
     * @param out    where the CSV goes; flushed, not closed
     */
    public static void writeCsv(Study study, Set<TrialState> states, Writer out) {
        writeCsv(study.storage(), study.id(), states, out);
    }

    /**
     * Writes the trials of a stored study in these states as CSV, as {@link #writeCsv(Study, Set, Writer)}
     * does, for a process that holds the storage but no {@link Study} (a storage server).
     *
     * @param storage the storage
     * @param studyId the study's id
     * @param states  the states of the trials written; empty for all
     * @param out     where the CSV goes; flushed, not closed
     */
    public static void writeCsv(Storage storage, long studyId, Set<TrialState> states, Writer out) {
        PrintWriter w = printer(out);
        TrialTable table = of(storage, studyId, states);
        Csv.row(w, table.columns);
        List<Object> row = new ArrayList<>(table.cells.size());
        for (FrozenTrial t : new TrialPages(storage, studyId, states)) {
            row.clear();
            table.cells.forEach(cell -> row.add(cell.apply(t)));
            Csv.row(w, row);
        }
        w.flush();
    }

    /**
     * Writes the trials of {@code study} in these states as one JSON array of {@link #json} records and
     * a line separator, read from storage a page at a time.
     *
     * @param study  the study
     * @param states the states of the trials written; empty for all
     * @param out    where the JSON goes; flushed, not closed
     */
    public static void writeJson(Study study, Set<TrialState> states, Writer out) {
        writeJson(study.storage(), study.id(), states, out);
    }

    /**
     * Writes the trials of a stored study in these states as JSON, as {@link #writeJson(Study, Set, Writer)}
     * does, for a process that holds the storage but no {@link Study} (a storage server).
     *
     * @param storage the storage
     * @param studyId the study's id
     * @param states  the states of the trials written; empty for all
     * @param out     where the JSON goes; flushed, not closed
     */
    public static void writeJson(Storage storage, long studyId, Set<TrialState> states, Writer out) {
        PrintWriter w = printer(out);
        w.print('[');
        boolean first = true;
        for (FrozenTrial t : new TrialPages(storage, studyId, states)) {
            w.print(first ? "" : ",");
            w.print(Json.write(json(t)));
            first = false;
        }
        w.println(']');
        w.flush();
    }

    /**
     * One trial as a JSON record: {@code number, state, values, params, datetime_start,
     * datetime_complete, duration, last_step, user_attrs} and, for a failed trial, {@code fail_reason}.
     *
     * @param t the trial
     * @return the record, to write with {@link Json#write}
     */
    public static Map<String, Object> json(FrozenTrial t) {
        Map<String, Object> m = new LinkedHashMap<>();
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

    private static PrintWriter printer(Writer out) {
        return out instanceof PrintWriter p ? p : new PrintWriter(out, false);
    }

    /** What reads a column's cell from a trial, resolved once per column (an export writes many rows). */
    private static Function<FrozenTrial, Object> cell(String c) {
        switch (c) {
            case "number": return FrozenTrial::number;
            case "state": return t -> t.state().name();
            case "value": return t -> t.values().isEmpty() ? null : t.values().get(0);
            case "datetime_start": return t -> t.datetimeStart() == null ? null : t.datetimeStart().toString();
            case "datetime_complete": return t -> t.datetimeComplete() == null ? null : t.datetimeComplete().toString();
            case "duration": return t -> {
                Duration d = t.duration();
                return d == null ? null : d.toNanos() / 1e9;
            };
            case "last_step": return t -> t.lastStep() < 0 ? null : t.lastStep();
            case FAIL_REASON_COLUMN: return t -> t.systemAttrs().get(FrozenTrial.FAIL_REASON);
            default:
                if (c.startsWith("values_")) {
                    int k = Integer.parseInt(c.substring("values_".length()));
                    return t -> k < t.values().size() ? t.values().get(k) : null;
                }
                if (c.startsWith("constraints_")) {
                    int k = Integer.parseInt(c.substring("constraints_".length()));
                    return t -> {
                        double[] constraints = t.constraints();
                        return k < constraints.length ? constraints[k] : null;
                    };
                }
                if (c.startsWith("params_")) {
                    String name = c.substring("params_".length());
                    return t -> t.param(name);
                }
                if (c.startsWith("user_attrs_")) {
                    String key = c.substring("user_attrs_".length());
                    return t -> {
                        Object v = t.userAttrs().get(key);
                        return v instanceof Map || v instanceof List ? Json.write(v) : v;
                    };
                }
                return t -> null;
        }
    }
}
