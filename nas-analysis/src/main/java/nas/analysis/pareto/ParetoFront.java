package nas.analysis.pareto;

import java.util.Arrays;
import nas.api.Dominance;

/**
 * The non-dominated subset of a point set in minimization form. Equal points do not dominate
 * each other, so duplicates on the front are all kept (as Optuna's {@code best_trials} does).
 *
 * <p>One pass keeps an archive of the non-dominated points seen so far: O(N F M) for a front of
 * size F, far below the O(N² M) pairwise scan when the front is small.
 */
public final class ParetoFront {
    private ParetoFront() {}

    /** Indices of the non-dominated points, ascending. */
    public static int[] indices(double[][] values) {
        int n = values.length;
        int[] archive = new int[Math.max(1, n)];
        int size = 0;
        for (int i = 0; i < n; i++) {
            double[] p = values[i];
            if (i > 0 && p.length != values[0].length) {
                throw new IllegalArgumentException("all points must have " + values[0].length
                        + " objectives, point " + i + " has " + p.length);
            }
            boolean dominated = false;
            int kept = 0;
            for (int k = 0; k < size; k++) {
                double[] a = values[archive[k]];
                if (!dominated && Dominance.dominates(a, p)) {
                    dominated = true;
                }
                if (!Dominance.dominates(p, a)) {
                    archive[kept++] = archive[k];
                }
            }
            size = kept;
            if (!dominated) {
                archive[size++] = i;
            }
        }
        int[] result = Arrays.copyOf(archive, size);
        Arrays.sort(result);
        return result;
    }

    /** The non-dominated points themselves, in input order. */
    public static double[][] of(double[][] values) {
        return Arrays.stream(indices(values)).mapToObj(i -> values[i]).toArray(double[][]::new);
    }
}
