package nas.cli;

import nas.sim.evolution.FramesSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nas.api.json.Json;
import nas.sim.config.LabConfig;
import nas.sim.evolution.Evolution;
import nas.sim.evolution.EvolutionState;
import nas.sim.evolution.GenerationStats;
import nas.sim.evolution.PopulationEvaluator;
import nas.sim.genome.CreatureGenome;
import nas.sim.genome.GenomeBinary;
import nas.sim.physics.EvaluationResult;
import nas.sim.physics.FrameRecording;
import nas.storage.RunStore;

/**
 * Turns a generation an {@link Evolution} has just run into what the {@link RunStore} keeps: its statistics,
 * every creature (each genome once, in its binary form), the frames of the chosen creatures, and a checkpoint when
 * one is due. {@link #capture} runs on the evolution's thread, {@link #batch} may run on a writer thread.
 */
final class RunRecorder {

    private final LabConfig config;
    private final long seed;
    private final FramesSetting frames;
    private final int frameRate;
    private final int checkpointEvery;
    private final GenomeBinary genomes = GenomeBinary.standard();
    /** Genome ids of the generation stored last, by index; null when unknown (then every genome is stored). */
    private long[] previousIds;

    /**
     * @param previousIds the genome ids of the generation before the first one this records (a resumed run's
     *                    last stored generation), or null
     */
    RunRecorder(LabConfig config, long seed, FramesSetting frames, int frameRate, int checkpointEvery,
            long[] previousIds) {
        this.config = config;
        this.seed = seed;
        this.frames = frames;
        this.frameRate = frameRate;
        this.checkpointEvery = checkpointEvery;
        this.previousIds = previousIds == null ? null : previousIds.clone();
    }

    /**
     * What a generation leaves to store, taken from the {@link Evolution} before it runs the next one: its
     * data is immutable from then on, so the rest ({@link #batch}) can run on another thread.
     *
     * @param checkpoint the state to checkpoint after it, or null
     * @param status     the run's status once it is stored
     * @param seconds    the generation's wall time
     */
    record Captured(GenerationStats stats, List<CreatureGenome> population, List<EvaluationResult> results,
            double[] fitness, long[] pelletSeeds, List<int[]> parents, EvolutionState checkpoint, int species,
            double diversity, String status, int bestGeneration, double seconds) {
    }

    /** Takes what {@code e} has just evaluated ({@code s}); on the thread that runs {@code e}. */
    Captured capture(Evolution e, GenerationStats s, double seconds) {
        return capture(e, s, seconds, false);
    }

    /**
     * Takes what {@code e} has just evaluated; with {@code last}, the run stops after it, though it has
     * generations left ({@code nas evolve} interrupted by a signal): it gets a checkpoint whatever
     * --checkpoint-every says, so that a resume runs none of it again, and the status {@link RunStore#INTERRUPTED}.
     */
    Captured capture(Evolution e, GenerationStats s, double seconds, boolean last) {
        int g = s.generation();
        List<CreatureGenome> population = e.evaluatedPopulation();
        boolean stopping = last && e.hasNext();
        EvolutionState checkpoint = e.hasNext() && (stopping || checkpointEvery > 0 && (g + 1) % checkpointEvery == 0)
                ? e.state() : null;
        String status = !e.hasNext() ? RunStore.COMPLETE : stopping ? RunStore.INTERRUPTED : RunStore.RUNNING;
        return new Captured(s, population, e.evaluationResults(), e.fitness(), e.pelletSeeds(), e.parents(), checkpoint,
                e.speciesCount(), diversity(e, population), status, e.bestGeneration(), seconds);
    }

    /**
     * What the store keeps of a captured generation: statistics, creatures (each genome stored once: a survivor
     * refers to the genome it survived with), frames recorded with {@code evaluator}, and the checkpoint.
     * Called in generation order.
     */
    RunStore.GenerationBatch batch(Captured c, PopulationEvaluator evaluator) {
        GenerationStats s = c.stats();
        int g = s.generation();
        List<CreatureGenome> population = c.population();
        long[] ids = new long[population.size()];
        for (int i = 0; i < ids.length; i++) {
            int[] parents = c.parents().get(i);
            boolean survivor = population.get(i).survivalStreak() > 0 && parents.length == 1 && previousIds != null;
            ids[i] = survivor ? previousIds[parents[0]] : RunStore.genomeId(g, i);
        }
        // new genomes in their binary form (raw doubles: a tenth of the JSON form's cost), in parallel
        byte[][] genomeBytes = new byte[population.size()][];
        java.util.stream.IntStream.range(0, population.size()).parallel()
                .filter(i -> ids[i] == RunStore.genomeId(g, i))
                .forEach(i -> genomeBytes[i] = genomes.encode(population.get(i)));
        List<RunStore.Creature> creatures = new ArrayList<>(population.size());
        Map<Integer, Integer> types = new TreeMap<>();
        int pellets = 0;
        for (int i = 0; i < population.size(); i++) {
            CreatureGenome genome = population.get(i);
            EvaluationResult r = c.results().get(i);
            pellets += r.pelletsCollected();
            types.merge(genome.nodes().size(), 1, Integer::sum);
            creatures.add(new RunStore.Creature(g, i, c.fitness()[i], r.pelletsCollected(), r.distanceTraveled(),
                    r.disqualified(), c.pelletSeeds()[i], genome.nodes().size(), genome.muscles().size(), ids[i],
                    genomeBytes[i], c.parents().get(i), genome.survivalStreak()));
        }
        previousIds = ids;
        List<RunStore.Frames> recorded = frames(g, population, c.fitness(), c.pelletSeeds(), evaluator);
        RunStore.Checkpoint checkpoint = c.checkpoint() == null ? null : new RunStore.Checkpoint(g + 1,
                System.currentTimeMillis(), Checkpoints.encode(c.checkpoint()));
        RunStore.Generation generation = new RunStore.Generation(g, s.best(), s.average(), s.median(), s.worst(),
                s.bestEver(), pellets, c.species() < 0 ? null : c.species(), Json.write(types), c.diversity(),
                c.seconds());
        return new RunStore.GenerationBatch(generation, creatures, recorded, checkpoint,
                c.status(), c.bestGeneration());
    }

    private List<RunStore.Frames> frames(int g, List<CreatureGenome> population, double[] fitness,
            long[] pelletSeeds, PopulationEvaluator evaluator) {
        int[] chosen = frames.chosen(fitness, seed, g);
        if (chosen.length == 0) {
            return List.of();
        }
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
