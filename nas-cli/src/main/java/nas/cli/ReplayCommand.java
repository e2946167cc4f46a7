package nas.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import nas.api.export.Csv;
import nas.api.json.Json;
import nas.api.storage.Storage;
import nas.dashboard.StoredRuns;
import nas.sim.config.LabConfig;
import nas.sim.evolution.FrameSelection;
import nas.sim.genome.CreatureGenome;
import nas.sim.physics.CreatureSimulator;
import nas.sim.physics.FitnessTracker;
import nas.sim.physics.FrameRecording;
import nas.storage.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nas replay RUN --generation G --rank R}: simulates a stored creature again (the simulation is
 * deterministic) and shows its fitness terms and trajectory, checked against what the run stored.
 */
@Command(name = "replay", sortOptions = false,
        description = {"Simulate a creature of a stored run again and show its fitness terms and trajectory.",
            "The fitness is checked against the stored one, and the frames against the recorded ones if any."},
        footer = {"", "Examples:", "  nas replay long-1 --generation 999 --rank 1",
            "  nas replay long-1 -G 10 --rank 3 --format csv > creature.csv"})
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Parameters(paramLabel = "RUN", description = "The run (see 'nas runs').")
    String run;

    @Option(names = {"-G", "--generation"}, paramLabel = "G", required = true, description = "Generation (from 0).")
    int generation;

    @Option(names = "--rank", paramLabel = "R", defaultValue = "1",
            description = "Rank by fitness in the generation (1: best). Default: ${DEFAULT-VALUE}.")
    int rank;

    @Option(names = "--every", paramLabel = "S", defaultValue = "1",
            description = "Table: a line every S simulated seconds. Default: ${DEFAULT-VALUE}.")
    double every;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (summary and trajectory), csv (every frame: time, node and pellet positions) or json.")
    OutputFormat format;

    @Override
    public Integer call() {
        if (!(every > 0)) {
            throw new Nas.BadInputException("--every must be > 0 seconds, but got " + every);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Storage store = storage.openForReading()) {
            RunStore runs = StorageOptions.runs(store);
            RunStore.Run r = storage.existingRun(runs, run);
            if (generation < 0 || generation >= r.generationsDone()) {
                throw new Nas.BadInputException("run '" + run + "' has generations 0.." + (r.generationsDone() - 1)
                        + ", not " + generation);
            }
            List<RunStore.Creature> creatures = runs.creatures(run, generation);
            if (rank < 1 || rank > creatures.size()) {
                throw new Nas.BadInputException("--rank must be in 1.." + creatures.size() + ", but got " + rank);
            }
            double[] fitness = creatures.stream().mapToDouble(RunStore.Creature::fitness).toArray();
            RunStore.Creature c = creatures.get(FrameSelection.ranking(fitness)[rank - 1]);
            LabConfig lab = StoredRuns.config(r, new ArrayList<>());
            CreatureGenome genome = StoredRuns.genomeOf(c.genome());
            CreatureSimulator sim = new CreatureSimulator();
            FrameRecording replay = FrameRecording.record(sim, genome, lab, c.pelletSeed(), r.frameRate());
            FitnessTracker.Terms terms = sim.tracker().terms(lab, sim.comX(), sim.comZ(), sim.steps() * lab.timeStep(),
                    sim.muscleCount());
            Optional<RunStore.Frames> stored = runs.frames(run, generation, c.index());
            Boolean framesMatch = stored.map(f -> java.util.Arrays.equals(FrameRecording.decode(f.data()).values(),
                    replay.values())).orElse(null);
            boolean fitnessMatches = Double.compare(replay.result().fitness(), c.fitness()) == 0;
            if (format == OutputFormat.CSV) {
                csv(out, replay);
            } else if (format == OutputFormat.JSON) {
                Map<String, Object> m = summary(r, c, replay, terms, fitnessMatches, framesMatch);
                m.put("genome", StoredRuns.genome(c));
                m.put("parents", c.parents());
                List<Object> frames = new ArrayList<>();
                for (int f = 0; f < replay.frameCount(); f++) {
                    List<Integer> v = new ArrayList<>();
                    for (int k = 0; k < replay.stride(); k++) {
                        v.add(replay.value(f, k));
                    }
                    frames.add(v);
                }
                m.put("frame_layout", "x, y, z of each node in mm, pellet x, y, z in mm, pellets collected");
                m.put("frames", frames);
                out.println(Json.write(m));
            } else {
                table(out, summary(r, c, replay, terms, fitnessMatches, framesMatch), replay);
            }
            out.flush();
            if (!fitnessMatches) {
                spec.commandLine().getErr().println("nas: the re-simulated fitness differs from the stored one: the "
                        + "run was made by other code (" + r.codeVersion() + ")");
                return Nas.FAILURE;
            }
        }
        return Nas.OK;
    }

    private Map<String, Object> summary(RunStore.Run r, RunStore.Creature c, FrameRecording replay,
            FitnessTracker.Terms t, boolean fitnessMatches, Boolean framesMatch) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", r.id());
        m.put("generation", generation);
        m.put("rank", rank);
        m.put("creature", c.index());
        m.put("fitness", replay.result().fitness());
        m.put("stored_fitness", c.fitness());
        m.put("fitness_matches", fitnessMatches);
        m.put("pellets", replay.result().pelletsCollected());
        m.put("distance", replay.result().distanceTraveled());
        m.put("disqualified", replay.result().disqualified());
        m.put("nodes", c.nodes());
        m.put("muscles", c.muscles());
        m.put("terms", Map.of("banked", t.banked(), "progress", t.progress(), "distance", t.distance(),
                "efficiency", t.efficiency(), "regression", t.regression()));
        m.put("frame_rate", replay.frameRate());
        m.put("frame_count", replay.frameCount());
        m.put("stored_frames_match", framesMatch);
        return m;
    }

    private void table(PrintWriter out, Map<String, Object> s, FrameRecording replay) {
        @SuppressWarnings("unchecked")
        Map<String, Double> t = (Map<String, Double>) s.get("terms");
        out.printf(Locale.ROOT, "Run %s, generation %d, rank %d: creature %d (%d nodes, %d muscles)%n", s.get("run"),
                generation, rank, s.get("creature"), s.get("nodes"), s.get("muscles"));
        out.printf(Locale.ROOT, "Fitness:  %s (stored %s: %s)%n", TextTable.num((Double) s.get("fitness")),
                TextTable.num((Double) s.get("stored_fitness")),
                Boolean.TRUE.equals(s.get("fitness_matches")) ? "identical" : "DIFFERENT");
        out.printf(Locale.ROOT, "Terms:    banked %s + progress %s + distance %s - efficiency %s - regression %s%n",
                TextTable.num(t.get("banked")), TextTable.num(t.get("progress")), TextTable.num(t.get("distance")),
                TextTable.num(t.get("efficiency")), TextTable.num(t.get("regression")));
        out.printf(Locale.ROOT, "Pellets:  %d, distance traveled %s%s%n", s.get("pellets"),
                TextTable.num((Double) s.get("distance")), Boolean.TRUE.equals(s.get("disqualified")) ? ", disqualified" : "");
        Object match = s.get("stored_frames_match");
        out.printf(Locale.ROOT, "Frames:   %d at %d fps; %s%n", replay.frameCount(), replay.frameRate(),
                match == null ? "none stored for this creature (re-simulated)"
                        : Boolean.TRUE.equals(match) ? "identical to the stored ones" : "DIFFERENT from the stored ones");
        out.println();
        TextTable table = new TextTable(List.of("time", "x", "y", "z", "pellet x", "pellet z", "pellets"));
        int step = Math.max(1, (int) Math.round(every * replay.frameRate()));
        for (int f = 0; f < replay.frameCount(); f += step) {
            double[] centre = centre(replay, f);
            int p = 3 * replay.nodes();
            table.row(List.of(TextTable.num(replay.time(f)), TextTable.num(centre[0]), TextTable.num(centre[1]),
                    TextTable.num(centre[2]), TextTable.num(replay.value(f, p) / 1000.0),
                    TextTable.num(replay.value(f, p + 2) / 1000.0), String.valueOf(replay.value(f, p + 3))));
        }
        table.print(out);
    }

    /** Mean node position in metres (the table's trajectory). */
    private static double[] centre(FrameRecording r, int f) {
        double[] c = new double[3];
        for (int i = 0; i < r.nodes(); i++) {
            for (int a = 0; a < 3; a++) {
                c[a] += r.value(f, 3 * i + a) / 1000.0 / r.nodes();
            }
        }
        for (int a = 0; a < 3; a++) {
            c[a] = Math.rint(c[a] * 1000) / 1000;
        }
        return c;
    }

    private static void csv(PrintWriter out, FrameRecording r) {
        List<String> header = new ArrayList<>(List.of("time"));
        for (int i = 0; i < r.nodes(); i++) {
            header.addAll(List.of("node" + i + "_x", "node" + i + "_y", "node" + i + "_z"));
        }
        header.addAll(List.of("pellet_x", "pellet_y", "pellet_z", "pellets"));
        Csv.row(out, header);
        for (int f = 0; f < r.frameCount(); f++) {
            List<Object> row = new ArrayList<>();
            row.add(r.time(f));
            for (int k = 0; k < r.stride() - 1; k++) {
                row.add(r.value(f, k) / 1000.0);
            }
            row.add(r.value(f, r.stride() - 1));
            Csv.row(out, row);
        }
    }
}
