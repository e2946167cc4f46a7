package nas.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nas.api.FrozenTrial;

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
        List<String> cols = new ArrayList<>(List.of("number", "state"));
        if (objectives == 1) {
            cols.add("value");
        } else {
            for (int k = 0; k < objectives; k++) {
                cols.add("values_" + k);
            }
        }
        cols.addAll(List.of("datetime_start", "datetime_complete", "duration", "last_step"));
        Set<String> params = new LinkedHashSet<>();
        Set<String> attrs = new LinkedHashSet<>();
        int constraints = 0;
        for (FrozenTrial t : trials) {
            constraints = Math.max(constraints, t.constraints().length);
            params.addAll(t.distributions().keySet());
            attrs.addAll(t.userAttrs().keySet());
        }
        for (int k = 0; k < constraints; k++) {
            cols.add("constraints_" + k);
        }
        params.stream().sorted().forEach(p -> cols.add("params_" + p));
        attrs.stream().sorted().forEach(a -> cols.add("user_attrs_" + a));
        if (trials.stream().anyMatch(t -> t.systemAttrs().containsKey(FrozenTrial.FAIL_REASON))) {
            cols.add(FAIL_REASON_COLUMN);
        }
        return cols;
    }

    /** One trial as column → value (missing cells are null). */
    public static Map<String, Object> record(FrozenTrial t, List<String> columns) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (String c : columns) {
            r.put(c, cell(t, c));
        }
        return r;
    }

    private static Object cell(FrozenTrial t, String c) {
        switch (c) {
            case "number": return t.number();
            case "state": return t.state().name();
            case "value": return t.values().isEmpty() ? null : t.values().get(0);
            case "datetime_start": return t.datetimeStart() == null ? null : t.datetimeStart().toString();
            case "datetime_complete": return t.datetimeComplete() == null ? null : t.datetimeComplete().toString();
            case "duration": {
                Duration d = t.duration();
                return d == null ? null : d.toNanos() / 1e9;
            }
            case "last_step": return t.lastStep() < 0 ? null : t.lastStep();
            case FAIL_REASON_COLUMN: return t.systemAttrs().get(FrozenTrial.FAIL_REASON);
            default:
                if (c.startsWith("values_")) {
                    int k = Integer.parseInt(c.substring("values_".length()));
                    return k < t.values().size() ? t.values().get(k) : null;
                }
                if (c.startsWith("constraints_")) {
                    int k = Integer.parseInt(c.substring("constraints_".length()));
                    double[] constraints = t.constraints();
                    return k < constraints.length ? constraints[k] : null;
                }
                if (c.startsWith("params_")) {
                    return t.param(c.substring("params_".length()));
                }
                if (c.startsWith("user_attrs_")) {
                    Object v = t.userAttrs().get(c.substring("user_attrs_".length()));
                    return v instanceof Map || v instanceof List ? nas.api.json.Json.write(v) : v;
                }
                return null;
        }
    }
}
