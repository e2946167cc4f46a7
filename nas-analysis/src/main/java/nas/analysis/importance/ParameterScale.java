package nas.analysis.importance;

import java.util.Map;
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.distribution.IntDistribution;
import nas.api.distribution.SearchSpaceTransform;

/**
 * One real column per parameter, for the importance evaluators.
 *
 * <p>Float and int parameters use their {@link SearchSpaceTransform} column: the value, or its logarithm on
 * a log scale, inside the transform's bounds (widened by half a step for integers and stepped floats, so
 * every grid value owns an equal interval). A categorical parameter is its choice index inside
 * {@code [-1/2, n - 1/2]}: one column instead of the transform's one-hot block, so that its importance is the
 * variance of one marginal and every choice owns an interval of equal width. Trees split between indices,
 * which partitions the choices; the order of the choices only affects which partitions a tree can reach.
 */
final class ParameterScale {

    private ParameterScale() {
    }

    /** Column value of an internal parameter value. */
    static double encode(Distribution d, double internal) {
        if (d instanceof FloatDistribution f && f.log()) {
            return Math.log(internal);
        }
        if (d instanceof IntDistribution i && i.log()) {
            return Math.log(internal);
        }
        return internal;
    }

    /** {@code {lower, upper}} of the column. */
    static double[] bounds(Distribution d) {
        if (d instanceof CategoricalDistribution c) {
            return new double[] {-0.5, c.choices().size() - 0.5};
        }
        SearchSpaceTransform t = new SearchSpaceTransform(Map.of("p", d));
        return new double[] {t.lower(0), t.upper(0)};
    }

    /**
     * Position in the parameter's range, in {@code [0, 1]}, for elementary effects:
     * {@code (t(v) - t(low)) / (t(high) - t(low))} for floats and ints ({@code t = log} on a log scale), and
     * {@code index / (n - 1)} for a categorical with {@code n} choices. An effect over this scale is the change
     * of the output across the parameter's whole range, whatever its units.
     */
    static double unit(Distribution d, double internal) {
        if (d instanceof CategoricalDistribution c) {
            return internal / (c.choices().size() - 1);
        }
        double low;
        double high;
        if (d instanceof FloatDistribution f) {
            low = f.low();
            high = f.high();
        } else {
            IntDistribution i = (IntDistribution) d;
            low = i.low();
            high = i.high();
        }
        return (encode(d, internal) - encode(d, low)) / (encode(d, high) - encode(d, low));
    }
}
