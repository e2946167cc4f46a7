package nas.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nas.api.json.Json;
import nas.sim.config.LabConfig;
import nas.sim.evolution.Evolution;
import nas.sim.evolution.EvolutionStateJson;
import nas.sim.evolution.FrameSelection;
import nas.sim.evolution.GenerationStats;
import nas.sim.evolution.PopulationEvaluator;
import nas.sim.evolution.Streams;
import nas.sim.genome.CreatureGenome;
import nas.sim.genome.GenomeJson;
import nas.sim.physics.EvaluationResult;
import nas.sim.physics.FrameRecording;
import nas.storage.Deflate;
import nas.storage.RunStore;

/**
 * Turns a generation an {@link Evolution} has just run into what the {@link RunStore} keeps: its statistics,
 * every creature (genome JSON deflated), the frames of the chosen creatures, and a checkpoint when one is due.
 */
final class RunRecorder {

    /** Which creatures get frames. */
    enum FramesMode {
        NONE, SELECTIVE, ALL;

        static FramesMode parse(String s) {
            for (FramesMode m : values()) {
                if (m.name().equalsIgnoreCase(s)) {
                    return m;
                }
            }
            throw new Nas.BadInputException("--frames must be none, selective or all, but got '" + s + "'");
        }

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final LabConfig config;
    private final long seed;
    private final FramesMode frames;
    private final int frameRate;
    private final int checkpointEvery;
    private final GenomeJson genomes = GenomeJson.standard();
    private final EvolutionStateJson states = new EvolutionStateJson();

    RunRecorder(LabConfig config, long seed, FramesMode frames, int frameRate, int checkpointEvery) {
        this.config = config;
        this.seed = seed;
        this.frames = frames;
        this.frameRate = frameRate;
        this.checkpointEvery = checkpointEvery;
    }

    /**
     * What to store for the generation {@code e} ran last ({@code s}); frames are recorded with {@code evaluator}.
     * The generation's time runs from {@code startNanos} (before it was evaluated) to the end of the recording.
     */
    RunStore.GenerationBatch batch(Evolution e, GenerationStats s, PopulationEvaluator evaluator, long startNanos) {
        int g = s.generation();
        List<CreatureGenome> population = e.evaluatedPopulation();
        List<EvaluationResult> results = e.evaluationResults();
        double[] fitness = e.fitness();
        long[] pelletSeeds = e.pelletSeeds();
        // genomes as deflated JSON, in parallel: as much work as a tenth of the simulation otherwise
        byte[][] genomeBytes = new byte[population.size()][];
        java.util.stream.IntStream.range(0, population.size()).parallel()
                .forEach(i -> genomeBytes[i] = Deflate.text(genomes.toJson(population.get(i))));
        List<RunStore.Creature> creatures = new ArrayList<>(population.size());
        Map<Integer, Integer> types = new TreeMap<>();
        int pellets = 0;
        for (int i = 0; i < population.size(); i++) {
            CreatureGenome genome = population.get(i);
            EvaluationResult r = results.get(i);
            pellets += r.pelletsCollected();
            types.merge(genome.nodes().size(), 1, Integer::sum);
            creatures.add(new RunStore.Creature(g, i, fitness[i], r.pelletsCollected(), r.distanceTraveled(),
                    r.disqualified(), pelletSeeds[i], genome.nodes().size(), genome.muscles().size(), genomeBytes[i]));
        }
        List<RunStore.Frames> recorded = frames(e, population, fitness, pelletSeeds, evaluator);
        RunStore.Checkpoint checkpoint = null;
        if (e.hasNext() && checkpointEvery > 0 && (g + 1) % checkpointEvery == 0) {
            checkpoint = new RunStore.Checkpoint(g + 1, System.currentTimeMillis(),
                    Deflate.text(states.toJson(e.state())));
        }
        RunStore.Generation generation = new RunStore.Generation(g, s.best(), s.average(), s.median(), s.worst(),
                s.bestEver(), pellets, e.speciesCount() < 0 ? null : e.speciesCount(), Json.write(types),
                diversity(e, population), (System.nanoTime() - startNanos) / 1e9);
        return new RunStore.GenerationBatch(generation, creatures, recorded, checkpoint, e.hasNext() ? RunStore.RUNNING : RunStore.COMPLETE, e.bestGeneration());
    }

    private List<RunStore.Frames> frames(Evolution e, List<CreatureGenome> population, double[] fitness,
            long[] pelletSeeds, PopulationEvaluator evaluator) {
        if (frames == FramesMode.NONE) {
            return List.of();
        }
        int[] chosen = frames == FramesMode.ALL ? java.util.stream.IntStream.range(0, population.size()).toArray()
                : FrameSelection.choose(fitness, FrameSelection.TOP, FrameSelection.RANDOM, FrameSelection.BOTTOM,
                        Streams.random(seed, Streams.FRAMES, e.nextGeneration() - 1));
        List<CreatureGenome> genomes = new ArrayList<>(chosen.length);
        long[] seeds = new long[chosen.length];
        for (int k = 0; k < chosen.length; k++) {
            genomes.add(population.get(chosen[k]));
            seeds[k] = pelletSeeds[chosen[k]];
        }
        FrameRecording[] recorded = evaluator.record(genomes, config, seeds, frameRate);
        byte[][] encoded = new byte[recorded.length][];
        java.util.stream.IntStream.range(0, recorded.length).parallel().forEach(k -> encoded[k] = recorded[k].encode());
        List<RunStore.Frames> out = new ArrayList<>(chosen.length);
        int g = e.nextGeneration() - 1;
        for (int k = 0; k < chosen.length; k++) {
            out.add(new RunStore.Frames(g, chosen[k], encoded[k]));
        }
        return out;
    }

    /** Mean pairwise genome distance (the distance selection uses): 0 for identical genomes. */
    static double diversity(Evolution e, List<CreatureGenome> population) {
        int n = population.size();
        if (n < 2) {
            return 0.0;
        }
        // rows in parallel, then summed in row order: the same double whatever the thread count
        double[] rows = new double[n];
        java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
            double sum = 0.0;
            for (int j = i + 1; j < n; j++) {
                sum += e.distance(population.get(i), population.get(j));
            }
            rows[i] = sum;
        });
        double sum = 0.0;
        for (double r : rows) {
            sum += r;
        }
        return sum / ((double) n * (n - 1) / 2);
    }
}
