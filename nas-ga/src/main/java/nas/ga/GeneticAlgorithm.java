package nas.ga;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import nas.api.Limits;

/**
 * The GA for network weights. Generation 0 evaluates C random individuals; every later generation
 * breeds C children from the P parents (each picks its parent, and with crossover a second one,
 * uniformly; crossover then mutation), re-evaluates the elite unmutated, and keeps the top P of
 * children and elite as the next parents (truncation selection; ties go to the earlier child, the
 * elite last). Children are evaluated in parallel; every random choice derives from the run seed, the
 * generation and the child's index, and decoding is exact, so a run does not depend on the number of
 * threads.
 */
public final class GeneticAlgorithm {

    private final Task task;
    private final GaSettings settings;
    private final Operators ops;
    private final int threads;
    private final int cacheCapacity;
    private final long seed;

    /**
     *
     * @param task what to evolve the weights for
     * @param settings the GA's settings
     * @param noise the shared table of pre-drawn normal values
     * @param threads worker threads (the result does not depend on them)
     * @param cacheCapacity genomes each worker keeps decoded (0 replays every genome from its seeds)
     * @param seed the run seed: every random choice derives from it
     */
    public GeneticAlgorithm(Task task, GaSettings settings, NoiseTable noise, int threads, int cacheCapacity,
            long seed) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Limits.requireAtMost("threads", threads, Limits.MAX_THREADS);
        this.task = task;
        this.settings = settings;
        this.ops = new Operators(task.layout(), noise, settings);
        this.threads = threads;
        this.cacheCapacity = cacheCapacity;
        this.seed = seed;
    }

    /**
     * With a noise table made from the seed and the default cache.
     *
     * @param task what to evolve the weights for
     * @param settings the GA's settings
     * @param threads worker threads (the result does not depend on them)
     * @param seed the run seed: every random choice derives from it
     */
    public GeneticAlgorithm(Task task, GaSettings settings, int threads, long seed) {
        this(task, settings, NoiseTable.forSlices(task.layout().size(), Seeds.mix(seed, -1)), threads,
                defaultCacheCapacity(settings, threads), seed);
    }

    /**
     * Enough for a worker to hold the parents, their own parents and its share of the children, so a child
     * costs one mutation and a parent decoded elsewhere costs one more.
     *
     * @param settings the GA's settings
     * @param threads worker threads (the result does not depend on them)
     * @return genomes per worker cache
     */
    public static int defaultCacheCapacity(GaSettings settings, int threads) {
        return 2 * settings.parents() * (settings.crossover() == Crossover.NONE ? 1 : 2)
                + (settings.evaluationsPerGeneration() + threads - 1) / threads + 2;
    }

    /**
     * The operators this run decodes genomes with.
     *
     * @return the operators
     */
    public Operators operators() {
        return ops;
    }

    /**
     * Runs {@code generations} generations, handing each record to {@code listener} (which may throw to stop).
     *
     * @param generations generations to run (at least 1)
     * @param listener called with each epoch (may throw to stop)
     * @return the history, the best individual and the decoding counts
     */
    public GaResult run(int generations, Consumer<GenerationRecord> listener) {
        if (generations < 1) {
            throw new IllegalArgumentException("generations must be >= 1, got " + generations);
        }
        Worker[] workers = new Worker[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Worker();
        }
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "nas-ga-worker");
            th.setDaemon(true);
            return th;
        });
        try {
            return evolve(generations, listener, workers, pool);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private GaResult evolve(int generations, Consumer<GenerationRecord> listener, Worker[] workers,
            ExecutorService pool) {
        int p = settings.parents();
        int c = settings.children();
        List<GenerationRecord> history = new ArrayList<>();
        Candidate[] parents = null;
        Candidate elite = null;
        long evaluations = 0;
        for (int gen = 0; gen < generations; gen++) {
            Candidate[] pool1 = new Candidate[gen == 0 ? c : c + 1];
            for (int k = 0; k < c; k++) {
                pool1[k] = gen == 0 ? new Candidate(Genome.init(Seeds.mix(seed, 0, k)), null)
                        : breed(parents, gen, k);
            }
            if (gen > 0) {
                pool1[c] = new Candidate(elite.genome, null);
            }
            evaluate(pool1, workers, pool);
            evaluations += pool1.length;
            Candidate[] ranked = pool1.clone();
            Arrays.sort(ranked, Comparator.comparingDouble((Candidate x) -> -sortable(x.evaluation.fitness())));
            parents = Arrays.copyOf(ranked, p);
            elite = ranked[0];
            GenerationRecord record = record(gen, evaluations, pool1, c, parents, elite);
            history.add(record);
            listener.accept(record);
        }
        long operations = 0;
        long hits = 0;
        for (Worker w : workers) {
            operations += w.builder.operations();
            hits += w.builder.hits();
        }
        return new GaResult(history, elite.genome, elite.evaluation, operations, hits);
    }

    private static double sortable(double fitness) {
        return Double.isNaN(fitness) ? Double.NEGATIVE_INFINITY : fitness;
    }

    private Candidate breed(Candidate[] parents, int gen, int k) {
        SplittableRandom rng = new SplittableRandom(Seeds.mix(seed, gen, k));
        int a = rng.nextInt(parents.length);
        Genome g = parents[a].genome;
        if (settings.crossover() != Crossover.NONE && parents.length > 1) {
            int b = rng.nextInt(parents.length - 1);
            g = g.cross(parents[b >= a ? b + 1 : b].genome, rng.nextLong());
        }
        return new Candidate(g.mutate(rng.nextLong()), parents[a]);
    }

    private void evaluate(Candidate[] candidates, Worker[] workers, ExecutorService pool) {
        AtomicInteger next = new AtomicInteger();
        if (pool == null) {
            workers[0].drain(candidates, next);
            return;
        }
        List<Future<?>> done = new ArrayList<>();
        for (Worker w : workers) {
            done.add(pool.submit(() -> w.drain(candidates, next)));
        }
        try {
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }

    private GenerationRecord record(int gen, long evaluations, Candidate[] pool, int children, Candidate[] parents,
            Candidate best) {
        double fitnessSum = 0;
        double lostSum = 0;
        int lostCount = 0;
        for (int k = 0; k < children; k++) {
            Candidate x = pool[k];
            fitnessSum += x.evaluation.fitness();
            if (x.parent != null) {
                double lost = Evaluation.lost(x.parent.evaluation.mask(), x.evaluation.mask());
                if (!Double.isNaN(lost)) {
                    lostSum += lost;
                    lostCount++;
                }
            }
        }
        double rateMean = Double.NaN;
        double rateVariance = Double.NaN;
        double[] tensorLogRates = null;
        if (settings.scheme() == MutationScheme.SELF_ADAPTIVE) {
            int n = task.layout().size();
            double sum = 0;
            double sumSq = 0;
            List<Tensor> tensors = task.layout().tensors();
            tensorLogRates = new double[tensors.size()];
            for (Candidate x : parents) {
                sum += x.rateSum;
                sumSq += x.rateSumSq;
                for (int t = 0; t < tensorLogRates.length; t++) {
                    tensorLogRates[t] += x.tensorLogRateSums[t] / tensors.get(t).size() / parents.length;
                }
            }
            rateMean = sum / ((double) n * parents.length);
            rateVariance = Math.max(0, sumSq / ((double) n * parents.length) - rateMean * rateMean);
        }
        return new GenerationRecord(gen, evaluations, best.evaluation.fitness(), fitnessSum / children,
                best.evaluation.loss(), best.evaluation.correct(), rateMean, rateVariance, best.norms, tensorLogRates,
                lostCount == 0 ? Double.NaN : lostSum / lostCount);
    }

    /** An individual of one generation: its genome, the parent it was mutated from, and what evaluation found. */
    private static final class Candidate {
        final Genome genome;
        final Candidate parent;
        Evaluation evaluation;
        double[] norms;
        double rateSum;
        double rateSumSq;
        double[] tensorLogRateSums;

        Candidate(Genome genome, Candidate parent) {
            this.genome = genome;
            this.parent = parent;
        }
    }

    /** A thread's decoder and evaluator; candidates are taken from a shared counter. */
    private final class Worker {
        final GenomeBuilder builder = new GenomeBuilder(ops, cacheCapacity);
        final Task.Evaluator evaluator = task.newEvaluator();

        void drain(Candidate[] candidates, AtomicInteger next) {
            for (int i = next.getAndIncrement(); i < candidates.length; i = next.getAndIncrement()) {
                Candidate x = candidates[i];
                GenomeState s = builder.build(x.genome);
                x.evaluation = evaluator.evaluate(s.weights);
                x.norms = task.layout().norms(s.weights);
                if (s.logRates != null) {
                    List<Tensor> tensors = task.layout().tensors();
                    x.tensorLogRateSums = new double[tensors.size()];
                    for (int t = 0; t < tensors.size(); t++) {
                        Tensor tensor = tensors.get(t);
                        double sum = 0;
                        for (int j = tensor.offset(); j < tensor.end(); j++) {
                            double rate = Math.exp(s.logRates[j]);
                            x.rateSum += rate;
                            x.rateSumSq += rate * rate;
                            sum += s.logRates[j];
                        }
                        x.tensorLogRateSums[t] = sum;
                    }
                }
            }
        }
    }
}
