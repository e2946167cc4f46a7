package nas.api;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nas.api.distribution.Distribution;
import nas.api.exception.TrialPrunedException;
import nas.api.json.Json;
import nas.api.pruner.Pruner;
import nas.api.sampler.Sampler;
import nas.api.storage.Storage;

/**
 * A study: one optimization problem, its trials and its attributes, kept in a {@link Storage}.
 * Made with {@link Studies#builder(String)}.
 *
 * <p>Ask/tell is the core: {@link #ask()} starts a trial, the caller evaluates it, and
 * {@link #tell} records the outcome. {@link #optimize} is a loop over them, on one or several
 * worker threads. All methods are thread-safe.
 */
public final class Study implements StudyView {

    private static final System.Logger LOG = System.getLogger(Study.class.getName());
    private static final Set<TrialState> ALL = EnumSet.noneOf(TrialState.class);

    /** Notified whenever a trial of this study finishes here (deterministic parallel runs wait on it). */
    private final Object finishedSignal = new Object();
    /** Trials started here by a lagged ask (the optimize loop's, always told) and not yet finished. */
    private final Set<Integer> runningHere = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /**
     * Held while a lagged ask creates its trial and registers it in {@link #runningHere}, so a trial
     * numbered n is registered before any higher-numbered one here can wait for it.
     */
    private final Object laggedAskLock = new Object();
    private final Storage storage;
    private final long id;
    private final String name;
    private final List<StudyDirection> directions;
    private final Sampler sampler;
    private final Pruner pruner;
    private final long seed;
    private final Duration heartbeatInterval;
    private final Callback staleTrialCallback;
    private final Set<Trial> heartbeatTrials = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService heartbeats;
    private volatile boolean stopRequested;
    private long lastStaleCheckNanos; // guarded by this; 0 = never checked
    private final TrialCache trialCache;
    private FrozenTrial bestSeen; // guarded by this; for the per-trial INFO line only

    Study(Storage storage, long id, String name, List<StudyDirection> directions, Sampler sampler, Pruner pruner,
            long seed, Duration heartbeatInterval, Callback staleTrialCallback) {
        this.storage = storage;
        this.id = id;
        this.name = name;
        this.directions = List.copyOf(directions);
        this.sampler = sampler;
        this.pruner = pruner;
        this.seed = seed;
        this.heartbeatInterval = heartbeatInterval;
        this.staleTrialCallback = staleTrialCallback;
        this.trialCache = new TrialCache(storage, id);
    }

    // ---- identity ----

    @Override
    public long id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<StudyDirection> directions() {
        return directions;
    }

    /**
     * The only direction of a single-objective study.
     *
     * @return the only direction of a single-objective study
     */
    public StudyDirection direction() {
        requireSingleObjective("direction()", "directions()");
        return directions.get(0);
    }

    @Override
    public long seed() {
        return seed;
    }

    /**
     * The sampler this study object uses.
     *
     * @return the sampler this study object uses
     */
    public Sampler sampler() {
        return sampler;
    }

    /**
     * The pruner this study object uses.
     *
     * @return the pruner this study object uses
     */
    public Pruner pruner() {
        return pruner;
    }

    /**
     * The storage the study lives in.
     *
     * @return the storage the study lives in
     */
    public Storage storage() {
        return storage;
    }

    // ---- ask / tell ----

    /**
     * Starts a trial: the oldest enqueued one if any, else a new one.
     *
     * @return the running trial
     */
    public Trial ask() {
        return ask(0);
    }

    /**
     * Starts a trial whose sampler sees only the trials numbered at most {@code number − samplerLag},
     * after waiting until every one of them has finished (0 = no lag: the sampler sees the study as it
     * is). Trial n's parameters are then a function of the seed and trials 0..n − lag alone, so J
     * worker threads with lag J give the same study on every run, and the same as one thread with lag J.
     */
    Trial ask(int samplerLag) {
        if (heartbeatInterval != null) {
            if (staleCheckDue()) {
                failStaleTrials();
            }
        }
        FrozenTrial created;
        if (samplerLag > 0) {
            synchronized (laggedAskLock) {
                created = storage.startTrial(id, heartbeatInterval != null);
                runningHere.add(created.number());
            }
        } else {
            created = storage.startTrial(id, heartbeatInterval != null);
        }
        Trial trial = new Trial(this, created);
        if (heartbeatInterval != null) {
            heartbeatTrials.add(trial);
            startHeartbeats();
        }
        if (samplerLag > 0) {
            trial.lagSamplerView(samplerLag);
            awaitFinished(trial.number() - samplerLag);
        }
        sampler.beforeTrial(trial.samplerView(), trial.snapshot());
        return trial;
    }

    /**
     * Starts a trial and suggests the given parameters at once, storing them before it returns (so
     * another process can {@link #trial(int) reopen} the trial and tell it).
     *
     * @param fixedDistributions the parameters to suggest at once, with their distributions
     * @return the running trial, its parameters suggested and stored
     * @throws IllegalArgumentException when a distribution differs from the one the study already has for
     *                                  that name (no trial is started then)
     */
    public Trial ask(Map<String, Distribution> fixedDistributions) {
        Objects.requireNonNull(fixedDistributions, "fixedDistributions");
        // a distribution the study already knows otherwise is refused before a trial exists, so a refused
        // ask leaves no RUNNING trial behind
        fixedDistributions.forEach((name, d) -> storage.checkParamDistribution(id, name, d));
        Trial trial = ask();
        fixedDistributions.forEach(trial::suggest);
        trial.flushParams();
        return trial;
    }

    /**
     * Reopens a RUNNING trial of this study by its number, e.g. one another process asked for: the
     * objective's outcome is then given with {@link #tell}, as Optuna's {@code tell(trial_number, ...)}.
     *
     * @param number the trial's number
     * @return the trial, ready to be told
     * @throws IllegalArgumentException if the study has no such trial
     * @throws nas.api.exception.TrialFinishedException if the trial is finished
     */
    public Trial trial(int number) {
        for (FrozenTrial t : trials()) {
            if (t.number() == number) {
                if (t.state() != TrialState.RUNNING) {
                    throw new nas.api.exception.TrialFinishedException(number, t.state());
                }
                return new Trial(this, t);
            }
        }
        throw new IllegalArgumentException("study '" + name + "' has no trial number " + number);
    }

    /**
     * Finishes a trial as COMPLETE with one value per direction. Values of the wrong count, NaN
     * or infinite finish it as FAIL instead (with the reason stored).
     *
     * @param trial the trial
     * @param values one value per direction
     * @return the finished trial
     */
    public FrozenTrial tell(Trial trial, double... values) {
        String problem = checkValues(values);
        if (problem != null) {
            return finish(trial, TrialState.FAIL, List.of(), problem);
        }
        List<Double> v = new ArrayList<>(values.length);
        for (double d : values) {
            v.add(d);
        }
        return finish(trial, TrialState.COMPLETE, v, null);
    }

    /**
     * Finishes a trial as PRUNED (keeping its last intermediate value as its value, none when that
     * was NaN) or FAIL.
     *
     * @param trial the trial
     * @param state PRUNED or FAIL
     * @return the finished trial as stored
     */
    public FrozenTrial tell(Trial trial, TrialState state) {
        return tell(trial, state, null);
    }

    /**
     * Like {@link #tell(Trial, TrialState)}, with a failure reason.
     *
     * @param trial the trial
     * @param state PRUNED or FAIL
     * @param failReason why the trial failed (stored as its {@code fail_reason})
     * @return the finished trial as stored
     */
    public FrozenTrial tell(Trial trial, TrialState state, String failReason) {
        if (state == TrialState.PRUNED) {
            // as Optuna: a NaN last report leaves the pruned trial without a value, so samplers never see NaN
            Trial.NavigableLast last = trial.lastIntermediate();
            boolean hasValue = last != null && !Double.isNaN(last.value());
            return finish(trial, state, hasValue ? List.of(last.value()) : List.of(), null);
        }
        if (state == TrialState.FAIL) {
            return finish(trial, state, List.of(), failReason == null ? "told as failed" : failReason);
        }
        throw new IllegalArgumentException("tell(trial, state) takes PRUNED or FAIL, but got " + state
                + " (a COMPLETE trial needs its values)");
    }

    private String checkValues(double[] values) {
        if (values == null || values.length != directions.size()) {
            return "objective returned " + (values == null ? "null" : values.length + " values") + " but study '"
                    + name + "' has " + directions.size() + " direction(s)";
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return "objective returned " + Arrays.toString(values) + ", which is not finite";
            }
        }
        return null;
    }

    /**
     * Blocks until no trial numbered at most {@code upTo} that a lagged ask here started is still running.
     * Trials of other processes are not waited for (a dead one would block for ever): what holds with
     * several processes is only that the sampler never sees trials above {@code upTo}.
     *
     * @param upTo the highest trial number waited for
     */
    @Override
    public void awaitFinished(int upTo) {
        while (runningHere.stream().anyMatch(n -> n <= upTo)) {
            synchronized (finishedSignal) {
                try {
                    finishedSignal.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for trial " + upTo + " to finish", e);
                }
            }
        }
    }

    /**
     * Waits as {@link #awaitFinished}, then reads only the asked trials from the storage.
     *
     * @param from the lowest trial number returned
     * @param to the highest trial number returned and waited for
     * @return the trials numbered {@code from..to} that exist, by number
     */
    @Override
    public List<FrozenTrial> awaitTrials(int from, int to) {
        awaitFinished(to);
        return to < from ? List.of() : storage.trialsFrom(id, Set.of(), from, to - from + 1);
    }

    private FrozenTrial finish(Trial trial, TrialState state, List<Double> values, String failReason) {
        if (trial.study() != this) {
            throw new IllegalArgumentException(trial.study().id() == id && trial.study().storage() == storage
                    ? "trial " + trial.number() + " was asked by another Study object of '" + name + "': tell it to "
                            + "that object, or reopen it on this one with trial(" + trial.number() + ")"
                    : "trial " + trial.number() + " belongs to study '" + trial.study().name() + "', not to '" + name
                            + "': tell it to the study that asked for it");
        }
        if (trial.isFinished()) {
            throw new nas.api.exception.TrialFinishedException(trial.number(), "told");
        }
        try {
            return record(trial, state, values, failReason);
        } catch (nas.api.exception.TrialFinishedException e) {
            // another worker finished it first: it saw no heartbeat for too long and failed it as stale
            LOG.log(Level.WARNING, "trial {0} of study ''{1}'' was already finished by another worker (its heartbeat "
                    + "went stale); its outcome {2} {3} is not stored", trial.number(), name, state, values);
            trial.markFinished();
            heartbeatTrials.remove(trial);
            return storage.trial(trial.id());
        } finally {
            runningHere.remove(trial.number());
            synchronized (finishedSignal) {
                finishedSignal.notifyAll();
            }
        }
    }

    private FrozenTrial record(Trial trial, TrialState state, List<Double> values, String failReason) {
        try {
            if (failReason != null) {
                trial.setSystemAttr(FrozenTrial.FAIL_REASON, failReason);
                LOG.log(Level.WARNING, "trial {0} of study ''{1}'' failed: {2}", trial.number(), name, failReason);
            }
            trial.markFinished();
            sampler.afterTrial(trial.samplerView(), trial.snapshot(), state, values);
            try {
                trial.storeFinish(state, values);
            } catch (IllegalArgumentException e) {
                // a worker stored another distribution for one of its parameter names meanwhile
                LOG.log(Level.WARNING, "trial {0} of study ''{1}'' failed: {2}", trial.number(), name, e.getMessage());
                storage.setTrialSystemAttr(trial.id(), FrozenTrial.FAIL_REASON, e.getMessage());
                state = TrialState.FAIL;
                values = List.of();
                storage.setTrialStateValues(trial.id(), state, values);
            }
        } finally {
            trial.markFinished();
            heartbeatTrials.remove(trial);
        }
        // built locally: the storage holds the same, and reading it back would cost a round trip
        FrozenTrial finished = trial.finishedSnapshot(state, values);
        logFinished(finished);
        return finished;
    }

    /**
     * The INFO line of a finished trial, as Optuna prints it: its value(s) and parameters and, for one
     * objective, the best trial so far (among the trials this study object has seen: those stored when it
     * first logged, then those it finished). FAIL trials have their WARNING line already.
     */
    private void logFinished(FrozenTrial t) {
        if (t.state() == TrialState.FAIL || !LOG.isLoggable(Level.INFO)) {
            return;
        }
        if (t.state() == TrialState.PRUNED) {
            LOG.log(Level.INFO, "Trial " + t.number() + " pruned.");
            return;
        }
        if (directions.size() > 1) {
            LOG.log(Level.INFO, "Trial " + t.number() + " finished with values " + t.values() + " and parameters "
                    + t.params() + ".");
            return;
        }
        FrozenTrial best;
        synchronized (this) {
            if (bestSeen == null) {
                for (FrozenTrial c : trials(TrialState.COMPLETE)) {
                    if (bestSeen == null || directions.get(0).isBetter(c.value(), bestSeen.value())) {
                        bestSeen = c;
                    }
                }
            } else if (directions.get(0).isBetter(t.value(), bestSeen.value())) {
                bestSeen = t;
            }
            best = bestSeen == null ? t : bestSeen;
        }
        LOG.log(Level.INFO, "Trial " + t.number() + " finished with value " + t.value() + " and parameters " + t.params()
                + ". Best is trial " + best.number() + " with value " + best.value() + ".");
    }

    // ---- optimize ----

    /**
     * Runs {@code nTrials} trials of a single-objective function on this thread. An exception of the objective
     * fails its trial and the study goes on; an {@link Error} (an assertion, out of memory) fails its trial and
     * is then rethrown here, as are the exceptions {@link OptimizeOptions#withEndStudyOn} names (wrapped in
     * {@link StudyEndedException}).
     *
     * @param objective the objective function
     * @param nTrials the number of trials to run
     */
    public void optimize(Objective objective, int nTrials) {
        optimize(objective, OptimizeOptions.trials(nTrials));
    }

    /**
     * Runs a single-objective function as {@code options} say; failures as in {@link #optimize(Objective, int)}.
     *
     * @param objective the objective function
     * @param options how many trials, on how many threads, with which callbacks
     */
    public void optimize(Objective objective, OptimizeOptions options) {
        Objects.requireNonNull(objective, "objective");
        requireSingleObjective("optimize(Objective, ...)", "optimizeMulti");
        optimizeMulti(trial -> new double[] {objective.evaluate(trial)}, options);
    }

    /**
     * Runs a multi-objective function (one value per direction) as {@code options} say; failures as in
     * {@link #optimize(Objective, int)}.
     *
     * @param objective the objective function
     * @param options how many trials, on how many threads, with which callbacks
     */
    public void optimizeMulti(MultiObjective objective, OptimizeOptions options) {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(options, "options");
        new OptimizeLoop(this, objective, options).run();
    }

    /** Asks running {@link #optimize} loops to start no more trials (running ones finish). */
    public void stop() {
        stopRequested = true;
    }

    boolean consumeStopRequest() {
        return stopRequested;
    }

    void clearStopRequest() {
        stopRequested = false;
    }

    /**
     * Runs one trial: ask, evaluate, tell. Exceptions other than pruning fail the trial; those
     * listed in {@code endStudyOn} (and every {@link Error}) are rethrown after it is recorded.
     */
    FrozenTrial runTrial(MultiObjective objective, List<Class<? extends Throwable>> endStudyOn) {
        return runTrial(objective, endStudyOn, 0);
    }

    /** {@link #runTrial(MultiObjective, List)} with the trial asked by {@link #ask(int)}. */
    FrozenTrial runTrial(MultiObjective objective, List<Class<? extends Throwable>> endStudyOn, int samplerLag) {
        Trial trial = ask(samplerLag);
        double[] values;
        try {
            values = objective.evaluate(trial);
        } catch (TrialPrunedException e) {
            return tell(trial, TrialState.PRUNED);
        } catch (Exception e) {
            FrozenTrial failed = tell(trial, TrialState.FAIL, e.toString());
            for (Class<? extends Throwable> type : endStudyOn) {
                if (type.isInstance(e)) {
                    throw new StudyEndedException(e);
                }
            }
            return failed;
        } catch (Error e) {
            tell(trial, TrialState.FAIL, e.toString());
            throw e;
        }
        return tell(trial, values);
    }

    /** Wraps an objective's exception that ended a study. */
    public static final class StudyEndedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StudyEndedException(Exception cause) {
            super("objective raised " + cause, cause);
        }
    }

    // ---- enqueue / add ----

    /**
     * Enqueues a trial whose parameters (given by name, as external values) are fixed; the next
     * {@link #ask()} takes it. Parameters it does not name are sampled as usual.
     *
     * @param params the parameter values by name, as external values
     */
    public void enqueueTrial(Map<String, Object> params) {
        enqueueTrial(params, Map.of());
    }

    /**
     * Like {@link #enqueueTrial(Map)}, with user attributes for the trial.
     *
     * @param params the parameter values by name, as external values
     * @param userAttrs the trial's user attributes
     */
    public void enqueueTrial(Map<String, Object> params, Map<String, Object> userAttrs) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(userAttrs, "userAttrs");
        params.forEach((name, value) -> {
            if (value == null) {
                throw new IllegalArgumentException("enqueued parameter '" + name + "' is null: give it a value, or "
                        + "leave it out to have it sampled");
            }
        });
        Map<String, Object> sys = new LinkedHashMap<>();
        sys.put(FrozenTrial.FIXED_PARAMS, Json.freeze(params));
        Map<String, Object> user = new LinkedHashMap<>();
        userAttrs.forEach((k, v) -> user.put(k, Json.freeze(v)));
        storage.createTrial(id, new FrozenTrial(-1, -1, TrialState.WAITING, List.of(), null, null, Map.of(), Map.of(),
                new java.util.TreeMap<>(), user, sys));
    }

    /**
     * Adds a finished trial made elsewhere (e.g. {@link FrozenTrial#of}) to this study.
     *
     * @param trial the trial
     * @return the trial as stored, with its number in this study
     */
    public FrozenTrial addTrial(FrozenTrial trial) {
        Objects.requireNonNull(trial, "trial");
        if (!trial.state().isFinished()) {
            throw new IllegalArgumentException("addTrial takes a finished trial, but got " + trial.state());
        }
        if (trial.state() == TrialState.COMPLETE && trial.values().size() != directions.size()) {
            throw new IllegalArgumentException("a COMPLETE trial needs " + directions.size() + " value(s), but got "
                    + trial.values());
        }
        for (double v : trial.values()) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("trial values must be finite, but got " + trial.values());
            }
        }
        return storage.createTrial(id, trial);
    }

    // ---- results ----

    @Override
    public List<FrozenTrial> trials(TrialState... states) {
        // reads only the trials that are new or were unfinished at the last call
        return trialCache.trials(states.length == 0 ? ALL : EnumSet.copyOf(Arrays.asList(states)));
    }

    /**
     * The best COMPLETE trial of a single-objective study (the earliest among equals). Feasible
     * trials come first: when trials carry constraints ({@link Trial#setConstraint}), the best
     * feasible one; when none is feasible, the best of those with the least total violation.
     *
     * @return the best COMPLETE trial of a single-objective study (the earliest among equals)
     * @throws IllegalStateException with several objectives or no COMPLETE trial
     */
    public FrozenTrial bestTrial() {
        requireSingleObjective("bestTrial()", "bestTrials(), the Pareto front");
        if (!trialCache.loaded()) {
            // a study nobody read the history of here (a command that only wants the best): one
            // query, which is the answer unless that trial violates a constraint
            FrozenTrial candidate = storage.bestTrial(id).orElse(null);
            if (candidate == null) {
                throw noCompleteTrial();
            }
            if (candidate.constraintViolation() == 0) {
                return candidate;
            }
        }
        StudyDirection dir = directions.get(0);
        FrozenTrial best = null;
        for (FrozenTrial t : Constraints.feasibleFirst(trials(TrialState.COMPLETE))) {
            if (best == null || dir.isBetter(t.value(), best.value())) {
                best = t;
            }
        }
        if (best == null) {
            throw noCompleteTrial();
        }
        return best;
    }

    /** Says there is no best trial yet, and what the trials are instead (the last failure's reason). */
    private IllegalStateException noCompleteTrial() {
        List<FrozenTrial> all = trials();
        if (all.isEmpty()) {
            return new IllegalStateException("study '" + name + "' has no COMPLETE trial yet (no trials; run optimize "
                    + "or ask and tell first)");
        }
        Map<TrialState, Long> byState = new java.util.EnumMap<>(TrialState.class);
        String lastFailure = null;
        for (FrozenTrial t : all) {
            byState.merge(t.state(), 1L, Long::sum);
            if (t.state() == TrialState.FAIL && t.systemAttrs().get(FrozenTrial.FAIL_REASON) != null) {
                lastFailure = "trial " + t.number() + ": " + t.systemAttrs().get(FrozenTrial.FAIL_REASON);
            }
        }
        return new IllegalStateException("study '" + name + "' has no COMPLETE trial yet (" + all.size() + " trials: "
                + byState.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(java.util.stream.Collectors.joining(", "))
                + (lastFailure == null ? "" : "; last failure, " + lastFailure) + ")");
    }

    /**
     * Value of {@link #bestTrial()}.
     *
     * @return value of {@link #bestTrial()}
     */
    public double bestValue() {
        return bestTrial().value();
    }

    /**
     * Parameters of {@link #bestTrial()}.
     *
     * @return parameters of {@link #bestTrial()}
     */
    public Map<String, Object> bestParams() {
        return bestTrial().params();
    }

    /**
     * The Pareto front: COMPLETE trials no other COMPLETE trial dominates, by number. Feasible
     * trials come first (as in {@link #bestTrial()}): only feasible trials count when any exist,
     * else only those with the least total violation. For one objective, every trial sharing the
     * best value.
     *
     * @return the Pareto front
     */
    public List<FrozenTrial> bestTrials() {
        List<FrozenTrial> front = new ArrayList<>();
        for (FrozenTrial t : Constraints.feasibleFirst(trials(TrialState.COMPLETE))) {
            boolean dominated = false;
            for (int i = front.size() - 1; i >= 0; i--) {
                FrozenTrial f = front.get(i);
                if (dominates(f, t)) {
                    dominated = true;
                    break;
                }
                if (dominates(t, f)) {
                    front.remove(i);
                }
            }
            if (!dominated) {
                front.add(t);
            }
        }
        front.sort((a, b) -> Integer.compare(a.number(), b.number()));
        return Collections.unmodifiableList(front);
    }

    /**
     * Whether {@code a} is no worse than {@code b} in every objective and better in one ({@link Dominance}).
     *
     * @param a a trial
     * @param b another trial
     * @return whether {@code a} is no worse than {@code b} in every objective and better in one
     */
    public boolean dominates(FrozenTrial a, FrozenTrial b) {
        return Dominance.dominates(minimized(a), minimized(b));
    }

    private double[] minimized(FrozenTrial t) {
        double[] v = new double[directions.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = directions.get(k).toMinimization(t.values().get(k));
        }
        return v;
    }

    // ---- attributes ----

    @Override
    public Map<String, Object> userAttrs() {
        return storage.studyUserAttrs(id);
    }

    @Override
    public Map<String, Object> systemAttrs() {
        return storage.studySystemAttrs(id);
    }

    /**
     * Sets a user attribute of the study (a JSON-compatible value).
     *
     * @param key the attribute key
     * @param value the value (JSON-compatible)
     */
    public void setUserAttr(String key, Object value) {
        storage.setStudyUserAttr(id, key, value);
    }

    @Override
    public void setSystemAttr(String key, Object value) {
        storage.setStudySystemAttr(id, key, value);
    }

    @Override
    public boolean compareAndSetSystemAttr(String key, Object expected, Object value) {
        return storage.compareAndSetStudySystemAttr(id, key, expected, value);
    }

    @Override
    public void setTrialSystemAttr(long trialId, String key, Object value) {
        storage.setTrialSystemAttr(trialId, key, value);
    }

    // ---- heartbeats ----

    /**
     * Fails this study's RUNNING trials whose heartbeat went stale; returns them.
     *
     * @return the trials it failed
     */
    public List<FrozenTrial> failStaleTrials() {
        if (heartbeatInterval == null) {
            return List.of();
        }
        List<FrozenTrial> failed = storage.failStaleTrials(id, heartbeatInterval.multipliedBy(2));
        for (FrozenTrial t : failed) {
            LOG.log(Level.WARNING, "trial {0} of study ''{1}'' stopped sending heartbeats and is now FAIL", t.number(), name);
            if (staleTrialCallback != null) {
                staleTrialCallback.afterTrial(this, t);
            }
        }
        return failed;
    }

    /** One stale-trial check per heartbeat interval is enough: trials go stale on that time scale. */
    private synchronized boolean staleCheckDue() {
        long now = System.nanoTime();
        if (lastStaleCheckNanos != 0 && now - lastStaleCheckNanos < heartbeatInterval.toNanos()) {
            return false;
        }
        lastStaleCheckNanos = now;
        return true;
    }

    private void startHeartbeats() {
        if (heartbeats != null) {
            return;
        }
        synchronized (this) {
            if (heartbeats == null) {
                ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "nas-heartbeat-" + name);
                    t.setDaemon(true);
                    return t;
                });
                long ms = heartbeatInterval.toMillis();
                s.scheduleAtFixedRate(this::beat, ms, ms, TimeUnit.MILLISECONDS);
                heartbeats = s;
            }
        }
    }

    private void beat() {
        for (Trial trial : heartbeatTrials) {
            try {
                trial.flushParams();
                storage.recordHeartbeat(trial.id());
            } catch (RuntimeException e) {
                // the trial may have finished meanwhile; the next beat tries the others again
                heartbeatTrials.remove(trial);
            }
        }
    }

    /**
     * Heartbeat interval, or null when heartbeats are off.
     *
     * @return heartbeat interval, or null when heartbeats are off
     */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    private void requireSingleObjective(String what, String instead) {
        if (directions.size() != 1) {
            throw new IllegalStateException(what + " needs a single-objective study, but '" + name + "' has "
                    + directions.size() + " objectives (use " + instead + ")");
        }
    }

    @Override
    public String toString() {
        return "Study[" + name + ", " + directions + "]";
    }
}
