package nas.samplers.tpe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import nas.api.FrozenTrial;
import nas.api.Seeds;
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
 * improvement criterion of the paper, eq. 3) is returned.
 *
 * <p>Univariate by default: each parameter is modelled alone, from the trials that have it with
 * the same distribution. With {@code multivariate} one joint estimator covers the intersection
 * search space of the finished trials (complete and pruned), and parameters outside it fall back
 * to the univariate model.
 *
 * <p>Multi-objective studies are out of scope: the sampler then samples at random and logs one
 * warning. Every choice is a function of (seed, trial number, parameter name) and the trials the
 * sampler sees; with several threads the optimize loop's deterministic mode (the default) makes those
 * the same on every run.
 */
public final class TpeSampler implements Sampler {

    private static final Logger LOG = Logger.getLogger(TpeSampler.class.getName());
    private static final long RELATIVE = Seeds.hash("tpe:relative");

    private final TpeOptions options;
    private final AtomicBoolean warnedMultiObjective = new AtomicBoolean();

    public TpeSampler() {
        this(TpeOptions.defaults());
    }

    public TpeSampler(TpeOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
    }

    public TpeOptions options() {
        return options;
    }

    private long seed(StudyView study) {
        return options.seed() != null ? options.seed() : study.seed();
    }

    private boolean singleObjective(StudyView study) {
        if (!study.isMultiObjective()) {
            return true;
        }
        if (warnedMultiObjective.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "TPE models one objective; study ''{0}'' has {1}, so it is sampled at random "
                    + "(use nsga2 for several objectives)", new Object[] {study.name(), study.directions().size()});
        }
        return false;
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
        if (!options.multivariate() || !singleObjective(study)) {
            return Map.of();
        }
        return IntersectionSearchSpace.ofSampleable(study.trials(TrialState.COMPLETE, TrialState.PRUNED));
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
        TpeSpace space = new TpeSpace(searchSpace);
        double[] x = propose(study, finished, space, Seeds.random(seed(study), trial.number(), RELATIVE));
        Map<String, Double> out = new LinkedHashMap<>();
        for (int p = 0; p < x.length; p++) {
            out.put(space.names().get(p), TpeSpace.decode(space.distributions().get(p), x[p]));
        }
        return out;
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        long seed = seed(study);
        if (!singleObjective(study)) {
            return new RandomSampler(seed).sampleIndependent(study, trial, name, distribution);
        }
        List<FrozenTrial> finished = study.trials(TrialState.COMPLETE, TrialState.PRUNED);
        if (finished.size() < options.nStartupTrials()) {
            return new RandomSampler(seed).sampleIndependent(study, trial, name, distribution);
        }
        TpeSpace space = new TpeSpace(Map.of(name, distribution));
        double[] x = propose(study, finished, space, Seeds.random(seed, trial.number(), Seeds.hash(name)));
        return TpeSpace.decode(distribution, x[0]);
    }

    /** One TPE step over {@code space}: split, fit l and g, draw candidates from l, keep the best l/g. */
    private double[] propose(StudyView study, List<FrozenTrial> finished, TpeSpace space, SplittableRandom rng) {
        List<FrozenTrial> having = new ArrayList<>();
        for (FrozenTrial t : finished) {
            if (hasAll(t, space)) {
                having.add(t);
            }
        }
        TrialSplit split = TrialSplit.of(having, study.directions().get(0), options.gamma());
        ParzenEstimator.Settings settings = options.estimatorSettings();
        ParzenEstimator below = fit(split.below(), space, settings);
        ParzenEstimator above = fit(split.above(), space, settings);
        return bestCandidate(below, above, options.nEiCandidates(), rng);
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

    private static boolean hasAll(FrozenTrial t, TpeSpace space) {
        for (int p = 0; p < space.names().size(); p++) {
            if (!space.distributions().get(p).equals(t.distributions().get(space.names().get(p)))) {
                return false;
            }
        }
        return true;
    }

    private static ParzenEstimator fit(List<FrozenTrial> trials, TpeSpace space, ParzenEstimator.Settings settings) {
        int n = trials.size();
        int d = space.names().size();
        double[][] obs = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < d; p++) {
                Distribution dist = space.distributions().get(p);
                obs[i][p] = TpeSpace.encode(dist, trials.get(i).internalParams().get(space.names().get(p)));
            }
        }
        return ParzenEstimator.fit(obs, TpeOptions.defaultWeights(n), space.dims(), settings);
    }
}
