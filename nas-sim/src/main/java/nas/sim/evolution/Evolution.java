package nas.sim.evolution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import nas.neat.InnovationTracker;
import nas.sim.config.LabConfig;
import nas.sim.config.NeuralMode;
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
    private final InnovationTracker tracker;
    private int firstGeneration;
    private final List<GenerationStats> stats = new ArrayList<>();
    private List<CreatureGenome> population;
    private List<CreatureGenome> evaluated = List.of();
    private List<int[]> parents;
    private List<int[]> evaluatedParents = List.of();
    private EvaluationResult[] results = new EvaluationResult[0];
    private double bestEver = Double.NEGATIVE_INFINITY;
    private CreatureGenome bestGenome;
    private long bestPelletSeed;
    private int bestGeneration = -1;
    private double[] fitness = new double[0];
    private long[] pelletSeeds = new long[0];
    private int species = -1;
    private boolean stoppedEarly;
    private boolean done;

    public Evolution(LabConfig config, PopulationEvaluator evaluator, long seed, int maxGenerations) {
        this(config, evaluator, seed, maxGenerations, null);
    }

    private Evolution(LabConfig config, PopulationEvaluator evaluator, long seed, int maxGenerations,
            EvolutionState from) {
        if (maxGenerations < 1) {
            throw new IllegalArgumentException("generations must be >= 1, got " + maxGenerations);
        }
        this.config = config;
        this.evaluator = evaluator;
        this.seed = seed;
        this.maxGenerations = maxGenerations;
        InnovationTracker tracker = from == null || from.innovation() == null ? new InnovationTracker()
                : new InnovationTracker(from.innovation().next(), from.innovation().initialNeurons());
        BrainOperators brains = BrainOperatorsFactory.create(config, tracker);
        this.evolver = new Evolver(config, brains, LabSpeciationControl.of(config));
        this.adaptive = new AdaptiveMutation(config);
        this.stagnation = new StagnationMonitor(config.stagnationLimit());
        this.tracker = config.neuralMode() == NeuralMode.NEAT ? tracker : null;
        if (from != null) {
            restore(from);
            return;
        }
        int inputs = SensorLayout.inputCount(config);
        SplittableRandom init = Streams.random(seed, Streams.INIT);
        population = new ArrayList<>(config.populationSize());
        for (int i = 0; i < config.populationSize(); i++) {
            population.add(GenomeFactory.random(config, (m, r) -> brains.create(inputs, m, r), init));
        }
        parents = java.util.Collections.nCopies(population.size(), new int[0]);
    }

    /**
     * Continues a run from a checkpoint ({@link #state()}) of the same configuration and seed: the generations
     * that follow are bit-identical to those of the run that was never stopped.
     *
     * @throws IllegalArgumentException when the state does not fit the configuration or is past the end
     */
    public static Evolution resume(LabConfig config, PopulationEvaluator evaluator, long seed, int maxGenerations,
            EvolutionState state) {
        if (state.generation() >= maxGenerations) {
            throw new IllegalArgumentException("the checkpoint is at generation " + state.generation() + " of "
                    + maxGenerations + ": nothing is left to run");
        }
        if (state.population().size() != config.populationSize()) {
            throw new IllegalArgumentException("the checkpoint holds " + state.population().size()
                    + " genomes but the configuration's population_size is " + config.populationSize());
        }
        if ((state.innovation() != null) != (config.neuralMode() == NeuralMode.NEAT)) {
            throw new IllegalArgumentException("the checkpoint's brains do not match neural_mode "
                    + config.neuralMode().key());
        }
        return new Evolution(config, evaluator, seed, maxGenerations, state);
    }

    private void restore(EvolutionState from) {
        firstGeneration = from.generation();
        population = new ArrayList<>(from.population());
        parents = from.parents();
        bestEver = from.bestEver();
        bestGenome = from.bestGenome();
        bestPelletSeed = from.bestPelletSeed();
        bestGeneration = from.bestGeneration();
        adaptive.restore(from.adaptive());
        stagnation.restore(from.stagnation());
        if (!from.speciation().isEmpty()) {
            // a checkpoint without it (controllers off) leaves the controllers as new
            evolver.restoreSpeciation(from.speciation());
        }
    }

    /**
     * Everything the following generations depend on, taken between generations: the bred population, the
     * next generation's index (the random streams are derived from it), the best so far, the adaptive
     * mutation and early-stop state, the NEAT innovation numbers and the species controllers' state.
     *
     * @throws IllegalStateException after the last generation
     */
    public EvolutionState state() {
        if (done) {
            throw new IllegalStateException("the run has ended: there is no next generation to checkpoint");
        }
        EvolutionState.Innovation innovation = tracker == null ? null
                : new EvolutionState.Innovation(tracker.nextInnovation(), tracker.initialNeurons());
        return new EvolutionState(nextGeneration(), population, bestEver, bestGenome, bestPelletSeed, bestGeneration,
                adaptive.state(), stagnation.state(), innovation, parents, evolver.speciationState());
    }

    /** The index of the generation {@link #next()} runs. */
    public int nextGeneration() {
        return firstGeneration + stats.size();
    }

    /** False once the requested generations ran or the early stop fired. */
    public boolean hasNext() {
        return !done;
    }

    /** Runs one generation and returns its statistics. */
    public GenerationStats next() {
        if (done) {
            throw new IllegalStateException("the run has ended after " + nextGeneration() + " generations");
        }
        int g = nextGeneration();
        long start = System.nanoTime();
        pelletSeeds = new long[population.size()];
        for (int i = 0; i < pelletSeeds.length; i++) {
            pelletSeeds[i] = EvolutionRun.pelletSeed(seed, g, i);
        }
        results = evaluator.evaluate(population, config, pelletSeeds);
        evaluated = population;
        evaluatedParents = parents;
        fitness = new double[results.length];
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
            species = evolver.lastSpeciesCount();
            parents = List.of(evolver.lastParents());
        } else {
            species = -1;
        }
        GenerationStats s = GenerationStats.of(g, fitness, bestEver, (System.nanoTime() - start) / 1e9);
        stats.add(s);
        if (last || stop) {
            done = true;
            stoppedEarly = stop && !last;
        }
        return s;
    }

    /** The generation {@link #next()} evaluated last, in evaluation order. */
    public List<CreatureGenome> evaluatedPopulation() {
        return evaluated;
    }

    /**
     * The parents of each of its genomes, same order, as indices into the generation before: one for a survivor
     * (the same genome, {@link CreatureGenome#survivalStreak()} above 0) or a clone, two for a crossover, none in
     * the first generation.
     */
    public List<int[]> parents() {
        return evaluatedParents.stream().map(int[]::clone).toList();
    }

    /** Its results, same order. */
    public List<EvaluationResult> evaluationResults() {
        return Arrays.asList(results.clone());
    }

    /** Its fitness as selection saw it (non-finite values as 0), same order. */
    public double[] fitness() {
        return fitness.clone();
    }

    /** The pellet-stream seed each of its creatures was evaluated with, same order. */
    public long[] pelletSeeds() {
        return pelletSeeds.clone();
    }

    /** Species in it when selection is by speciation and it was bred from, else -1. */
    public int speciesCount() {
        return species;
    }

    /** The genome distance selection uses (for diversity measures). */
    public double distance(CreatureGenome a, CreatureGenome b) {
        return evolver.distance(a, b);
    }

    /** True when the last generation ran because stagnation ended the run early. */
    public boolean stoppedEarly() {
        return stoppedEarly;
    }

    public long seed() {
        return seed;
    }

    /** The generation of the best-ever fitness (-1 before the first generation). */
    public int bestGeneration() {
        return bestGeneration;
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
