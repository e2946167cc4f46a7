package nas.samplers;

import java.util.List;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.StudyView;
import nas.api.TrialState;
import nas.api.artifact.RunArtifacts;
import nas.api.distribution.Distribution;
import nas.api.sampler.Sampler;

/**
 * Keeps the baseline trial (user attribute {@code baseline}, every parameter enqueued) out of the
 * sampler's bookkeeping. A grid sampler would otherwise count it as one of its points (and skip that point),
 * a sequence sampler as one of its indices; CMA-ES needs no help (it learns its space from finished trials,
 * so its first generation starts after a first-trial baseline), but is not harmed either.
 *
 * <pre>{@code
 * Study study = Studies.builder("pilot").sampler(new BaselineAwareSampler(new GridSampler(grid, 1))).create();
 * study.enqueueTrial(defaults, Map.of(RunArtifacts.BASELINE_ATTR, true));
 * }</pre>
 */
public final class BaselineAwareSampler implements Sampler {

    private final Sampler delegate;

    /** @param delegate the sampler of every other trial */
    public BaselineAwareSampler(Sampler delegate) {
        this.delegate = delegate;
    }

    private static boolean isBaseline(FrozenTrial trial) {
        return Boolean.TRUE.equals(trial.userAttrs().get(RunArtifacts.BASELINE_ATTR));
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
        return isBaseline(trial) ? Map.of() : delegate.inferRelativeSearchSpace(study, trial);
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
        return isBaseline(trial) ? Map.of() : delegate.sampleRelative(study, trial, space);
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        return delegate.sampleIndependent(study, trial, name, distribution);
    }

    @Override
    public void beforeTrial(StudyView study, FrozenTrial trial) {
        if (!isBaseline(trial)) {
            delegate.beforeTrial(study, trial);
        }
    }

    @Override
    public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
        if (!isBaseline(trial)) {
            delegate.afterTrial(study, trial, state, values);
        }
    }
}
