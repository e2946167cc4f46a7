package nas.samplers.tpe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.samplers.nsga2.NonDominatedSort;
import nas.samplers.pareto.Hypervolume;

/**
 * The multi-objective parts of TPE (MOTPE: Ozaki, Tanigaki, Watanabe and Onishi, "Multiobjective
 * tree-structured Parzen estimator for computationally expensive optimization problems", GECCO
 * 2020, and its form in Optuna):
 * <ul>
 *   <li>which complete trials are good: whole non-domination fronts while they fit in the
 *       {@code gamma(n)} good places, then, from the front that does not fit, the subset of the
 *       remaining size with the largest hypervolume, chosen greedily (hypervolume subset selection);</li>
 *   <li>how much each good trial weighs in l(x): its hypervolume contribution among the good
 *       trials' front, divided by the largest contribution (at least {@value #EPS}), so the trials
 *       that extend the front most shape l(x) most; trials off that front or infeasible weigh
 *       {@value #EPS}.</li>
 * </ul>
 * The hypervolume's reference point is 1.1 times the worst value of the points considered in each
 * objective (0.9 times when that value is negative; {@value #EPS} when it is 0).
 */
final class MultiObjectiveRanking {

    static final double EPS = 1e-12;

    private MultiObjectiveRanking() {
    }

    /**
     * {@code complete} (trials with one value per direction) reordered so that the first
     * {@code nBelow} are the good ones; each part in trial-number order.
     */
    static List<FrozenTrial> rank(List<FrozenTrial> complete, List<StudyDirection> directions, int nBelow) {
        List<FrozenTrial> byNumber = new ArrayList<>(complete);
        byNumber.sort(Comparator.comparingInt(FrozenTrial::number));
        if (nBelow <= 0 || nBelow >= byNumber.size()) {
            return byNumber;
        }
        double[][] loss = losses(byNumber, directions);
        boolean[] good = new boolean[loss.length];
        int chosen = 0;
        for (int[] front : NonDominatedSort.fronts(loss)) {
            if (chosen + front.length <= nBelow) {
                for (int i : front) {
                    good[i] = true;
                }
                chosen += front.length;
            } else {
                for (int i : greedySubset(loss, front, nBelow - chosen)) {
                    good[i] = true;
                }
                chosen = nBelow;
            }
            if (chosen == nBelow) {
                break;
            }
        }
        List<FrozenTrial> out = new ArrayList<>(byNumber.size());
        List<FrozenTrial> rest = new ArrayList<>();
        for (int i = 0; i < good.length; i++) {
            (good[i] ? out : rest).add(byNumber.get(i));
        }
        out.addAll(rest);
        return out;
    }

    /**
     * Greedy hypervolume subset selection: {@code k} of the points {@code candidates} (indices into
     * {@code loss}), each step adding the one that raises the subset's hypervolume most (the
     * earliest index on ties). Lazily: a point's gain can only shrink as the subset grows (the
     * hypervolume is submodular), so a gain computed at an earlier step bounds the current one and
     * only the point on top of those bounds needs recomputing, until the top one is current.
     */
    static int[] greedySubset(double[][] loss, int[] candidates, int k) {
        int n = candidates.length;
        double[][] points = new double[n][];
        for (int c = 0; c < n; c++) {
            points[c] = loss[candidates[c]];
        }
        double[] reference = referencePoint(points);
        double[] gain = new double[n];
        int[] computedAt = new int[n];
        for (int c = 0; c < n; c++) {
            gain[c] = Hypervolume.of(new double[][] {points[c]}, reference); // exact at step 0
        }
        boolean[] taken = new boolean[n];
        double[][] subset = new double[0][];
        double subsetVolume = 0;
        int[] out = new int[k];
        for (int step = 0; step < k; step++) {
            while (true) {
                int top = -1;
                for (int c = 0; c < n; c++) {
                    if (!taken[c] && (top < 0 || gain[c] > gain[top])) {
                        top = c;
                    }
                }
                if (computedAt[top] == step) {
                    taken[top] = true;
                    subset = Arrays.copyOf(subset, step + 1);
                    subset[step] = points[top];
                    subsetVolume += gain[top];
                    out[step] = candidates[top];
                    break;
                }
                double[][] with = Arrays.copyOf(subset, step + 1);
                with[step] = points[top];
                gain[top] = Hypervolume.of(with, reference) - subsetVolume;
                computedAt[top] = step;
            }
        }
        return out;
    }

    /**
     * The weight of each good trial in l(x), in the order of {@code below}: its hypervolume
     * contribution relative to the largest, at least {@value #EPS}; {@value #EPS} for infeasible
     * trials; 1 for the feasible ones when at most one is feasible.
     */
    static double[] belowWeights(List<FrozenTrial> below, List<StudyDirection> directions) {
        double[] weights = new double[below.size()];
        List<Integer> feasible = new ArrayList<>();
        for (int i = 0; i < below.size(); i++) {
            boolean ok = below.get(i).constraintViolation() <= 0 && below.get(i).values().size() == directions.size();
            weights[i] = ok ? 1.0 : EPS;
            if (ok) {
                feasible.add(i);
            }
        }
        if (feasible.size() <= 1) {
            return weights;
        }
        double[][] loss = losses(feasible.stream().map(below::get).toList(), directions);
        double[] reference = referencePoint(loss);
        int[] front = NonDominatedSort.fronts(loss).get(0);
        double[][] frontPoints = new double[front.length][];
        for (int f = 0; f < front.length; f++) {
            frontPoints[f] = loss[front[f]];
        }
        double volume = Hypervolume.of(frontPoints, reference);
        if (Double.isInfinite(volume)) {
            return weights;
        }
        double[] contribution = new double[loss.length];
        double largest = 0;
        for (int f = 0; f < front.length; f++) {
            double[][] without = new double[front.length - 1][];
            for (int g = 0, j = 0; g < front.length; g++) {
                if (g != f) {
                    without[j++] = frontPoints[g];
                }
            }
            contribution[front[f]] = volume - Hypervolume.of(without, reference);
            largest = Math.max(largest, contribution[front[f]]);
        }
        for (int i = 0; i < loss.length; i++) {
            weights[feasible.get(i)] = Math.max(contribution[i] / Math.max(largest, EPS), EPS);
        }
        return weights;
    }

    /** Per objective, 1.1 times the worst value (0.9 times if negative; {@value #EPS} if that is 0). */
    static double[] referencePoint(double[][] loss) {
        int m = loss[0].length;
        double[] reference = new double[m];
        for (int j = 0; j < m; j++) {
            double worst = Double.NEGATIVE_INFINITY;
            for (double[] p : loss) {
                worst = Math.max(worst, p[j]);
            }
            double r = Math.max(1.1 * worst, 0.9 * worst);
            reference[j] = r == 0 ? EPS : r;
        }
        return reference;
    }

    /** The trials' values in minimization form (maximized objectives negated). */
    static double[][] losses(List<FrozenTrial> trials, List<StudyDirection> directions) {
        double[][] loss = new double[trials.size()][directions.size()];
        for (int i = 0; i < trials.size(); i++) {
            for (int j = 0; j < directions.size(); j++) {
                double v = trials.get(i).values().get(j);
                loss[i][j] = directions.get(j) == StudyDirection.MAXIMIZE ? -v : v;
            }
        }
        return loss;
    }
}
