package nas.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * Stops the study once it holds {@code maxTrials} trials in the given states, counting the
 * trials of every worker and process sharing it; with it a resumed or shared study stops at a
 * target size. Trials already running when it fires still finish.
 */
public final class MaxTrialsCallback implements Callback {

    private final int maxTrials;
    private final Set<TrialState> states;

    /**
     * Stops the study once it holds {@code maxTrials} (at least 1) trials in {@code states}.
     *
     * @param maxTrials the number of trials that stops the study (at least 1)
     * @param states the states that count
     */
    public MaxTrialsCallback(int maxTrials, Set<TrialState> states) {
        if (maxTrials < 1) {
            throw new IllegalArgumentException("maxTrials must be >= 1, but got " + maxTrials);
        }
        this.maxTrials = maxTrials;
        this.states = EnumSet.copyOf(states);
    }

    @Override
    public void afterTrial(Study study, FrozenTrial trial) {
        if (study.storage().countTrials(study.id(), states) >= maxTrials) {
            study.stop();
        }
    }
}
