package nas.samplers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.StudyView;
import nas.api.TrialState;
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.distribution.IntDistribution;
import nas.api.distribution.Distributions;
import nas.api.sampler.Sampler;

/**
 * Holds some parameters at given values and lets another sampler choose the rest (Optuna's
 * {@code PartialFixedSampler}). This is phase 2 of screening: search only the parameters that matter, the
 * others fixed at their defaults.
 *
 * <p>Fixed values are external values (what the objective sees: a number, or the categorical choice
 * itself). Fixed parameters are removed from the delegate's relative search space, so a joint sampler
 * models only the free ones.
 */
public final class PartialFixedSampler implements Sampler {

    private final Map<String, Object> fixed;
    private final Sampler delegate;

    /**
     * @param fixed    parameter name → external value, or its text (parsed by the parameter's distribution)
     * @param delegate sampler of the other parameters
     */
    public PartialFixedSampler(Map<String, ?> fixed, Sampler delegate) {
        if (delegate == null) {
            throw new IllegalArgumentException("the delegate sampler must not be null");
        }
        for (Map.Entry<String, ?> e : fixed.entrySet()) {
            if (e.getValue() == null) {
                throw new IllegalArgumentException("fixed parameter '" + e.getKey() + "' needs a value, got null");
            }
        }
        this.fixed = Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
        this.delegate = delegate;
    }

    /** The fixed parameters. */
    public Map<String, Object> fixed() {
        return fixed;
    }

    /** The sampler of the free parameters. */
    public Sampler delegate() {
        return delegate;
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
        Map<String, Distribution> space = new LinkedHashMap<>(delegate.inferRelativeSearchSpace(study, trial));
        space.keySet().removeAll(fixed.keySet());
        return Collections.unmodifiableMap(space);
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
        return delegate.sampleRelative(study, trial, searchSpace);
    }

    /**
     * The fixed value when {@code name} is fixed, else the delegate's sample.
     *
     * @throws IllegalArgumentException if the fixed value is not a value of {@code distribution}
     */
    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        Object value = fixed.get(name);
        if (value == null) {
            return delegate.sampleIndependent(study, trial, name, distribution);
        }
        double internal;
        try {
            internal = distribution.toInternal(value instanceof String text ? parse(text, distribution) : value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("fixed value " + value + " of parameter '" + name + "' is not a value of "
                    + Distributions.describe(distribution) + ": " + e.getMessage(), e);
        }
        if (!distribution.contains(internal)) {
            throw new IllegalArgumentException("fixed value " + value + " of parameter '" + name + "' lies outside "
                    + Distributions.describe(distribution));
        }
        return internal;
    }

    /**
     * A value given as text (from the command line) as the distribution's external type: a number for a
     * float or int, the choice whose text is {@code text} for a categorical.
     */
    static Object parse(String text, Distribution distribution) {
        String t = text.trim();
        if (distribution instanceof FloatDistribution) {
            return Double.parseDouble(t);
        }
        if (distribution instanceof IntDistribution) {
            return Long.parseLong(t);
        }
        for (Object choice : ((CategoricalDistribution) distribution).choices()) {
            if (String.valueOf(choice).equals(t)) {
                return choice;
            }
        }
        throw new IllegalArgumentException("'" + t + "' is none of the choices "
                + ((CategoricalDistribution) distribution).choices());
    }

    @Override
    public void beforeTrial(StudyView study, FrozenTrial trial) {
        delegate.beforeTrial(study, trial);
    }

    @Override
    public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
        delegate.afterTrial(study, trial, state, values);
    }
}
