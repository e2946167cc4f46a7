package nas.samplers.nsga2;

import java.util.Arrays;

/**
 * Crowding distance of the points of one front (Deb et al. 2002, section III-B): for each
 * objective, sort the front, give the two extreme points an infinite distance, and add to every
 * inner point the normalized gap between its two neighbours, {@code (f[i+1] - f[i-1]) / (max - min)}.
 * An objective on which the whole front is equal adds nothing. O(M N log N).
 */
public final class CrowdingDistance {
    private CrowdingDistance() {}

    /** Crowding distances of all points of {@code front} (minimization values), aligned with it. */
    public static double[] of(double[][] front) {
        int[] all = new int[front.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return of(front, all);
    }

    /**
     * Crowding distances of the points {@code values[members[k]]}, returned aligned with
     * {@code members}.
     */
    public static double[] of(double[][] values, int[] members) {
        int n = members.length;
        double[] distance = new double[n];
        if (n == 0) {
            return distance;
        }
        if (n <= 2) {
            Arrays.fill(distance, Double.POSITIVE_INFINITY);
            return distance;
        }
        int objectives = values[members[0]].length;
        Integer[] order = new Integer[n];
        for (int m = 0; m < objectives; m++) {
            final int objective = m;
            for (int k = 0; k < n; k++) {
                order[k] = k;
            }
            // Stable sort, so ties keep their input order and the result is deterministic.
            Arrays.sort(order, (a, b) -> Double.compare(values[members[a]][objective], values[members[b]][objective]));
            double min = values[members[order[0]]][m];
            double max = values[members[order[n - 1]]][m];
            distance[order[0]] = Double.POSITIVE_INFINITY;
            distance[order[n - 1]] = Double.POSITIVE_INFINITY;
            double range = max - min;
            if (!(range > 0.0) || Double.isInfinite(range)) {
                continue;
            }
            for (int k = 1; k < n - 1; k++) {
                double gap = values[members[order[k + 1]]][m] - values[members[order[k - 1]]][m];
                distance[order[k]] += gap / range;
            }
        }
        return distance;
    }
}
