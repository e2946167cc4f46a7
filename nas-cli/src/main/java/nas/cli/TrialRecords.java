package nas.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nas.api.FrozenTrial;
import nas.api.storage.TrialKeys;

/**
 * Trials as flat records with the columns of Optuna's {@code trials_dataframe}: {@code number,
 * state, value} (or {@code values_0, values_1, ...}), {@code datetime_start, datetime_complete,
 * duration} (seconds), {@code params_<name>}, {@code user_attrs_<name>}, plus
 * {@code last_step} (the last reported step, where a pruned trial stopped), when trials carry
 * constraints ({@code Trial.setConstraint}) {@code constraints_0, constraints_1, ...}, and, when a
 * trial failed, {@code system_attrs_fail_reason} (Optuna names system attribute columns so).
 */
public final class TrialRecords {

    /** The column of a failed trial's reason. */
    static final String FAIL_REASON_COLUMN = "system_attrs_" + FrozenTrial.FAIL_REASON;

    private TrialRecords() {
    }

    /** Column names for these trials. */
    public static List<String> columns(List<FrozenTrial> trials, int objectives) {
        boolean failReasons = trials.stream().anyMatch(t -> t.systemAttrs().containsKey(FrozenTrial.FAIL_REASON));
        return columns(TrialKeys.of(trials), objectives, failReasons);
    }

    /**
     * Column names for trials with these keys (known before the rows); {@code failReasons}: whether
     * the fail-reason column is wanted (some trial failed).
     */
    public static List<String> columns(TrialKeys keys, int objectives, boolean failReasons) {
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
        return cols;
    }

    /** One trial as column → value (missing cells are null). */
    public static Map<String, Object> record(FrozenTrial t, List<String> columns) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (String c : columns) {
            r.put(c, cell(c).apply(t));
        }
        return r;
    }

    /**
     * What reads each column's cell from a trial, resolved once for many trials (an export): the
     * cells of {@link #record} without a map and a column-name lookup per cell.
     */
    static List<Function<FrozenTrial, Object>> cells(List<String> columns) {
        List<Function<FrozenTrial, Object>> out = new ArrayList<>(columns.size());
        columns.forEach(c -> out.add(cell(c)));
        return out;
    }

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
                        return v instanceof Map || v instanceof List ? nas.api.json.Json.write(v) : v;
                    };
                }
                return t -> null;
        }
    }
}
