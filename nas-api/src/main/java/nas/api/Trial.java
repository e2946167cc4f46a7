package nas.api;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.Distribution;
import nas.api.distribution.Distributions;
import nas.api.distribution.FloatDistribution;
import nas.api.distribution.IntDistribution;
import nas.api.exception.TrialFinishedException;
import nas.api.json.Json;

/**
 * A running trial, as the objective sees it: define-by-run suggestions, intermediate reports and
 * the pruning question. Handed out by {@link Study#ask()}; used by one thread.
 *
 * <p>A suggestion's value comes from, in order: the value already suggested under that name in
 * this trial; the fixed value of an enqueued trial; the only value of a single-valued
 * distribution; the sampler's relative sample; the sampler's independent sample. Every value is
 * stored at once.
 */
public final class Trial {

    private static final System.Logger LOG = System.getLogger(Trial.class.getName());

    private final Study study;
    private final long id;
    private final int number;
    private final Map<String, Object> fixedParams;
    // copy-on-write immutable maps: a snapshot shares them instead of copying
    private Map<String, Double> params;
    private Map<String, Distribution> distributions;
    private Map<String, Object> userAttrs;
    private Map<String, Object> systemAttrs;
    private final TreeMap<Integer, Double> intermediate = new TreeMap<>();
    // suggested but not yet stored; written in one call before anything else is stored
    private final Map<String, Double> pendingParams = new LinkedHashMap<>();
    private final Map<String, Distribution> pendingDistributions = new LinkedHashMap<>();
    private final java.time.Instant start;
    private FrozenTrial snapshot;
    private StudyView samplerView;
    private int samplerLag;
    private Map<String, Distribution> relativeSpace;
    private Map<String, Double> relativeParams;
    private boolean finished;
    /** The largest step reported, -1 before any; read by other threads (a progress line). */
    private volatile int lastStep = -1;

    @SuppressWarnings("unchecked")
    Trial(Study study, FrozenTrial created) {
        this.study = study;
        this.id = created.id();
        this.number = created.number();
        this.start = created.datetimeStart();
        this.systemAttrs = created.systemAttrs();
        this.userAttrs = created.userAttrs();
        this.params = created.internalParams();
        this.distributions = created.distributions();
        this.intermediate.putAll(created.intermediateValues());
        this.lastStep = intermediate.isEmpty() ? -1 : intermediate.lastKey();
        Object fixed = created.systemAttrs().get(FrozenTrial.FIXED_PARAMS);
        this.fixedParams = fixed instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /**
     * 0-based number of this trial in its study.
     *
     * @return the trial's number, from 0
     */
    public int number() {
        return number;
    }

    /**
     * Storage id of this trial.
     *
     * @return the trial's storage id
     */
    public long id() {
        return id;
    }

    /**
     * The study this trial belongs to.
     *
     * @return the study this trial belongs to
     */
    public Study study() {
        return study;
    }

    // ---- suggestions ----

    /**
     * A real value uniform in {@code [low, high]}.
     *
     * @param name the parameter name
     * @param low the lower bound (inclusive)
     * @param high the upper bound (inclusive)
     * @return a real value uniform in {@code [low, high]}
     */
    public double suggestFloat(String name, double low, double high) {
        return (Double) suggest(name, distribution(name, () -> FloatDistribution.of(low, high)));
    }

    /**
     * A real value in {@code [low, high]}, uniform in log space when {@code log}.
     *
     * @param name the parameter name
     * @param low the lower bound (inclusive)
     * @param high the upper bound (inclusive)
     * @param log sample uniformly in log space (needs low > 0)
     * @return a real value in {@code [low, high]}, uniform in log space when {@code log}
     */
    public double suggestFloat(String name, double low, double high, boolean log) {
        return (Double) suggest(name, distribution(name, () -> new FloatDistribution(low, high, log, 0)));
    }

    /**
     * A real value on the grid {@code low, low + step, ...} up to {@code high}.
     *
     * @param name the parameter name
     * @param low the lower bound (inclusive)
     * @param high the upper bound (inclusive)
     * @param step the grid step
     * @return a real value on the grid {@code low, low + step, ...} up to {@code high}
     */
    public double suggestFloat(String name, double low, double high, double step) {
        return (Double) suggest(name, distribution(name, () -> FloatDistribution.stepOf(low, high, step)));
    }

    /**
     * An integer in {@code [low, high]}.
     *
     * @param name the parameter name
     * @param low the lower bound (inclusive)
     * @param high the upper bound (inclusive)
     * @return an integer in {@code [low, high]}
     */
    public int suggestInt(String name, int low, int high) {
        return toInt(suggest(name, distribution(name, () -> IntDistribution.of(low, high))));
    }

    /**
     * An integer in {@code [low, high]}, uniform in log space when {@code log}.
     *
     * @param name the parameter name
     * @param low the lower bound (inclusive)
     * @param high the upper bound (inclusive)
     * @param log sample uniformly in log space (needs low > 0)
     * @return an integer in {@code [low, high]}, uniform in log space when {@code log}
     */
    public int suggestInt(String name, int low, int high, boolean log) {
        return toInt(suggest(name, distribution(name, () -> new IntDistribution(low, high, log, 1))));
    }

    /**
     * An integer on the grid {@code low, low + step, ...} up to {@code high}.
     *
     * @param name the parameter name
     * @param low the lower bound (inclusive)
     * @param high the upper bound (inclusive)
     * @param step the grid step
     * @return an integer on the grid {@code low, low + step, ...} up to {@code high}
     */
    public int suggestInt(String name, int low, int high, int step) {
        return toInt(suggest(name, distribution(name, () -> IntDistribution.stepOf(low, high, step))));
    }

    private static int toInt(Object v) {
        return Math.toIntExact(((Number) v).longValue());
    }

    /**
     * One of {@code choices} (strings, numbers, booleans). Returns the caller's own element.
     *
     * @param <T> the type of the choices
     * @param name the parameter name
     * @param choices the choices (strings, numbers, booleans)
     * @return one of {@code choices} (strings, numbers, booleans)
     */
    public <T> T suggestCategorical(String name, List<T> choices) {
        Objects.requireNonNull(choices, "choices");
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i) == null) {
                throw new IllegalArgumentException("parameter '" + name + "': categorical choices must be strings, "
                        + "numbers or booleans, but choice " + i + " of " + choices + " is null");
            }
        }
        CategoricalDistribution d = distribution(name, () -> new CategoricalDistribution(List.copyOf(choices)));
        Object external = suggest(name, d);
        return choices.get(d.indexOf(external));
    }

    /**
     * Varargs form of {@link #suggestCategorical(String, List)}.
     *
     * @param <T> the type of the choices
     * @param name the parameter name
     * @param choices the choices (strings, numbers, booleans)
     * @return the chosen element
     */
    @SafeVarargs
    public final <T> T suggestCategorical(String name, T... choices) {
        return suggestCategorical(name, Arrays.asList(choices));
    }

    /** The distribution {@code make} builds, its invalid arguments reported with the parameter's name. */
    private static <D extends Distribution> D distribution(String name, Supplier<D> make) {
        Objects.requireNonNull(name, "parameter name");
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter '" + name + "': " + e.getMessage(), e);
        }
    }

    /**
     * The general form: a value of {@code distribution}, as an external value ({@code Double}; {@code Integer}
     * for an int distribution within {@code int}'s range, {@code Long} beyond it; or a categorical choice).
     *
     * @param name the parameter name
     * @param distribution the distribution to sample
     * @return the value, as an external value
     * @throws IllegalArgumentException if the name was suggested with another distribution in
     *                                  this study, or an enqueued value lies outside it
     */
    public Object suggest(String name, Distribution distribution) {
        Objects.requireNonNull(name, "parameter name");
        Objects.requireNonNull(distribution, "distribution");
        checkRunning();
        Double existing = params.get(name);
        if (existing != null) {
            Distribution known = distributions.get(name);
            if (!known.equals(distribution)) {
                throw new IllegalArgumentException("parameter '" + name + "' was already suggested in this trial as "
                        + Distributions.describe(known) + " and cannot now be " + Distributions.describe(distribution));
            }
            return distribution.toExternal(existing);
        }
        double internal;
        if (fixedParams.containsKey(name)) {
            internal = distribution.toInternal(fixedParams.get(name));
            if (!distribution.contains(internal)) {
                throw new IllegalArgumentException("fixed value " + fixedParams.get(name) + " of parameter '" + name
                        + "' lies outside " + Distributions.describe(distribution));
            }
        } else if (distribution.isSingle()) {
            internal = distribution.singleValue();
        } else {
            Double relative = relativeValue(name, distribution);
            internal = relative != null ? relative
                    : study.sampler().sampleIndependent(samplerView(), snapshot(), name, distribution);
        }
        study.storage().checkParamDistribution(study.id(), name, distribution);
        synchronized (this) {
            pendingParams.put(name, internal);
            pendingDistributions.put(name, distribution);
        }
        params = FrozenMap.with(params, name, internal);
        distributions = FrozenMap.with(distributions, name, distribution);
        snapshot = null;
        return distribution.toExternal(internal);
    }

    private Double relativeValue(String name, Distribution distribution) {
        if (relativeSpace == null) {
            relativeSpace = study.sampler().inferRelativeSearchSpace(samplerView(), snapshot());
            relativeParams = relativeSpace.isEmpty() ? Map.of()
                    : study.sampler().sampleRelative(samplerView(), snapshot(), relativeSpace);
        }
        if (!distribution.equals(relativeSpace.get(name))) {
            return null;
        }
        Double v = relativeParams.get(name);
        return v != null && distribution.contains(v) ? v : null;
    }

    StudyView samplerView() {
        if (samplerView == null) {
            StudyView view = study.pruner().samplerView(study, snapshot());
            samplerView = new OwnTrialView(samplerLag > 0 ? new LaggedStudyView(view, number - samplerLag) : view);
        }
        return samplerView;
    }

    /** From now on the sampler sees only the trials numbered at most {@code number − lag}. */
    void lagSamplerView(int lag) {
        samplerLag = lag;
        samplerView = null;
    }

    // ---- reports and pruning ----

    /**
     * Reports an intermediate value at {@code step} (≥ 0), stored at once. A step reported twice
     * keeps its first value (and logs a warning).
     *
     * @param value the intermediate value
     * @param step the step (at least 0), e.g. the epoch
     * @throws UnsupportedOperationException for multi-objective studies (as {@link #shouldPrune()})
     * @throws nas.api.exception.TrialFinishedException once the trial is told
     */
    public void report(double value, int step) {
        checkRunning();
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, but got " + step);
        }
        if (study.isMultiObjective()) {
            throw new UnsupportedOperationException(
                    "report() is not supported for multi-objective studies (study '" + study.name() + "')");
        }
        if (intermediate.containsKey(step)) {
            LOG.log(Level.WARNING, "trial {0} already reported step {1}; keeping the first value {2}",
                    number, step, intermediate.get(step));
            return;
        }
        flushParams();
        if (study.storage().setTrialIntermediateValue(id, step, value)) {
            intermediate.put(step, value);
            snapshot = null;
            lastStep = intermediate.lastKey();
        } else {
            LOG.log(Level.WARNING, "trial {0} already reported step {1}; keeping the first value", number, step);
        }
    }

    /**
     * Asks the study's pruner whether this trial should stop now. The objective then throws
     * {@link nas.api.exception.TrialPrunedException}. The pruner sees this trial's system
     * attributes including those it wrote on earlier calls.
     *
     * @return whether the trial should stop (then throw {@link nas.api.exception.TrialPrunedException})
     * @throws UnsupportedOperationException for multi-objective studies
     */
    public boolean shouldPrune() {
        checkRunning();
        if (study.isMultiObjective()) {
            throw new UnsupportedOperationException(
                    "shouldPrune() is not supported for multi-objective studies (study '" + study.name() + "')");
        }
        flushParams();
        return study.pruner().prune(new OwnTrialView(study), snapshot());
    }

    /**
     * The study as the sampler and the pruner see it. They keep per-trial bookkeeping in this
     * trial's system attributes (NSGA-II and CMA-ES tag the generation, successive halving records
     * each rung passed); their writes to this trial go through this handle, so the next snapshot,
     * the next call and the snapshot {@code tell} returns all hold them, without rereading the
     * trial from storage.
     */
    private final class OwnTrialView extends ForwardingStudyView {

        OwnTrialView(StudyView study) {
            super(study);
        }

        @Override
        public void setTrialSystemAttr(long trialId, String key, Object value) {
            if (trialId == id) {
                recordSystemAttr(key, value);
            } else {
                delegate().setTrialSystemAttr(trialId, key, value);
            }
        }
    }

    // ---- attributes ----

    /**
     * Sets a user attribute of the trial (a JSON-compatible value), stored at once.
     *
     * @param key the attribute key
     * @param value the value (JSON-compatible)
     */
    public void setUserAttr(String key, Object value) {
        checkRunning();
        Object frozen = Json.freeze(value);
        flushParams();
        study.storage().setTrialUserAttr(id, key, frozen);
        userAttrs = FrozenMap.with(userAttrs, key, frozen);
        snapshot = null;
    }

    /**
     * Sets a system attribute of the trial (a JSON-compatible value), stored at once.
     *
     * @param key the attribute key
     * @param value the value (JSON-compatible)
     */
    public void setSystemAttr(String key, Object value) {
        checkRunning();
        recordSystemAttr(key, value);
    }

    /** Stores a system attribute, also while {@code tell} is finishing the trial (samplers' afterTrial). */
    private void recordSystemAttr(String key, Object value) {
        Object frozen = Json.freeze(value);
        flushParams();
        study.storage().setTrialSystemAttr(id, key, frozen);
        systemAttrs = FrozenMap.with(systemAttrs, key, frozen);
        snapshot = null;
    }

    /**
     * Sets this trial's constraint values: each {@code c_i <= 0} is satisfied, a positive value is
     * violated by that much. Stored with the trial (system attribute {@link FrozenTrial#CONSTRAINTS});
     * constraint-aware samplers (NSGA-II, TPE) read it, and {@link Study#bestTrial()} /
     * {@link Study#bestTrials()} prefer feasible trials. Call it before the trial is told; a later
     * call replaces the values.
     *
     * @param constraints one value per constraint, {@code c <= 0} satisfied
     * @throws IllegalArgumentException for no value or a NaN
     */
    public void setConstraint(double... constraints) {
        checkRunning();
        recordSystemAttr(FrozenTrial.CONSTRAINTS, Constraints.check(constraints));
    }

    /**
     * The trial's user attributes so far.
     *
     * @return the trial's user attributes so far
     */
    public Map<String, Object> userAttrs() {
        return userAttrs;
    }

    /**
     * The trial's system attributes so far.
     *
     * @return the trial's system attributes so far
     */
    public Map<String, Object> systemAttrs() {
        return systemAttrs;
    }

    /**
     * Parameters suggested so far, as the objective saw them.
     *
     * @return parameters suggested so far, as the objective saw them
     */
    public Map<String, Object> params() {
        Map<String, Object> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, distributions.get(k).toExternal(v)));
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * Distributions of the parameters suggested so far.
     *
     * @return the distributions by parameter name
     */
    public Map<String, Distribution> distributions() {
        return distributions;
    }

    /**
     * Stores the parameters suggested since the last write, in one storage call. Suggestions are
     * written lazily so that a trial costs few transactions: at the latest before the trial
     * reports, sets an attribute or finishes, and at every heartbeat.
     */
    /** Stores the pending parameters and the outcome together (one transaction in a database). */
    synchronized void storeFinish(TrialState state, List<Double> values) {
        study.storage().finishTrial(id, pendingParams, pendingDistributions, state, values);
        pendingParams.clear();
        pendingDistributions.clear();
    }

    synchronized void flushParams() {
        if (pendingParams.isEmpty()) {
            return;
        }
        study.storage().setTrialParams(id, pendingParams, pendingDistributions);
        pendingParams.clear();
        pendingDistributions.clear();
    }

    /**
     * The largest step reported so far ({@link #report}), or -1 before the first report. Unlike the other
     * accessors it may be read from any thread while the objective runs, e.g. by a progress display.
     *
     * @return the largest step reported so far, or -1
     */
    public int lastReportedStep() {
        return lastStep;
    }

    /**
     * Intermediate values reported so far.
     *
     * @return the values by step
     */
    public Map<Integer, Double> intermediateValues() {
        return java.util.Collections.unmodifiableMap(new HashMap<>(intermediate));
    }

    /**
     * The trial as a RUNNING snapshot (what samplers and pruners see).
     *
     * @return the trial as a RUNNING snapshot (what samplers and pruners see)
     */
    public FrozenTrial snapshot() {
        if (snapshot == null) {
            snapshot = new FrozenTrial(id, number, TrialState.RUNNING, List.of(), start, null, params, distributions,
                    intermediate, userAttrs, systemAttrs);
        }
        return snapshot;
    }

    FrozenTrial finishedSnapshot(TrialState state, List<Double> values) {
        return new FrozenTrial(id, number, state, values, start, java.time.Instant.now(), params, distributions,
                intermediate, userAttrs, systemAttrs);
    }

    NavigableLast lastIntermediate() {
        return intermediate.isEmpty() ? null : new NavigableLast(intermediate.lastKey(), intermediate.lastEntry().getValue());
    }

    record NavigableLast(int step, double value) {
    }

    boolean isFinished() {
        return finished;
    }

    void markFinished() {
        finished = true;
    }

    private void checkRunning() {
        if (finished) {
            throw new TrialFinishedException(number, "told");
        }
    }
}
