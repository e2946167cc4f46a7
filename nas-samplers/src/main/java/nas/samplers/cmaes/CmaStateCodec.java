package nas.samplers.cmaes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import nas.api.json.Json;

/**
 * JSON form of {@link CmaState}: one object whose fields are the record's components. Doubles
 * are written in their shortest round-trip form, so decoding gives bit-identical values and the
 * restored optimizer draws the same samples. Uses the project's reader and writer ({@link Json}).
 */
public final class CmaStateCodec {

    private CmaStateCodec() {}

    /**
     * The state as JSON, which {@link #fromJson} reads back equal.
     *
     * @param state the state
     * @return its JSON text
     * @throws IllegalStateException if it cannot be encoded
     */
    public static String toJson(CmaState state) {
        try {
            return Json.WRITER.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode CMA-ES state", e);
        }
    }

    /**
     * @throws IllegalArgumentException if the text is not a CMA-ES state of the supported version
     */
    public static CmaState fromJson(String json) {
        JsonNode tree;
        try {
            tree = Json.READER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("CMA-ES state is not valid JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject() || !tree.path("version").isInt()) {
            throw new IllegalArgumentException("CMA-ES state must be a JSON object with an int version");
        }
        int version = tree.get("version").asInt();
        if (version != CmaState.FORMAT_VERSION) {
            throw new IllegalArgumentException(
                    "CMA-ES state has format version " + version + ", this code reads version "
                            + CmaState.FORMAT_VERSION);
        }
        try {
            return Json.READER.treeToValue(tree, CmaState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid CMA-ES state: " + e.getOriginalMessage(), e);
        }
    }
}
