package nas.neat;

import nas.api.Limits;
import nas.api.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * A general NEAT run: minimal genomes, evaluation of the whole population in parallel, an optional second,
 * longer evaluation of the generation's best ({@code refineTop}), speciation with an optional adaptive species
 * target and stagnation, then breeding within species (rank-weighted parents, crossover or clone, mutation).
 *
 * <p>Deterministic for a seed at any thread count: evaluations write to their own index, each gets a seed
 * derived from (run seed, generation, index), and everything else (speciation, breeding, innovation numbers)
 * runs sequentially from one random stream.
 */
public final class NeatEvolution {

    /**
     * One generation's summary, given to the listener after evaluation (and refinement).
     *
     * @param generation     0-based index
     * @param bestFitness    best fitness of this generation
     * @param bestScore      score of that genome
     * @param meanFitness    mean finite fitness of this generation (NaN if none is finite)
     * @param species        number of species this generation was divided into
     * @param threshold      compatibility threshold used for that division
     * @param best           best genome of this generation
     * @param bestEverScore  score of the best genome (by fitness) of the run so far
     * @param evaluations    fitness evaluations so far, refinements included
     */
    public record Generation(int generation, double bestFitness, double bestScore, double meanFitness, int species,
                             double threshold, NeatGenome best, double bestEverScore, long evaluations) {
    }

    /**
     * The outcome of a run.
     *
     * @param best        the genome with the best fitness of the run (as evaluated: trained if Lamarckian)
     * @param bestFitness its fitness
     * @param bestScore   its score
     * @param history     every generation's summary
     */
    public record Result(NeatGenome best, double bestFitness, double bestScore, List<Generation> history) {
    }

    private final int inputs;
    private final int outputs;
    private final NeatSettings settings;
    private final int threads;
    private final long seed;

    /**
     * @param threads evaluation threads (results do not depend on it), >= 1
     */
    public NeatEvolution(int inputs, int outputs, NeatSettings settings, int threads, long seed) {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("NEAT needs at least one input and one output, got " + inputs + " and "
                    + outputs);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Limits.requireAtMost("threads", threads, Limits.MAX_THREADS);
        this.inputs = inputs;
        this.outputs = outputs;
        this.settings = settings;
        this.threads = threads;
        this.seed = seed;
    }

    /**
     * Runs up to {@code generations} generations, stopping early once the best score reaches {@code stopScore}.
     *
     * @param fitness  the first-stage evaluation of every genome
     * @param refine   the second-stage evaluation of the best {@code refineTop} genomes, or null
     * @param listener called after each generation's evaluation (may throw to abort the run)
     */
    public Result run(Fitness<NeatGenome> fitness, Fitness<NeatGenome> refine, int generations, double stopScore,
                      Consumer<Generation> listener) {
        if (generations < 1) {
            throw new IllegalArgumentException("generations must be >= 1, got " + generations);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        InnovationTracker tracker = new InnovationTracker();
        List<NeatGenome> population = new ArrayList<>(settings.populationSize());
        for (int i = 0; i < settings.populationSize(); i++) {
            population.add(initial(tracker, rng));
        }
        tracker.endGeneration();
        SpeciationControl control = NeatSpeciationControl.of(
                settings.speciesTarget() == null ? null
                        : new SpeciesTargetController(settings.speciesTarget(), settings.compatibilityThreshold()),
                settings.stagnationLimit() > 0 ? new SpeciesStagnation(settings.stagnationLimit(), 0.0) : null);
        List<Generation> history = new ArrayList<>();
        NeatGenome best = null;
        double bestFitness = Double.NEGATIVE_INFINITY;
        double bestScore = Double.NaN;
        long evaluations = 0;
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            for (int gen = 0; gen < generations; gen++) {
                int n = population.size();
                double[] fit = new double[n];
                double[] score = new double[n];
                evaluate(pool, fitness, population, allIndices(n), gen, 0, fit, score);
                evaluations += n;
                if (refine != null && settings.refineTop() > 0) {
                    int[] top = Selection.truncation(fit, Math.min(settings.refineTop(), n));
                    evaluate(pool, refine, population, top, gen, 1, fit, score);
                    evaluations += top.length;
                }
                int genBest = Selection.truncation(fit, 1)[0];
                if (best == null || fit[genBest] > bestFitness) {
                    best = population.get(genBest);
                    bestFitness = fit[genBest];
                    bestScore = score[genBest];
                }
                double threshold = control.threshold(settings.compatibilityThreshold());
                Speciation.Plan plan = Speciation.plan(population, fit, settings.distance()::between, threshold,
                        settings.minSpeciesSize(), settings.survivalRate(), settings.populationSize());
                Generation g = new Generation(gen, fit[genBest], score[genBest], meanFinite(fit),
                        plan.species().size(), threshold, population.get(genBest), bestScore, evaluations);
                history.add(g);
                listener.accept(g);
                if (bestScore >= stopScore || gen == generations - 1) {
                    break;
                }
                int[] offspring = control.offspring(plan, fit, rng);
                population = breed(population, fit, plan, offspring, tracker, rng);
                tracker.endGeneration();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(best, bestFitness, bestScore, List.copyOf(history));
    }

    private NeatGenome initial(InnovationTracker tracker, SplittableRandom rng) {
        NeatGenome g = NeatGenome.createMinimal(inputs, outputs, settings.biasMode(), settings.connectivity(), 0.0,
                tracker, rng);
        for (int id : g.ids(NeuronType.OUTPUT)) {
            g = g.withNeuron(g.neuron(id).withActivation(settings.outputActivation()));
        }
        return g;
    }

    /** Evaluates {@code indices} in parallel; writes fitness, score and the kept genome at each index. */
    private void evaluate(ForkJoinPool pool, Fitness<NeatGenome> f, List<NeatGenome> population, int[] indices, int gen,
                          int stage, double[] fit, double[] score) {
        NeatGenome[] kept = new NeatGenome[indices.length];
        try {
            pool.submit(() -> IntStream.range(0, indices.length).parallel().forEach(k -> {
                int i = indices[k];
                Fitness.Evaluation<NeatGenome> e = f.evaluate(population.get(i), evaluationSeed(gen, stage, i));
                fit[i] = Double.isNaN(e.fitness()) ? Double.NEGATIVE_INFINITY : e.fitness();
                score[i] = e.score();
                kept[k] = e.genome();
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("NEAT evaluation interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
        for (int k = 0; k < indices.length; k++) {
            population.set(indices[k], kept[k]);
        }
    }

    private long evaluationSeed(int gen, int stage, int index) {
        return Seeds.mix(seed + 0x9E3779B97F4A7C15L * (1 + gen * 4L + stage) + 0xBF58476D1CE4E5B9L * index);
    }

    /** Survivors pass unchanged; each species breeds its offspring from all its members by rank. */
    private List<NeatGenome> breed(List<NeatGenome> population, double[] fit, Speciation.Plan plan, int[] offspring,
                                   InnovationTracker tracker, SplittableRandom rng) {
        List<NeatGenome> next = new ArrayList<>(settings.populationSize());
        for (int i : plan.allSurvivors()) {
            next.add(population.get(i));
        }
        for (int s = 0; s < plan.species().size(); s++) {
            int[] members = plan.species().get(s);
            double[] f = new double[members.length];
            for (int k = 0; k < members.length; k++) {
                f[k] = fit[members[k]];
            }
            RankRoulette roulette = new RankRoulette(f);
            for (int c = 0; c < offspring[s]; c++) {
                NeatGenome child;
                int a = roulette.pick(rng);
                if (members.length >= 2 && rng.nextDouble() < settings.crossoverRate()) {
                    int b = roulette.pick(rng);
                    for (int retry = 0; retry < 10 && b == a; retry++) {
                        b = roulette.pick(rng);
                    }
                    child = NeatCrossover.cross(population.get(members[a]), f[a], population.get(members[b]), f[b], rng);
                } else {
                    child = population.get(members[a]);
                }
                child = NeatMutation.mutate(child, settings.mutation(), settings.weightMutationRate(), tracker, rng);
                child = NeatMutation.mutateActivation(child, settings.activationMutationRate(),
                        settings.activations().toArray(new Activation[0]), rng);
                next.add(child);
            }
        }
        return next;
    }

    private static int[] allIndices(int n) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        return all;
    }

    private static double meanFinite(double[] f) {
        double sum = 0;
        int k = 0;
        for (double v : f) {
            if (Double.isFinite(v)) {
                sum += v;
                k++;
            }
        }
        return k == 0 ? Double.NaN : sum / k;
    }
}
