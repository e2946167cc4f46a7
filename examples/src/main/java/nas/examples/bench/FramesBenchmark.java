package nas.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import nas.sim.config.LabConfig;
import nas.sim.config.Presets;
import nas.sim.evolution.Evolution;
import nas.sim.evolution.FrameSelection;
import nas.sim.evolution.PopulationEvaluator;
import nas.sim.evolution.Streams;
import nas.sim.genome.CreatureGenome;
import nas.sim.physics.FrameRecording;

/**
 * What stored frames cost, without a database: an evolution in memory (stagnation off, as {@code nas benchmark
 * evolve}) whose every {@code every}-th generation records the creatures {@code nas evolve --frames selective}
 * would (same ranks, same random stream), stores each recording, reads it back and checks it is exact. Prints the
 * stored bytes per recording for the best, random and worst groups, the projection to 1,000 generations, and the
 * CPU time of storing and reading one generation's recordings on one thread (the writer's share, free of load from
 * other threads, though not of a busy machine's caches).
 *
 * <p>Two measurements say where the bytes are, for comparison only (the stored frames stay exact):
 * {@code --precision 10,50} also stores every recording with its positions rounded to 10 mm and to 50 mm (values in
 * those units: what a coarser exact format would keep) and prints the bytes; {@code --breakdown} stores every
 * recording again with one kind of track (node x, node y (up), node z, pellet, pellets collected) held at its first
 * frame and prints how many bytes that saves, which is what the kind's motion costs.
 *
 * <pre>scripts/bench.sh Frames [-c CONFIG] [-p 200] [-g 1000] [--every 10] [-s 42] [--frame-rate 15]
 *     [--top 10] [--random 10] [--bottom 5] [--precision MM,...] [--breakdown]</pre>
 */
public final class FramesBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private FramesBenchmark() {
    }

    public static void main(String[] args) {
        String config = "pure_baseline";
        int population = 200;
        int generations = 1000;
        int every = 10;
        long seed = 42;
        int frameRate = 15;
        int[] counts = {FrameSelection.TOP, FrameSelection.RANDOM, FrameSelection.BOTTOM};
        int[] precisions = {};
        boolean breakdown = false;
        for (int i = 0; i < args.length; i += 2) {
            if (args[i].equals("--breakdown")) {
                breakdown = true;
                i--;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "-c" -> config = v;
                case "-p" -> population = Integer.parseInt(v);
                case "-g" -> generations = Integer.parseInt(v);
                case "--every" -> every = Integer.parseInt(v);
                case "-s" -> seed = Long.parseLong(v);
                case "--frame-rate" -> frameRate = Integer.parseInt(v);
                case "--top" -> counts[0] = Integer.parseInt(v);
                case "--random" -> counts[1] = Integer.parseInt(v);
                case "--bottom" -> counts[2] = Integer.parseInt(v);
                case "--precision" -> {
                    precisions = Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
                    if (Arrays.stream(precisions).anyMatch(mm -> mm < 1)) {
                        throw new IllegalArgumentException("--precision takes millimetres >= 1, got " + v);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        LabConfig lab = Presets.builder(config).set("population_size", population)
                .set("stagnation_limit", generations + 1).build();
        System.out.printf(Locale.ROOT, "%s, population %d, %d generations (seed %d), frames of generation 0 and every"
                + " %d-th: top %d, random %d, bottom %d at %d fps%n", config, population, generations, seed, every,
                counts[0], counts[1], counts[2], frameRate);
        String[] groups = {"best", "random", "worst"};
        long[] bytes = new long[3];
        long[] recordings = new long[3];
        long frames = 0;
        long encodeNanos = 0;
        long decodeNanos = 0;
        long[] coarseBytes = new long[precisions.length];
        long[] savedBytes = new long[TRACK_KINDS.length];
        int sampled = 0;
        try (PopulationEvaluator evaluator = PopulationEvaluator.allCores()) {
            Evolution e = new Evolution(lab, evaluator, seed, generations);
            while (e.hasNext()) {
                int g = e.next().generation();
                if (g != 0 && g % every != every - 1) {
                    continue;
                }
                double[] fitness = e.fitness();
                int[] chosen = FrameSelection.choose(fitness, counts[0], counts[1], counts[2],
                        Streams.random(seed, Streams.FRAMES, g));
                int[] rank = new int[fitness.length];
                int[] ranked = FrameSelection.ranking(fitness);
                for (int r = 0; r < ranked.length; r++) {
                    rank[ranked[r]] = r;
                }
                List<CreatureGenome> genomes = new ArrayList<>();
                long[] seeds = new long[chosen.length];
                for (int k = 0; k < chosen.length; k++) {
                    genomes.add(e.evaluatedPopulation().get(chosen[k]));
                    seeds[k] = e.pelletSeeds()[chosen[k]];
                }
                FrameRecording[] recorded = evaluator.record(genomes, lab, seeds, frameRate);
                byte[][] stored = new byte[recorded.length][];
                long t0 = THREADS.getCurrentThreadCpuTime();
                for (int k = 0; k < recorded.length; k++) {
                    stored[k] = recorded[k].encode();
                }
                long t1 = THREADS.getCurrentThreadCpuTime();
                FrameRecording[] read = new FrameRecording[recorded.length];
                for (int k = 0; k < recorded.length; k++) {
                    read[k] = FrameRecording.decode(stored[k]);
                }
                decodeNanos += THREADS.getCurrentThreadCpuTime() - t1;
                encodeNanos += t1 - t0;
                sampled++;
                for (int k = 0; k < recorded.length; k++) {
                    if (!Arrays.equals(read[k].values(), recorded[k].values())) {
                        throw new IllegalStateException("generation " + g + ", creature " + chosen[k]
                                + ": frames read back differ from those stored");
                    }
                    int r = rank[chosen[k]];
                    int group = r < counts[0] ? 0 : r >= fitness.length - counts[2] ? 2 : 1;
                    bytes[group] += stored[k].length;
                    recordings[group]++;
                    frames += recorded[k].frameCount();
                    for (int q = 0; q < precisions.length; q++) {
                        coarseBytes[q] += storedExactly(rounded(recorded[k], precisions[q]));
                    }
                    for (int kind = 0; breakdown && kind < TRACK_KINDS.length; kind++) {
                        savedBytes[kind] += stored[k].length - storedExactly(held(recorded[k], kind));
                    }
                }
            }
        }
        long total = bytes[0] + bytes[1] + bytes[2];
        long all = recordings[0] + recordings[1] + recordings[2];
        System.out.printf(Locale.ROOT, "%d generations sampled, %d recordings, %d frames: %d bytes stored,"
                + " %.1f per recording, %.2f per frame%n", sampled, all, frames, total, (double) total / all,
                (double) total / frames);
        for (int group = 0; group < 3; group++) {
            if (recordings[group] > 0) {
                System.out.printf(Locale.ROOT, "  %-6s %6d recordings, %7.1f bytes each%n", groups[group],
                        recordings[group], (double) bytes[group] / recordings[group]);
            }
        }
        System.out.printf(Locale.ROOT, "per 1,000 generations: %.2f MB of frames (this selection every generation)%n",
                total * 1000.0 / sampled / 1e6);
        for (int q = 0; q < precisions.length; q++) {
            System.out.printf(Locale.ROOT, "positions rounded to %d mm (largest error %.1f mm): %.1f bytes per recording,"
                    + " %.2f MB per 1,000 generations%n", precisions[q], precisions[q] / 2.0,
                    (double) coarseBytes[q] / all, coarseBytes[q] * 1000.0 / sampled / 1e6);
        }
        for (int kind = 0; breakdown && kind < TRACK_KINDS.length; kind++) {
            System.out.printf(Locale.ROOT, "  %-17s %7.1f bytes per recording (%4.1f%%)%n", TRACK_KINDS[kind],
                    (double) savedBytes[kind] / all, 100.0 * savedBytes[kind] / total);
        }
        System.out.printf(Locale.ROOT, "CPU on one thread per generation (%.1f recordings): store %.2f ms, read"
                + " %.2f ms%n", (double) all / sampled, encodeNanos / 1e6 / sampled, decodeNanos / 1e6 / sampled);
    }

    private static final String[] TRACK_KINDS = {"node x", "node y (up)", "node z", "pellet x, y, z", "pellets collected"};

    /** The kind (index into {@link #TRACK_KINDS}) of value {@code k} of a frame of {@code nodes} nodes. */
    private static int kind(int k, int nodes) {
        return k < 3 * nodes ? k % 3 : k < 3 * nodes + 3 ? 3 : 4;
    }

    /** {@code r} with its positions in units of {@code mm} millimetres, rounded (the pellet count as it is). */
    private static FrameRecording rounded(FrameRecording r, int mm) {
        int[] v = r.values().clone();
        int stride = r.stride();
        for (int i = 0; i < v.length; i++) {
            if (i % stride != stride - 1) {
                v[i] = (int) Math.floorDiv(v[i] + (long) mm / 2, mm);
            }
        }
        return new FrameRecording(r.frameRate(), r.nodes(), r.frameCount(), v, null);
    }

    /** {@code r} with every track of kind {@code kind} held at its first frame's value. */
    private static FrameRecording held(FrameRecording r, int kind) {
        int[] v = r.values().clone();
        int stride = r.stride();
        for (int i = stride; i < v.length; i++) {
            if (kind(i % stride, r.nodes()) == kind) {
                v[i] = v[i % stride];
            }
        }
        return new FrameRecording(r.frameRate(), r.nodes(), r.frameCount(), v, null);
    }

    /** The stored size of {@code r}, checked to read back exactly. */
    private static int storedExactly(FrameRecording r) {
        byte[] stored = r.encode();
        if (!Arrays.equals(FrameRecording.decode(stored).values(), r.values())) {
            throw new IllegalStateException("frames read back differ from those stored");
        }
        return stored.length;
    }
}
