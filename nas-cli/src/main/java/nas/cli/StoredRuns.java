package nas.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas.api.json.Json;
import nas.sim.config.LabConfig;
import nas.storage.Deflate;
import nas.storage.RunStore;

/** Reading what a stored run was made with. */
final class StoredRuns {

    private StoredRuns() {
    }

    /**
     * A stored creature's genome as JSON. A survivor's genome is stored once, with the survival streak it had
     * then; its own streak replaces that one.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> genome(RunStore.Creature c) {
        Map<String, Object> genome = new LinkedHashMap<>((Map<String, Object>) Json.read(Deflate.toText(c.genome())));
        if (c.genomeId() != RunStore.genomeId(c.generation(), c.index())) {
            genome.put("survivalStreak", c.survivalStreak());
        }
        return genome;
    }

    /**
     * The stored configuration as this code reads it. Keys this code no longer knows are dropped and keys it
     * added take their defaults; either is a change that {@code changes} records.
     */
    @SuppressWarnings("unchecked")
    static LabConfig config(RunStore.Run run, List<String> changes) {
        Map<String, Object> stored = (Map<String, Object>) Json.read(run.configJson());
        Map<String, Object> known = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        stored.forEach((k, v) -> {
            if (LabConfig.keys().contains(k)) {
                known.put(k, v);
            } else {
                unknown.add(k);
            }
        });
        List<String> added = LabConfig.keys().stream().filter(k -> !stored.containsKey(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            changes.add("its settings " + unknown + " are unknown to this version");
        }
        if (!added.isEmpty()) {
            changes.add("settings " + added + " are new in this version (defaults apply)");
        }
        return LabConfig.builder().setAll(known).build();
    }
}
