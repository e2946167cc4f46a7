package nas.pruners;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.StudyView;
import nas.api.pruner.Pruner;

/**
 * Asynchronous successive halving (Li et al., "A System for Massively Parallel Hyperparameter
 * Tuning", MLSys 2020), with Optuna's semantics.
 *
 * <p>Rung {@code k} is reached at step {@code r·η^(s+k)} (r = {@code minResource}, η =
 * {@code reductionFactor}, s = {@code minEarlyStoppingRate}). When a trial's latest step reaches
 * its next rung, its latest value is recorded in its system attribute
 * {@code completed_rung_k}, and it is promoted only if that value lies in the best
 * {@code 1/η} of all values recorded at rung {@code k} by any trial (the best
 * {@code ⌊m/η⌋} of the {@code m} values, counting itself; while {@code m < η}, it must be the best
 * so far). Otherwise, or while a rung holds no more than {@code bootstrapCount} values, it is
 * pruned. A trial that passes several rungs at once is judged at each in turn. A NaN latest
 * value at a rung prunes the trial.
 *
 * <p>{@code minResource = AUTO} (0): the first time it is needed, r is set to
 * {@code max(1, ⌊S/100⌋)}, S the largest last step of the COMPLETE trials, and kept in the study
 * system attribute {@value #MIN_RESOURCE_KEY} so it never changes afterwards; nothing is pruned
 * before a trial completes.
 *
 * @param minResource          r ≥ 1, or {@link #AUTO}
 * @param reductionFactor      η ≥ 2
 * @param minEarlyStoppingRate s ≥ 0
 * @param bootstrapCount       values a rung must hold before any trial is promoted (≥ 0; needs
 *                             an explicit minResource when positive)
 */
public record SuccessiveHalvingPruner(int minResource, int reductionFactor, int minEarlyStoppingRate,
        int bootstrapCount) implements Pruner {

    /** {@code minResource} value asking for the estimate from completed trials. */
    public static final int AUTO = 0;
    /** Study system attribute holding the estimated minimum resource. */
    public static final String MIN_RESOURCE_KEY = "successive_halving:min_resource";

    /**
     * Checks the rules of the record's parameters (see the class comment).
     *
     * @throws IllegalArgumentException for a {@code minResource < 1} other than AUTO, a
     *         {@code reductionFactor < 2}, a negative minEarlyStoppingRate or bootstrapCount, or a
     *         {@code bootstrapCount > 0} with minResource AUTO
     */
    public SuccessiveHalvingPruner {
        if (minResource != AUTO && minResource < 1) {
            throw new IllegalArgumentException("minResource must be >= 1 or AUTO (0), but got " + minResource);
        }
        PruneRules.requireAtLeast("reductionFactor", reductionFactor, 2);
        PruneRules.requireAtLeast("minEarlyStoppingRate", minEarlyStoppingRate, 0);
        PruneRules.requireAtLeast("bootstrapCount", bootstrapCount, 0);
        if (bootstrapCount > 0 && minResource == AUTO) {
            throw new IllegalArgumentException("bootstrapCount > 0 needs an explicit minResource, but got bootstrapCount "
                    + bootstrapCount + " with minResource AUTO");
        }
    }

    /** Optuna's defaults: minResource AUTO, reduction factor 4, early-stopping rate 0, no bootstrap. */
    public static SuccessiveHalvingPruner defaults() {
        return new SuccessiveHalvingPruner(AUTO, 4, 0, 0);
    }

    /** A fixed minimum resource r (≥ 1). */
    public SuccessiveHalvingPruner withMinResource(int r) {
        if (r == AUTO) {
            throw new IllegalArgumentException("minResource must be >= 1; for the automatic one use withAutoMinResource()");
        }
        return new SuccessiveHalvingPruner(r, reductionFactor, minEarlyStoppingRate, bootstrapCount);
    }

    /** r taken from the first trial that completes when first needed (the default). */
    public SuccessiveHalvingPruner withAutoMinResource() {
        return new SuccessiveHalvingPruner(AUTO, reductionFactor, minEarlyStoppingRate, bootstrapCount);
    }

    /**
     * The same pruner with reduction factor η: rung {@code k} is at step r·η^(s+k) and keeps the best 1/η of
     * the values recorded there (Li et al. 2020).
     *
     * @param eta the reduction factor (≥ 2; default 4)
     * @return the same pruner with that reduction factor
     */
    public SuccessiveHalvingPruner withReductionFactor(int eta) {
        return new SuccessiveHalvingPruner(minResource, eta, minEarlyStoppingRate, bootstrapCount);
    }

    /**
     * The same pruner with minimum early-stopping rate s: the first rung moves from step r to r·η^s, so every
     * trial runs η^s times longer before it can be pruned.
     *
     * @param s the minimum early-stopping rate (≥ 0; default 0)
     * @return the same pruner with that rate
     */
    public SuccessiveHalvingPruner withMinEarlyStoppingRate(int s) {
        return new SuccessiveHalvingPruner(minResource, reductionFactor, s, bootstrapCount);
    }

    /**
     * The same pruner promoting nobody from a rung until it holds more than {@code n} values; needs an
     * explicit {@link #withMinResource minResource}.
     *
     * @param n the values a rung holds before any promotion (≥ 0; default 0)
     * @return the same pruner with that bootstrap count
     */
    public SuccessiveHalvingPruner withBootstrapCount(int n) {
        return new SuccessiveHalvingPruner(minResource, reductionFactor, minEarlyStoppingRate, n);
    }

    /** System attribute a trial gets when it reaches rung {@code k}: its value there. */
    public static String rungKey(int rung) {
        return "completed_rung_" + rung;
    }

    /** Rungs the trial has passed, from its system attributes. */
    public static int currentRung(FrozenTrial trial) {
        int rung = 0;
        while (trial.systemAttrs().containsKey(rungKey(rung))) {
            rung++;
        }
        return rung;
    }

    @Override
    public boolean prune(StudyView study, FrozenTrial trial) {
        StudyDirection direction = PruneRules.direction(study);
        if (trial.state().isFinished()) {
            return false; // a finished trial is history: never pruned, never written
        }
        int step = trial.lastStep();
        if (step < 0) {
            return false;
        }
        double value = trial.intermediateValues().get(step);
        int rung = currentRung(trial);
        List<FrozenTrial> trials = null;
        long r = minResource == AUTO ? resolveMinResource(study) : minResource;
        if (r == AUTO) {
            return false;
        }
        while (true) {
            if (step < promotionStep(r, rung)) {
                return false;
            }
            if (Double.isNaN(value)) {
                return true;
            }
            if (trials == null) {
                trials = study.trials();
            }
            String key = rungKey(rung);
            study.setTrialSystemAttr(trial.id(), key, value);
            List<Double> competing = new ArrayList<>();
            for (FrozenTrial t : trials) {
                if (t.id() != trial.id() && t.systemAttrs().get(key) instanceof Number n) {
                    competing.add(n.doubleValue());
                }
            }
            competing.add(value);
            // the trial itself is among the competitors, hence <=
            if (competing.size() <= bootstrapCount) {
                return true;
            }
            if (!isPromotable(value, competing, reductionFactor, direction)) {
                return true;
            }
            rung++;
        }
    }

    /** Step at which a trial reaches rung {@code rung}: r·η^(s+rung), saturating. */
    long promotionStep(long r, int rung) {
        double step = r * Math.pow(reductionFactor, minEarlyStoppingRate + rung);
        return step >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) step;
    }

    /**
     * Whether {@code value} is among the best {@code ⌊m/η⌋} (at least 1) of the {@code m}
     * competing values, ties included.
     */
    static boolean isPromotable(double value, List<Double> competing, int eta, StudyDirection direction) {
        int keep = Math.max(1, competing.size() / eta);
        List<Double> sorted = new ArrayList<>(competing);
        Collections.sort(sorted);
        return direction == StudyDirection.MAXIMIZE ? value >= sorted.get(sorted.size() - keep)
                : value <= sorted.get(keep - 1);
    }

    /**
     * The minimum resource to use: the explicit one, or the estimate fixed in the study system
     * attributes (made now if a trial completed; else {@link #AUTO}).
     */
    private static long resolveMinResource(StudyView study) {
        Object stored = study.systemAttrs().get(MIN_RESOURCE_KEY);
        if (stored instanceof Number n) {
            return n.longValue();
        }
        int maxLastStep = -1;
        for (FrozenTrial t : study.trials(nas.api.TrialState.COMPLETE)) {
            maxLastStep = Math.max(maxLastStep, t.lastStep());
        }
        if (maxLastStep < 0) {
            return AUTO;
        }
        long estimate = Math.max(maxLastStep / 100, 1);
        // several workers may estimate at once: the first stored estimate wins for everyone
        study.compareAndSetSystemAttr(MIN_RESOURCE_KEY, null, estimate);
        Object winner = study.systemAttrs().get(MIN_RESOURCE_KEY);
        return winner instanceof Number n ? n.longValue() : estimate;
    }
}
