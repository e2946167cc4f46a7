package nas.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import nas.api.distribution.Distribution;

/**
 * An immutable snapshot of a trial, as storages return it. Later writes to the trial never change
 * a snapshot already handed out.
 *
 * @param id                 storage-wide trial id
 * @param number             0-based number of the trial within its study
 * @param state              life-cycle state
 * @param values             objective values (empty until COMPLETE; a PRUNED trial holds its last
 *                           intermediate value when it reported one)
 * @param datetimeStart      when the trial started running (null while WAITING)
 * @param datetimeComplete   when it finished (null while not finished)
 * @param internalParams     parameter values in internal representation, in suggestion order
 * @param distributions      the distribution of every parameter
 * @param intermediateValues reported values by step
 * @param userAttrs          user attributes (JSON-compatible values)
 * @param systemAttrs        attributes that samplers, pruners and the framework keep
 */
public record FrozenTrial(
        long id,
        int number,
        TrialState state,
        List<Double> values,
        Instant datetimeStart,
        Instant datetimeComplete,
        Map<String, Double> internalParams,
        Map<String, Distribution> distributions,
        NavigableMap<Integer, Double> intermediateValues,
        Map<String, Object> userAttrs,
        Map<String, Object> systemAttrs) {

    /** System attribute holding the reason a trial failed. */
    public static final String FAIL_REASON = "fail_reason";
    /** System attribute holding the parameters an enqueued trial must use. */
    public static final String FIXED_PARAMS = "fixed_params";
    /**
     * System attribute holding the trial's constraint values ({@link Trial#setConstraint}), a list
     * of numbers; a value {@code <= 0} is satisfied.
     */
    public static final String CONSTRAINTS = "constraints";

    /**
     * Checks the state and copies the collections (a frozen trial is immutable).
     *
     * @param id the trial's storage id
     * @param number the trial's number in its study
     * @param state the trial's state
     * @param values objective values (empty unless COMPLETE, or PRUNED with a value)
     * @param datetimeStart when the trial started (null if it has not)
     * @param datetimeComplete when the trial finished (null while unfinished)
     * @param internalParams parameter values in internal form, by name
     * @param distributions each parameter's distribution, by name
     * @param intermediateValues reported intermediate values, by step
     * @param userAttrs user attributes
     * @param systemAttrs system attributes
     */
    public FrozenTrial {
        Objects.requireNonNull(state, "state");
        values = values == null ? List.of() : List.copyOf(values);
        internalParams = FrozenMap.of(internalParams);
        distributions = FrozenMap.of(distributions);
        intermediateValues = intermediateValues.isEmpty() ? Collections.emptyNavigableMap()
                : Collections.unmodifiableNavigableMap(new TreeMap<>(intermediateValues));
        userAttrs = FrozenMap.of(userAttrs);
        systemAttrs = FrozenMap.of(systemAttrs);
    }

    /**
     * The single objective value; throws if the trial has none or several.
     *
     * @return the single objective value
     */
    public double value() {
        if (values.isEmpty()) {
            throw new IllegalStateException("trial " + number + " is " + state + " and has no value (COMPLETE trials "
                    + "have one, and PRUNED ones that reported; read study.trials(TrialState.COMPLETE), or values(), "
                    + "which is empty here)");
        }
        if (values.size() != 1) {
            throw new IllegalStateException("trial " + number + " has " + values.size()
                    + " values; value() needs exactly one (use values())");
        }
        return values.get(0);
    }

    /**
     * Parameter values as the objective saw them: {@code Double} for float parameters, {@code Integer}
     * for int parameters ({@code Long} only for ranges beyond {@code int}), the choice itself for
     * categorical ones.
     *
     * @return the parameter values by name
     */
    public Map<String, Object> params() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : internalParams.entrySet()) {
            out.put(e.getKey(), distributions.get(e.getKey()).toExternal(e.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * One parameter as the objective saw it, or null.
     *
     * @param name the parameter name
     * @return one parameter as the objective saw it, or null
     */
    public Object param(String name) {
        Double v = internalParams.get(name);
        return v == null ? null : distributions.get(name).toExternal(v);
    }

    /**
     * The constraint values set with {@link Trial#setConstraint} ({@code c <= 0} satisfied), or an
     * empty array when the trial has none.
     *
     * @return the constraint values set with {@link Trial#setConstraint} ({@code c <= 0} satisfied), or an empty
     *      array when the trial has none
     */
    public double[] constraints() {
        if (!(systemAttrs.get(CONSTRAINTS) instanceof List<?> list)) {
            return new double[0];
        }
        double[] c = new double[list.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = list.get(i) instanceof Number n ? n.doubleValue() : Double.NaN;
        }
        return c;
    }

    /**
     * Whether the trial carries constraint values.
     *
     * @return whether the trial carries constraint values
     */
    public boolean hasConstraints() {
        return systemAttrs.get(CONSTRAINTS) instanceof List<?>;
    }

    /**
     * Total constraint violation {@code sum(max(0, c_i))} (Deb's constrained domination); 0 for a
     * feasible trial and for one without constraints.
     *
     * @return total constraint violation {@code sum(max(0, c_i))} (Deb's constrained domination)
     */
    public double constraintViolation() {
        double v = 0;
        for (double c : constraints()) {
            v += c > 0 ? c : 0;
        }
        return v;
    }

    /**
     * Whether every constraint is satisfied ({@code c <= 0}); true for a trial without constraints.
     *
     * @return whether every constraint is satisfied ({@code c <= 0})
     */
    public boolean isFeasible() {
        return constraintViolation() == 0;
    }

    /**
     * Last reported step, or -1 when nothing was reported.
     *
     * @return last reported step, or -1 when nothing was reported
     */
    public int lastStep() {
        return intermediateValues.isEmpty() ? -1 : intermediateValues.lastKey();
    }

    /**
     * Time between start and completion, or null while unfinished.
     *
     * @return time between start and completion, or null while unfinished
     */
    public Duration duration() {
        return datetimeStart == null || datetimeComplete == null ? null : Duration.between(datetimeStart, datetimeComplete);
    }

    /**
     * A copy in another state with other values (used to build trials for {@code Study.addTrial}).
     *
     * @param newState the state of the copy
     * @param newValues the values of the copy
     * @return a copy in another state with other values (used to build trials for {@code Study.addTrial})
     */
    public FrozenTrial withStateAndValues(TrialState newState, List<Double> newValues) {
        return new FrozenTrial(id, number, newState, newValues, datetimeStart, datetimeComplete, internalParams,
                distributions, intermediateValues, userAttrs, systemAttrs);
    }

    /**
     * A copy carrying constraint values ({@code c <= 0} satisfied), e.g. for {@link Study#addTrial}.
     *
     * @param constraints the constraint values, {@code c <= 0} satisfied
     * @return a copy carrying constraint values ({@code c <= 0} satisfied), e.g. for {@link Study#addTrial}
     */
    public FrozenTrial withConstraints(double... constraints) {
        Map<String, Object> sys = new LinkedHashMap<>(systemAttrs);
        sys.put(CONSTRAINTS, Constraints.check(constraints));
        return new FrozenTrial(id, number, state, values, datetimeStart, datetimeComplete, internalParams,
                distributions, intermediateValues, userAttrs, sys);
    }

    /**
     * A finished trial made by hand, for {@link Study#addTrial}: parameters given as external
     * values with their distributions.
     *
     * @param state COMPLETE, PRUNED or FAIL
     * @param values one value per direction (empty for FAIL)
     * @param params parameter values by name, as external values
     * @param distributions each parameter's distribution, by name
     * @return a finished trial made by hand, for {@link Study#addTrial}
     */
    public static FrozenTrial of(TrialState state, List<Double> values, Map<String, Object> params,
            Map<String, Distribution> distributions) {
        Map<String, Double> internal = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            Distribution d = distributions.get(e.getKey());
            if (d == null) {
                throw new IllegalArgumentException("parameter '" + e.getKey() + "' has no distribution");
            }
            double v = d.toInternal(e.getValue());
            if (!d.contains(v)) {
                throw new IllegalArgumentException("parameter '" + e.getKey() + "' = " + e.getValue() + " is outside "
                        + nas.api.distribution.Distributions.describe(d));
            }
            internal.put(e.getKey(), v);
        }
        Instant now = Instant.now();
        return new FrozenTrial(-1, -1, state, values, now, state.isFinished() ? now : null, internal, distributions,
                new TreeMap<>(), Map.of(), Map.of());
    }
}
