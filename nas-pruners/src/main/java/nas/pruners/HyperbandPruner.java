package nas.pruners;

import nas.api.FrozenTrial;
import nas.api.StudyView;
import nas.api.TrialState;
import nas.api.pruner.Pruner;

/**
 * Hyperband (Li et al., JMLR 18, 2018) as Optuna runs it: several {@link SuccessiveHalvingPruner}
 * brackets with early-stopping rates 0, 1, ..., n−1 over the resource range
 * [{@code minResource}, {@code maxResource}], each trial assigned to one bracket by
 * {@link HyperbandBrackets} from the study name and its number. A bracket sees only its own
 * trials, for pruning and — through {@link #samplerView} — for sampling, so a model-based sampler
 * does not compare trials that ran under different budgets.
 *
 * <p>{@code maxResource = AUTO} (0): R becomes the largest last step of the COMPLETE trials plus
 * one, fixed in the study system attribute {@value #MAX_RESOURCE_KEY} the first time a completed
 * trial allows it. Until then nothing is pruned and the sampler sees the whole study. If that R is
 * below {@code minResource} there is one bracket.
 *
 * @param minResource     r ≥ 1
 * @param maxResource     R ≥ r, or {@link #AUTO}
 * @param reductionFactor η ≥ 2
 * @param bootstrapCount  as in successive halving (≥ 0; needs an explicit maxResource when positive)
 */
public record HyperbandPruner(int minResource, int maxResource, int reductionFactor, int bootstrapCount)
        implements Pruner {

    /** {@code maxResource} value asking for the estimate from completed trials. */
    public static final int AUTO = 0;
    /** Study system attribute holding the estimated maximum resource. */
    public static final String MAX_RESOURCE_KEY = "hyperband:max_resource";

    /**
     * Checks the rules of the record's parameters (see the class comment).
     *
     * @throws IllegalArgumentException for {@code minResource < 1}, a maxResource below minResource (other
     *         than AUTO), a {@code reductionFactor < 2}, a negative bootstrapCount, or a
     *         {@code bootstrapCount > 0} with maxResource AUTO
     */
    public HyperbandPruner {
        PruneRules.requireAtLeast("minResource", minResource, 1);
        if (maxResource != AUTO && maxResource < minResource) {
            throw new IllegalArgumentException("maxResource must be AUTO (0) or >= minResource (" + minResource
                    + "), but got " + maxResource);
        }
        PruneRules.requireAtLeast("reductionFactor", reductionFactor, 2);
        PruneRules.requireAtLeast("bootstrapCount", bootstrapCount, 0);
        if (bootstrapCount > 0 && maxResource == AUTO) {
            throw new IllegalArgumentException("bootstrapCount > 0 needs an explicit maxResource, but got bootstrapCount "
                    + bootstrapCount + " with maxResource AUTO");
        }
    }

    /** Optuna's defaults: minResource 1, maxResource AUTO, reduction factor 3, no bootstrap. */
    public static HyperbandPruner defaults() {
        return new HyperbandPruner(1, AUTO, 3, 0);
    }

    /**
     * The same pruner with minimum resource r: the step of the first rung of the most aggressive bracket.
     *
     * @param r the minimum resource, in steps (≥ 1; default 1)
     * @return the same pruner with that minimum resource
     */
    public HyperbandPruner withMinResource(int r) {
        return new HyperbandPruner(r, maxResource, reductionFactor, bootstrapCount);
    }

    /** A fixed maximum resource R (≥ minResource). */
    public HyperbandPruner withMaxResource(int r) {
        if (r == AUTO) {
            throw new IllegalArgumentException("maxResource must be >= minResource; for the automatic one use "
                    + "withAutoMaxResource()");
        }
        return new HyperbandPruner(minResource, r, reductionFactor, bootstrapCount);
    }

    /** R taken from the COMPLETE trials' last steps when first needed (the default). */
    public HyperbandPruner withAutoMaxResource() {
        return new HyperbandPruner(minResource, AUTO, reductionFactor, bootstrapCount);
    }

    /**
     * The same pruner with reduction factor η: each rung keeps the best 1/η of its trials and sits η times
     * further than the one before; the number of brackets is ⌊log_η(R/r)⌋ + 1 (Li et al. 2018, Algorithm 1).
     *
     * @param eta the reduction factor (≥ 2; default 3)
     * @return the same pruner with that reduction factor
     */
    public HyperbandPruner withReductionFactor(int eta) {
        return new HyperbandPruner(minResource, maxResource, eta, bootstrapCount);
    }

    /**
     * The same pruner promoting nobody from a rung until it holds more than {@code n} values (as in
     * {@link SuccessiveHalvingPruner}); needs an explicit {@link #withMaxResource maxResource}.
     *
     * @param n the values a rung holds before any promotion (≥ 0; default 0)
     * @return the same pruner with that bootstrap count
     */
    public HyperbandPruner withBootstrapCount(int n) {
        return new HyperbandPruner(minResource, maxResource, reductionFactor, n);
    }

    @Override
    public boolean prune(StudyView study, FrozenTrial trial) {
        PruneRules.direction(study);
        if (trial.state().isFinished()) {
            return false; // a finished trial is history: never pruned, never written
        }
        BracketStudyView bracket = bracketView(study, trial);
        if (bracket == null) {
            return false;
        }
        return bracketPruner(bracket.bracket()).prune(bracket, trial);
    }

    /** The trial's bracket: only its trials are shown to the sampler. */
    @Override
    public StudyView samplerView(StudyView study, FrozenTrial trial) {
        BracketStudyView bracket = bracketView(study, trial);
        return bracket == null ? study : bracket;
    }

    /** The successive-halving pruner of bracket {@code b}. */
    public SuccessiveHalvingPruner bracketPruner(int b) {
        return new SuccessiveHalvingPruner(minResource, reductionFactor, b, bootstrapCount);
    }

    /** The bracket of {@code trial}, or -1 while the maximum resource is not known yet. */
    public int bracketOf(StudyView study, FrozenTrial trial) {
        BracketStudyView bracket = bracketView(study, trial);
        return bracket == null ? -1 : bracket.bracket();
    }

    /** The number of brackets, or -1 while the maximum resource is not known yet. */
    public int bracketCount(StudyView study) {
        HyperbandBrackets b = brackets(study);
        return b == null ? -1 : b.count();
    }

    private BracketStudyView bracketView(StudyView study, FrozenTrial trial) {
        HyperbandBrackets b = brackets(study);
        return b == null ? null : new BracketStudyView(study, b, b.bracketOf(study.name(), trial.number()));
    }

    private HyperbandBrackets brackets(StudyView study) {
        long r = maxResource == AUTO ? resolveMaxResource(study) : maxResource;
        if (r == AUTO) {
            return null;
        }
        return new HyperbandBrackets(minResource, Math.max(r, minResource), reductionFactor);
    }

    private static long resolveMaxResource(StudyView study) {
        if (study.systemAttrs().get(MAX_RESOURCE_KEY) instanceof Number n) {
            return n.longValue();
        }
        int maxLastStep = -1;
        for (FrozenTrial t : study.trials(TrialState.COMPLETE)) {
            maxLastStep = Math.max(maxLastStep, t.lastStep());
        }
        if (maxLastStep < 0) {
            return AUTO;
        }
        // several workers may estimate at once: the first stored estimate wins for everyone
        study.compareAndSetSystemAttr(MAX_RESOURCE_KEY, null, (long) maxLastStep + 1);
        return study.systemAttrs().get(MAX_RESOURCE_KEY) instanceof Number n ? n.longValue() : maxLastStep + 1;
    }
}
