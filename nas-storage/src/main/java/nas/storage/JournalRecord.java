package nas.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nas.api.FrozenTrial;
import nas.api.TrialState;
import nas.api.distribution.Distribution;
import nas.api.distribution.Distributions;
import nas.api.json.Json;

/**
 * One line of the {@link TrialJournal}: a finished trial as the database held it when it ended,
 * with its study. Attributes keep the JSON text the database stores; instants are ISO-8601.
 *
 * @param studyId the trial's study
 * @param trial   the trial, finished
 */
record JournalRecord(long studyId, FrozenTrial trial) {

    /** The record as one line of JSON (written by a streaming generator: a tree costs twice as much). */
    String toLine() {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("study", studyId);
            g.writeNumberField("id", trial.id());
            g.writeNumberField("number", trial.number());
            g.writeStringField("state", trial.state().name());
            g.writeArrayFieldStart("values");
            for (double v : trial.values()) {
                g.writeNumber(v);
            }
            g.writeEndArray();
            g.writeStringField("start", trial.datetimeStart() == null ? null : trial.datetimeStart().toString());
            g.writeStringField("complete", trial.datetimeComplete() == null ? null : trial.datetimeComplete().toString());
            g.writeObjectFieldStart("params");
            for (Map.Entry<String, Double> e : trial.internalParams().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("distributions");
            for (Map.Entry<String, Double> e : trial.internalParams().entrySet()) {
                g.writeStringField(e.getKey(), Distributions.toJson(trial.distributions().get(e.getKey())));
            }
            g.writeEndObject();
            g.writeObjectFieldStart("intermediate");
            for (Map.Entry<Integer, Double> e : trial.intermediateValues().entrySet()) {
                g.writeNumberField(e.getKey().toString(), e.getValue());
            }
            g.writeEndObject();
            writeAttrs(g, "user", trial.userAttrs());
            writeAttrs(g, "system", trial.systemAttrs());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a journal record", e);
        }
        return out.toString();
    }

    private static void writeAttrs(JsonGenerator g, String field, Map<String, Object> attrs) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, Object> e : attrs.entrySet()) {
            g.writeStringField(e.getKey(), Json.write(e.getValue()));
        }
        g.writeEndObject();
    }

    /** Reads a line written by {@link #toLine()}. */
    static JournalRecord parse(String line) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid journal record: " + e.getOriginalMessage(), e);
        }
        List<Double> values = new ArrayList<>();
        n.get("values").forEach(v -> values.add(v.asDouble()));
        Map<String, Double> params = new LinkedHashMap<>();
        Map<String, Distribution> distributions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.get("params").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            params.put(e.getKey(), e.getValue().asDouble());
            distributions.put(e.getKey(), Distributions.fromJson(n.get("distributions").get(e.getKey()).asText()));
        }
        TreeMap<Integer, Double> intermediate = new TreeMap<>();
        n.get("intermediate").fields().forEachRemaining(e -> intermediate.put(Integer.valueOf(e.getKey()),
                e.getValue().asDouble()));
        FrozenTrial trial = new FrozenTrial(n.get("id").asLong(), n.get("number").asInt(),
                TrialState.valueOf(n.get("state").asText()), values, instant(n.get("start")), instant(n.get("complete")),
                params, distributions, intermediate, attrs(n.get("user")), attrs(n.get("system")));
        return new JournalRecord(n.get("study").asLong(), trial);
    }

    private static Instant instant(JsonNode n) {
        return n == null || n.isNull() ? null : Instant.parse(n.asText());
    }

    private static Map<String, Object> attrs(JsonNode n) {
        Map<String, Object> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), Json.read(e.getValue().asText())));
        return out;
    }
}
