package nas.sim.objective;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import nas.api.MultiObjective;
import nas.api.Trial;
import nas.api.exception.TrialPrunedException;
import nas.sim.config.LabConfig;
import nas.sim.evolution.Evolution;
import nas.sim.evolution.EvolutionRun;
import nas.sim.evolution.GenerationStats;
import nas.sim.evolution.PopulationEvaluator;
import nas.sim.evolution.RunObserver;
import nas.sim.evolution.RunResult;
import nas.sim.genome.GenomeJson;

/**
 * One Evolution Lab trial: the search space's configuration evolved for every seed, the seeds advancing in
 * lockstep one generation at a time.
 *
 * <ul>
 *   <li>value 1 (fitness) = mean over seeds of each seed's best-ever fitness (spec 8.2 rule 5);</li>
 *   <li>value 2 (diversity, optional) = mean over seeds of the {@link BehaviouralDiversity} of the final
 *       generation;</li>
 *   <li>single-objective studies get the running value (mean best-ever so far) reported at every
 *       generation (step = generation index), so a pruner can stop the trial at generations 10, 20, 50;</li>
 *   <li>user attributes: per-seed best-ever and final average, generations run, diversity, and the best
 *       genome of all seeds as JSON with the seed and pellet-stream seed that re-simulate it to
 *       {@code best_genome_fitness} exactly;</li>
 *   <li>per generation, the mean over seeds of the generation's best and average fitness
 *       ({@code generation_best}, {@code generation_mean}: the trial's learning curves);</li>
 *   <li>system attribute {@value #CONFIG_ATTR}: the whole configuration the trial ran (JSON), so that the best
 *       genome can be re-simulated (the dashboard's creature replay) without the plugin's options;</li>
 *   <li>with a {@link RunObserver} ({@link #storeRuns}), every run is shown to it generation by generation and
 *       user attribute {@value #RUNS_ATTR} lists where each seed's run is kept, in seed order.</li>
 * </ul>
 */
public final class EvolutionLabObjective implements MultiObjective {

    /** Trial system attribute holding the trial's {@link LabConfig#toMap()}. */
    public static final String CONFIG_ATTR = "evolution_lab:config";

    /** Trial user attribute: the ids of the trial's stored runs, one per seed, when runs are stored. */
    public static final String RUNS_ATTR = "stored_runs";

    private final LabSearchSpace space;
    private final Supplier<LabConfig.Builder> base;
    private final int generations;
    private final long[] seeds;
    private final boolean diversity;
    private final int threads;
    private volatile RunObserver observer;

    public EvolutionLabObjective(LabSearchSpace space, Supplier<LabConfig.Builder> base, int generations, int seeds,
            boolean diversity, int threads) {
        if (generations < 1) {
            throw new IllegalArgumentException("generations must be >= 1, got " + generations);
        }
        this.space = space;
        this.base = base;
        this.generations = generations;
        this.seeds = EvolutionRun.seeds(seeds);
        this.diversity = diversity;
        this.threads = threads;
    }

    /** Shows every run of every later trial to {@code observer} (null: none). */
    public void storeRuns(RunObserver observer) {
        this.observer = observer;
    }

    @Override
    public double[] evaluate(Trial trial) {
        LabConfig config = space.suggest(trial, base.get());
        boolean report = !trial.study().isMultiObjective();
        RunObserver watching = observer;
        List<RunObserver.Watch> watches = new ArrayList<>();
        try (PopulationEvaluator evaluator = new PopulationEvaluator(threads)) {
            List<Evolution> runs = new ArrayList<>();
            for (long seed : seeds) {
                runs.add(new Evolution(config, evaluator, seed, generations));
                if (watching != null) {
                    watches.add(watching.start(trial.study().name() + "-trial" + trial.number() + "-seed" + seed, config,
                            seed, generations));
                }
            }
            if (watching != null) {
                trial.setUserAttr(RUNS_ATTR, watches.stream().map(RunObserver.Watch::id).toList());
            }
            try {
                for (int g = 0; g < generations; g++) {
                    boolean any = false;
                    for (int k = 0; k < runs.size(); k++) {
                        Evolution e = runs.get(k);
                        if (e.hasNext()) {
                            GenerationStats s = e.next();
                            any = true;
                            if (watching != null) {
                                watches.get(k).generation(e, s, evaluator);
                            }
                        }
                    }
                    if (!any) {
                        break;
                    }
                    if (report) {
                        trial.report(meanBestEver(runs), g);
                        if (trial.shouldPrune()) {
                            throw new TrialPrunedException("pruned at generation " + g);
                        }
                    }
                }
            } catch (RuntimeException e) {
                for (int k = 0; k < watches.size(); k++) {
                    if (runs.get(k).hasNext()) {
                        watches.get(k).stopped(e instanceof TrialPrunedException ? "pruned" : "failed");
                    }
                }
                throw e;
            }
            List<RunResult> results = runs.stream().map(Evolution::result).toList();
            double fitness = meanBestEver(runs);
            double div = results.stream().mapToDouble(r -> BehaviouralDiversity.of(r.finalResults())).average()
                    .orElse(0.0);
            record(trial, results, div);
            trial.setSystemAttr(CONFIG_ATTR, config.toMap());
            return diversity ? new double[] {fitness, div} : new double[] {fitness};
        }
    }

    private static double meanBestEver(List<Evolution> runs) {
        return runs.stream().mapToDouble(Evolution::bestEver).average().orElse(0.0);
    }

    private static void record(Trial trial, List<RunResult> results, double diversity) {
        List<Double> best = new ArrayList<>();
        List<Double> finalAvg = new ArrayList<>();
        List<Long> gens = new ArrayList<>();
        RunResult top = results.get(0);
        for (RunResult r : results) {
            best.add(r.bestFitness());
            finalAvg.add(r.last().average());
            gens.add((long) r.generations().size());
            if (r.bestFitness() > top.bestFitness()) {
                top = r;
            }
        }
        trial.setUserAttr("best_fitness_per_seed", best);
        trial.setUserAttr("final_average_per_seed", finalAvg);
        trial.setUserAttr("generations_per_seed", gens);
        trial.setUserAttr("diversity", diversity);
        List<Double> genBest = new ArrayList<>();
        List<Double> genMean = new ArrayList<>();
        for (int g = 0; ; g++) {
            double bestSum = 0;
            double meanSum = 0;
            int n = 0;
            for (RunResult r : results) {
                if (g < r.generations().size()) {
                    bestSum += r.generations().get(g).best();
                    meanSum += r.generations().get(g).average();
                    n++;
                }
            }
            if (n == 0) {
                break;
            }
            genBest.add(bestSum / n);
            genMean.add(meanSum / n);
        }
        trial.setUserAttr("generation_best", genBest);
        trial.setUserAttr("generation_mean", genMean);
        if (top.bestGenome() != null) {
            trial.setUserAttr("best_genome", GenomeJson.standard().toMap(top.bestGenome()));
            trial.setUserAttr("best_genome_fitness", top.bestFitness());
            trial.setUserAttr("best_genome_seed", top.seed());
            trial.setUserAttr("best_genome_generation", (long) top.bestGeneration());
            // a decimal string: the 64-bit seed must survive any JSON store exactly
            trial.setUserAttr("best_genome_pellet_seed", Long.toString(top.bestPelletSeed()));
        }
    }
}
