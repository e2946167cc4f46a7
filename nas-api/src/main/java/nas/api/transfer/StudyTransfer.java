package nas.api.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.distribution.IntDistribution;
import nas.api.exception.DuplicateStudyException;
import nas.api.exception.StudyNotFoundException;
import nas.api.json.Json;
import nas.api.storage.Storage;

/**
 * Copying a study between storages and to and from a JSON file: every trial in number order with its
 * state, values, parameters and distributions, intermediate values, user and system attributes and
 * timestamps, and the study's directions and attributes (the samplers' state lives there). Exporting an
 * imported study gives the same file, byte for byte.
 *
 * <p>The file ({@code "format": "nas-study", "version": 1}) is plain JSON that Optuna can read: parameters
 * are the values the objective saw, distributions are in Optuna's JSON form
 * ({@code {"name": "FloatDistribution", "attributes": {...}}}), states and directions carry Optuna's names.
 * JSON has no NaN or infinity: such values are written as the strings {@code "NaN"}, {@code "Infinity"},
 * {@code "-Infinity"} (Python's {@code float()} reads them).
 */
public final class StudyTransfer {

    /** The {@code format} field of an exported file. */
    public static final String FORMAT = "nas-study";
    /** The {@code version} field of files this class writes; it reads this version. */
    public static final int VERSION = 1;

    private StudyTransfer() {
    }

    /**
     * The study as the JSON tree of the file.
     *
     * @param storage the storage
     * @param study the study's name
     * @return the study as the JSON tree of the file
     */
    public static Map<String, Object> export(Storage storage, String study) {
        long id = find(storage, study);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", FORMAT);
        out.put("version", VERSION);
        out.put("study_name", study);
        List<String> directions = new ArrayList<>();
        for (StudyDirection d : storage.studyDirections(id)) {
            directions.add(d.name());
        }
        out.put("directions", directions);
        out.put("user_attrs", new TreeMap<>(storage.studyUserAttrs(id)));
        out.put("system_attrs", new TreeMap<>(storage.studySystemAttrs(id)));
        List<Object> trials = new ArrayList<>();
        for (FrozenTrial t : storage.trials(id, java.util.EnumSet.noneOf(TrialState.class))) {
            trials.add(trial(t));
        }
        out.put("trials", trials);
        return out;
    }

    /**
     * Writes the study to {@code file} as JSON text.
     *
     * @param storage the storage
     * @param study the study's name
     * @param file the JSON file
     */
    public static void write(Storage storage, String study, Path file) {
        try {
            Files.writeString(file, toJson(export(storage, study)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + nas.api.FileErrors.reason(e), e);
        }
    }

    /**
     * JSON text of an exported tree, one trial per line.
     *
     * @param exported the JSON tree written by {@link #export}
     * @return the JSON text
     */
    public static String toJson(Map<String, Object> exported) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> e : exported.entrySet()) {
            sb.append(first ? "" : ",").append('\n').append(Json.write(e.getKey())).append(": ");
            first = false;
            if (e.getKey().equals("trials")) {
                sb.append('[');
                List<?> trials = (List<?>) e.getValue();
                for (int i = 0; i < trials.size(); i++) {
                    sb.append(i == 0 ? "\n  " : ",\n  ").append(Json.write(trials.get(i)));
                }
                sb.append(trials.isEmpty() ? "]" : "\n]");
            } else {
                sb.append(Json.write(e.getValue()));
            }
        }
        return sb.append("\n}\n").toString();
    }

    /**
     * Creates study {@code name} (null: the file's name) in {@code storage} from an exported tree.
     *
     * @param storage the storage
     * @param exported the JSON tree written by {@link #export}
     * @param name the name of the new study (null: the name in the file)
     * @return the new study's name
     * @throws DuplicateStudyException if a study of that name exists
     * @throws IllegalArgumentException if the tree is not a NAS study export
     */
    public static String load(Storage storage, Map<?, ?> exported, String name) {
        if (!FORMAT.equals(exported.get("format")) || !(exported.get("version") instanceof Number version)
                || version.intValue() != VERSION) {
            throw new IllegalArgumentException("not a NAS study export (format " + FORMAT + ", version " + VERSION
                    + "): format " + exported.get("format") + ", version " + exported.get("version"));
        }
        // everything is read and checked before the study is created: a damaged file leaves the storage as it was
        String target;
        List<StudyDirection> directions = new ArrayList<>();
        List<FrozenTrial> trials = new ArrayList<>();
        Map<String, Object> userAttrs;
        Map<String, Object> systemAttrs;
        String part = "'study_name'";
        try {
            target = name != null ? name : (String) java.util.Objects.requireNonNull(exported.get("study_name"));
            part = "'directions'";
            for (Object d : (List<?>) exported.get("directions")) {
                directions.add(StudyDirection.parse(d.toString()));
            }
            part = "'user_attrs'";
            userAttrs = stringKeys((Map<?, ?>) exported.get("user_attrs"));
            part = "'system_attrs'";
            systemAttrs = stringKeys((Map<?, ?>) exported.get("system_attrs"));
            part = "'trials'";
            List<?> listed = (List<?>) exported.get("trials");
            for (int i = 0; i < listed.size(); i++) {
                part = "trial " + i;
                trials.add(trial((Map<?, ?>) listed.get(i)));
            }
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a valid NAS study export: " + part + (part.startsWith("trial ")
                    ? " misses a field or has one of the wrong JSON type" : " is missing or of the wrong JSON type"), e);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("not a valid NAS study export: " + part + ": " + e.getMessage(), e);
        }
        long id = storage.createStudy(target, directions);
        userAttrs.forEach((k, v) -> storage.setStudyUserAttr(id, k, v));
        systemAttrs.forEach((k, v) -> storage.setStudySystemAttr(id, k, v));
        for (FrozenTrial t : trials) {
            storage.createTrial(id, t);
        }
        return target;
    }

    /**
     * Reads a file written by {@link #write} into {@code storage}; see {@link #load}.
     *
     * @param storage the storage
     * @param file the JSON file
     * @param name the name of the new study (null: the name in the file)
     * @return the new study's name
     */
    public static String read(Storage storage, Path file, String name) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + nas.api.FileErrors.reason(e), e);
        }
        Object parsed;
        try {
            parsed = Json.readDocument(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?> tree)) {
            throw new IllegalArgumentException(file + " is not a JSON object");
        }
        return load(storage, tree, name);
    }

    /**
     * Copies study {@code study} of {@code from} into {@code to} as {@code toName} (null: the same name).
     *
     * @param from the storage to copy from
     * @param study the study's name
     * @param to the storage to copy into
     * @param toName the name of the copy (null: the same name)
     * @return the copy's name
     */
    public static String copy(Storage from, String study, Storage to, String toName) {
        return load(to, Json.freeze(export(from, study)) instanceof Map<?, ?> m ? m : Map.of(), toName);
    }

    private static long find(Storage storage, String study) {
        OptionalLong id = storage.findStudy(study);
        if (id.isEmpty()) {
            throw new StudyNotFoundException("named '" + study + "'");
        }
        return id.getAsLong();
    }

    private static Map<String, Object> trial(FrozenTrial t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", t.number());
        m.put("state", t.state().name());
        m.put("values", numbers(t.values()));
        m.put("datetime_start", t.datetimeStart() == null ? null : t.datetimeStart().toString());
        m.put("datetime_complete", t.datetimeComplete() == null ? null : t.datetimeComplete().toString());
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, Object> distributions = new LinkedHashMap<>();
        for (Map.Entry<String, Double> p : t.internalParams().entrySet()) {
            Distribution d = t.distributions().get(p.getKey());
            params.put(p.getKey(), d.toExternal(p.getValue()));
            distributions.put(p.getKey(), optunaDistribution(d));
        }
        m.put("params", params);
        m.put("distributions", distributions);
        Map<String, Object> intermediate = new LinkedHashMap<>();
        t.intermediateValues().forEach((step, v) -> intermediate.put(Integer.toString(step), number(v)));
        m.put("intermediate_values", intermediate);
        m.put("user_attrs", new TreeMap<>(t.userAttrs()));
        m.put("system_attrs", new TreeMap<>(t.systemAttrs()));
        return m;
    }

    private static FrozenTrial trial(Map<?, ?> m) {
        String stateName = (String) java.util.Objects.requireNonNull(m.get("state"), "state");
        TrialState state;
        try {
            state = TrialState.valueOf(stateName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown state '" + stateName + "' (states: "
                    + java.util.Arrays.toString(TrialState.values()) + ")");
        }
        Map<String, Double> internal = new LinkedHashMap<>();
        Map<String, Distribution> distributions = new LinkedHashMap<>();
        Map<?, ?> params = (Map<?, ?>) m.get("params");
        ((Map<?, ?>) m.get("distributions")).forEach((k, v) -> {
            Distribution d = fromOptuna((Map<?, ?>) v);
            distributions.put((String) k, d);
            double value = d.toInternal(params.get(k));
            if (!d.contains(value)) {
                throw new IllegalArgumentException("parameter '" + k + "' = " + params.get(k) + " is not a value of its "
                        + "distribution " + nas.api.distribution.Distributions.describe(d));
            }
            internal.put((String) k, value);
        });
        TreeMap<Integer, Double> intermediate = new TreeMap<>();
        ((Map<?, ?>) m.get("intermediate_values")).forEach((k, v) -> intermediate.put(Integer.parseInt((String) k),
                number(v)));
        List<Double> values = new ArrayList<>();
        for (Object v : (List<?>) m.get("values")) {
            values.add(number(v));
        }
        return new FrozenTrial(-1, ((Number) m.get("number")).intValue(), state, values, instant(m.get("datetime_start")),
                instant(m.get("datetime_complete")), internal, distributions, intermediate,
                stringKeys((Map<?, ?>) m.get("user_attrs")), stringKeys((Map<?, ?>) m.get("system_attrs")));
    }

    /** Optuna's JSON form of a distribution (its {@code distribution_to_json}). */
    static Map<String, Object> optunaDistribution(Distribution d) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        String name;
        if (d instanceof FloatDistribution f) {
            name = "FloatDistribution";
            attributes.put("low", f.low());
            attributes.put("high", f.high());
            attributes.put("log", f.log());
            attributes.put("step", f.hasStep() ? f.step() : null);
        } else if (d instanceof IntDistribution i) {
            name = "IntDistribution";
            attributes.put("low", i.low());
            attributes.put("high", i.high());
            attributes.put("log", i.log());
            attributes.put("step", i.step());
        } else {
            name = "CategoricalDistribution";
            attributes.put("choices", ((CategoricalDistribution) d).choices());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("attributes", attributes);
        return out;
    }

    /**
     * A distribution from its JSON tree: Optuna's form ({@code {"name": "FloatDistribution", "attributes":
     * {"low": 0, "high": 1, "log": false, "step": null}}}) or NAS's ({@code {"type": "float", ...}}).
     *
     * @param m the distribution's JSON tree
     * @return a distribution from its JSON tree
     * @throws IllegalArgumentException for anything else
     */
    public static Distribution distribution(Map<?, ?> m) {
        if (m.containsKey("type")) {
            return nas.api.distribution.Distributions.fromMap(m);
        }
        if (!(m.get("attributes") instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("a distribution needs \"name\" and \"attributes\" (Optuna's form) or "
                    + "\"type\", but got " + m);
        }
        return fromOptuna(m);
    }

    /** Optuna's form, read as NAS's form ({@code "type": "float"} and the attributes), so both get the same checks. */
    static Distribution fromOptuna(Map<?, ?> m) {
        String type = switch (String.valueOf(m.get("name"))) {
            case "FloatDistribution" -> "float";
            case "IntDistribution" -> "int";
            case "CategoricalDistribution" -> "categorical";
            default -> throw new IllegalArgumentException("unknown distribution " + m.get("name"));
        };
        Map<Object, Object> form = new LinkedHashMap<>((Map<?, ?>) m.get("attributes"));
        form.put("type", type);
        return nas.api.distribution.Distributions.fromMap(form);
    }

    private static double num(Object o) {
        if (!(o instanceof Number n)) {
            throw new IllegalArgumentException("expected a number, but got " + o);
        }
        return n.doubleValue();
    }

    private static List<Object> numbers(List<Double> values) {
        List<Object> out = new ArrayList<>(values.size());
        for (double v : values) {
            out.add(number(v));
        }
        return out;
    }

    /** A double as JSON allows: the number, or "NaN", "Infinity", "-Infinity". */
    private static Object number(double v) {
        return Double.isFinite(v) ? (Object) v : Double.toString(v);
    }

    private static double number(Object o) {
        return o instanceof String s ? Double.parseDouble(s) : num(o);
    }

    private static Instant instant(Object o) {
        return o == null ? null : Instant.parse((String) o);
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put((String) k, v));
        return out;
    }
}
