package nas.samplers.pareto;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Exact hypervolume of a point set in minimization form: the measure of the region dominated by
 * the set and bounded by a reference point. Points that do not strictly improve on the reference
 * in every objective add nothing.
 *
 * <ul>
 *   <li>2 objectives: sort by the first objective and sweep, O(N log N).</li>
 *   <li>3 or more: WFG (While, Bradstreet and Barone, "A fast way of calculating exact
 *       hypervolumes", IEEE TEVC 16(1), 2012): {@code HV(S) = sum_k [ vol(p_k) - HV(nds(limit(p_k,
 *       S_{>k}))) ]}, where {@code limit} bounds the later points by {@code p_k} (component-wise
 *       max) and {@code nds} keeps their non-dominated ones. Points are processed in decreasing
 *       order of the first objective, so each limit set is a slab in that objective and the
 *       recursion continues on one objective fewer, ending in the 2-D sweep.</li>
 * </ul>
 */
public final class Hypervolume {
    private Hypervolume() {}

    /** Hypervolume of {@code points} with respect to {@code reference}, both in minimization form. */
    public static double of(double[][] points, double[] reference) {
        validate(points, reference);
        int m = reference.length;
        double[][] inside = Arrays.stream(points)
                .filter(p -> strictlyBetter(p, reference))
                .map(double[]::clone)
                .toArray(double[][]::new);
        if (inside.length == 0) {
            return 0.0;
        }
        if (m == 1) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] p : inside) {
                best = Math.min(best, p[0]);
            }
            return reference[0] - best;
        }
        return wfg(nonDominated(inside), reference);
    }

    /**
     * Hypervolume after each prefix of {@code points}: element {@code i} is the hypervolume of
     * {@code points[0..i]}. Keeps the non-dominated archive; a point dominated by (or equal to) an
     * archive member leaves the value unchanged without recomputation.
     */
    public static double[] history(double[][] points, double[] reference) {
        validate(points, reference);
        double[] result = new double[points.length];
        double[][] archive = new double[0][];
        double current = 0.0;
        for (int i = 0; i < points.length; i++) {
            double[] p = points[i];
            if (strictlyBetter(p, reference) && !weaklyDominatedByAny(archive, p)) {
                double[][] next = new double[archive.length + 1][];
                int size = 0;
                for (double[] a : archive) {
                    if (!weaklyDominates(p, a)) {
                        next[size++] = a;
                    }
                }
                next[size++] = p.clone();
                archive = Arrays.copyOf(next, size);
                current = of(archive, reference);
            }
            result[i] = current;
        }
        return result;
    }

    private static double wfg(double[][] front, double[] reference) {
        int m = reference.length;
        if (m == 2) {
            return sweep2d(front, reference);
        }
        if (front.length == 1) {
            return box(front[0], reference);
        }
        // Decreasing first objective: later points are better in that objective, so each limit
        // set is bounded by p_k there and tends to collapse to few non-dominated points.
        double[][] sorted = front.clone();
        Arrays.sort(sorted, Comparator.comparingDouble((double[] p) -> p[0]).reversed());
        double total = 0.0;
        for (int k = 0; k < sorted.length; k++) {
            total += box(sorted[k], reference) - limitedHypervolume(sorted, k, reference);
        }
        return total;
    }

    /**
     * Hypervolume of the points after {@code k}, each bounded by {@code sorted[k]} (worse of the
     * two per objective). The points are sorted by decreasing first objective, so every bounded
     * point has first objective {@code sorted[k][0]}: the limit set is a slab, its volume the slab
     * depth times the (m-1)-dimensional hypervolume of the remaining objectives. So each level of
     * the recursion drops one objective, down to the 2-D sweep.
     */
    private static double limitedHypervolume(double[][] sorted, int k, double[] reference) {
        int rest = sorted.length - k - 1;
        if (rest == 0) {
            return 0.0;
        }
        double[] pk = sorted[k];
        int m = pk.length;
        double[][] limited = new double[rest][m - 1];
        for (int j = 0; j < rest; j++) {
            double[] q = sorted[k + 1 + j];
            for (int d = 1; d < m; d++) {
                limited[j][d - 1] = Math.max(pk[d], q[d]);
            }
        }
        double[] lowerReference = Arrays.copyOfRange(reference, 1, m);
        return (reference[0] - pk[0]) * wfg(nonDominated(limited), lowerReference);
    }

    private static double sweep2d(double[][] front, double[] reference) {
        double[][] sorted = front.clone();
        Arrays.sort(sorted, Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        double total = 0.0;
        double lastY = reference[1];
        for (double[] p : sorted) {
            if (p[1] < lastY) {
                total += (reference[0] - p[0]) * (lastY - p[1]);
                lastY = p[1];
            }
        }
        return total;
    }

    private static double box(double[] p, double[] reference) {
        double v = 1.0;
        for (int d = 0; d < p.length; d++) {
            v *= reference[d] - p[d];
        }
        return v;
    }

    /** The points not weakly dominated by another (of duplicates, the first is kept). */
    static double[][] nonDominated(double[][] points) {
        int n = points.length;
        boolean[] drop = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (drop[i]) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                if (i == j || drop[j]) {
                    continue;
                }
                if (weaklyDominates(points[j], points[i])) {
                    drop[i] = true;
                    break;
                }
            }
        }
        int size = 0;
        double[][] kept = new double[n][];
        for (int i = 0; i < n; i++) {
            if (!drop[i]) {
                kept[size++] = points[i];
            }
        }
        return Arrays.copyOf(kept, size);
    }

    private static boolean weaklyDominatedByAny(double[][] archive, double[] p) {
        for (double[] a : archive) {
            if (weaklyDominates(a, p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean weaklyDominates(double[] a, double[] b) {
        for (int d = 0; d < a.length; d++) {
            if (a[d] > b[d]) {
                return false;
            }
        }
        return true;
    }

    private static boolean strictlyBetter(double[] p, double[] reference) {
        for (int d = 0; d < p.length; d++) {
            if (!(p[d] < reference[d])) {
                return false;
            }
        }
        return true;
    }

    private static void validate(double[][] points, double[] reference) {
        if (reference.length == 0) {
            throw new IllegalArgumentException("reference point must have at least one objective, got 0");
        }
        for (double r : reference) {
            if (!Double.isFinite(r)) {
                throw new IllegalArgumentException("reference point must be finite, got " + Arrays.toString(reference));
            }
        }
        for (int i = 0; i < points.length; i++) {
            if (points[i].length != reference.length) {
                throw new IllegalArgumentException("point " + i + " has " + points[i].length
                        + " objectives but the reference point has " + reference.length);
            }
            for (double v : points[i]) {
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("objective values must not be NaN, point " + i
                            + " is " + Arrays.toString(points[i]));
                }
            }
        }
    }
}
