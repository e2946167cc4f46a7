package nas.api.pruner;

import nas.api.FrozenTrial;
import nas.api.StudyView;

/**
 * Decides whether a running trial should stop early, from its intermediate values and those of
 * other trials. Implementations are immutable and thread-safe.
 */
public interface Pruner {

    /**
     * True when {@code trial} (RUNNING, with its intermediate values so far) should be pruned.
     *
     * @param study the study
     * @param trial the running trial
     * @return true when {@code trial} (RUNNING, with its intermediate values so far) should be pruned
     */
    boolean prune(StudyView study, FrozenTrial trial);

    /**
     * The study as the sampler should see it while sampling {@code trial}. By default the whole
     * study; Hyperband restricts it to the trial's bracket.
     *
     * @param study the study
     * @param trial the running trial
     * @return the study as the sampler should see it while sampling {@code trial}
     */
    default StudyView samplerView(StudyView study, FrozenTrial trial) {
        return study;
    }
}
