package nas.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** The record as one line of JSON. */
    String toLine() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("study", studyId);
        n.put("id", trial.id());
        n.put("number", trial.number());
        n.put("state", trial.state().name());
        ArrayNode values = n.putArray("values");
        trial.values().forEach(values::add);
        n.put("start", trial.datetimeStart() == null ? null : trial.datetimeStart().toString());
        n.put("complete", trial.datetimeComplete() == null ? null : trial.datetimeComplete().toString());
        ObjectNode params = n.putObject("params");
        ObjectNode distributions = n.putObject("distributions");
        trial.internalParams().forEach((name, v) -> {
            params.put(name, v);
            distributions.put(name, Distributions.toJson(trial.distributions().get(name)));
        });
        ObjectNode intermediate = n.putObject("intermediate");
        trial.intermediateValues().forEach((step, v) -> intermediate.put(step.toString(), v));
        ObjectNode user = n.putObject("user");
        trial.userAttrs().forEach((k, v) -> user.put(k, Json.write(v)));
        ObjectNode system = n.putObject("system");
        trial.systemAttrs().forEach((k, v) -> system.put(k, Json.write(v)));
        try {
            return Json.MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a journal record", e);
        }
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
