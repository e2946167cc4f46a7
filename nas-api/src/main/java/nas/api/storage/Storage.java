package nas.api.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.Distribution;

/**
 * Where studies and trials live. The interface is fine-grained and id-based so that every call
 * can be one transaction in a relational database.
 *
 * <p><b>Contract.</b>
 * <ul>
 *   <li>Implementations are thread-safe; a relational implementation is also safe for several
 *       processes sharing one database.</li>
 *   <li>Trial numbers are 0, 1, 2, ... within a study, allocated atomically: concurrent
 *       {@link #createTrial} calls never get the same number.</li>
 *   <li>A {@link FrozenTrial} already returned never changes when the trial is written later.</li>
 *   <li>A finished trial (COMPLETE, PRUNED, FAIL) is read-only: writing to it throws
 *       {@link nas.api.exception.TrialFinishedException}.</li>
 *   <li>A parameter name has one distribution per study: setting a parameter with a
 *       distribution that differs from the one already stored for that name in the study throws
 *       {@link IllegalArgumentException} naming both.</li>
 *   <li>Attribute values are JSON-compatible (see {@link nas.api.json.Json#freeze}).</li>
 *   <li>Unknown study or trial ids throw {@link nas.api.exception.StudyNotFoundException} or
 *       {@link IllegalArgumentException}; failures of the medium throw
 *       {@link nas.api.exception.StorageException}.</li>
 * </ul>
 */
public interface Storage extends AutoCloseable {

    // ---- studies ----

    /**
     * Creates a study.
     *
     * @param name the study's name
     * @param directions one direction per objective
     * @return its id
     * @throws nas.api.exception.DuplicateStudyException if the name is taken
     */
    long createStudy(String name, List<StudyDirection> directions);

    /**
     * Deletes a study with all its trials.
     *
     * @param studyId the study's storage id
     */
    void deleteStudy(long studyId);

    /**
     * The id of the study with this name, if any.
     *
     * @param name the study's name
     * @return the id of the study with this name, if any
     */
    OptionalLong findStudy(String name);

    /**
     * The name of a study.
     *
     * @param studyId the study's storage id
     * @return the name of a study
     */
    String studyName(long studyId);

    /**
     * The directions of a study, one per objective.
     *
     * @param studyId the study's storage id
     * @return the directions of a study, one per objective
     */
    List<StudyDirection> studyDirections(long studyId);

    /**
     * All studies with their trial counts, ordered by id.
     *
     * @return all studies with their trial counts, ordered by id
     */
    List<StudyInfo> studies();

    /**
     * User attributes of a study (immutable snapshot).
     *
     * @param studyId the study's storage id
     * @return the study's user attributes
     */
    Map<String, Object> studyUserAttrs(long studyId);

    /**
     * System attributes of a study (immutable snapshot).
     *
     * @param studyId the study's storage id
     * @return the study's system attributes
     */
    Map<String, Object> studySystemAttrs(long studyId);

    /**
     * Sets a user attribute of a study (a JSON-compatible value).
     *
     * @param studyId the study's storage id
     * @param key the attribute key
     * @param value the new value (JSON-compatible)
     */
    void setStudyUserAttr(long studyId, String key, Object value);

    /**
     * Sets a system attribute of a study (a JSON-compatible value).
     *
     * @param studyId the study's storage id
     * @param key the attribute key
     * @param value the new value (JSON-compatible)
     */
    void setStudySystemAttr(long studyId, String key, Object value);

    /**
     * Atomically sets a study system attribute if its current value equals {@code expected}
     * ({@code null} = absent). Lets samplers that keep shared state (CMA-ES, NSGA-II) update it
     * safely from several workers.
     *
     * @param studyId the study's storage id
     * @param key the attribute key
     * @param expected the value the attribute must hold now (null: absent)
     * @param value the new value (JSON-compatible)
     * @return whether the value was set
     */
    boolean compareAndSetStudySystemAttr(long studyId, String key, Object expected, Object value);

    // ---- trials ----

    /**
     * Creates a trial with the next number. With a {@code null} template the trial is RUNNING and
     * empty; otherwise it copies the template's state, values, params, intermediate values and
     * attributes (its id and number are ignored), which is how enqueued (WAITING) and added
     * trials are made.
     *
     * @param studyId the study's storage id
     * @param template a trial to copy (state, parameters, values, attributes), or null
     * @return the new trial
     */
    FrozenTrial createTrial(long studyId, FrozenTrial template);

    /**
     * Atomically turns the oldest WAITING trial of the study into RUNNING (its start time set to
     * now) and returns it; empty when none waits. Two workers never claim the same trial.
     *
     * @param studyId the study's storage id
     * @return the claimed trial, or empty when none is waiting
     */
    Optional<FrozenTrial> claimWaitingTrial(long studyId);

    /**
     * Starts a trial for a worker: claims the oldest WAITING trial, or creates a RUNNING one. With
     * {@code heartbeat}, the trial's first heartbeat is recorded with it, so that a worker killed
     * right after this call leaves a trial the next worker can recognise as stale. A relational
     * storage does it all in one transaction.
     *
     * @param studyId the study's storage id
     * @param heartbeat whether the trial records heartbeats
     * @return the running trial
     */
    default FrozenTrial startTrial(long studyId, boolean heartbeat) {
        FrozenTrial t = claimWaitingTrial(studyId).orElseGet(() -> createTrial(studyId, null));
        if (heartbeat) {
            recordHeartbeat(t.id());
        }
        return t;
    }

    /**
     * Records a parameter of a RUNNING trial (internal value).
     *
     * @param trialId the trial's storage id
     * @param name the parameter name
     * @param internalValue the value in internal form
     * @param distribution the parameter's distribution
     */
    void setTrialParam(long trialId, String name, double internalValue, Distribution distribution);

    /**
     * Records several parameters of a RUNNING trial at once (one transaction where that matters).
     * Both maps have the same keys.
     *
     * @param trialId the trial's storage id
     * @param internalValues the internal values by parameter name
     * @param distributions each parameter's distribution, by name
     */
    default void setTrialParams(long trialId, Map<String, Double> internalValues,
            Map<String, Distribution> distributions) {
        for (Map.Entry<String, Double> e : internalValues.entrySet()) {
            setTrialParam(trialId, e.getKey(), e.getValue(), distributions.get(e.getKey()));
        }
    }

    /**
     * Checks, without writing, that {@code distribution} may be used for parameter {@code name} in
     * the study: it must equal the distribution already stored for that name, if any.
     *
     * @param studyId the study's storage id
     * @param name the parameter name
     * @param distribution the parameter's distribution
     * @throws IllegalArgumentException naming both distributions when they differ
     */
    void checkParamDistribution(long studyId, String name, Distribution distribution);

    /**
     * Moves a trial to {@code state} with {@code values} (may be empty). Finishing sets the
     * completion time.
     *
     * @param trialId the trial's storage id
     * @param state the new state
     * @param values the objective values (may be empty)
     * @throws nas.api.exception.TrialFinishedException if the trial is already finished
     */
    void setTrialStateValues(long trialId, TrialState state, List<Double> values);

    /**
     * Records the last parameters of a trial and finishes it: {@link #setTrialParams} then
     * {@link #setTrialStateValues}, in one transaction where that matters.
     *
     * @param trialId the trial's storage id
     * @param internalValues the internal values by parameter name
     * @param distributions each parameter's distribution, by name
     * @param state the final state
     * @param values the objective values (may be empty)
     */
    default void finishTrial(long trialId, Map<String, Double> internalValues, Map<String, Distribution> distributions,
            TrialState state, List<Double> values) {
        if (!internalValues.isEmpty()) {
            setTrialParams(trialId, internalValues, distributions);
        }
        setTrialStateValues(trialId, state, values);
    }

    /**
     * Records an intermediate value. A step already reported keeps its first value.
     *
     * @param trialId the trial's storage id
     * @param step the step (at least 0)
     * @param value the intermediate value
     * @return false when the step was already reported (nothing written)
     */
    boolean setTrialIntermediateValue(long trialId, int step, double value);

    /**
     * Sets a user attribute of a trial (a JSON-compatible value).
     *
     * @param trialId the trial's storage id
     * @param key the attribute key
     * @param value the new value (JSON-compatible)
     */
    void setTrialUserAttr(long trialId, String key, Object value);

    /**
     * Sets a system attribute of a trial (a JSON-compatible value).
     *
     * @param trialId the trial's storage id
     * @param key the attribute key
     * @param value the new value (JSON-compatible)
     */
    void setTrialSystemAttr(long trialId, String key, Object value);

    /**
     * A snapshot of one trial.
     *
     * @param trialId the trial's storage id
     * @return a snapshot of one trial
     */
    FrozenTrial trial(long trialId);

    /**
     * Snapshots of a study's trials in the given states (all states when empty), by number.
     *
     * @param studyId the study's storage id
     * @param states the trial states to include (all when empty)
     * @return the trials, by number
     */
    List<FrozenTrial> trials(long studyId, Set<TrialState> states);

    /**
     * Number of a study's trials in the given states (all states when empty).
     *
     * @param studyId the study's storage id
     * @param states the trial states to include (all when empty)
     * @return number of a study's trials in the given states (all states when empty)
     */
    int countTrials(long studyId, Set<TrialState> states);

    // ---- reads that scale with what is new, not with the study ----

    /**
     * At most {@code limit} trials of a study numbered {@code fromNumber} or more, in the given
     * states (all states when empty), by number. Two uses: reading only what is new (finished trials
     * never change, so a reader that holds trials up to some number asks for the rest), and going
     * through a large study in pages of bounded memory (the next page starts after the last number).
     * The default filters {@link #trials}; relational storages read only the asked rows.
     *
     * @param studyId the study's storage id
     * @param states the trial states to include (all when empty)
     * @param fromNumber the lowest trial number to return
     * @param limit the most trials to return
     * @return the trials, by number
     * @throws IllegalArgumentException when {@code limit} is not positive
     */
    default List<FrozenTrial> trialsFrom(long studyId, Set<TrialState> states, int fromNumber, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0, but got " + limit);
        }
        List<FrozenTrial> out = new ArrayList<>();
        for (FrozenTrial t : trials(studyId, states)) {
            if (t.number() >= fromNumber && out.size() < limit) {
                out.add(t);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The best COMPLETE trial of a single-objective study: the lowest value when minimizing, the
     * highest when maximizing, the lowest number among equals; empty when no trial is COMPLETE. The
     * default scans {@link #trials}; relational storages ask the database for the one row.
     *
     * @param studyId the study's storage id
     * @return the best COMPLETE trial of a single-objective study
     * @throws IllegalArgumentException when the study has several objectives
     */
    default Optional<FrozenTrial> bestTrial(long studyId) {
        List<StudyDirection> directions = studyDirections(studyId);
        if (directions.size() != 1) {
            throw new IllegalArgumentException("a study with " + directions.size()
                    + " objectives has no single best trial");
        }
        FrozenTrial best = null;
        for (FrozenTrial t : trials(studyId, EnumSet.of(TrialState.COMPLETE))) {
            if (best == null || directions.get(0).isBetter(t.value(), best.value())) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The parameter names, user-attribute keys and number of constraint values used by a study's
     * trials in the given states (all states when empty): the columns of a table of those trials,
     * known before its first row. The default scans {@link #trials}.
     *
     * @param studyId the study's storage id
     * @param states the trial states to include (all when empty)
     * @return the parameter names, user-attribute keys and number of constraint values used by a study's trials in
     *      the given states (all states when empty)
     */
    default TrialKeys trialKeys(long studyId, Set<TrialState> states) {
        return TrialKeys.of(trials(studyId, states));
    }

    // ---- heartbeats ----

    /**
     * Records that a RUNNING trial is alive now.
     *
     * @param trialId the trial's storage id
     */
    void recordHeartbeat(long trialId);

    /**
     * Fails RUNNING trials of the study whose last heartbeat is older than {@code grace}
     * (trials that never recorded a heartbeat are left alone), with system attribute
     * {@link FrozenTrial#FAIL_REASON} = "stale heartbeat".
     *
     * @param studyId the study's storage id
     * @param grace how old a heartbeat may be
     * @return the trials it failed, as they are now
     */
    List<FrozenTrial> failStaleTrials(long studyId, Duration grace);

    /** Releases connections and files; the default does nothing. */
    @Override
    default void close() {
    }
}
