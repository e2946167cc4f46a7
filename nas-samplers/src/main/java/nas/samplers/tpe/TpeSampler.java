package nas.samplers.tpe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import nas.api.FrozenTrial;
import nas.api.Seeds;
import nas.api.StudyDirection;
import nas.api.StudyView;
import nas.api.TrialState;
import nas.api.distribution.Distribution;
import nas.api.sampler.IntersectionSearchSpace;
import nas.api.sampler.RandomSampler;
import nas.api.sampler.Sampler;

/**
 * Tree-structured Parzen Estimator (Bergstra, Bardenet, Bengio and Kégl, 2011), with Optuna's
 * defaults. After {@code nStartupTrials} finished trials sampled at random, the finished trials
 * are split by {@link TrialSplit} into the best {@code gamma(n)} and the rest; a
 * {@link ParzenEstimator} l(x) is fitted to the good ones and g(x) to the others (each with a
 * prior kernel, observations older than the newest 25 down-weighted), {@code nEiCandidates}
 * candidates are drawn from l and the one maximizing {@code log l(x) − log g(x)} (the expected
 * improvement criterion of the paper, eq. 3) is returned. With one objective the univariate scores
 * weigh each kernel by its bandwidth by default ({@link TpeOptions#withWidthWeighted(boolean)}: measured
 * better; {@code false} gives the exact densities).
 *
 * <p>Univariate by default: each parameter is modelled alone, from the trials that have it with
 * the same distribution. With {@code multivariate} one joint estimator covers the intersection
 * search space of the finished trials (complete and pruned), and parameters outside it fall back
 * to the univariate model. With {@code group} as well, the parameters are split into groups that
 * always occur together ({@link GroupDecomposedSearchSpace}) and each group gets its own joint
 * estimator over the trials that have it, so the parameters of a conditional branch are modelled
 * jointly too.
 *
 * <p>Multi-objective studies get MOTPE ({@link MultiObjectiveRanking}): the good trials are the best
 * non-domination fronts, the last one cut by hypervolume subset selection, and each weighs in l(x)
 * by its hypervolume contribution (univariate: l(x)'s prior then weighs as an average good trial,
 * {@link TpeOptions#goodEstimatorSettings}); the joint estimator's kernels stay at least 5% of the range wide
 * there up to 200 finished trials, 1% from 1,000 on ({@link TpeOptions#multiObjectiveMinBandwidth}; 1% with
 * one objective). With {@link TpeOptions#constantLiar()} the running trials of other workers join g(x).
 *
 * <p>Cost: each trial fits g(x) with a kernel per finished trial and scores every candidate against all
 * of them, for each parameter, so the time a trial spends here grows linearly with the study (on 10
 * floats about 0.02 s CPU at 10,000 finished trials and 0.2 s at 100,000; docs/benchmarks.md, "Per-trial
 * sampler cost as the study grows"). The finished trials themselves are read incrementally, not
 * reloaded. CMA-ES and NSGA-II read only their generation and stay flat.
 *
 * <p>Every choice is a function of (seed, trial number, parameter name) and the trials the
 * sampler sees; with several threads the optimize loop's deterministic mode (the default) makes those
 * the same on every run.
 */
public final class TpeSampler implements Sampler {

    private static final long RELATIVE = Seeds.hash("tpe:relative");

    private final TpeOptions options;

    /** TPE with {@link TpeOptions#defaults()} (Optuna's defaults) and the study's seed. */
    public TpeSampler() {
        this(TpeOptions.defaults());
    }

    /**
     * TPE with these settings.
     *
     * @param options the settings
     * @throws IllegalArgumentException if {@code options} is null
     */
    public TpeSampler(TpeOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
    }

    /**
     * The settings this sampler runs with.
     *
     * @return the settings
     */
    public TpeOptions options() {
        return options;
    }

    private long seed(StudyView study) {
        return options.seed() != null ? options.seed() : study.seed();
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
        if (!options.multivariate()) {
            return Map.of();
        }
        List<FrozenTrial> finished = study.trials(TrialState.COMPLETE, TrialState.PRUNED);
        if (!options.group()) {
            return IntersectionSearchSpace.ofSampleable(finished);
        }
        Map<String, Distribution> union = new TreeMap<>();
        GroupDecomposedSearchSpace.of(finished).forEach(union::putAll);
        return union;
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
        if (searchSpace.isEmpty()) {
            return Map.of();
        }
        List<FrozenTrial> finished = study.trials(TrialState.COMPLETE, TrialState.PRUNED);
        if (finished.size() < options.nStartupTrials()) {
            return Map.of();
        }
        if (!options.group()) {
            return proposeDecoded(study, trial, finished, searchSpace, RELATIVE);
        }
        // one joint estimator per group, each over the trials that have that group
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map<String, Distribution> group : GroupDecomposedSearchSpace.of(finished)) {
            Map<String, Distribution> part = new TreeMap<>(group);
            part.keySet().retainAll(searchSpace.keySet());
            if (!part.isEmpty()) {
                long stream = Seeds.hash("tpe:group:" + String.join(",", part.keySet()));
                out.putAll(proposeDecoded(study, trial, finished, part, stream));
            }
        }
        return out;
    }

    private Map<String, Double> proposeDecoded(StudyView study, FrozenTrial trial, List<FrozenTrial> finished,
            Map<String, Distribution> searchSpace, long stream) {
        TpeSpace space = new TpeSpace(searchSpace);
        double[] x = propose(study, trial, finished, space, Seeds.random(seed(study), trial.number(), stream));
        Map<String, Double> out = new LinkedHashMap<>();
        for (int p = 0; p < x.length; p++) {
            out.put(space.names().get(p), TpeSpace.decode(space.distributions().get(p), x[p]));
        }
        return out;
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        long seed = seed(study);
        List<FrozenTrial> finished = study.trials(TrialState.COMPLETE, TrialState.PRUNED);
        if (finished.size() < options.nStartupTrials()) {
            return new RandomSampler(seed).sampleIndependent(study, trial, name, distribution);
        }
        TpeSpace space = new TpeSpace(Map.of(name, distribution));
        double[] x = propose(study, trial, finished, space, Seeds.random(seed, trial.number(), Seeds.hash(name)));
        return TpeSpace.decode(distribution, x[0]);
    }

    /** One TPE step over {@code space}: split, fit l and g, draw candidates from l, keep the best l/g. */
    private double[] propose(StudyView study, FrozenTrial trial, List<FrozenTrial> finished, TpeSpace space,
            SplittableRandom rng) {
        Split split = split(study, trial, having(finished, space, -1));
        List<FrozenTrial> above = split.split().above();
        if (options.constantLiar()) {
            // running trials count as bad ones: the worker avoids what others are evaluating
            List<FrozenTrial> running = having(study.trials(TrialState.RUNNING), space, trial.number());
            if (!running.isEmpty()) {
                above = new ArrayList<>(above);
                above.addAll(running);
                above.sort(Comparator.comparingInt(FrozenTrial::number));
            }
        }
        int objectives = study.directions().size();
        int n = split.split().below().size() + split.split().above().size();
        ParzenEstimator below = fit(split.split().below(), split.belowWeights(), space,
                options.goodEstimatorSettings(objectives, n, split.belowWeights()));
        ParzenEstimator bad = fit(above, TpeOptions.defaultWeights(above.size()), space,
                options.estimatorSettings(objectives, n));
        return bestCandidate(below, bad, options.nEiCandidates(), rng);
    }

    /** A split of the trials numbered {@code numbers}, with the weights of its good trials. */
    private record Split(int[] numbers, TrialSplit split, double[] belowWeights) {}

    /**
     * Splits of the trials being sampled, by trial id: a univariate trial asks for the same split
     * once per parameter, and a split sorts the study's trials (with several objectives it ranks
     * them by fronts and hypervolume, which costs far more). A split is a function of the finished
     * trials it splits, so the same numbers give the same split. Entries go in {@link #afterTrial}.
     */
    private final Map<Long, Split> splits = new ConcurrentHashMap<>();

    private Split split(StudyView study, FrozenTrial trial, List<FrozenTrial> having) {
        List<StudyDirection> directions = study.directions();
        int[] numbers = new int[having.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = having.get(i).number();
        }
        Split memo = splits.get(trial.id());
        if (memo != null && Arrays.equals(memo.numbers(), numbers)) {
            return memo;
        }
        TrialSplit split = TrialSplit.of(having, directions, options.gamma());
        Split computed = new Split(numbers, split, directions.size() == 1
                ? TpeOptions.defaultWeights(split.below().size())
                : MultiObjectiveRanking.belowWeights(split.below(), directions));
        if (splits.size() > 256) {
            splits.clear(); // trials told by another process never reach afterTrial here
        }
        splits.put(trial.id(), computed);
        return computed;
    }

    @Override
    public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
        splits.remove(trial.id());
    }

    /** The trials that hold every parameter of {@code space} with its distribution, but trial {@code exclude}. */
    private static List<FrozenTrial> having(List<FrozenTrial> trials, TpeSpace space, int exclude) {
        List<FrozenTrial> out = new ArrayList<>();
        // a study's trials share their distributions' instances as storage reads them: once one is found
        // equal, the same instance is known to be, without comparing its fields again for every trial
        Distribution[] equal = new Distribution[space.names().size()];
        for (FrozenTrial t : trials) {
            if (t.number() != exclude && hasAll(t, space, equal)) {
                out.add(t);
            }
        }
        return out;
    }

    /** The candidate drawn from {@code below} with the largest {@code log l − log g}. */
    static double[] bestCandidate(ParzenEstimator below, ParzenEstimator above, int candidates, SplittableRandom rng) {
        int d = below.dimension();
        double[] x = new double[d];
        double[] best = new double[d];
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < candidates; c++) {
            below.sample(rng, x);
            double score = below.logPdf(x) - above.logPdf(x);
            if (c == 0 || score > bestScore) {
                bestScore = score;
                System.arraycopy(x, 0, best, 0, d);
            }
        }
        return best;
    }

    /** Whether {@code t} has every parameter of {@code space} with its distribution; {@code equal} holds instances found equal. */
    private static boolean hasAll(FrozenTrial t, TpeSpace space, Distribution[] equal) {
        for (int p = 0; p < equal.length; p++) {
            Distribution have = t.distributions().get(space.names().get(p));
            if (have == null) {
                return false;
            }
            if (have != equal[p]) {
                if (!space.distributions().get(p).equals(have)) {
                    return false;
                }
                equal[p] = have;
            }
        }
        return true;
    }

    /** The estimator of {@code trials} (oldest first) over {@code space}, each weighing its entry of {@code weights}. */
    static ParzenEstimator fit(List<FrozenTrial> trials, double[] weights, TpeSpace space,
            ParzenEstimator.Settings settings) {
        int n = trials.size();
        int d = space.names().size();
        double[][] obs = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < d; p++) {
                Distribution dist = space.distributions().get(p);
                obs[i][p] = TpeSpace.encode(dist, trials.get(i).internalParams().get(space.names().get(p)));
            }
        }
        return ParzenEstimator.fit(obs, weights, space.dims(), settings);
    }
}
