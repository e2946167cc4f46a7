package nas.pruners;

import java.util.List;
import java.util.NavigableMap;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.StudyView;
import nas.api.TrialState;
import nas.api.pruner.Pruner;

/**
 * Prunes a trial whose best intermediate value so far falls outside the best {@code percentile}
 * percent of the COMPLETE trials' values at the same step (Optuna's {@code PercentilePruner}).
 *
 * <p>At step {@code s} (the trial's latest report) the trial is pruned when all of these hold:
 * <ul>
 *   <li>at least {@code max(1, nStartupTrials)} trials are COMPLETE;</li>
 *   <li>{@code s >= nWarmupSteps}, and {@code s} is the first report at or after a check point
 *       {@code nWarmupSteps + k·intervalSteps};</li>
 *   <li>at least {@code nMinTrials} COMPLETE trials reported step {@code s};</li>
 *   <li>the trial's best value over its steps is worse than the {@code percentile}-th percentile
 *       of those trials' values at {@code s} (for a maximized objective, the
 *       {@code (100 − percentile)}-th), percentiles taken by linear interpolation.</li>
 * </ul>
 * NaN values: a trial whose reports are all NaN is pruned (once the other conditions allow a
 * check); NaN values of other trials are ignored by the percentile but count towards
 * {@code nMinTrials}; when all of them are NaN nothing is pruned.
 *
 * @param percentile     in [0, 100]; 25 keeps the best quarter
 * @param nStartupTrials no pruning until this many trials completed (≥ 0)
 * @param nWarmupSteps   no pruning before this step (≥ 0)
 * @param intervalSteps  steps between checks after the warm-up (≥ 1)
 * @param nMinTrials     completed trials that must have reported the step (≥ 1)
 */
public record PercentilePruner(double percentile, int nStartupTrials, int nWarmupSteps, int intervalSteps,
        int nMinTrials) implements Pruner {

    /**
     * Checks the rules of the record's parameters (see the class comment).
     *
     * @throws IllegalArgumentException for a percentile outside [0, 100], a negative nStartupTrials or
     *         nWarmupSteps, an {@code intervalSteps < 1} or an {@code nMinTrials < 1}
     */
    public PercentilePruner {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must lie in [0, 100], but got " + percentile);
        }
        PruneRules.requireAtLeast("nStartupTrials", nStartupTrials, 0);
        PruneRules.requireAtLeast("nWarmupSteps", nWarmupSteps, 0);
        PruneRules.requireAtLeast("intervalSteps", intervalSteps, 1);
        PruneRules.requireAtLeast("nMinTrials", nMinTrials, 1);
    }

    /** Optuna's defaults: 5 startup trials, no warm-up, a check every step, 1 trial at the step. */
    public static PercentilePruner of(double percentile) {
        return new PercentilePruner(percentile, 5, 0, 1, 1);
    }

    /**
     * The same pruner pruning nothing until {@code n} trials completed.
     *
     * @param n completed trials before any pruning (≥ 0; default 5)
     * @return the same pruner with that many startup trials
     */
    public PercentilePruner withStartupTrials(int n) {
        return new PercentilePruner(percentile, n, nWarmupSteps, intervalSteps, nMinTrials);
    }

    /**
     * The same pruner pruning no trial before its step {@code n}.
     *
     * @param n the first step that may prune (≥ 0; default 0)
     * @return the same pruner with that warm-up
     */
    public PercentilePruner withWarmupSteps(int n) {
        return new PercentilePruner(percentile, nStartupTrials, n, intervalSteps, nMinTrials);
    }

    /**
     * The same pruner checking every {@code n} steps after the warm-up.
     *
     * @param n steps between checks (≥ 1; default 1)
     * @return the same pruner with that interval
     */
    public PercentilePruner withIntervalSteps(int n) {
        return new PercentilePruner(percentile, nStartupTrials, nWarmupSteps, n, nMinTrials);
    }

    /**
     * The same pruner comparing a step only once {@code n} completed trials reported it.
     *
     * @param n completed trials that must have reported the step (≥ 1; default 1)
     * @return the same pruner with that minimum
     */
    public PercentilePruner withMinTrials(int n) {
        return new PercentilePruner(percentile, nStartupTrials, nWarmupSteps, intervalSteps, n);
    }

    @Override
    public boolean prune(StudyView study, FrozenTrial trial) {
        StudyDirection direction = PruneRules.direction(study);
        if (trial.state().isFinished()) {
            return false; // a finished trial is history: never pruned, never written
        }
        int step = trial.lastStep();
        if (step < 0 || step < nWarmupSteps) {
            return false;
        }
        NavigableMap<Integer, Double> reports = trial.intermediateValues();
        if (!PruneRules.isFirstInInterval(step, reports.keySet(), nWarmupSteps, intervalSteps)) {
            return false;
        }
        List<FrozenTrial> completed = study.trials(TrialState.COMPLETE);
        if (completed.isEmpty() || completed.size() < nStartupTrials) {
            return false;
        }
        double best = PruneRules.bestOverSteps(reports, direction);
        if (Double.isNaN(best)) {
            return true;
        }
        double[] atStep = new double[completed.size()];
        int n = 0;
        for (FrozenTrial t : completed) {
            Double v = t.intermediateValues().get(step);
            if (v != null) {
                atStep[n++] = v;
            }
        }
        if (n < nMinTrials) {
            return false;
        }
        double q = direction == StudyDirection.MAXIMIZE ? 100 - percentile : percentile;
        double threshold = PruneRules.nanPercentile(atStep, n, q);
        if (Double.isNaN(threshold)) {
            return false;
        }
        return direction.isBetter(threshold, best);
    }
}
