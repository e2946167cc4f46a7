package nas.analysis.importance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Elementary-effects analysis (Morris 1991; μ* after Campolongo, Cariboni and Saltelli 2007).
 *
 * <p>Input: trajectories of points in normalised coordinates and the output at every point. Between two
 * consecutive points of a trajectory exactly one coordinate {@code i} may change; the elementary effect is
 * {@code EE_i = (y_b - y_a) / (u_b,i - u_a,i)}.
 *
 * <p><b>Normalisation.</b> Coordinates are the parameter's position in its range, in {@code [0,1]}: for a
 * float or integer parameter {@code (t(v) - t(low)) / (t(high) - t(low))} with {@code t = log} on a log
 * scale and the identity otherwise; for a categorical parameter {@code index / (n - 1)}. An effect is thus
 * "change of the output per full range of the parameter": for {@code f(x) = 10 x0} on {@code [0,1]} every
 * effect of {@code x0} is 10. Using the realised coordinates (not the design's) keeps the effects right when
 * an integer or categorical parameter rounds a design level.
 *
 * <p>Steps whose end points lack an output (NaN: a failed or missing trial) are skipped and counted;
 * steps where no coordinate changed (a rounding collapsed the step) are skipped and counted separately. A
 * NaN coordinate marks a parameter the trial did not use (a conditional parameter): NaN at both ends is no
 * change, and a step that switches a parameter on or off counts as empty.
 *
 * <p>Confidence intervals of μ* are bootstrap percentile intervals: the parameter's effects are resampled
 * with replacement, μ* is recomputed, and the {@code (1-c)/2} and {@code (1+c)/2} quantiles are reported.
 */
public final class MorrisAnalysis {

    /**
     * Options of the bootstrap.
     *
     * @param resamples  bootstrap resamples, at least 1 (1000 by default)
     * @param confidence confidence level of the interval, in (0, 1) (0.95 by default)
     * @param seed       seed of the resampling
     */
    public record Options(int resamples, double confidence, long seed) {
        /**
         * Checks the bootstrap options.
         *
         * @throws IllegalArgumentException for fewer than 1 resample or a confidence outside (0, 1)
         */
        public Options {
            if (resamples < 1) {
                throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
            }
            if (!(confidence > 0 && confidence < 1)) {
                throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
            }
        }

        /**
         * 1000 resamples, a 95 % interval, seed 0.
         *
         * @return the defaults
         */
        public static Options defaults() {
            return new Options(1000, 0.95, 0L);
        }
    }

    /**
     * Result of the analysis.
     *
     * @param indices      per parameter, in input order
     * @param missingSteps steps skipped because an end point has no output (failed or missing trial)
     * @param emptySteps   steps skipped because no coordinate changed, or the one that changed was inactive
     *                     at one end
     */
    public record Result(List<MorrisIndices> indices, int missingSteps, int emptySteps) {
        /** Copies the list, so a result never changes after it is made. */
        public Result {
            indices = List.copyOf(indices);
        }
    }

    private MorrisAnalysis() {
    }

    /**
     * Analyses a Morris design.
     *
     * @param trajectories {@code [r][k+1][k]} normalised coordinates
     * @param outputs      {@code [r][k+1]} outputs; NaN marks a missing one
     */
    public static Result analyze(double[][][] trajectories, double[][] outputs, Options options) {
        return analyze(trajectories, outputs, null, options);
    }

    /**
     * Analyses a Morris design whose moved factors are known.
     *
     * <p>{@code moved[t][s]} (for {@code s >= 1}) is the factor the design moved between points {@code s-1}
     * and {@code s}. The step's effect is attributed to that factor, and changes of other coordinates in the
     * same step are ignored: they are side effects of the move (a conditional parameter switched off, or a
     * rule of the objective that adjusts one parameter to another). The denominator is the realised change
     * of the moved factor; a step where it did not change, or was inactive at one end, is empty.
     *
     * @param moved {@code [r][k+1]} moved factor per step (entry 0 unused), or null to infer it from the
     *              coordinates (then every step must change at most one coordinate)
     */
    public static Result analyze(double[][][] trajectories, double[][] outputs, int[][] moved, Options options) {
        if (trajectories.length == 0) {
            throw new IllegalArgumentException("at least one trajectory is needed, got 0");
        }
        if (outputs.length != trajectories.length) {
            throw new IllegalArgumentException("outputs must have one row per trajectory: "
                    + outputs.length + " rows for " + trajectories.length + " trajectories");
        }
        int k = trajectories[0].length == 0 ? 0 : trajectories[0][0].length;
        if (k == 0) {
            throw new IllegalArgumentException("trajectories must have points with at least one coordinate");
        }
        List<List<Double>> effects = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            effects.add(new ArrayList<>());
        }
        int missing = 0;
        int empty = 0;
        for (int t = 0; t < trajectories.length; t++) {
            double[][] points = trajectories[t];
            if (outputs[t].length != points.length) {
                throw new IllegalArgumentException("trajectory " + t + " has " + points.length + " points but "
                        + outputs[t].length + " outputs");
            }
            for (int s = 1; s < points.length; s++) {
                double[] a = points[s - 1];
                double[] b = points[s];
                if (a.length != k || b.length != k) {
                    throw new IllegalArgumentException("every point must have " + k + " coordinates; trajectory "
                            + t + " point " + s + " has " + b.length);
                }
                double ya = outputs[t][s - 1];
                double yb = outputs[t][s];
                if (!Double.isFinite(ya) || !Double.isFinite(yb)) {
                    missing++; // coordinates of a missing point are not looked at
                    continue;
                }
                int changed = -1;
                if (moved != null) {
                    changed = moved[t][s];
                    if (changed < 0 || changed >= k) {
                        throw new IllegalArgumentException("trajectory " + t + " step " + s + " moves factor " + changed
                                + ", outside [0, " + k + ")");
                    }
                    if (Double.compare(a[changed], b[changed]) == 0) {
                        changed = -1;
                    }
                } else {
                    for (int i = 0; i < k; i++) {
                        if (Double.compare(a[i], b[i]) != 0) { // NaN (inactive) at both ends is no change
                            if (changed >= 0) {
                                throw new IllegalArgumentException("trajectory " + t + " step " + s
                                        + " changes coordinates " + changed + " and " + i + "; a Morris step changes one");
                            }
                            changed = i;
                        }
                    }
                }
                if (changed < 0 || Double.isNaN(a[changed]) || Double.isNaN(b[changed])) {
                    empty++;
                } else {
                    effects.get(changed).add((yb - ya) / (b[changed] - a[changed]));
                }
            }
        }
        SplittableRandom random = new SplittableRandom(options.seed());
        List<MorrisIndices> indices = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            double[] ee = effects.get(i).stream().mapToDouble(Double::doubleValue).toArray();
            indices.add(statistics(ee, options, random.split()));
        }
        return new Result(indices, missing, empty);
    }

    static MorrisIndices statistics(double[] ee, Options options, SplittableRandom random) {
        int n = ee.length;
        if (n == 0) {
            return new MorrisIndices(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double sum = 0;
        double sumAbs = 0;
        for (double e : ee) {
            sum += e;
            sumAbs += Math.abs(e);
        }
        double mu = sum / n;
        double muStar = sumAbs / n;
        double sigma = Double.NaN;
        if (n > 1) {
            double ss = 0;
            for (double e : ee) {
                ss += (e - mu) * (e - mu);
            }
            sigma = Math.sqrt(ss / (n - 1));
        }
        double[] boot = new double[options.resamples()];
        for (int b = 0; b < boot.length; b++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += Math.abs(ee[random.nextInt(n)]);
            }
            boot[b] = s / n;
        }
        Arrays.sort(boot);
        double tail = (1 - options.confidence()) / 2;
        return new MorrisIndices(mu, muStar, sigma, quantile(boot, tail), quantile(boot, 1 - tail), n);
    }

    /** Linear-interpolation quantile of sorted values (type 7 of Hyndman and Fan). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
