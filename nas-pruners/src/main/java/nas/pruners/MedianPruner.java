package nas.pruners;

import nas.api.FrozenTrial;
import nas.api.StudyView;
import nas.api.pruner.Pruner;

/**
 * Prunes a trial whose best intermediate value so far is worse than the median of the COMPLETE
 * trials' values at the same step: the {@link PercentilePruner} at the 50th percentile, with the
 * same rules for start-up trials, warm-up, interval, minimum trials and NaN values.
 *
 * @param nStartupTrials no pruning until this many trials completed (≥ 0)
 * @param nWarmupSteps   no pruning before this step (≥ 0)
 * @param intervalSteps  steps between checks after the warm-up (≥ 1)
 * @param nMinTrials     completed trials that must have reported the step (≥ 1)
 */
public record MedianPruner(int nStartupTrials, int nWarmupSteps, int intervalSteps, int nMinTrials)
        implements Pruner {

    /**
     * Checks the rules of {@link PercentilePruner} for the same parameters.
     *
     * @throws IllegalArgumentException for a negative nStartupTrials or nWarmupSteps, an
     *         {@code intervalSteps < 1} or an {@code nMinTrials < 1}
     */
    public MedianPruner {
        // the percentile pruner states the rules; building it here validates at construction
        new PercentilePruner(50, nStartupTrials, nWarmupSteps, intervalSteps, nMinTrials);
    }

    /** Optuna's defaults: 5 startup trials, no warm-up, a check every step, 1 trial at the step. */
    public static MedianPruner defaults() {
        return new MedianPruner(5, 0, 1, 1);
    }

    /**
     * The same pruner pruning nothing until {@code n} trials completed: the median of too few trials is noise.
     *
     * @param n completed trials before any pruning (≥ 0; default 5)
     * @return the same pruner with that many startup trials
     */
    public MedianPruner withStartupTrials(int n) {
        return new MedianPruner(n, nWarmupSteps, intervalSteps, nMinTrials);
    }

    /**
     * The same pruner pruning no trial before its step {@code n}: early values of a learning curve say little
     * about its end.
     *
     * @param n the first step that may prune (≥ 0; default 0)
     * @return the same pruner with that warm-up
     */
    public MedianPruner withWarmupSteps(int n) {
        return new MedianPruner(nStartupTrials, n, intervalSteps, nMinTrials);
    }

    /**
     * The same pruner checking every {@code n} steps after the warm-up.
     *
     * @param n steps between checks (≥ 1; default 1)
     * @return the same pruner with that interval
     */
    public MedianPruner withIntervalSteps(int n) {
        return new MedianPruner(nStartupTrials, nWarmupSteps, n, nMinTrials);
    }

    /**
     * The same pruner comparing a step only once {@code n} completed trials reported it.
     *
     * @param n completed trials that must have reported the step (≥ 1; default 1)
     * @return the same pruner with that minimum
     */
    public MedianPruner withMinTrials(int n) {
        return new MedianPruner(nStartupTrials, nWarmupSteps, intervalSteps, n);
    }

    /** The equivalent percentile pruner. */
    public PercentilePruner asPercentile() {
        return new PercentilePruner(50, nStartupTrials, nWarmupSteps, intervalSteps, nMinTrials);
    }

    @Override
    public boolean prune(StudyView study, FrozenTrial trial) {
        return asPercentile().prune(study, trial);
    }
}
