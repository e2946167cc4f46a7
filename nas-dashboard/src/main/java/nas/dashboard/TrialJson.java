package nas.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas.api.FrozenTrial;

/** Trials as JSON objects: a short row for tables and the whole record for the trial page. */
final class TrialJson {

    private TrialJson() {
    }

    /** Number, state, values, times, duration and parameters (external values). */
    static Map<String, Object> row(FrozenTrial t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("number", t.number());
        out.put("state", t.state().name());
        out.put("values", t.values());
        out.put("datetime_start", t.datetimeStart() == null ? null : t.datetimeStart().toString());
        out.put("datetime_complete", t.datetimeComplete() == null ? null : t.datetimeComplete().toString());
        Duration d = t.duration();
        out.put("duration_ms", d == null ? null : d.toMillis());
        out.put("params", t.params());
        return out;
    }

    /**
     * {@link #row} plus distributions (as the study's {@code params} give them: type, low, high, log, step, choices),
     * intermediate values, attributes and the failure reason.
     */
    static Map<String, Object> full(FrozenTrial t) {
        Map<String, Object> out = row(t);
        Map<String, Object> dists = new LinkedHashMap<>();
        t.distributions().forEach((name, d) -> dists.put(name, PlotData.param(name, d)));
        out.put("distributions", dists);
        List<double[]> steps = new ArrayList<>();
        t.intermediateValues().forEach((step, v) -> steps.add(new double[] {step, v}));
        out.put("intermediate_values", steps);
        out.put("user_attrs", t.userAttrs());
        out.put("system_attrs", t.systemAttrs());
        out.put("fail_reason", t.systemAttrs().get(FrozenTrial.FAIL_REASON));
        return out;
    }
}
