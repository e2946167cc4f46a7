package nas.samplers.tpe;

import java.util.List;
import java.util.Map;
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.distribution.IntDistribution;

/**
 * Where TPE models each distribution: floats as themselves, log scales as {@code ln x}, steps and
 * ints as grid cells (bounds widened by half a step, {@code ln(low − ½)..ln(high + ½)} for log
 * ints, whose cells are {@code [ln(v − ½), ln(v + ½)]}), categoricals as choice indices.
 */
final class TpeSpace {

    private final List<String> names;
    private final List<Distribution> distributions;
    private final ParzenEstimator.Dimension[] dims;

    TpeSpace(Map<String, Distribution> space) {
        this.names = List.copyOf(space.keySet());
        this.distributions = List.copyOf(space.values());
        this.dims = new ParzenEstimator.Dimension[names.size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = dimension(distributions.get(i));
        }
    }

    static ParzenEstimator.Dimension dimension(Distribution d) {
        if (d instanceof CategoricalDistribution c) {
            return ParzenEstimator.Dimension.categorical(c.choices().size());
        }
        if (d instanceof FloatDistribution f) {
            if (f.log()) {
                return ParzenEstimator.Dimension.continuous(Math.log(f.low()), Math.log(f.high()));
            }
            if (f.hasStep()) {
                return ParzenEstimator.Dimension.discrete(f.low() - f.step() / 2, f.high() + f.step() / 2, f.step());
            }
            return ParzenEstimator.Dimension.continuous(f.low(), f.high());
        }
        IntDistribution i = (IntDistribution) d;
        if (i.log()) {
            return ParzenEstimator.Dimension.logIntegers(i.low(), i.high());
        }
        return ParzenEstimator.Dimension.discrete(i.low() - i.step() / 2.0, i.high() + i.step() / 2.0, i.step());
    }

    static double encode(Distribution d, double internal) {
        if ((d instanceof FloatDistribution f && f.log()) || (d instanceof IntDistribution i && i.log())) {
            return Math.log(internal);
        }
        return internal;
    }

    static double decode(Distribution d, double x) {
        if (d instanceof CategoricalDistribution) {
            return x;
        }
        if (d instanceof FloatDistribution f) {
            return f.snap(f.log() ? Math.exp(x) : x);
        }
        IntDistribution i = (IntDistribution) d;
        return i.snap(i.log() ? Math.exp(x) : x);
    }

    List<String> names() {
        return names;
    }

    List<Distribution> distributions() {
        return distributions;
    }

    ParzenEstimator.Dimension[] dims() {
        return dims;
    }
}
