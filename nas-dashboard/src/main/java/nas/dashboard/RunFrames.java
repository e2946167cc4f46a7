package nas.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas.sim.config.LabConfig;
import nas.sim.genome.CreatureGenome;
import nas.sim.physics.CreatureSimulator;
import nas.sim.physics.FrameRecording;
import nas.storage.RunStore;

/**
 * A stored creature's recorded frames ({@link FrameRecording}, decoded from the database, not simulated again) in
 * the form the page's replay draws: node positions, the pellet and the pellets collected per frame in metres, the
 * centre of mass (weighted by the node masses, as the simulator computes it), where pellets were collected, and
 * the body's muscles and node radii, which the simulator takes from the genome when it starts.
 */
final class RunFrames {

    private RunFrames() {
    }

    static Map<String, Object> of(RunStore.Run run, RunStore.Creature c, RunStore.Frames stored) {
        FrameRecording rec = FrameRecording.decode(stored.data());
        LabConfig config = StoredRuns.config(run, new ArrayList<>());
        CreatureGenome genome = StoredRuns.genomeOf(c.genome());
        // the body as the simulator builds it (nodes past its limit and their muscles dropped); no step is taken
        CreatureSimulator sim = CreatureReplay.started(genome, config, c.pelletSeed());
        int nodes = rec.nodes();
        if (nodes != sim.nodeCount()) {
            throw new IllegalStateException("the stored frames of creature " + c.index() + " of generation "
                    + c.generation() + " hold " + nodes + " nodes, its genome " + sim.nodeCount());
        }
        double[] mass = new double[nodes];
        double massSum = 0;
        for (int i = 0; i < nodes; i++) {
            mass[i] = genome.nodes().get(i).mass();
            massSum += mass[i];
        }
        List<Map<String, Object>> frames = new ArrayList<>(rec.frameCount());
        List<double[]> collections = new ArrayList<>();
        int p = 3 * nodes;
        for (int f = 0; f < rec.frameCount(); f++) {
            double[][] at = new double[nodes][];
            double[] com = new double[3];
            for (int i = 0; i < nodes; i++) {
                at[i] = new double[] {metres(rec, f, 3 * i), metres(rec, f, 3 * i + 1), metres(rec, f, 3 * i + 2)};
                for (int a = 0; a < 3; a++) {
                    com[a] += mass[i] * at[i][a] / massSum;
                }
            }
            int collected = rec.value(f, p + 3);
            if (f > 0 && collected > rec.value(f - 1, p + 3)) {
                // collected between the two frames: the pellet shown before
                collections.add(new double[] {rec.time(f), metres(rec, f - 1, p), metres(rec, f - 1, p + 1),
                        metres(rec, f - 1, p + 2)});
            }
            Map<String, Object> frame = new LinkedHashMap<>();
            frame.put("t", rec.time(f));
            frame.put("nodes", at);
            frame.put("com", com);
            frame.put("pellet", new double[] {metres(rec, f, p), metres(rec, f, p + 1), metres(rec, f, p + 2)});
            frame.put("collected", collected);
            frames.add(frame);
        }
        Map<String, Object> fitness = new LinkedHashMap<>();
        fitness.put("fitness", c.fitness());
        fitness.put("pellets_collected", c.pellets());
        fitness.put("distance_traveled", c.distance());
        fitness.put("disqualified", c.disqualified());

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", run.id());
        out.put("generation", c.generation());
        out.put("creature", c.index());
        out.put("frame_rate", rec.frameRate());
        out.put("dt", 1.0 / rec.frameRate());
        out.put("muscles", CreatureReplay.muscles(sim));
        out.put("radii", CreatureReplay.radii(sim));
        out.put("frames", frames);
        out.put("collections", collections);
        out.put("fitness", fitness);
        return out;
    }

    private static double metres(FrameRecording rec, int f, int k) {
        return rec.value(f, k) / 1000.0;
    }
}
