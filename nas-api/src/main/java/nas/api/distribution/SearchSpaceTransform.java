package nas.api.distribution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps parameters of a search space to a bounded real vector and back, so numeric samplers
 * (CMA-ES, NSGA-II, Morris, fANOVA, ...) never branch on distribution types.
 *
 * <ul>
 *   <li>float: itself, or {@code ln x} on a log scale; a step grid widens the bounds by half a
 *       step on each side so every grid point owns an equal interval;</li>
 *   <li>int: like a stepped float ({@code ln(low − ½)..ln(high + ½)} on a log scale);</li>
 *   <li>categorical: one-hot, one column in [0, 1] per choice; decoded by arg-max.</li>
 * </ul>
 * Instances are immutable and thread-safe.
 */
public final class SearchSpaceTransform {

    private final List<String> names;
    private final List<Distribution> distributions;
    private final int[] firstColumn; // per parameter
    private final int[] columnParam; // per column
    private final double[] lower;
    private final double[] upper;

    /**
     * The transform of {@code space}, parameters in its iteration order.
     *
     * @param space the search space, by parameter name
     */
    public SearchSpaceTransform(Map<String, Distribution> space) {
        this.names = List.copyOf(space.keySet());
        this.distributions = List.copyOf(space.values());
        this.firstColumn = new int[names.size()];
        List<double[]> bounds = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int p = 0; p < distributions.size(); p++) {
            firstColumn[p] = bounds.size();
            Distribution d = distributions.get(p);
            if (d instanceof CategoricalDistribution c) {
                for (int k = 0; k < c.choices().size(); k++) {
                    bounds.add(new double[] {0, 1});
                    owner.add(p);
                }
            } else {
                bounds.add(numericBounds(d));
                owner.add(p);
            }
        }
        this.lower = new double[bounds.size()];
        this.upper = new double[bounds.size()];
        this.columnParam = new int[bounds.size()];
        for (int i = 0; i < bounds.size(); i++) {
            lower[i] = bounds.get(i)[0];
            upper[i] = bounds.get(i)[1];
            columnParam[i] = owner.get(i);
        }
    }

    private static double[] numericBounds(Distribution d) {
        if (d instanceof FloatDistribution f) {
            if (f.log()) {
                return new double[] {Math.log(f.low()), Math.log(f.high())};
            }
            double half = f.step() / 2;
            return new double[] {f.low() - half, f.high() + half};
        }
        IntDistribution i = (IntDistribution) d;
        if (i.log()) {
            return new double[] {Math.log(i.low() - 0.5), Math.log(i.high() + 0.5)};
        }
        return new double[] {i.low() - i.step() / 2.0, i.high() + i.step() / 2.0};
    }

    /**
     * Number of columns of the encoded vector.
     *
     * @return number of columns of the encoded vector
     */
    public int dimension() {
        return lower.length;
    }

    /**
     * Parameter names, in encoding order.
     *
     * @return the parameter names
     */
    public List<String> names() {
        return names;
    }

    /**
     * Distributions, in encoding order.
     *
     * @return the distributions
     */
    public List<Distribution> distributions() {
        return distributions;
    }

    /**
     * Lower bound of column {@code i}.
     *
     * @param i the column index
     * @return the lower bound
     */
    public double lower(int i) {
        return lower[i];
    }

    /**
     * Upper bound of column {@code i}.
     *
     * @param i the column index
     * @return the upper bound
     */
    public double upper(int i) {
        return upper[i];
    }

    /**
     * Index (in {@link #names()}) of the parameter that column {@code i} encodes.
     *
     * @param i the column index
     * @return index (in {@link #names()}) of the parameter that column {@code i} encodes
     */
    public int columnParameter(int i) {
        return columnParam[i];
    }

    /**
     * First column of parameter {@code p}.
     *
     * @param p the parameter's index in {@link #names()}
     * @return the column index
     */
    public int firstColumn(int p) {
        return firstColumn[p];
    }

    /**
     * Encodes internal parameter values; every parameter of the space must be present.
     *
     * @param internal internal values by parameter name
     * @return the encoded vector
     */
    public double[] transform(Map<String, Double> internal) {
        double[] x = new double[dimension()];
        for (int p = 0; p < names.size(); p++) {
            Double v = internal.get(names.get(p));
            if (v == null) {
                throw new IllegalArgumentException("parameter '" + names.get(p) + "' is missing from " + internal.keySet());
            }
            Distribution d = distributions.get(p);
            int c = firstColumn[p];
            if (d instanceof CategoricalDistribution) {
                x[c + (int) (double) v] = 1;
            } else if ((d instanceof FloatDistribution f && f.log()) || (d instanceof IntDistribution i && i.log())) {
                x[c] = Math.log(v);
            } else {
                x[c] = v;
            }
        }
        return x;
    }

    /**
     * Decodes a vector to internal parameter values inside their distributions: clamped to the
     * range, snapped to the step grid, rounded for ints, arg-max for categoricals.
     *
     * @param x the encoded vector
     * @return internal values by parameter name
     */
    public Map<String, Double> untransform(double[] x) {
        if (x.length != dimension()) {
            throw new IllegalArgumentException("vector has " + x.length + " columns, but the space encodes " + dimension());
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int p = 0; p < names.size(); p++) {
            out.put(names.get(p), decode(p, x));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Decodes parameter {@code p} from vector {@code x}.
     *
     * @param p the parameter's index in {@link #names()}
     * @param x the encoded vector
     * @return the parameter's internal value
     */
    public double decode(int p, double[] x) {
        Distribution d = distributions.get(p);
        int c = firstColumn[p];
        if (d instanceof CategoricalDistribution cat) {
            int best = 0;
            for (int k = 1; k < cat.choices().size(); k++) {
                if (x[c + k] > x[c + best]) {
                    best = k;
                }
            }
            return best;
        }
        if (d instanceof FloatDistribution f) {
            return f.snap(f.log() ? Math.exp(x[c]) : x[c]);
        }
        IntDistribution i = (IntDistribution) d;
        return i.snap(i.log() ? Math.exp(x[c]) : x[c]);
    }
}
