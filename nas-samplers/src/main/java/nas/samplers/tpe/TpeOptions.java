package nas.samplers.tpe;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;
import nas.api.Limits;

/**
 * Settings of {@link TpeSampler}, validated at construction. {@link #defaults()} gives Optuna's
 * documented defaults; change fields with the {@code with...} methods.
 *
 * @param nStartupTrials    finished (complete or pruned) trials sampled at random before TPE starts
 * @param nEiCandidates     candidates drawn from l(x) per sample; the one with the largest l/g wins; at most
 *                          {@link nas.api.Limits#MAX_POPULATION}
 * @param gamma             how many of n finished trials count as "good"
 * @param considerPrior     add the prior kernel to both estimators
 * @param priorWeight       weight of the prior kernel
 * @param considerMagicClip lower-bound kernel widths (see {@link ParzenEstimator})
 * @param considerEndpoints let the box ends count as neighbours when setting kernel widths
 * @param multivariate      model the intersection search space with one joint estimator
 * @param constantLiar      count the running trials of other workers as bad ones, so parallel
 *                          workers do not all sample the same promising region
 * @param group             with {@code multivariate}: one joint estimator per group of parameters
 *                          that always occur together ({@link GroupDecomposedSearchSpace}), for
 *                          conditional spaces
 * @param widthWeighted     univariate, one objective: score candidates with each kernel weighted by its
 *                          bandwidth (the default; false: by the exact densities; see {@link #withWidthWeighted(boolean)})
 * @param seed              seed of all random choices, or null to use the study's seed
 */
public record TpeOptions(
        int nStartupTrials,
        int nEiCandidates,
        IntUnaryOperator gamma,
        boolean considerPrior,
        double priorWeight,
        boolean considerMagicClip,
        boolean considerEndpoints,
        boolean multivariate,
        boolean constantLiar,
        boolean group,
        boolean widthWeighted,
        Long seed) {

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException for a negative nStartupTrials, an nEiCandidates outside [1,
     *         {@link nas.api.Limits#MAX_POPULATION}], a null gamma, a priorWeight that is not positive and finite, or
     *         group without multivariate
     */
    public TpeOptions {
        if (nStartupTrials < 0) {
            throw new IllegalArgumentException("nStartupTrials must be >= 0, but got " + nStartupTrials);
        }
        if (nEiCandidates < 1) {
            throw new IllegalArgumentException("nEiCandidates must be >= 1, but got " + nEiCandidates);
        }
        Limits.requireAtMost("nEiCandidates", nEiCandidates, Limits.MAX_POPULATION);
        if (gamma == null) {
            throw new IllegalArgumentException("gamma must not be null");
        }
        if (!(priorWeight > 0) || Double.isInfinite(priorWeight)) {
            throw new IllegalArgumentException("priorWeight must be a positive finite number, but got " + priorWeight);
        }
        if (group && !multivariate) {
            throw new IllegalArgumentException("group decomposition needs the multivariate estimator (withMultivariate(true))");
        }
    }

    /** Optuna's default gamma: {@code min(ceil(0.1 n), 25)}. */
    public static int defaultGamma(int n) {
        return Math.min((int) Math.ceil(0.1 * n), 25);
    }

    /**
     * Optuna's default weights for {@code n} observations ordered oldest first: all 1 below 25;
     * from 25 on, the newest 25 weigh 1 and the older ones ramp linearly from 1/n up to 1.
     */
    public static double[] defaultWeights(int n) {
        double[] w = new double[n];
        if (n < 25) {
            Arrays.fill(w, 1.0);
            return w;
        }
        int ramp = n - 25;
        for (int i = 0; i < ramp; i++) {
            w[i] = ramp == 1 ? 1.0 / n : 1.0 / n + (1.0 - 1.0 / n) * i / (ramp - 1);
        }
        for (int i = ramp; i < n; i++) {
            w[i] = 1.0;
        }
        return w;
    }

    /**
     * 10 random start-up trials, 24 candidates, default gamma, prior weight 1, magic clip,
     * univariate with width-weighted scoring, no constant liar.
     */
    public static TpeOptions defaults() {
        return new TpeOptions(10, 24, TpeOptions::defaultGamma, true, 1.0, true, false, false, false, false, true, null);
    }

    /**
     * Multivariate MOTPE: no joint kernel narrower than {@link #multiObjectiveMinBandwidth} of the range
     * (single-objective: {@value ParzenEstimator#MIN_BANDWIDTH_FACTOR}). MOTPE's good trials weigh by hypervolume
     * contribution, so l(x) rests on a few of them (on ZDT2 an effective 1–3 of 20), and they soon become
     * near-copies of one point: Scott's rule then drops to the floor in nearly every dimension and the search
     * turns into a slow local walk. Up to 200 trials the floor is 5% of the range (measured there, README
     * "Multi-objective samplers": ZDT1 / ZDT2 / DTLZ2 104.5 / 88.9 / 0.523 against 102.4 / 82.3 / 0.536 with 1%
     * and NSGA-II's 98.3 / 84.6 / 0.156; 3% gave ZDT2 86.5, 8% DTLZ2 0.433). Once the good trials have converged
     * a fixed 5% costs precision (1,000 trials: DTLZ2 0.703 against 0.747 with 1%), so beyond 200 trials the
     * floor falls as the univariate magic clip does with its kernel count, range / k, here with k = n/10, the
     * good trials γ would take without its cap of 25: 1 / min(100, max(20, n/10)), so 1% from 1,000 trials on.
     * At 1,000 trials (seeds 1–10): 118.6 / 106.0 / 0.741, against 116.7 / 104.7 / 0.703 with a fixed 5% and
     * 117.5 / 99.8 / 0.747 with 1%; the first 200 trials are those of the fixed 5%.
     */
    static double multiObjectiveMinBandwidth(int trials) {
        // 10/n = 1/(n/10); n below 200 counts as 200, so 5% is the most it gets
        return Math.max(ParzenEstimator.MIN_BANDWIDTH_FACTOR, 10.0 / Math.max(200, trials));
    }

    /**
     * The estimators' settings for a study of {@code objectives} objectives, fitted to {@code trials} finished
     * trials (width weighting: one objective, univariate; the smallest joint bandwidth:
     * {@link #multiObjectiveMinBandwidth} with several).
     */
    ParzenEstimator.Settings estimatorSettings(int objectives, int trials) {
        return new ParzenEstimator.Settings(considerPrior, priorWeight, considerMagicClip, considerEndpoints, multivariate,
                widthWeighted && !multivariate && objectives == 1,
                objectives == 1 ? ParzenEstimator.MIN_BANDWIDTH_FACTOR : multiObjectiveMinBandwidth(trials));
    }

    /**
     * The settings of l(x), the good trials' estimator, given their weights: {@link #estimatorSettings}, and for
     * univariate MOTPE a prior that weighs as much as an average good trial, {@code priorWeight} times the mean of
     * {@code goodWeights}. The prior's weight counts against observations of weight 1 (one prior among n equal
     * kernels, as in single-objective TPE, where the good trials all weigh 1 and nothing changes). MOTPE's weights
     * are hypervolume contributions divided by the largest, and where one good trial holds nearly all of the
     * contribution, their sum falls towards 1 and a prior of weight 1 took half of l(x): on ZDT2, whose front trades
     * little f2 for f1, 13 of the 20 good trials lie off the good set's own front (weight 1e-12) after 200 trials, the
     * weights' effective count is 1.2 (ZDT1: 11) and the prior held 48% of l(x) (ZDT1: 15%); the distance variables
     * then stalled (README, "Multi-objective samplers"). Scaled, the prior keeps its share 1/(1 + n) of n good trials.
     * Measured (seeds 1–10, ZDT reference 11, DTLZ2 1.1), ZDT1 / ZDT2 / DTLZ2: 101.4 / 86.6 / 0.423 after 200 trials
     * against 100.8 / 81.9 / 0.345 (NSGA-II 98.3 / 84.6 / 0.156), 106.7 / 94.5 / 0.706 after 1,000 against 105.7 /
     * 88.3 / 0.671; seeds 11–20 after 200 trials 100.7 / 83.8 / 0.382 against 99.8 / 82.1 / 0.370 (NSGA-II 99.8 /
     * 85.9 / 0.115).
     * The joint estimator keeps the prior of weight 1: its floor ({@link #multiObjectiveMinBandwidth}) was measured
     * with it, and the same rule there measured level (200 trials: 105.0 / 89.6 / 0.511 against 104.5 / 88.9 / 0.523).
     * Infeasible good trials weigh 1e-12 as well, so when all of them are infeasible l(x) now rests on them equally
     * (as single-objective TPE's does on the least violating trials) instead of almost wholly on the prior; not
     * measured on a benchmark.
     */
    ParzenEstimator.Settings goodEstimatorSettings(int objectives, int trials, double[] goodWeights) {
        ParzenEstimator.Settings settings = estimatorSettings(objectives, trials);
        if (objectives == 1 || multivariate || goodWeights.length == 0) {
            return settings;
        }
        return settings.withPriorWeight(priorWeight * Arrays.stream(goodWeights).sum() / goodWeights.length);
    }

    /**
     * The same settings with {@code v} random start-up trials: TPE needs some finished trials before its
     * densities l(x) and g(x) mean anything (Bergstra et al., NeurIPS 2011).
     *
     * @param v finished trials sampled at random first (≥ 0; default 10)
     * @return the same settings with that many start-up trials
     */
    public TpeOptions withNStartupTrials(int v) {
        return new TpeOptions(v, nEiCandidates, gamma, considerPrior, priorWeight, considerMagicClip, considerEndpoints, multivariate, constantLiar, group, widthWeighted, seed);
    }

    /**
     * The same settings drawing {@code v} candidates from l(x) per sample, the one with the largest l(x)/g(x)
     * winning (TPE's expected improvement grows with that ratio, Bergstra et al. 2011): more
     * candidates exploit harder.
     *
     * @param v candidates per sample (1 to {@link nas.api.Limits#MAX_POPULATION}; default 24)
     * @return the same settings with that many candidates
     */
    public TpeOptions withNEiCandidates(int v) {
        return new TpeOptions(nStartupTrials, v, gamma, considerPrior, priorWeight, considerMagicClip, considerEndpoints, multivariate, constantLiar, group, widthWeighted, seed);
    }

    /**
     * The same settings with split function {@code v}: of n finished trials, {@code v.applyAsInt(n)} count as
     * good and form l(x), the rest g(x) (γ of Bergstra et al. 2011).
     *
     * @param v finished trials → good trials (default {@link #defaultGamma}: min(⌈0.1 n⌉, 25))
     * @return the same settings with that split
     */
    public TpeOptions withGamma(IntUnaryOperator v) {
        return new TpeOptions(nStartupTrials, nEiCandidates, v, considerPrior, priorWeight, considerMagicClip, considerEndpoints, multivariate, constantLiar, group, widthWeighted, seed);
    }

    /**
     * The same settings with or without a prior kernel (as wide as the range) in both estimators, and its
     * weight: the prior keeps a few trials from making the densities sharply peaked.
     *
     * @param consider add the prior kernel (default true)
     * @param weight   its weight, positive and finite (default 1)
     * @return the same settings with that prior
     */
    public TpeOptions withPrior(boolean consider, double weight) {
        return new TpeOptions(nStartupTrials, nEiCandidates, gamma, consider, weight, considerMagicClip, considerEndpoints, multivariate, constantLiar, group, widthWeighted, seed);
    }

    /**
     * The same settings with or without Optuna's "magic clip": a lower bound on kernel widths that grows as
     * the trials get fewer (see {@link ParzenEstimator}), so early kernels are not needle-thin.
     *
     * @param v bound the kernel widths from below (default true)
     * @return the same settings with that choice
     */
    public TpeOptions withConsiderMagicClip(boolean v) {
        return new TpeOptions(nStartupTrials, nEiCandidates, gamma, considerPrior, priorWeight, v, considerEndpoints, multivariate, constantLiar, group, widthWeighted, seed);
    }

    /**
     * The same settings letting the ends of the range count as neighbours when a kernel's width is set from
     * its neighbours' distances (Optuna's {@code consider_endpoints}).
     *
     * @param v count the ends as neighbours (default false)
     * @return the same settings with that choice
     */
    public TpeOptions withConsiderEndpoints(boolean v) {
        return new TpeOptions(nStartupTrials, nEiCandidates, gamma, considerPrior, priorWeight, considerMagicClip, v, multivariate, constantLiar, group, widthWeighted, seed);
    }

    /**
     * The same settings with one joint estimator over the parameters every trial has (multivariate TPE,
     * Falkner et al. 2018 as Optuna's {@code multivariate=True}) instead of one per parameter: it sees how
     * parameters interact, at the price of more trials to fill the joint space.
     *
     * @param v use the joint estimator (default false)
     * @return the same settings with that choice
     */
    public TpeOptions withMultivariate(boolean v) {
        return new TpeOptions(nStartupTrials, nEiCandidates, gamma, considerPrior, priorWeight, considerMagicClip, considerEndpoints, v, constantLiar, group, widthWeighted, seed);
    }

    /**
     * Running trials of other workers (those that hold the parameters being sampled) join the bad
     * group g(x), as Optuna's {@code constant_liar}: a worker then avoids what the others are
     * evaluating. With the optimize loop's deterministic mode a sampler sees no running trial, so
     * it changes nothing there; it matters with {@code --no-deterministic} and several processes.
     */
    public TpeOptions withConstantLiar(boolean v) {
        return new TpeOptions(nStartupTrials, nEiCandidates, gamma, considerPrior, priorWeight, considerMagicClip, considerEndpoints, multivariate, v, group, widthWeighted, seed);
    }

    /**
     * Splits the parameters into groups that always occur together and models each group with its
     * own joint estimator over the trials that have it (Optuna's {@code group}); needs {@link
     * #withMultivariate(boolean) multivariate}. Without it, the joint estimator covers only the
     * parameters every trial has, and a conditional branch's parameters are modelled one by one.
     */
    public TpeOptions withGroup(boolean v) {
        return new TpeOptions(nStartupTrials, nEiCandidates, gamma, considerPrior, priorWeight, considerMagicClip, considerEndpoints, multivariate, constantLiar, v, widthWeighted, seed);
    }

    /**
     * How the univariate estimator scores candidates. True (the default): every kernel of l(x) and g(x)
     * counts by its bandwidth times its weight (on each continuous dimension; step, integer and
     * categorical kernels are exact probabilities and stay as they are), so wide kernels, and above all
     * the prior, whose bandwidth is the whole range, weigh more than in the exact mixture: the score
     * is {@code log Σ w_k σ_k φ_k(x)} over l's kernels minus the same over g's. False: the exact ratio
     * of the two mixture densities. How candidates are drawn does not change.
     *
     * <p>The default is chosen by measurement (README, "Sampler quality"): over seeds 1–30 the
     * width-weighted score finds better values than the exact one on rosenbrock-5 after 100 and 200
     * trials (median 34.1 / 10.8 against 107 / 17.7) and, over seeds 101–200, on rastrigin-5 after
     * 60–500 trials (21.5 against 26.8 after 100); on ellipsoid-5 and the mixed space it is level or
     * better (mixed after 500 trials, seeds 101–130: 0.405 against 0.553). It is also what Optuna up to 3.4 computes (its truncated-normal log density leaves out
     * the 1/σ; fixed in 3.5), which is why NAS's univariate TPE with it matches Optuna 3.1's step for
     * step in distribution. Univariate only: the joint estimator's kernels are narrow in every
     * dimension, so the prior's weight would grow by the product of the ratios (on rosenbrock-5 the
     * multivariate median after 100 trials went from 17.3 to 736, 10 seeds); with {@code
     * multivariate} the exact density is always used. Single-objective only: MOTPE's good trials weigh
     * by hypervolume contribution and it was measured with the exact density, so multi-objective
     * studies keep it.
     */
    public TpeOptions withWidthWeighted(boolean v) {
        return new TpeOptions(nStartupTrials, nEiCandidates, gamma, considerPrior, priorWeight, considerMagicClip, considerEndpoints, multivariate, constantLiar, group, v, seed);
    }

    /** Seeds this sampler's random choices with {@code seed} (the study's seed is then not used). */
    public TpeOptions withSeed(long seed) {
        return seeded(seed);
    }

    /** Takes the seed from the study ({@code Studies.builder(...).seed(...)}, default 0): the default. */
    public TpeOptions withStudySeed() {
        return seeded(null);
    }

    /**
     * A seed, or null for the study's.
     *
     * @deprecated use {@link #withSeed(long)} or {@link #withStudySeed()}
     */
    @Deprecated
    public TpeOptions withSeed(Long v) {
        return seeded(v);
    }

    private TpeOptions seeded(Long v) {
        return new TpeOptions(nStartupTrials, nEiCandidates, gamma, considerPrior, priorWeight, considerMagicClip, considerEndpoints, multivariate, constantLiar, group, widthWeighted, v);
    }
}
