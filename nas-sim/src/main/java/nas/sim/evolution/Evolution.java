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
import nas.sim.neat.LabSpeciationControl;
import nas.sim.physics.EvaluationResult;

/**
 * One seed's evolution advanced a generation at a time ({@code run_evolution}, spec 8.2), so several seeds
 * can run in lockstep and a caller can report or stop between generations. Each {@link #next()} evaluates
 * the current population (in parallel), records best/average/median/worst, keeps the best genome, checks
 * the early stop, and breeds the next population (sequentially) unless the run ends here.
 *
 * <p>All randomness derives from the seed: population creation from (seed, INIT), the pellets of creature
 * i in generation g from (seed, EVALUATE, g, i), breeding after generation g from (seed, EVOLVE, g).
 */
public final class Evolution {

    private final LabConfig config;
    private final PopulationEvaluator evaluator;
    private final long seed;
    private final int maxGenerations;
    private final Evolver evolver;
    private final AdaptiveMutation adaptive;
    private final StagnationMonitor stagnation;
    private final List<GenerationStats> stats = new ArrayList<>();
    private List<CreatureGenome> population;
    private List<CreatureGenome> evaluated = List.of();
    private EvaluationResult[] results = new EvaluationResult[0];
    private double bestEver = Double.NEGATIVE_INFINITY;
    private CreatureGenome bestGenome;
    private long bestPelletSeed;
    private int bestGeneration = -1;
    private boolean stoppedEarly;
    private boolean done;

    public Evolution(LabConfig config, PopulationEvaluator evaluator, long seed, int maxGenerations) {
        if (maxGenerations < 1) {
            throw new IllegalArgumentException("generations must be >= 1, got " + maxGenerations);
        }
        this.config = config;
        this.evaluator = evaluator;
        this.seed = seed;
        this.maxGenerations = maxGenerations;
        BrainOperators brains = BrainOperatorsFactory.create(config);
        this.evolver = new Evolver(config, brains, LabSpeciationControl.of(config));
        this.adaptive = new AdaptiveMutation(config);
        this.stagnation = new StagnationMonitor(config.stagnationLimit());
        int inputs = SensorLayout.inputCount(config);
        SplittableRandom init = Streams.random(seed, Streams.INIT);
        population = new ArrayList<>(config.populationSize());
        for (int i = 0; i < config.populationSize(); i++) {
            population.add(GenomeFactory.random(config, (m, r) -> brains.create(inputs, m, r), init));
        }
    }

    /** False once the requested generations ran or the early stop fired. */
    public boolean hasNext() {
        return !done;
    }

    /** Runs one generation and returns its statistics. */
    public GenerationStats next() {
        if (done) {
            throw new IllegalStateException("the run has ended after " + stats.size() + " generations");
        }
        int g = stats.size();
        long start = System.nanoTime();
        long[] pelletSeeds = new long[population.size()];
        for (int i = 0; i < pelletSeeds.length; i++) {
            pelletSeeds[i] = EvolutionRun.pelletSeed(seed, g, i);
        }
        results = evaluator.evaluate(population, config, pelletSeeds);
        evaluated = population;
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
        boolean last = g == maxGenerations - 1;
        double average = Arrays.stream(fitness).average().orElse(0.0);
        boolean stop = stagnation.record(fitness[bestIndex], average);
        if (!last && !stop) {
            adaptive.record(fitness[bestIndex]);
            population = evolver.evolve(population, fitness, g, adaptive.boost(),
                    Streams.random(seed, Streams.EVOLVE, g));
        }
        GenerationStats s = GenerationStats.of(g, fitness, bestEver, (System.nanoTime() - start) / 1e9);
        stats.add(s);
        if (last || stop) {
            done = true;
            stoppedEarly = stop && !last;
        }
        return s;
    }

    public long seed() {
        return seed;
    }

    /** Best-ever fitness so far (negative infinity before the first generation). */
    public double bestEver() {
        return bestEver;
    }

    public List<GenerationStats> generations() {
        return List.copyOf(stats);
    }

    /** The results so far. */
    public RunResult result() {
        return new RunResult(seed, stats, bestEver, bestGenome, bestPelletSeed, bestGeneration, stoppedEarly,
                evaluated, Arrays.asList(results));
    }
}
