package nas.server;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
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

    public static Map<String, Object> trial(FrozenTrial t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("number", t.number());
        m.put("state", t.state().name());
        m.put("values", t.values());
        m.put("start", instant(t.datetimeStart()));
        m.put("complete", instant(t.datetimeComplete()));
        m.put("params", t.internalParams());
        m.put("distributions", distributions(t.distributions()));
        List<List<Object>> steps = new ArrayList<>();
        t.intermediateValues().forEach((step, v) -> steps.add(List.of(step, v)));
        m.put("intermediate", steps);
        m.put("user", t.userAttrs());
        m.put("system", t.systemAttrs());
        return m;
    }

    public static FrozenTrial trial(Object json) {
        if (json == null) {
            return null;
        }
        Map<?, ?> m = (Map<?, ?>) json;
        TreeMap<Integer, Double> steps = new TreeMap<>();
        for (Object o : (List<?>) m.get("intermediate")) {
            List<?> pair = (List<?>) o;
            steps.put(((Number) pair.get(0)).intValue(), ((Number) pair.get(1)).doubleValue());
        }
        return new FrozenTrial(((Number) m.get("id")).longValue(), ((Number) m.get("number")).intValue(),
                TrialState.valueOf((String) m.get("state")), doubles(m.get("values")), instant(m.get("start")),
                instant(m.get("complete")), doubleMap(m.get("params")), distributions(m.get("distributions")), steps,
                attrs(m.get("user")), attrs(m.get("system")));
    }

    public static List<Object> trials(List<FrozenTrial> trials) {
        List<Object> out = new ArrayList<>(trials.size());
        trials.forEach(t -> out.add(trial(t)));
        return out;
    }

    public static List<FrozenTrial> trialList(Object json) {
        List<FrozenTrial> out = new ArrayList<>();
        ((List<?>) json).forEach(o -> out.add(trial(o)));
        return out;
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

    private static String instant(Instant t) {
        return t == null ? null : t.toString();
    }

    private static Instant instant(Object json) {
        return json == null ? null : Instant.parse((String) json);
    }
}
