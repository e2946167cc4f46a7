package nas.api.storage;

import java.util.List;
import java.util.Map;
import nas.api.StudyDirection;
import nas.api.TrialState;

/**
 * A study as listed by {@link Storage#studies()}.
 *
 * @param id          storage id
 * @param name        unique name
 * @param directions  one per objective
 * @param trialCounts number of trials in each state (states with no trial are absent)
 */
public record StudyInfo(long id, String name, List<StudyDirection> directions, Map<TrialState, Integer> trialCounts) {

    /**
     * Copies the lists and maps.
     *
     * @param id the study's storage id
     * @param name the study's name
     * @param directions one direction per objective
     * @param trialCounts the number of trials in each state
     */
    public StudyInfo {
        directions = List.copyOf(directions);
        trialCounts = Map.copyOf(trialCounts);
    }

    /**
     * Total number of trials in any state.
     *
     * @return total number of trials in any state
     */
    public int totalTrials() {
        return trialCounts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
