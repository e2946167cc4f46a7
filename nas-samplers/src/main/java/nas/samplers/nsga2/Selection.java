package nas.samplers.nsga2;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * NSGA-II's two selections (Deb et al. 2002): elitist (mu + lambda) survival by front and crowding
 * distance (section III-C), and binary tournament on the crowded-comparison order
 * {@code (rank asc, crowding desc)} to pick parents.
 */
public final class Selection {
    private Selection() {}

    /**
     * Indices of the {@code size} survivors among {@code values} (parents and offspring together):
     * whole fronts in order while they fit, then the most isolated points (largest crowding
     * distance; ties by lower index) of the first front that does not fit. Returned ascending.
     *
     * @param violations total constraint violation per point (0 = feasible), or null
     */
    public static int[] survivors(double[][] values, double[] violations, int size) {
        if (size < 0) {
            throw new IllegalArgumentException("survivor count must be >= 0, got " + size);
        }
        if (values.length <= size) {
            int[] all = new int[values.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        List<int[]> fronts = NonDominatedSort.fronts(values, violations);
        int[] chosen = new int[size];
        int filled = 0;
        for (int[] front : fronts) {
            if (filled + front.length <= size) {
                System.arraycopy(front, 0, chosen, filled, front.length);
                filled += front.length;
                if (filled == size) {
                    break;
                }
                continue;
            }
            double[] crowding = CrowdingDistance.of(values, front);
            Integer[] order = new Integer[front.length];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (a, b) -> Double.compare(crowding[b], crowding[a]));
            for (int k = 0; filled < size; k++) {
                chosen[filled++] = front[order[k]];
            }
            break;
        }
        Arrays.sort(chosen);
        return chosen;
    }

    /** Crowding distance of every point computed within its own front ({@code rank} from {@link NonDominatedSort}). */
    public static double[] crowdingByFront(double[][] values, int[] rank) {
        double[] crowding = new double[values.length];
        for (int[] front : NonDominatedSort.groupByRank(rank)) {
            double[] d = CrowdingDistance.of(values, front);
            for (int k = 0; k < front.length; k++) {
                crowding[front[k]] = d[k];
            }
        }
        return crowding;
    }

    /**
     * Binary tournament: two distinct members drawn uniformly (one when there is only one); the
     * lower rank wins, then the larger crowding distance, then the first drawn.
     */
    public static int tournament(int[] rank, double[] crowding, RandomGenerator rng) {
        int n = rank.length;
        if (n == 0) {
            throw new IllegalArgumentException("tournament needs at least one member, got 0");
        }
        if (n == 1) {
            return 0;
        }
        int a = rng.nextInt(n);
        int b = rng.nextInt(n - 1);
        if (b >= a) {
            b++;
        }
        if (rank[a] != rank[b]) {
            return rank[a] < rank[b] ? a : b;
        }
        return crowding[b] > crowding[a] ? b : a;
    }
}
