package nas.samplers.morris;

import java.util.Arrays;
import java.util.SplittableRandom;
import nas.api.Limits;

/**
 * The elementary-effects screening design of Morris (1991), with the optional trajectory selection of
 * Campolongo, Cariboni and Saltelli (2007).
 *
 * <p>The design lives in the unit cube {@code [0,1]^k} on a grid of {@code p} levels
 * {@code {0, 1/(p-1), ..., 1}}. Each of the {@code r} trajectories has {@code k + 1} points; between two
 * consecutive points exactly one coordinate moves, by {@code +Δ} or {@code -Δ} with
 * {@code Δ = p / (2(p-1))}, and every coordinate moves exactly once per trajectory. This is Morris's
 * randomised orientation matrix {@code B* = (J x* + (Δ/2)((2B - J) D* + J)) P*}: a random base point
 * {@code x*} on the lower half of the grid, random directions {@code D*} and a random factor order
 * {@code P*}.
 *
 * <p>Because {@code p} is even, {@code Δ} is a whole number ({@code p/2}) of grid steps, so every point is
 * an exact grid value and a step of {@code Δ} from a lower-half level always stays inside the grid.
 *
 * <p>With {@code candidatePool > trajectories}, {@code candidatePool} trajectories are generated and the
 * {@code r} most spread ones are kept. Campolongo et al. maximise the sum of squared pairwise trajectory
 * distances {@code d(m,l) = Σ_i Σ_j ||X_i^m - X_j^l||}; exhaustive search over all subsets is infeasible,
 * so, as Ruano et al. (2012) propose, trajectories are removed greedily one at a time, each time the one
 * whose removal keeps the largest spread (the one with the smallest summed squared distance to the others
 * still in the set).
 *
 * <p>Everything derives from the seed: the same arguments always give the same design.
 */
public final class MorrisDesign {

    /** Most levels: 100 (designs use 4 to 10; the distance table has one entry per squared level distance). */
    public static final int MAX_LEVELS = 100;

    /**
     * Most candidate trajectories: 2,000. The selection holds a table of their pairwise distances, 32 MB at
     * 2,000; Campolongo et al. use a few hundred to 1,000.
     */
    public static final int MAX_CANDIDATE_POOL = 2_000;

    private final int dimension;
    private final int levels;
    private final int trajectories;
    private final double delta;
    /** Level indices (0..p-1), flattened as [trajectory][point][factor]. */
    private final int[] grid;
    /** The factor moved to reach each point; -1 for the first point of a trajectory. */
    private final int[] moved;

    private MorrisDesign(int dimension, int levels, int trajectories, int[] grid, int[] moved) {
        this.dimension = dimension;
        this.levels = levels;
        this.trajectories = trajectories;
        this.delta = levels / (2.0 * (levels - 1));
        this.grid = grid;
        this.moved = moved;
    }

    /**
     * Generates a design.
     *
     * @param dimension     number of factors {@code k}, at least 1
     * @param levels        grid levels {@code p}, an even number of at least 2
     * @param trajectories  number of trajectories {@code r} kept, at least 1
     * @param candidatePool trajectories generated before selection; {@code <= trajectories} means no selection
     * @param seed          the seed every random choice derives from
     */
    public static MorrisDesign generate(int dimension, int levels, int trajectories, int candidatePool, long seed) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        if (levels < 2 || levels % 2 != 0) {
            throw new IllegalArgumentException("levels must be an even number of at least 2, got " + levels);
        }
        if (trajectories < 1) {
            throw new IllegalArgumentException("trajectories must be at least 1, got " + trajectories);
        }
        if (candidatePool < 0) {
            throw new IllegalArgumentException("candidatePool must be 0 (no selection) or more, got " + candidatePool);
        }
        Limits.requireAtMost("levels", levels, MAX_LEVELS);
        Limits.requireAtMost("trajectories", trajectories, Limits.MAX_POPULATION);
        Limits.requireAtMost("candidatePool", candidatePool, MAX_CANDIDATE_POOL);
        int pool = Math.max(candidatePool, trajectories);
        int pointsPer = dimension + 1;
        int stride = pointsPer * dimension;
        int[] all = new int[pool * stride];
        int[] allMoved = new int[pool * pointsPer];
        SplittableRandom random = new SplittableRandom(seed);
        for (int t = 0; t < pool; t++) {
            fillTrajectory(random, dimension, levels, all, t * stride, allMoved, t * pointsPer);
        }
        int[] chosen = pool == trajectories ? identity(pool) : selectSpread(all, allMoved, pool, trajectories, dimension, levels);
        int[] grid = new int[trajectories * stride];
        int[] moved = new int[trajectories * pointsPer];
        for (int t = 0; t < trajectories; t++) {
            System.arraycopy(all, chosen[t] * stride, grid, t * stride, stride);
            System.arraycopy(allMoved, chosen[t] * pointsPer, moved, t * pointsPer, pointsPer);
        }
        return new MorrisDesign(dimension, levels, trajectories, grid, moved);
    }

    private static void fillTrajectory(SplittableRandom random, int k, int p, int[] out, int offset,
                                       int[] moved, int movedOffset) {
        int step = p / 2; // Δ in grid steps
        int[] order = identity(k);
        for (int i = k - 1; i > 0; i--) { // Fisher-Yates: the random factor order P*
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int[] x = new int[k];
        int[] direction = new int[k];
        for (int i = 0; i < k; i++) {
            int base = random.nextInt(p - step); // x* on the levels where x* + Δ stays in the grid
            direction[i] = random.nextBoolean() ? 1 : -1;
            x[i] = direction[i] > 0 ? base : base + step;
        }
        System.arraycopy(x, 0, out, offset, k);
        moved[movedOffset] = -1;
        for (int s = 0; s < k; s++) {
            int factor = order[s];
            x[factor] += direction[factor] * step;
            System.arraycopy(x, 0, out, offset + (s + 1) * k, k);
            moved[movedOffset + s + 1] = factor;
        }
    }

    /** Greedy backward elimination to the {@code keep} most spread trajectories, returned in ascending order. */
    private static int[] selectSpread(int[] all, int[] moved, int pool, int keep, int k, int p) {
        double[][] d2 = new double[pool][pool];
        long[] sq = new long[(k + 1) * (k + 1)];
        // Squared grid distances are integers up to k (p-1)^2: look their roots up instead of computing them.
        double[] root = new double[k * (p - 1) * (p - 1) + 1];
        for (int v = 0; v < root.length; v++) {
            root[v] = Math.sqrt(v);
        }
        for (int m = 0; m < pool; m++) {
            for (int l = m + 1; l < pool; l++) {
                squaredDistances(all, moved, m, l, k, sq);
                double d = 0;
                for (long v : sq) {
                    d += root[(int) v];
                }
                d /= (p - 1); // grid steps back to unit-cube distances
                d2[m][l] = d * d;
                d2[l][m] = d * d;
            }
        }
        double[] contribution = new double[pool];
        for (int m = 0; m < pool; m++) {
            for (int l = 0; l < pool; l++) {
                contribution[m] += d2[m][l];
            }
        }
        boolean[] removed = new boolean[pool];
        for (int left = pool; left > keep; left--) {
            int worst = -1;
            for (int m = 0; m < pool; m++) {
                if (!removed[m] && (worst < 0 || contribution[m] < contribution[worst])) {
                    worst = m;
                }
            }
            removed[worst] = true;
            for (int l = 0; l < pool; l++) {
                contribution[l] -= d2[l][worst];
            }
        }
        int[] chosen = new int[keep];
        int n = 0;
        for (int m = 0; m < pool; m++) {
            if (!removed[m]) {
                chosen[n++] = m;
            }
        }
        return chosen;
    }

    /**
     * Squared grid distances between every point {@code i} of trajectory {@code m} and every point {@code j}
     * of trajectory {@code l}, into {@code out[i (k+1) + j]}. Consecutive points of a trajectory differ in one
     * factor, so after the first distance each one is an O(1) update of a neighbour: O(k²) per pair of
     * trajectories instead of O(k³).
     */
    private static void squaredDistances(int[] all, int[] moved, int m, int l, int k, long[] out) {
        int stride = (k + 1) * k;
        int am = m * stride;
        int bl = l * stride;
        long first = 0;
        for (int f = 0; f < k; f++) {
            long diff = all[am + f] - all[bl + f];
            first += diff * diff;
        }
        out[0] = first;
        for (int j = 1; j <= k; j++) { // row 0: move along trajectory l
            int f = moved[l * (k + 1) + j];
            long a = all[am + f];
            long before = a - all[bl + (j - 1) * k + f];
            long after = a - all[bl + j * k + f];
            out[j] = out[j - 1] - before * before + after * after;
        }
        for (int i = 1; i <= k; i++) { // row i from row i-1: move along trajectory m
            int f = moved[m * (k + 1) + i];
            long before = all[am + (i - 1) * k + f];
            long after = all[am + i * k + f];
            for (int j = 0; j <= k; j++) {
                long b = all[bl + j * k + f];
                out[i * (k + 1) + j] = out[(i - 1) * (k + 1) + j] - (before - b) * (before - b) + (after - b) * (after - b);
            }
        }
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Number of factors {@code k}. */
    public int dimension() {
        return dimension;
    }

    /** Grid levels {@code p}. */
    public int levels() {
        return levels;
    }

    /** Number of trajectories {@code r}. */
    public int trajectories() {
        return trajectories;
    }

    /** The step {@code Δ = p / (2(p-1))} in unit-cube coordinates. */
    public double delta() {
        return delta;
    }

    /** Total number of points, {@code r (k + 1)}. */
    public int size() {
        return trajectories * (dimension + 1);
    }

    /** Point {@code index} ({@code 0 <= index < size()}; trajectory {@code index / (k+1)}) in {@code [0,1]^k}. */
    public double[] point(int index) {
        checkIndex(index);
        double[] x = new double[dimension];
        int offset = index * dimension;
        for (int f = 0; f < dimension; f++) {
            x[f] = grid[offset + f] / (double) (levels - 1);
        }
        return x;
    }

    /** The points of trajectory {@code t}, {@code k + 1} rows of {@code k} coordinates. */
    public double[][] trajectory(int t) {
        if (t < 0 || t >= trajectories) {
            throw new IllegalArgumentException("trajectory must be in [0, " + trajectories + "), got " + t);
        }
        double[][] points = new double[dimension + 1][];
        for (int i = 0; i <= dimension; i++) {
            points[i] = point(t * (dimension + 1) + i);
        }
        return points;
    }

    /** The factor that changed between point {@code index - 1} and {@code index}; -1 at a trajectory's start. */
    public int movedFactor(int index) {
        checkIndex(index);
        return moved[index];
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("point index must be in [0, " + size() + "), got " + index);
        }
    }

    @Override
    public String toString() {
        return "MorrisDesign[k=" + dimension + ", p=" + levels + ", r=" + trajectories + ", delta=" + delta + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MorrisDesign other && other.dimension == dimension && other.levels == levels
                && Arrays.equals(other.grid, grid) && Arrays.equals(other.moved, moved);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(grid) + Arrays.hashCode(moved);
    }
}
