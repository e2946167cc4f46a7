package nas.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas.api.json.Json;
import nas.sim.config.LabConfig;
import nas.sim.genome.CreatureGenome;
import nas.sim.genome.GenomeBinary;
import nas.sim.genome.GenomeJson;
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
        String json = GenomeBinary.isBinary(c.genome()) ? GenomeJson.standard().toJson(genomeOf(c.genome()))
                : Deflate.toText(c.genome());
        Map<String, Object> genome = new LinkedHashMap<>((Map<String, Object>) Json.read(json));
        if (c.genomeId() != RunStore.genomeId(c.generation(), c.index())) {
            genome.put("survivalStreak", c.survivalStreak());
        }
        return genome;
    }

    /**
     * A stored genome, in the binary form runs store ({@link GenomeBinary}) or the deflated JSON of runs stored
     * before it and of imports.
     */
    static CreatureGenome genomeOf(byte[] stored) {
        return GenomeBinary.isBinary(stored) ? GenomeBinary.standard().decode(stored)
                : GenomeJson.standard().fromJson(Deflate.toText(stored));
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
