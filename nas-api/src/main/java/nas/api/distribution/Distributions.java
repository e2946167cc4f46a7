package nas.api.distribution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas.api.json.Json;

/** JSON form of distributions, as stored next to every parameter value. */
public final class Distributions {

    private Distributions() {
    }

    /** JSON text, e.g. {@code {"type":"float","low":0.0,"high":1.0,"log":false,"step":0.0}}. */
    public static String toJson(Distribution d) {
        return Json.write(toMap(d));
    }

    /** Plain-map form (for embedding in larger JSON records). */
    public static Map<String, Object> toMap(Distribution d) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (d instanceof FloatDistribution f) {
            m.put("type", "float");
            m.put("low", f.low());
            m.put("high", f.high());
            m.put("log", f.log());
            m.put("step", f.step());
        } else if (d instanceof IntDistribution i) {
            m.put("type", "int");
            m.put("low", i.low());
            m.put("high", i.high());
            m.put("log", i.log());
            m.put("step", i.step());
        } else {
            m.put("type", "categorical");
            m.put("choices", ((CategoricalDistribution) d).choices());
        }
        return m;
    }

    /** Reads the form written by {@link #toJson}. */
    public static Distribution fromJson(String json) {
        Object parsed = Json.read(json);
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("a distribution must be a JSON object, but got " + json);
        }
        return fromMap(m);
    }

    /** Reads the form written by {@link #toMap}. */
    public static Distribution fromMap(Map<?, ?> m) {
        Object type = m.get("type");
        if ("float".equals(type)) {
            return new FloatDistribution(num(m, "low"), num(m, "high"), Boolean.TRUE.equals(m.get("log")),
                    m.get("step") == null ? 0 : num(m, "step"));
        }
        if ("int".equals(type)) {
            return new IntDistribution((long) num(m, "low"), (long) num(m, "high"), Boolean.TRUE.equals(m.get("log")),
                    m.get("step") == null ? 1 : (long) num(m, "step"));
        }
        if ("categorical".equals(type)) {
            return new CategoricalDistribution((List<Object>) m.get("choices"));
        }
        throw new IllegalArgumentException("unknown distribution type '" + type + "' in " + m);
    }

    private static double num(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("distribution field '" + key + "' must be a number, but got " + v);
        }
        return n.doubleValue();
    }

    /** One line for people, e.g. {@code float[0.001, 1.0, log]}. */
    public static String describe(Distribution d) {
        if (d instanceof FloatDistribution f) {
            return "float[" + f.low() + ", " + f.high() + (f.log() ? ", log" : "") + (f.hasStep() ? ", step=" + f.step() : "") + "]";
        }
        if (d instanceof IntDistribution i) {
            return "int[" + i.low() + ", " + i.high() + (i.log() ? ", log" : "") + (i.step() != 1 ? ", step=" + i.step() : "") + "]";
        }
        return "categorical" + ((CategoricalDistribution) d).choices();
    }
}
