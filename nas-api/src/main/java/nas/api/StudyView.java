package nas.api;

import java.util.List;
import java.util.Map;

/**
 * What samplers and pruners see of a study. {@link Study} implements it; a pruner may hand the
 * sampler a filtered view (Hyperband shows each bracket only its own trials).
 */
public interface StudyView {

    /** Storage id of the study. */
    long id();

    /** The study's unique name. */
    String name();

    /** One direction per objective. */
    List<StudyDirection> directions();

    /** The study seed, from which samplers without their own seed derive their randomness. */
    long seed();

    /** Snapshots of the trials in the given states (all when none given), ordered by number. */
    List<FrozenTrial> trials(TrialState... states);

    /** The study's user attributes. */
    Map<String, Object> userAttrs();

    /** The study's system attributes (sampler state, CLI settings). */
    Map<String, Object> systemAttrs();

    /** Sets a system attribute of the study (a JSON-compatible value). */
    void setSystemAttr(String key, Object value);

    /** Atomically replaces a study system attribute holding {@code expected} (null = absent). */
    boolean compareAndSetSystemAttr(String key, Object expected, Object value);

    /** Writes a system attribute of a trial that is not finished (e.g. its generation). */
    void setTrialSystemAttr(long trialId, String key, Object value);

    /**
     * Asks the study's running {@code optimize} loops in this process to start no more trials
     * (running ones finish), as {@link Study#stop()} does: a sampler that has nothing left to
     * propose (an exhausted grid) ends the study this way. Views that cannot reach a study throw.
     */
    default void stop() {
        throw new UnsupportedOperationException(getClass().getName() + " cannot stop its study");
    }

    /** True with more than one objective. */
    default boolean isMultiObjective() {
        return directions().size() > 1;
    }
}
