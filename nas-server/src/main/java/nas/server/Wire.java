package nas.server;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.Distribution;
import nas.api.distribution.Distributions;
import nas.api.json.Json;
import nas.api.storage.StudyInfo;

/**
 * The JSON forms of the storage contract's values on the wire. Numbers keep their kind: NaN and
 * infinities travel as JSON's non-standard {@code NaN}/{@code Infinity} tokens (both ends are this
 * class), doubles in their shortest exact form, so a value read back is the value written.
 */
public final class Wire {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private static final long NANOS = 1_000_000_000L;

    private Wire() {
    }

    /** JSON bytes of a tree of maps, lists, strings, numbers, booleans and nulls. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("value cannot be sent as JSON: " + e.getMessage(), e);
        }
    }

    /** A JSON object read into a map (numbers as Integer, Long or Double). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(byte[] json) throws IOException {
        Object v = MAPPER.readValue(json, Object.class);
        if (!(v instanceof Map<?, ?>)) {
            throw new IOException("expected a JSON object");
        }
        return (Map<String, Object>) v;
    }

    /** A value read from the wire (maps, lists...) as a {@code type}, e.g. a record; null stays null. */
    public static <T> T convert(Object tree, Class<T> type) {
        return tree == null ? null : MAPPER.convertValue(tree, type);
    }

    /** A JSON list read from the wire as a list of {@code type}. */
    public static <T> java.util.List<T> convertList(Object tree, Class<T> type) {
        return MAPPER.convertValue(tree, MAPPER.getTypeFactory().constructCollectionType(java.util.List.class, type));
    }

    // ---- trials ----

    /** A single trial, its distributions written out in full. */
    public static Map<String, Object> trial(FrozenTrial t) {
        Map<String, Object> m = fields(t);
        m.put("distributions", distributions(t.distributions()));
        return m;
    }

    /** Reads what {@link #trial(FrozenTrial)} wrote (null stays null). */
    public static FrozenTrial trial(Object json) {
        return json == null ? null : trial((Map<?, ?>) json, distributions(((Map<?, ?>) json).get("distributions")));
    }

    /**
     * A list of trials. The trials of a study share a handful of distributions, so each distinct one
     * is written once, in {@code distributionTable}, and a trial names its own by their index there:
     * decoding a distribution per parameter per trial was a tenth of the cost of reading a page.
     */
    public static Map<String, Object> trials(List<FrozenTrial> trials) {
        Map<Distribution, Integer> index = new HashMap<>();
        List<Object> table = new ArrayList<>();
        List<Object> out = new ArrayList<>(trials.size());
        for (FrozenTrial t : trials) {
            Map<String, Object> m = fields(t);
            Map<String, Integer> named = new LinkedHashMap<>();
            t.distributions().forEach((name, d) -> named.put(name, index.computeIfAbsent(d, k -> {
                table.add(Distributions.toMap(k));
                return table.size() - 1;
            })));
            m.put("distributions", named);
            out.add(m);
        }
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("distributionTable", table);
        list.put("trials", out);
        return list;
    }

    /** Reads what {@link #trials(List)} wrote. */
    public static List<FrozenTrial> trialList(Object json) {
        Map<?, ?> list = (Map<?, ?>) json;
        List<Distribution> table = new ArrayList<>();
        ((List<?>) list.get("distributionTable")).forEach(d -> table.add(Distributions.fromMap((Map<?, ?>) d)));
        List<?> trials = (List<?>) list.get("trials");
        List<FrozenTrial> out = new ArrayList<>(trials.size());
        for (Object o : trials) {
            Map<?, ?> m = (Map<?, ?>) o;
            Map<String, Distribution> distributions = new LinkedHashMap<>();
            ((Map<?, ?>) m.get("distributions")).forEach((name, i) -> distributions.put((String) name,
                    table.get(((Number) i).intValue())));
            out.add(trial(m, distributions));
        }
        return out;
    }

    /** Everything of a trial but its distributions. */
    private static Map<String, Object> fields(FrozenTrial t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("number", t.number());
        m.put("state", t.state().name());
        m.put("values", t.values());
        m.put("start", instant(t.datetimeStart()));
        m.put("complete", instant(t.datetimeComplete()));
        m.put("params", t.internalParams());
        List<List<Object>> steps = new ArrayList<>();
        t.intermediateValues().forEach((step, v) -> steps.add(List.of(step, v)));
        m.put("intermediate", steps);
        m.put("user", t.userAttrs());
        m.put("system", t.systemAttrs());
        return m;
    }

    private static FrozenTrial trial(Map<?, ?> m, Map<String, Distribution> distributions) {
        TreeMap<Integer, Double> steps = new TreeMap<>();
        for (Object o : (List<?>) m.get("intermediate")) {
            List<?> pair = (List<?>) o;
            steps.put(((Number) pair.get(0)).intValue(), ((Number) pair.get(1)).doubleValue());
        }
        return new FrozenTrial(((Number) m.get("id")).longValue(), ((Number) m.get("number")).intValue(),
                TrialState.valueOf((String) m.get("state")), doubles(m.get("values")), instant(m.get("start")),
                instant(m.get("complete")), doubleMap(m.get("params")), distributions, steps,
                attrs(m.get("user")), attrs(m.get("system")));
    }

    // ---- parts ----

    public static Map<String, Object> distributions(Map<String, Distribution> distributions) {
        Map<String, Object> m = new LinkedHashMap<>();
        distributions.forEach((name, d) -> m.put(name, Distributions.toMap(d)));
        return m;
    }

    public static Map<String, Distribution> distributions(Object json) {
        Map<String, Distribution> out = new LinkedHashMap<>();
        ((Map<?, ?>) json).forEach((name, d) -> out.put((String) name, Distributions.fromMap((Map<?, ?>) d)));
        return out;
    }

    public static Map<String, Double> doubleMap(Object json) {
        Map<String, Double> out = new LinkedHashMap<>();
        ((Map<?, ?>) json).forEach((k, v) -> out.put((String) k, ((Number) v).doubleValue()));
        return out;
    }

    public static List<Double> doubles(Object json) {
        List<Double> out = new ArrayList<>();
        ((List<?>) json).forEach(v -> out.add(((Number) v).doubleValue()));
        return out;
    }

    /** Attribute maps and values as storages hold them (integral numbers as Long). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> attrs(Object json) {
        return (Map<String, Object>) Json.freeze(json);
    }

    public static List<String> states(Set<TrialState> states) {
        return states.stream().map(TrialState::name).toList();
    }

    public static Set<TrialState> states(Object json) {
        Set<TrialState> out = EnumSet.noneOf(TrialState.class);
        ((List<?>) json).forEach(s -> out.add(TrialState.valueOf((String) s)));
        return out;
    }

    public static List<String> directions(List<StudyDirection> directions) {
        return directions.stream().map(StudyDirection::name).toList();
    }

    public static List<StudyDirection> directions(Object json) {
        return ((List<?>) json).stream().map(s -> StudyDirection.valueOf((String) s)).toList();
    }

    public static Map<String, Object> studyInfo(StudyInfo s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("directions", directions(s.directions()));
        Map<String, Integer> counts = new LinkedHashMap<>();
        s.trialCounts().forEach((state, n) -> counts.put(state.name(), n));
        m.put("counts", counts);
        return m;
    }

    public static StudyInfo studyInfo(Object json) {
        Map<?, ?> m = (Map<?, ?>) json;
        Map<TrialState, Integer> counts = new LinkedHashMap<>();
        ((Map<?, ?>) m.get("counts")).forEach((s, n) -> counts.put(TrialState.valueOf((String) s), ((Number) n).intValue()));
        return new StudyInfo(((Number) m.get("id")).longValue(), (String) m.get("name"), directions(m.get("directions")),
                counts);
    }

    /**
     * An instant as nanoseconds since the epoch (years 1677 to 2262), else as ISO-8601 text:
     * formatting and parsing the text was a tenth of the cost of a page of trials.
     */
    private static Object instant(Instant t) {
        if (t == null) {
            return null;
        }
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), NANOS), t.getNano());
        } catch (ArithmeticException e) {
            return t.toString();
        }
    }

    private static Instant instant(Object json) {
        if (json instanceof Number n) {
            long nanos = n.longValue();
            return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
        }
        return json == null ? null : Instant.parse((String) json);
    }
}
