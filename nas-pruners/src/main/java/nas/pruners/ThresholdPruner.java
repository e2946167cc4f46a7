package nas.pruners;

import nas.api.FrozenTrial;
import nas.api.StudyView;
import nas.api.pruner.Pruner;

/**
 * Prunes a trial whose latest intermediate value leaves [{@code lower}, {@code upper}] or is NaN
 * (Optuna's {@code ThresholdPruner}). The bounds are absolute, so the direction does not matter.
 * Checks follow the same warm-up and interval rules as {@link PercentilePruner}.
 *
 * @param lower         prune below this (−∞ = no lower bound)
 * @param upper         prune above this (+∞ = no upper bound)
 * @param nWarmupSteps  no pruning before this step (≥ 0)
 * @param intervalSteps steps between checks after the warm-up (≥ 1)
 */
public record ThresholdPruner(double lower, double upper, int nWarmupSteps, int intervalSteps) implements Pruner {

    /**
     * Checks the bounds and the step rules.
     *
     * @throws IllegalArgumentException for a NaN bound, two infinite bounds, {@code lower > upper}, a negative
     *         nWarmupSteps or an {@code intervalSteps < 1}
     */
    public ThresholdPruner {
        if (Double.isNaN(lower) || Double.isNaN(upper)) {
            throw new IllegalArgumentException("lower and upper must be numbers, but got lower " + lower + ", upper "
                    + upper);
        }
        if (lower == Double.NEGATIVE_INFINITY && upper == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("give a finite lower or upper bound, but got lower " + lower + ", upper "
                    + upper);
        }
        if (lower > upper) {
            throw new IllegalArgumentException("lower must be <= upper, but got lower " + lower + ", upper " + upper);
        }
        PruneRules.requireAtLeast("nWarmupSteps", nWarmupSteps, 0);
        PruneRules.requireAtLeast("intervalSteps", intervalSteps, 1);
    }

    /** Prunes below {@code lower}; no warm-up, a check every step. */
    public static ThresholdPruner lower(double lower) {
        return new ThresholdPruner(lower, Double.POSITIVE_INFINITY, 0, 1);
    }

    /** Prunes above {@code upper}; no warm-up, a check every step. */
    public static ThresholdPruner upper(double upper) {
        return new ThresholdPruner(Double.NEGATIVE_INFINITY, upper, 0, 1);
    }

    /** Prunes outside [{@code lower}, {@code upper}]; no warm-up, a check every step. */
    public static ThresholdPruner between(double lower, double upper) {
        return new ThresholdPruner(lower, upper, 0, 1);
    }

    /**
     * The same pruner pruning no trial before its step {@code n}.
     *
     * @param n the first step that may prune (≥ 0; default 0)
     * @return the same pruner with that warm-up
     */
    public ThresholdPruner withWarmupSteps(int n) {
        return new ThresholdPruner(lower, upper, n, intervalSteps);
    }

    /**
     * The same pruner checking every {@code n} steps after the warm-up.
     *
     * @param n steps between checks (≥ 1; default 1)
     * @return the same pruner with that interval
     */
    public ThresholdPruner withIntervalSteps(int n) {
        return new ThresholdPruner(lower, upper, nWarmupSteps, n);
    }

    @Override
    public boolean prune(StudyView study, FrozenTrial trial) {
        PruneRules.direction(study);
        if (trial.state().isFinished()) {
            return false; // a finished trial is history: never pruned, never written
        }
        int step = trial.lastStep();
        if (step < 0 || step < nWarmupSteps) {
            return false;
        }
        if (!PruneRules.isFirstInInterval(step, trial.intermediateValues().keySet(), nWarmupSteps, intervalSteps)) {
            return false;
        }
        double latest = trial.intermediateValues().get(step);
        return Double.isNaN(latest) || latest < lower || latest > upper;
    }
}
