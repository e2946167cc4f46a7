package nas.samplers.gp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.distribution.IntDistribution;

/**
 * Where the GP models a search space: each numeric parameter as one column on [0, 1] (log scales
 * as {@code ln x}; steps and ints widened by half a step so every grid value owns an equal cell),
 * each categorical as one column holding the choice index (the kernel compares choices by
 * equality). {@link #snap} moves a point onto values the distributions can take.
 */
final class GpSpace {

    private final List<String> names;
    private final List<Distribution> distributions;
    private final double[] low;
    private final double[] high;
    private final boolean[] categorical;
    private final int[] choices;

    GpSpace(Map<String, Distribution> space) {
        this.names = List.copyOf(space.keySet());
        this.distributions = List.copyOf(space.values());
        int d = names.size();
        low = new double[d];
        high = new double[d];
        categorical = new boolean[d];
        choices = new int[d];
        for (int j = 0; j < d; j++) {
            Distribution dist = distributions.get(j);
            if (dist instanceof CategoricalDistribution c) {
                categorical[j] = true;
                choices[j] = c.choices().size();
            } else if (dist instanceof FloatDistribution f) {
                double half = f.log() ? 0 : f.step() / 2;
                low[j] = f.log() ? Math.log(f.low()) : f.low() - half;
                high[j] = f.log() ? Math.log(f.high()) : f.high() + half;
            } else {
                IntDistribution i = (IntDistribution) dist;
                low[j] = i.log() ? Math.log(i.low() - 0.5) : i.low() - i.step() / 2.0;
                high[j] = i.log() ? Math.log(i.high() + 0.5) : i.high() + i.step() / 2.0;
            }
        }
    }

    int dimension() {
        return names.size();
    }

    List<String> names() {
        return names;
    }

    boolean[] categorical() {
        return categorical;
    }

    int choices(int j) {
        return choices[j];
    }

    /** The column of parameter j, from its internal value. */
    double encode(int j, double internal) {
        if (categorical[j]) {
            return internal;
        }
        Distribution d = distributions.get(j);
        boolean log = (d instanceof FloatDistribution f && f.log()) || (d instanceof IntDistribution i && i.log());
        double v = log ? Math.log(internal) : internal;
        return (v - low[j]) / (high[j] - low[j]);
    }

    /** The internal value of parameter j from a column value (snapped into the distribution). */
    double decode(int j, double u) {
        Distribution d = distributions.get(j);
        if (categorical[j]) {
            return Math.max(0, Math.min(choices[j] - 1, Math.floor(u)));
        }
        double v = low[j] + Math.max(0, Math.min(1, u)) * (high[j] - low[j]);
        if (d instanceof FloatDistribution f) {
            return f.snap(f.log() ? Math.exp(v) : v);
        }
        IntDistribution i = (IntDistribution) d;
        return i.snap(i.log() ? Math.exp(v) : v);
    }

    /** Whether column j is numeric and continuous (not a step grid, not an int). */
    boolean continuous(int j) {
        return distributions.get(j) instanceof FloatDistribution f && !f.hasStep();
    }

    /** Moves {@code x} in place onto the representable values (grid cells' values, choice indices). */
    void snap(double[] x) {
        for (int j = 0; j < x.length; j++) {
            if (categorical[j] || !continuous(j)) {
                x[j] = encode(j, decode(j, x[j]));
            }
        }
    }

    double[] encode(Map<String, Double> internal) {
        double[] x = new double[names.size()];
        for (int j = 0; j < x.length; j++) {
            x[j] = encode(j, internal.get(names.get(j)));
        }
        return x;
    }

    Map<String, Double> decode(double[] x) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j = 0; j < x.length; j++) {
            out.put(names.get(j), decode(j, x[j]));
        }
        return out;
    }
}
