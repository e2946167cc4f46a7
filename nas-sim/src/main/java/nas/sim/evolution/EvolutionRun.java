package nas.sim.evolution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import nas.sim.config.LabConfig;
import nas.sim.control.SensorLayout;
import nas.sim.genetics.AdaptiveMutation;
import nas.sim.genetics.BrainOperators;
import nas.sim.genetics.Evolver;
import nas.sim.genome.CreatureGenome;
import nas.sim.genome.GenomeFactory;
import nas.sim.neat.NeatSpeciationControl;
import nas.sim.physics.EvaluationResult;

/**
 * In-memory evolution of one seed ({@code run_evolution}, spec 8.2): random population, then per generation
 * evaluate (in parallel), record best/average/median/worst, keep the best genome, stop early on stagnation,
 * breed (sequentially). All randomness derives from the seed: population creation from (seed, INIT), the
 * pellets of creature i in generation g from (seed, EVALUATE, g, i), breeding after generation g from
 * (seed, EVOLVE, g).
 */
public final class EvolutionRun {

    /** The reference's seed list (the NAS plan); runs of N seeds use the first N. */
    public static final long[] DEFAULT_SEEDS = {42, 123, 456, 789, 1337};

    /** Receives every generation's statistics as soon as it is known. */
    @FunctionalInterface
    public interface Listener {
        void onGeneration(GenerationStats stats);
    }

    private final LabConfig config;
    private final PopulationEvaluator evaluator;

    public EvolutionRun(LabConfig config, PopulationEvaluator evaluator) {
        this.config = config;
        this.evaluator = evaluator;
    }

    /** The first n of {@link #DEFAULT_SEEDS}, continued by 1337 + k for more. */
    public static long[] seeds(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("seeds must be >= 1, got " + n);
        }
        long[] s = new long[n];
        for (int i = 0; i < n; i++) {
            s[i] = i < DEFAULT_SEEDS.length ? DEFAULT_SEEDS[i] : DEFAULT_SEEDS[DEFAULT_SEEDS.length - 1] + i;
        }
        return s;
    }

    /** The pellet-stream seed of creature {@code index} in {@code generation}. */
    public static long pelletSeed(long seed, int generation, int index) {
        return Streams.derive(seed, Streams.EVALUATE, generation, index);
    }

    public RunResult run(long seed, int generations, Listener listener) {
        if (generations < 1) {
            throw new IllegalArgumentException("generations must be >= 1, got " + generations);
        }
        BrainOperators brains = BrainOperatorsFactory.create(config);
        Evolver evolver = new Evolver(config, brains, NeatSpeciationControl.of(config));
        int inputs = SensorLayout.inputCount(config);
        SplittableRandom init = Streams.random(seed, Streams.INIT);
        List<CreatureGenome> population = new ArrayList<>(config.populationSize());
        for (int i = 0; i < config.populationSize(); i++) {
            population.add(GenomeFactory.random(config, (m, r) -> brains.create(inputs, m, r), init));
        }
        AdaptiveMutation adaptive = new AdaptiveMutation(config);
        StagnationMonitor stagnation = new StagnationMonitor(config.stagnationLimit());
        List<GenerationStats> stats = new ArrayList<>();
        double bestEver = Double.NEGATIVE_INFINITY;
        CreatureGenome bestGenome = null;
        long bestPelletSeed = 0;
        int bestGeneration = -1;
        boolean stoppedEarly = false;
        EvaluationResult[] results = new EvaluationResult[0];
        List<CreatureGenome> finalPopulation = population;
        for (int g = 0; g < generations; g++) {
            long start = System.nanoTime();
            long[] pelletSeeds = new long[population.size()];
            for (int i = 0; i < pelletSeeds.length; i++) {
                pelletSeeds[i] = pelletSeed(seed, g, i);
            }
            results = evaluator.evaluate(population, config, pelletSeeds);
            double[] fitness = new double[results.length];
            int bestIndex = 0;
            for (int i = 0; i < fitness.length; i++) {
                double f = results[i].fitness();
                fitness[i] = Double.isFinite(f) ? f : 0.0; // spec 6.2: JSON-unsafe values become 0
                if (fitness[i] > fitness[bestIndex]) {
                    bestIndex = i;
                }
            }
            if (fitness[bestIndex] > bestEver) {
                bestEver = fitness[bestIndex];
                bestGenome = population.get(bestIndex);
                bestPelletSeed = pelletSeeds[bestIndex];
                bestGeneration = g;
            }
            boolean last = g == generations - 1;
            double average = Arrays.stream(fitness).average().orElse(0.0);
            boolean stop = stagnation.record(fitness[bestIndex], average);
            finalPopulation = population;
            if (!last && !stop) {
                adaptive.record(fitness[bestIndex]);
                population = evolver.evolve(population, fitness, g, adaptive.boost(),
                        Streams.random(seed, Streams.EVOLVE, g));
            }
            GenerationStats s = GenerationStats.of(g, fitness, bestEver, (System.nanoTime() - start) / 1e9);
            stats.add(s);
            if (listener != null) {
                listener.onGeneration(s);
            }
            if (stop && !last) {
                stoppedEarly = true;
                break;
            }
        }
        return new RunResult(seed, stats, bestEver, bestGenome, bestPelletSeed, bestGeneration, stoppedEarly,
                finalPopulation, Arrays.asList(results));
    }
}
