package nas.pruners;

import java.util.Arrays;
import java.util.Collection;
import java.util.NavigableMap;
import nas.api.StudyDirection;
import nas.api.StudyView;

/**
 * The small rules several pruners share: which step is a pruning check, the best of a trial's
 * values, percentiles that ignore NaN. Pure functions.
 */
final class PruneRules {

    private PruneRules() {
    }

    /**
     * The direction of a single-objective study.
     *
     * @throws IllegalArgumentException for a multi-objective study, which no pruner supports
     */
    static StudyDirection direction(StudyView study) {
        if (study.directions().size() != 1) {
            throw new IllegalArgumentException("pruning is not supported for multi-objective studies, but study '"
                    + study.name() + "' has " + study.directions().size() + " objectives");
        }
        return study.directions().get(0);
    }

    /**
     * Whether {@code step}, the trial's latest step, is the first report at or after the latest
     * pruning check point. Check points are {@code nWarmupSteps + k·intervalSteps}; a check point
     * that got no report of its own is checked at the next reported step, but only once.
     */
    static boolean isFirstInInterval(int step, Collection<Integer> reportedSteps, int nWarmupSteps,
            int intervalSteps) {
        int checkPoint = Math.floorDiv(step - nWarmupSteps, intervalSteps) * intervalSteps + nWarmupSteps;
        int previous = -1;
        for (int s : reportedSteps) {
            if (s != step && s > previous) {
                previous = s;
            }
        }
        return previous < checkPoint;
    }

    /** The best non-NaN value of a trial's reports in {@code direction}; NaN when all are NaN. */
    static double bestOverSteps(NavigableMap<Integer, Double> values, StudyDirection direction) {
        double best = Double.NaN;
        for (double v : values.values()) {
            if (!Double.isNaN(v) && (Double.isNaN(best) || direction.isBetter(v, best))) {
                best = v;
            }
        }
        return best;
    }

    /**
     * The {@code q}-th percentile (0..100) of the first {@code n} entries of {@code xs}, ignoring
     * NaN, by linear interpolation between closest ranks (rank {@code q/100·(m−1)} of the
     * {@code m} sorted values, the definition NumPy uses by default). NaN when every entry is
     * NaN. Sorts {@code xs[0..n)} in place.
     */
    static double nanPercentile(double[] xs, int n, double q) {
        Arrays.sort(xs, 0, n); // NaN sorts last
        int m = n;
        while (m > 0 && Double.isNaN(xs[m - 1])) {
            m--;
        }
        if (m == 0) {
            return Double.NaN;
        }
        double rank = q / 100.0 * (m - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, m - 1);
        double frac = rank - lo;
        return frac == 0 ? xs[lo] : xs[lo] + (xs[hi] - xs[lo]) * frac;
    }

    static void requireAtLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", but got " + value);
        }
    }
}
