package nas.pruners;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import nas.api.Constraints;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.StudyView;
import nas.api.TrialState;
import nas.api.pruner.Pruner;

/**
 * Prunes a trial when a one-sided Wilcoxon signed-rank test ({@link WilcoxonSignedRank}) says it is
 * worse than the study's best trial, as Optuna's {@code WilcoxonPruner}. For objectives that average
 * many independent evaluations (cross-validation folds, problem instances): the objective reports
 * each evaluation under the instance's id, {@code trial.report(loss, instanceId)}, the same id for the
 * same instance in every trial (a shuffled order per trial works best), and asks
 * {@code trial.shouldPrune()} after each.
 *
 * <p>The test pairs the trial's values with the best trial's on the instances both evaluated. It
 * prunes when the p-value is below {@code pThreshold}, unless the trial's mean so far is no worse than
 * the best trial's value (a safety rule of Optuna's: never prune a trial whose average beats the
 * best). Nothing is pruned before {@code nStartupSteps} paired instances, without a COMPLETE trial,
 * or when either trial reported a NaN or infinite value. The best trial is feasible first
 * ({@link Constraints#feasibleFirst}).
 *
 * <p>The test is repeated as instances accumulate, so a good trial is pruned by mistake about twice
 * as often as {@code pThreshold} alone suggests.
 *
 * @param pThreshold    prune below this p-value, in [0, 1] (Optuna's default 0.1)
 * @param nStartupSteps paired instances needed before any pruning (default 0)
 */
public record WilcoxonPruner(double pThreshold, int nStartupSteps) implements Pruner {

    private static final System.Logger LOG = System.getLogger(WilcoxonPruner.class.getName());

    /**
     * Checks the threshold and the startup steps.
     *
     * @throws IllegalArgumentException for a pThreshold outside [0, 1] or a negative nStartupSteps
     */
    public WilcoxonPruner {
        if (!(pThreshold >= 0 && pThreshold <= 1)) {
            throw new IllegalArgumentException("pThreshold must lie in [0, 1], but got " + pThreshold);
        }
        PruneRules.requireAtLeast("nStartupSteps", nStartupSteps, 0);
    }

    /** Optuna's defaults: p-value threshold 0.1, no startup steps. */
    public static WilcoxonPruner defaults() {
        return new WilcoxonPruner(0.1, 0);
    }

    /**
     * The same pruner pruning below p-value {@code p}; a lower threshold prunes less and more surely.
     *
     * @param p the p-value threshold, in [0, 1] (default 0.1)
     * @return the same pruner with that threshold
     */
    public WilcoxonPruner withPThreshold(double p) {
        return new WilcoxonPruner(p, nStartupSteps);
    }

    /**
     * The same pruner pruning nothing before {@code n} paired instances: the test of very few pairs
     * is weak.
     *
     * @param n paired instances before any pruning (≥ 0; default 0)
     * @return the same pruner with that many startup steps
     */
    public WilcoxonPruner withStartupSteps(int n) {
        return new WilcoxonPruner(pThreshold, n);
    }

    @Override
    public boolean prune(StudyView study, FrozenTrial trial) {
        StudyDirection direction = PruneRules.direction(study);
        NavigableMap<Integer, Double> mine = trial.intermediateValues();
        if (trial.state().isFinished() || mine.isEmpty() || !allFinite(mine)) {
            return false;
        }
        FrozenTrial best = best(study, direction);
        if (best == null || !allFinite(best.intermediateValues())) {
            return false;
        }
        List<Double> diffs = new ArrayList<>();
        double sum = 0;
        for (Map.Entry<Integer, Double> e : mine.entrySet()) {
            sum += e.getValue();
            Double other = best.intermediateValues().get(e.getKey());
            if (other != null) {
                diffs.add(e.getValue() - other);
            }
        }
        if (diffs.isEmpty() || diffs.size() < nStartupSteps) {
            return false;
        }
        double mean = sum / mine.size();
        boolean minimize = direction == StudyDirection.MINIMIZE;
        // worse means larger differences when minimizing, smaller when maximizing
        double p = WilcoxonSignedRank.test(diffs.stream().mapToDouble(Double::doubleValue).toArray(), minimize).pValue();
        boolean averageNoWorse = minimize ? best.value() >= mean : best.value() <= mean;
        if (p < pThreshold && averageNoWorse) {
            LOG.log(Level.DEBUG, "trial {0}: the test says worse than trial {1} (p = {2}) but its mean {3} is no "
                    + "worse than the best value {4}; not pruned", trial.number(), best.number(), p, mean, best.value());
            return false;
        }
        return p < pThreshold;
    }

    private static FrozenTrial best(StudyView study, StudyDirection direction) {
        FrozenTrial best = null;
        for (FrozenTrial t : Constraints.feasibleFirst(study.trials(TrialState.COMPLETE))) {
            if (t.values().size() == 1 && (best == null || direction.isBetter(t.value(), best.value()))) {
                best = t;
            }
        }
        return best;
    }

    private static boolean allFinite(Map<Integer, Double> values) {
        for (double v : values.values()) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
