package nas.api.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for attributes and algorithm state. Attribute values are JSON-compatible Java values:
 * {@code String}, {@code Boolean}, {@code Long}, {@code Double}, {@code List} and
 * {@code Map<String, ?>} of those. {@link #freeze} turns any such value into an immutable copy
 * with numbers normalized, which is what storages keep and snapshots expose.
 */
public final class Json {

    /** The one configured mapper; private so nobody reconfigures it under the others' feet. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * The project's reader (immutable and thread-safe; unknown properties are ignored): records and
     * plain values read without annotations. Derive typed readers with {@code READER.forType(...)}.
     */
    public static final ObjectReader READER = MAPPER.reader();

    /** The project's writer (immutable and thread-safe); {@code WRITER.withDefaultPrettyPrinter()} indents. */
    public static final ObjectWriter WRITER = MAPPER.writer();

    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private Json() {
    }

    /**
     * Serializes a value (attribute or record) to JSON text.
     *
     * @param value the value
     * @return the JSON text
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Serializes a value to indented JSON text ending in a newline, for files people read.
     *
     * @param value an attribute value or record
     * @return the indented JSON text and a final newline
     * @throws IllegalArgumentException when the value cannot be written as JSON
     */
    public static String writePretty(Object value) {
        try {
            return PRETTY.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses JSON text into a frozen attribute value.
     *
     * @param json the JSON text
     * @return the value: maps, lists, strings, numbers, booleans or null, immutable
     */
    public static Object read(String json) {
        try {
            return freeze(MAPPER.readValue(json, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Refuses a name given twice in one object, which the default reader lets the last one win. */
    private static final ObjectReader DOCUMENT_READER = MAPPER.reader()
            .withFeatures(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * Parses a document a person wrote or a file to import (a search space, an export) as {@link #read(String)}
     * does, but refuses a name given twice in one object, and says where the text is wrong.
     *
     * @param json the JSON text
     * @return the value: maps, lists, strings, numbers, booleans or null, immutable
     * @throws IllegalArgumentException for invalid JSON, naming the line and column
     */
    public static Object readDocument(String json) {
        try {
            return freeze(DOCUMENT_READER.forType(Object.class).readValue(json));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new IllegalArgumentException("invalid JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses JSON text into a record or class.
     *
     * @param <T> the type of the choices
     * @param json the JSON text
     * @param type the class to read
     * @return the object read
     */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON for " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Validates a JSON-compatible value and returns an immutable deep copy (integral numbers
     * become {@code Long}, other numbers {@code Double}). {@code null} stays {@code null} at the top
     * level and inside lists and maps.
     *
     * @param value the value
     * @return the immutable copy
     * @throws IllegalArgumentException for values JSON cannot hold (NaN is allowed and kept)
     */
    public static Object freeze(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("JSON object keys must be strings, but got " + e.getKey());
                }
                copy.put(key, freeze(e.getValue()));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object o : list) {
                copy.add(freeze(o));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof double[] a) {
            List<Object> copy = new ArrayList<>(a.length);
            for (double d : a) {
                copy.add(d);
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException("attribute values must be JSON-compatible (string, number, boolean, list, map), but got "
                + value.getClass().getName());
    }
}
