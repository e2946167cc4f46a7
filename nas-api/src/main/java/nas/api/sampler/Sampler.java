package nas.api.sampler;

import java.util.List;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.StudyView;
import nas.api.TrialState;
import nas.api.distribution.Distribution;

/**
 * Proposes parameter values. The trial decides where a value comes from, in this order: already
 * set in the trial → fixed (enqueued) → single-valued distribution → relative sample → independent
 * sample. Only the trial writes to storage.
 *
 * <p><b>Relative</b> sampling models several parameters jointly (CMA-ES, NSGA-II): once per trial,
 * before the first suggestion, the trial asks {@link #inferRelativeSearchSpace} and then
 * {@link #sampleRelative}. Parameters outside that space, or suggested with a different
 * distribution, are sampled <b>independently</b>, one at a time.
 *
 * <p>Samplers keep no cross-trial state in fields: what an algorithm must remember lives in
 * study or trial system attributes, so a study resumes from storage and several processes can
 * share it. Randomness derives from a seed and the trial number ({@link nas.api.Seeds}).
 * Implementations must be thread-safe.
 *
 * <p><b>Seeds</b>, one convention for every sampler: a seed is a {@code long} given to the sampler
 * ({@code new RandomSampler(42)}, {@code TpeOptions.defaults().withSeed(42)}, {@code new GridSampler(grid, 42)});
 * a sampler given none ({@code new RandomSampler()}, {@code withStudySeed()}, the default) takes the
 * study's seed, {@link nas.api.StudyView#seed()}, set in one place: {@code Studies.builder(...).seed(...)}
 * (default 0). Nothing is seeded from the clock.
 */
public interface Sampler {

    /**
     * The parameters this sampler wants to sample jointly for {@code trial}; empty by default.
     *
     * @param study the study, as the pruner lets the sampler see it
     * @param trial the running trial
     * @return the parameters this sampler wants to sample jointly for {@code trial}
     */
    default Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
        return Map.of();
    }

    /**
     * Joint sample over {@code searchSpace}, as internal values; may leave parameters out (they are
     * then sampled independently). Empty by default.
     *
     * @param study the study, as the pruner lets the sampler see it
     * @param trial the running trial
     * @param searchSpace the parameters to sample, by name
     * @return internal values by parameter name
     */
    default Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial,
            Map<String, Distribution> searchSpace) {
        return Map.of();
    }

    /**
     * One parameter, as an internal value inside {@code distribution}.
     *
     * @param study the study, as the pruner lets the sampler see it
     * @param trial the running trial
     * @param name the parameter name
     * @param distribution the parameter's distribution
     * @return one parameter, as an internal value inside {@code distribution}
     */
    double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution);

    /**
     * Called when a trial starts, before any suggestion.
     *
     * @param study the study, as the pruner lets the sampler see it
     * @param trial the running trial
     */
    default void beforeTrial(StudyView study, FrozenTrial trial) {
    }

    /**
     * Called when a trial ends, before its state is stored.
     *
     * @param study the study, as the pruner lets the sampler see it
     * @param trial the running trial
     * @param state the state the trial ends in
     * @param values its values (empty unless COMPLETE or PRUNED with a value)
     */
    default void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
    }
}
