package nas.api.distribution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nas.api.json.Json;

/** JSON form of distributions, as stored next to every parameter value. */
public final class Distributions {

    /**
     * Both directions are cached: a study writes and reads the same few distributions with every
     * trial. The caches are cleared when full, for searches whose ranges change from trial to trial.
     */
    private static final int CACHE_LIMIT = 4096;
    private static final Map<Distribution, String> JSON_OF = new ConcurrentHashMap<>();
    private static final Map<String, Distribution> PARSED = new ConcurrentHashMap<>();

    /**
     * The end of a storage's refusal of a second distribution for a parameter name: what to do instead (unlike
     * Optuna, which lets a resumed study widen a range, a study here keeps one distribution per name).
     */
    public static final String ONE_PER_NAME =
            "; a study keeps one distribution per parameter name (another range needs another name or study)";

    private Distributions() {
    }

    /**
     * JSON text, e.g. {@code {"type":"float","low":0.0,"high":1.0,"log":false,"step":0.0}}.
     *
     * @param d the distribution
     * @return the JSON text
     */
    public static String toJson(Distribution d) {
        String json = JSON_OF.get(d);
        if (json == null) {
            json = Json.write(toMap(d));
            cache(JSON_OF, d, json);
        }
        return json;
    }

    private static <K, V> void cache(Map<K, V> cache, K key, V value) {
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(key, value);
    }

    /**
     * Plain-map form (for embedding in larger JSON records).
     *
     * @param d the distribution
     * @return the map form
     */
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

    /**
     * Reads the form written by {@link #toJson}.
     *
     * @param json the text written by {@link #toJson}
     * @return the distribution
     */
    public static Distribution fromJson(String json) {
        Distribution known = PARSED.get(json);
        if (known != null) {
            return known;
        }
        Distribution d = parse(json);
        cache(PARSED, json, d);
        return d;
    }

    private static Distribution parse(String json) {
        Object parsed = Json.read(json);
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("a distribution must be a JSON object, but got " + json);
        }
        return fromMap(m);
    }

    /**
     * Reads the form written by {@link #toMap}.
     *
     * @param m the map written by {@link #toMap}
     * @return the distribution
     */
    public static Distribution fromMap(Map<?, ?> m) {
        Object type = m.get("type");
        if ("float".equals(type)) {
            return new FloatDistribution(num(m, "low"), num(m, "high"), Boolean.TRUE.equals(m.get("log")),
                    m.get("step") == null ? 0 : num(m, "step"));
        }
        if ("int".equals(type)) {
            return new IntDistribution(integer(m, "low"), integer(m, "high"), Boolean.TRUE.equals(m.get("log")),
                    m.get("step") == null ? 1 : integer(m, "step"));
        }
        if ("categorical".equals(type)) {
            return new CategoricalDistribution((List<Object>) m.get("choices"));
        }
        throw new IllegalArgumentException("unknown distribution type '" + type + "' in " + m);
    }

    /** An int distribution's field: a whole number (1.5 is refused rather than truncated to 1). */
    private static long integer(Map<?, ?> m, String key) {
        double v = num(m, key);
        if (v != Math.rint(v) || Math.abs(v) > 1L << 53) {
            throw new IllegalArgumentException("int distribution field '" + key + "' must be a whole number, but got "
                    + m.get(key));
        }
        return (long) v;
    }

    private static double num(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("distribution field '" + key + "' must be a number, but got " + v);
        }
        return n.doubleValue();
    }

    /**
     * One line for people, e.g. {@code float[0.001, 1.0, log]}.
     *
     * @param d the distribution
     * @return one line for people, e.g. {@code float[0.001, 1.0, log]}
     */
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
