package nas.samplers.nsga2;

import nas.api.Dominance;
import java.util.ArrayList;
import java.util.List;

/**
 * Fast non-dominated sorting (Deb, Pratap, Agarwal and Meyarivan, "A fast and elitist
 * multiobjective genetic algorithm: NSGA-II", IEEE TEVC 6(2), 2002, section III-A).
 *
 * <p>Each pair is compared once: O(M N²) comparisons and O(N²) memory for the lists of dominated
 * solutions, stored as flat int arrays. Values are in minimization form (negate maximized
 * objectives before calling).
 */
public final class NonDominatedSort {
    private NonDominatedSort() {}

    /** Front index of every point (0 = non-dominated), by Pareto dominance. */
    public static int[] ranks(double[][] values) {
        return ranks(values, null);
    }

    /**
     * Front index of every point by Deb's constrained domination; {@code violations} (one total
     * violation per point, 0 = feasible) may be null for an unconstrained problem.
     */
    public static int[] ranks(double[][] values, double[] violations) {
        int n = values.length;
        validate(values, violations);
        int[] dominatedCount = new int[n];
        // dominates[i] lists the points that i dominates, as a growable slice of a flat array.
        int[][] dominated = new int[n][];
        int[] dominatedSize = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (beats(values, violations, i, j)) {
                    dominated[i] = push(dominated[i], dominatedSize[i]++, j);
                    dominatedCount[j]++;
                } else if (beats(values, violations, j, i)) {
                    dominated[j] = push(dominated[j], dominatedSize[j]++, i);
                    dominatedCount[i]++;
                }
            }
        }
        int[] rank = new int[n];
        int[] current = new int[n];
        int currentSize = 0;
        for (int i = 0; i < n; i++) {
            if (dominatedCount[i] == 0) {
                current[currentSize++] = i;
            }
        }
        int[] next = new int[n];
        int front = 0;
        while (currentSize > 0) {
            int nextSize = 0;
            for (int k = 0; k < currentSize; k++) {
                int p = current[k];
                rank[p] = front;
                for (int d = 0; d < dominatedSize[p]; d++) {
                    int q = dominated[p][d];
                    if (--dominatedCount[q] == 0) {
                        next[nextSize++] = q;
                    }
                }
            }
            int[] swap = current;
            current = next;
            next = swap;
            currentSize = nextSize;
            front++;
        }
        return rank;
    }

    /** The fronts as lists of point indices, ascending within each front, best front first. */
    public static List<int[]> fronts(double[][] values) {
        return fronts(values, null);
    }

    /** The fronts by constrained domination (see {@link #ranks(double[][], double[])}). */
    public static List<int[]> fronts(double[][] values, double[] violations) {
        return groupByRank(ranks(values, violations));
    }

    /** Groups point indices by rank: element {@code r} holds the indices with rank {@code r}, ascending. */
    public static List<int[]> groupByRank(int[] rank) {
        int maxRank = -1;
        for (int r : rank) {
            maxRank = Math.max(maxRank, r);
        }
        int[] sizes = new int[maxRank + 1];
        for (int r : rank) {
            sizes[r]++;
        }
        List<int[]> fronts = new ArrayList<>(maxRank + 1);
        for (int r = 0; r <= maxRank; r++) {
            fronts.add(new int[sizes[r]]);
        }
        int[] fill = new int[maxRank + 1];
        for (int i = 0; i < rank.length; i++) {
            fronts.get(rank[i])[fill[rank[i]]++] = i;
        }
        return fronts;
    }

    private static boolean beats(double[][] values, double[] violations, int a, int b) {
        if (violations == null) {
            return Dominance.dominates(values[a], values[b]);
        }
        return Dominance.constrainedDominates(values[a], violations[a], values[b], violations[b]);
    }

    private static int[] push(int[] list, int size, int value) {
        if (list == null) {
            list = new int[4];
        } else if (size == list.length) {
            list = java.util.Arrays.copyOf(list, size * 2);
        }
        list[size] = value;
        return list;
    }

    static void validate(double[][] values, double[] violations) {
        if (values.length == 0) {
            if (violations != null && violations.length != 0) {
                throw new IllegalArgumentException("violations must have one entry per point, got "
                        + violations.length + " for 0 points");
            }
            return;
        }
        int m = values[0].length;
        if (m == 0) {
            throw new IllegalArgumentException("points must have at least one objective, got 0");
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != m) {
                throw new IllegalArgumentException("all points must have " + m + " objectives, point "
                        + i + " has " + values[i].length);
            }
            for (double v : values[i]) {
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("objective values must not be NaN, point " + i
                            + " is " + java.util.Arrays.toString(values[i]));
                }
            }
        }
        if (violations != null && violations.length != values.length) {
            throw new IllegalArgumentException("violations must have one entry per point, got "
                    + violations.length + " for " + values.length + " points");
        }
    }
}
