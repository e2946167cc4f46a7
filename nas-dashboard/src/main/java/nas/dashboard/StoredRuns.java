package nas.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nas.api.json.Json;
import nas.sim.config.LabConfig;
import nas.sim.evolution.FramesSetting;
import nas.sim.genome.CreatureGenome;
import nas.sim.genome.GenomeBinary;
import nas.sim.genome.GenomeJson;
import nas.storage.Deflate;
import nas.storage.RunLiveness;
import nas.storage.RunStore;

/**
 * Reading what a stored evolution run was made with: its configuration and its creatures' genomes, in every form
 * runs stored them. Shared by the run commands ({@code nas replay}, {@code nas export}, {@code nas evolve --resume})
 * and the dashboard's run pages.
 */
public final class StoredRuns {

    private StoredRuns() {
    }

    /**
     * A stored creature's genome as JSON. A survivor's genome is stored once, with the survival streak it had
     * then; its own streak replaces that one.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> genome(RunStore.Creature c) {
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
    public static CreatureGenome genomeOf(byte[] stored) {
        return GenomeBinary.isBinary(stored) ? GenomeBinary.standard().decode(stored)
                : GenomeJson.standard().fromJson(Deflate.toText(stored));
    }

    /**
     * The stored configuration as this code reads it. Keys this code no longer knows are dropped and keys it
     * added take their defaults; either is a change that {@code changes} records.
     */
    @SuppressWarnings("unchecked")
    public static LabConfig config(RunStore.Run run, List<String> changes) {
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

    /**
     * A run as one row of a listing ({@code nas runs}, the dashboard's runs): its status as shown
     * ({@link RunLiveness#shownStatus}: STOPPED for a RUNNING run no live process holds), and the process that holds
     * it ({@code writer}, null when none does) with its last heartbeat's age in seconds (null when it never had one);
     * {@code frames} is the stored setting, {@code frames_text} it and the frame rate for people
     * ({@link FramesSetting#describe(String, int)}).
     */
    public static Map<String, Object> summary(RunStore.Run r, Optional<RunStore.Heartbeat> heartbeat) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", r.id());
        m.put("config", r.configName());
        m.put("seed", r.seed());
        m.put("status", RunLiveness.shownStatus(r, heartbeat));
        m.put("generations", r.generationsDone());
        m.put("target", r.targetGenerations());
        m.put("best", r.bestFitness());
        m.put("best_generation", r.bestGeneration() < 0 ? null : r.bestGeneration());
        m.put("frames", r.framesMode());
        m.put("seconds", r.seconds());
        m.put("updated", Instant.ofEpochMilli(r.updatedMillis()).toString());
        m.put("writer", heartbeat.filter(RunLiveness::alive).map(h -> h.owner().describe()).orElse(null));
        m.put("heartbeat_seconds_ago", heartbeat.map(h -> h.silentMillis() / 1e3).orElse(null));
        m.put("frame_rate", r.frameRate());
        m.put("frames_text", FramesSetting.describe(r.framesMode(), r.frameRate()));
        return m;
    }

    /**
     * A run's progress ({@code nas run-status}, the dashboard's run page): its {@link #summary} with the time per
     * generation, the ETA while a live process runs it and the generation its last checkpoint resumes at.
     */
    public static Map<String, Object> status(RunStore.Run r, Optional<RunStore.Heartbeat> heartbeat,
            Optional<RunStore.Checkpoint> lastCheckpoint) {
        Map<String, Object> summary = summary(r, heartbeat);
        double perGeneration = r.generationsDone() == 0 ? 0 : r.seconds() / r.generationsDone();
        summary.put("seconds_per_generation", perGeneration);
        // an ETA only for a run a live process runs
        summary.put("eta_seconds", summary.get("status").equals(RunStore.RUNNING)
                ? perGeneration * (r.targetGenerations() - r.generationsDone()) : null);
        summary.put("last_checkpoint", lastCheckpoint.map(RunStore.Checkpoint::generation).orElse(null));
        return summary;
    }

    /** A generation's statistics as one row ({@code nas run-status --format csv|json}, the run page's charts). */
    public static Map<String, Object> generation(RunStore.Generation g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generation", g.generation());
        m.put("best", g.best());
        m.put("mean", g.mean());
        m.put("median", g.median());
        m.put("worst", g.worst());
        m.put("best_ever", g.bestEver());
        m.put("pellets", g.pellets());
        m.put("species", g.species());
        m.put("diversity", g.diversity());
        m.put("seconds", g.seconds());
        m.put("creature_types", g.creatureTypes());
        return m;
    }
}
