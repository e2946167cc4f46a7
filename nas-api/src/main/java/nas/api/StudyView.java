package nas.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What samplers and pruners see of a study. {@link Study} implements it; a pruner may hand the
 * sampler a filtered view (Hyperband shows each bracket only its own trials).
 */
public interface StudyView {

    /**
     * Storage id of the study.
     *
     * @return the study's storage id
     */
    long id();

    /**
     * The study's unique name.
     *
     * @return the study's unique name
     */
    String name();

    /**
     * One direction per objective.
     *
     * @return one direction per objective
     */
    List<StudyDirection> directions();

    /**
     * The study seed, from which samplers without their own seed derive their randomness.
     *
     * @return the study seed, from which samplers without their own seed derive their randomness
     */
    long seed();

    /**
     * Snapshots of the trials in the given states (all when none given), ordered by number.
     *
     * @param states the states to include (all when none given)
     * @return the trials, by number
     */
    List<FrozenTrial> trials(TrialState... states);

    /**
     * The study's user attributes.
     *
     * @return the study's user attributes
     */
    Map<String, Object> userAttrs();

    /**
     * The study's system attributes (sampler state, CLI settings).
     *
     * @return the study's system attributes (sampler state, CLI settings)
     */
    Map<String, Object> systemAttrs();

    /**
     * Sets a system attribute of the study (a JSON-compatible value).
     *
     * @param key the attribute key
     * @param value the new value (JSON-compatible)
     */
    void setSystemAttr(String key, Object value);

    /**
     * Atomically replaces a study system attribute holding {@code expected} (null = absent).
     *
     * @param key the attribute key
     * @param expected the value the attribute must hold now (null: absent)
     * @param value the new value (JSON-compatible)
     * @return whether the value was replaced
     */
    boolean compareAndSetSystemAttr(String key, Object expected, Object value);

    /**
     * Writes a system attribute of a trial that is not finished (e.g. its generation).
     *
     * @param trialId the trial's storage id
     * @param key the attribute key
     * @param value the new value (JSON-compatible)
     */
    void setTrialSystemAttr(long trialId, String key, Object value);

    /**
     * Asks the study's running {@code optimize} loops in this process to start no more trials
     * (running ones finish), as {@link Study#stop()} does: a sampler that has nothing left to
     * propose (an exhausted grid) ends the study this way. Views that cannot reach a study throw.
     */
    default void stop() {
        throw new UnsupportedOperationException(getClass().getName() + " cannot stop its study");
    }

    /**
     * Waits until every trial numbered at most {@code upTo} that a deterministic parallel
     * {@code optimize} loop of this process started has finished (see
     * {@link OptimizeOptions#samplerLag()}); trials of other processes, and those asked outside such a
     * loop, are not waited for. Samplers that move in generations (NSGA-II, CMA-ES) call it with the
     * last trial number of the previous generation, so that with J worker threads a generation is
     * still made from all of the previous one. The default returns at once.
     *
     * @param upTo the highest trial number to wait for
     */
    default void awaitFinished(int upTo) {
    }

    /**
     * The trials numbered {@code from} to {@code to}, by number, once every one of them that a
     * deterministic parallel {@code optimize} loop of this process started has finished ({@link
     * #awaitFinished}). Unlike {@link #trials}, a lagged view does not hide them: a sampler that
     * moves in blocks of trial numbers (CMA-ES) reads the whole previous block with it, whatever the
     * lag. Trials of other processes come in whatever state they are in. The default waits, then
     * filters {@link #trials}.
     *
     * @param from the lowest trial number returned
     * @param to the highest trial number returned and waited for
     * @return the trials numbered {@code from..to} that exist, by number
     */
    default List<FrozenTrial> awaitTrials(int from, int to) {
        awaitFinished(to);
        List<FrozenTrial> out = new ArrayList<>();
        for (FrozenTrial t : trials()) {
            if (t.number() >= from && t.number() <= to) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * True with more than one objective.
     *
     * @return true with more than one objective
     */
    default boolean isMultiObjective() {
        return directions().size() > 1;
    }
}
