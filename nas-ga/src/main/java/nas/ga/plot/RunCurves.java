package nas.ga.plot;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

import nas.ga.GaResult;
import nas.ga.GenerationRecord;

/** Per-generation curves of several runs of one setting (e.g. one per seed), as a chart plots them. */
public final class RunCurves {

    private RunCurves() {
    }

    /**
     * The evaluations spent by the end of each generation, the x of every curve (runs of one setting share
     * them).
     *
     * @param runs the runs of one setting (e.g. one per seed)
     * @return the evaluations, one per generation
     * @throws IllegalArgumentException if the runs differ in length or evaluations
     */
    public static double[] evaluations(List<GaResult> runs) {
        double[] x = runs.get(0).history().stream().mapToDouble(GenerationRecord::evaluations).toArray();
        for (GaResult r : runs) {
            double[] other = r.history().stream().mapToDouble(GenerationRecord::evaluations).toArray();
            if (!Arrays.equals(x, other)) {
                throw new IllegalArgumentException("the runs do not share their generations' evaluations");
            }
        }
        return x;
    }

    /**
     * For each generation, the median over the runs of {@code metric} (NaN values left out; NaN if all are).
     *
     * @param runs the runs of one setting (e.g. one per seed)
     * @param metric the value of a generation to plot
     * @return the medians, one per generation
     */
    public static double[] median(List<GaResult> runs, ToDoubleFunction<GenerationRecord> metric) {
        return smoothedMedian(runs, metric, 1);
    }

    /**
     * Per run, {@code metric} smoothed by {@link #trailingMean}, then the median over the runs per generation.
     *
     * @param runs the runs of one setting (e.g. one per seed)
     * @param metric the value of a generation to plot
     * @param window generations averaged (at least 1)
     * @return the medians, one per generation
     */
    public static double[] smoothedMedian(List<GaResult> runs, ToDoubleFunction<GenerationRecord> metric,
            int window) {
        int generations = evaluations(runs).length;
        double[][] smooth = new double[runs.size()][];
        for (int k = 0; k < runs.size(); k++) {
            smooth[k] = trailingMean(runs.get(k).history().stream().mapToDouble(metric).toArray(), window);
        }
        double[] out = new double[generations];
        double[] values = new double[runs.size()];
        for (int g = 0; g < generations; g++) {
            int n = 0;
            for (double[] s : smooth) {
                if (!Double.isNaN(s[g])) {
                    values[n++] = s[g];
                }
            }
            out[g] = median(values, n);
        }
        return out;
    }

    /**
     * The mean of the last {@code window} values up to each index (fewer at the start), NaN values left out;
     * NaN where the window holds none.
     *
     * @param v the values
     * @param window generations averaged (at least 1)
     * @return the means, one per value
     */
    public static double[] trailingMean(double[] v, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, got " + window);
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double sum = 0;
            int n = 0;
            for (int j = Math.max(0, i - window + 1); j <= i; j++) {
                if (!Double.isNaN(v[j])) {
                    sum += v[j];
                    n++;
                }
            }
            out[i] = n == 0 ? Double.NaN : sum / n;
        }
        return out;
    }

    private static double median(double[] values, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double[] s = Arrays.copyOf(values, n);
        Arrays.sort(s);
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
