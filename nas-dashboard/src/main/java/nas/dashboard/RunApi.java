package nas.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nas.api.json.Json;
import nas.api.storage.Storage;
import nas.sim.evolution.FrameSelection;
import nas.sim.evolution.FramesSetting;
import nas.storage.RunStorage;
import nas.storage.RunStore;

/**
 * The JSON API's routes for evolution runs ({@code nas evolve}), read from the storage's {@link RunStore} on each
 * request (a run page asks only for what it shows: the generations' statistics once and then the new ones, one
 * generation's creatures, one creature's frames):
 * <pre>
 * /runs                                             every run: status, progress, best (as nas runs)
 * /runs/{run}                                       its progress (as nas run-status) and configuration
 * /runs/{run}/generations?from=G                    per-generation statistics from generation G (default 0) on
 * /runs/{run}/generations/{g}/creatures             the creatures of a generation by rank, which have frames and why
 * /runs/{run}/generations/{g}/creatures/{i}         one creature with its genome
 * /runs/{run}/generations/{g}/creatures/{i}/frames  its stored frames, decoded, for the replay
 * </pre>
 * A storage without runs (not a database) lists none.
 */
final class RunApi {

    private final RunStore runs;
    /**
     * The generation of each run's last checkpoint, as of the run's row it was read with: reading it reads the
     * checkpoint's state, so a page polling a run that did not change does not read it again.
     */
    private final Map<String, LastCheckpoint> checkpoints = new java.util.concurrent.ConcurrentHashMap<>();

    private record LastCheckpoint(RunStore.Run asOf, Optional<RunStore.Checkpoint> checkpoint) {
    }

    RunApi(Storage storage) {
        this.runs = storage instanceof RunStorage withRuns ? withRuns.runs() : null;
    }

    /** The answer to a GET of {@code /api/runs/...} ({@code segments} start with "runs"), or null for an unknown route. */
    Object get(List<String> segments, Map<String, String> query) {
        if (segments.size() == 1) {
            List<Map<String, Object>> out = new ArrayList<>();
            if (runs != null) {
                Map<String, RunStore.Heartbeat> heartbeats = runs.heartbeats();
                runs.runs().forEach(r -> out.add(StoredRuns.summary(r, Optional.ofNullable(heartbeats.get(r.id())))));
            }
            return out;
        }
        RunStore.Run run = run(segments.get(1));
        if (segments.size() == 2) {
            LastCheckpoint last = checkpoints.get(run.id());
            if (last == null || !last.asOf().equals(run)) {
                // the state itself is not kept: only its generation is shown
                last = new LastCheckpoint(run, runs.lastCheckpoint(run.id())
                        .map(k -> new RunStore.Checkpoint(k.generation(), k.createdMillis(), new byte[0])));
                checkpoints.put(run.id(), last);
            }
            Map<String, Object> m = StoredRuns.status(run, runs.heartbeat(run.id()), last.checkpoint());
            m.put("checkpoint_every", run.checkpointEvery());
            m.put("code_version", run.codeVersion());
            m.put("created", java.time.Instant.ofEpochMilli(run.createdMillis()).toString());
            m.put("config_values", Json.read(run.configJson()));
            return m;
        }
        if (!segments.get(2).equals("generations")) {
            return null;
        }
        if (segments.size() == 3) {
            int from = StudyApi.number(query.getOrDefault("from", "0"));
            List<Map<String, Object>> out = new ArrayList<>();
            runs.generations(run.id(), Math.max(0, from)).forEach(g -> out.add(StoredRuns.generation(g)));
            return out;
        }
        int generation = StudyApi.number(segments.get(3));
        if (generation < 0 || generation >= run.generationsDone()) {
            throw new NotFoundException("run '" + run.id() + "' has " + (run.generationsDone() == 0 ? "no generation yet"
                    : "generations 0.." + (run.generationsDone() - 1)) + ", not " + generation);
        }
        if (segments.size() < 5 || !segments.get(4).equals("creatures")) {
            return null;
        }
        List<RunStore.Creature> creatures = runs.creatures(run.id(), generation);
        int[] ranking = FrameSelection.ranking(creatures.stream().mapToDouble(RunStore.Creature::fitness).toArray());
        int[] rankOf = new int[creatures.size()];
        for (int r = 0; r < ranking.length; r++) {
            rankOf[ranking[r]] = r + 1;
        }
        if (segments.size() == 5) {
            return creatures(run, generation, creatures, ranking, rankOf);
        }
        int index = StudyApi.number(segments.get(5));
        if (index < 0 || index >= creatures.size()) {
            throw new NotFoundException("generation " + generation + " of run '" + run.id() + "' has creatures 0.."
                    + (creatures.size() - 1) + ", not " + index);
        }
        RunStore.Creature c = creatures.get(index);
        if (segments.size() == 6) {
            Map<String, Object> m = creature(c, rankOf[index], kind(run, rankOf[index], creatures.size()));
            m.put("parents", c.parents());
            m.put("survival_streak", c.survivalStreak());
            m.put("genome", StoredRuns.genome(c));
            return m;
        }
        if (segments.size() == 7 && segments.get(6).equals("frames")) {
            RunStore.Frames frames = runs.frames(run.id(), generation, index).orElseThrow(() -> new NotFoundException(
                    "creature " + index + " of generation " + generation + " of run '" + run.id()
                            + "' has no stored frames (the run records " + describeFrames(run) + ")"));
            Map<String, Object> m = RunFrames.of(run, c, frames);
            m.put("rank", rankOf[index]);
            m.put("kind", kind(run, rankOf[index], creatures.size()));
            return m;
        }
        return null;
    }

    private RunStore.Run run(String id) {
        if (runs == null) {
            throw new NotFoundException("no run '" + id + "': this storage keeps no evolution runs");
        }
        return runs.run(id).orElseThrow(() -> new NotFoundException("no run '" + id + "' (see /api/runs)"));
    }

    /** A generation's creatures, best first, each with its rank, whether its frames are stored and why. */
    private Map<String, Object> creatures(RunStore.Run run, int generation, List<RunStore.Creature> creatures,
            int[] ranking, int[] rankOf) {
        java.util.Set<Integer> framed = new java.util.HashSet<>(runs.framedCreatures(run.id(), generation));
        List<Map<String, Object>> rows = new ArrayList<>(creatures.size());
        for (int index : ranking) {
            RunStore.Creature c = creatures.get(index);
            boolean has = framed.contains(index);
            Map<String, Object> m = creature(c, rankOf[index], has ? kind(run, rankOf[index], creatures.size()) : null);
            m.put("framed", has);
            rows.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", run.id());
        out.put("generation", generation);
        out.put("frames", run.framesMode());
        out.put("frames_text", describeFrames(run));
        out.put("framed", framed.size());
        out.put("creatures", rows);
        return out;
    }

    private static Map<String, Object> creature(RunStore.Creature c, int rank, String kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", c.index());
        m.put("rank", rank);
        m.put("kind", kind);
        m.put("fitness", c.fitness());
        m.put("pellets", c.pellets());
        m.put("distance", c.distance());
        m.put("disqualified", c.disqualified());
        m.put("nodes", c.nodes());
        m.put("muscles", c.muscles());
        return m;
    }

    /**
     * Why a creature of this rank (1: best) among {@code n} has frames ({@link FramesSetting#kind}), or
     * {@code framed} for a frames setting this version does not know.
     */
    static String kind(RunStore.Run run, int rank, int n) {
        try {
            return FramesSetting.parse(run.framesMode()).kind(rank, n);
        } catch (IllegalArgumentException unknown) {
            return "framed";
        }
    }

    /** The frames setting for people, as {@code nas run-status} writes it: "selective (top 10, random 10, bottom 5)". */
    static String describeFrames(RunStore.Run run) {
        return FramesSetting.describe(run.framesMode(), run.frameRate());
    }
}
