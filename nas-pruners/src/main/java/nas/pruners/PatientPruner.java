package nas.pruners;

import java.util.Map;
import java.util.NavigableMap;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.StudyView;
import nas.api.pruner.Pruner;

/**
 * Tolerates a trial that stops improving for {@code patience} steps, then asks the wrapped
 * pruner (Optuna's {@code PatientPruner}).
 *
 * <p>With the trial's reports ordered by step, the last {@code patience + 1} form the recent
 * window and the others the earlier part. The trial has stagnated when the best recent value is
 * not better than the best earlier value by more than {@code minDelta} (minimizing:
 * {@code min(earlier) + minDelta < min(recent)}; maximizing:
 * {@code max(earlier) − minDelta > max(recent)}), NaN values ignored. A stagnated trial is pruned
 * if the wrapped pruner agrees, or at once when there is none. Fewer than {@code patience + 2}
 * reports, or a window of only NaN values, never prune.
 *
 * @param wrapped  asked once the trial stagnated; null = prune on stagnation alone
 * @param patience steps without improvement tolerated (≥ 0)
 * @param minDelta improvement that counts (≥ 0)
 */
public record PatientPruner(Pruner wrapped, int patience, double minDelta) implements Pruner {

    /**
     * Checks patience and minDelta.
     *
     * @throws IllegalArgumentException for a negative patience, or a minDelta that is not finite and ≥ 0
     */
    public PatientPruner {
        PruneRules.requireAtLeast("patience", patience, 0);
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("minDelta must be finite and >= 0, but got " + minDelta);
        }
    }

    /** Stagnation alone prunes; minDelta 0. */
    public static PatientPruner of(int patience) {
        return new PatientPruner(null, patience, 0);
    }

    /** Once the trial stagnated, {@code pruner} decides (null: stagnation alone prunes). */
    public PatientPruner wrapping(Pruner pruner) {
        return new PatientPruner(pruner, patience, minDelta);
    }

    /** The improvement that counts (≥ 0). */
    public PatientPruner withMinDelta(double delta) {
        return new PatientPruner(wrapped, patience, delta);
    }

    @Override
    public boolean prune(StudyView study, FrozenTrial trial) {
        StudyDirection direction = PruneRules.direction(study);
        if (trial.state().isFinished()) {
            return false; // a finished trial is history: never pruned, never written
        }
        NavigableMap<Integer, Double> reports = trial.intermediateValues();
        if (reports.size() <= patience + 1) {
            return false;
        }
        int earlierCount = reports.size() - patience - 1;
        double bestEarlier = Double.NaN;
        double bestRecent = Double.NaN;
        int i = 0;
        for (Map.Entry<Integer, Double> e : reports.entrySet()) {
            double v = e.getValue();
            if (i++ < earlierCount) {
                bestEarlier = better(bestEarlier, v, direction);
            } else {
                bestRecent = better(bestRecent, v, direction);
            }
        }
        boolean stagnated = direction == StudyDirection.MINIMIZE ? bestEarlier + minDelta < bestRecent
                : bestEarlier - minDelta > bestRecent;
        if (!stagnated) {
            return false;
        }
        return wrapped == null || wrapped.prune(study, trial);
    }

    private static double better(double best, double v, StudyDirection direction) {
        if (Double.isNaN(v)) {
            return best;
        }
        return Double.isNaN(best) || direction.isBetter(v, best) ? v : best;
    }

    /** The wrapped pruner's sampler view (Hyperband's bracket, when it wraps one). */
    @Override
    public StudyView samplerView(StudyView study, FrozenTrial trial) {
        return wrapped == null ? study : wrapped.samplerView(study, trial);
    }
}
