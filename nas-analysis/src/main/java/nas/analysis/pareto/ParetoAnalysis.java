package nas.analysis.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nas.api.Constraints;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.samplers.pareto.Hypervolume;

/**
 * The Pareto front of a multi-objective study and its hypervolume, from trials and directions.
 * Reference points are given in the objectives' own units (for a maximized objective, a value
 * below every value of interest); internally everything is turned into minimization form.
 */
public final class ParetoAnalysis {
    private ParetoAnalysis() {}

    /** A front with the reference point used (objective units) and its hypervolume. */
    public record Summary(List<FrozenTrial> front, double[] referencePoint, double hypervolume) {}

    /**
     * Front and hypervolume of {@code trials}: the non-dominated COMPLETE trials, feasible ones
     * first ({@link Constraints#feasibleFirst}: the feasible ones when there are any, else those with
     * the least constraint violation). The front is in {@link #ordered} order.
     *
     * @param reference reference point in objective units, or null for {@link #defaultReference}
     */
    public static Summary summarize(List<FrozenTrial> trials, List<StudyDirection> directions, double[] reference) {
        List<FrozenTrial> pool = candidates(trials, directions.size());
        double[][] minimized = minimized(pool, directions);
        List<FrozenTrial> front = new ArrayList<>();
        int[] idx = ParetoFront.indices(minimized);
        double[][] frontValues = new double[idx.length][];
        for (int k = 0; k < idx.length; k++) {
            front.add(pool.get(idx[k]));
            frontValues[k] = minimized[idx[k]];
        }
        double[] ref = reference != null ? checkReference(reference, directions) : defaultReference(front, directions);
        double hv = front.isEmpty() ? 0.0 : Hypervolume.of(frontValues, toMinimization(ref, directions));
        return new Summary(ordered(front, directions), ref, hv);
    }

    /**
     * A front in the order people read it ({@code nas pareto}, {@code nas best}, the dashboard): by the first
     * objective in its direction (ascending when minimized, descending when maximized), ties by the next objectives
     * the same way, then by trial number. Along a two-objective front the second objective then runs the other way.
     *
     * @param front      trials with one value per direction
     * @param directions the study's directions
     * @return a new list, sorted
     */
    public static List<FrozenTrial> ordered(List<FrozenTrial> front, List<StudyDirection> directions) {
        java.util.Comparator<FrozenTrial> order = (a, b) -> 0;
        for (int k = 0; k < directions.size(); k++) {
            int objective = k;
            java.util.Comparator<FrozenTrial> byValue =
                    java.util.Comparator.comparingDouble(t -> t.values().get(objective));
            order = order.thenComparing(directions.get(k) == StudyDirection.MAXIMIZE ? byValue.reversed() : byValue);
        }
        List<FrozenTrial> sorted = new ArrayList<>(front);
        sorted.sort(order.thenComparingInt(FrozenTrial::number));
        return List.copyOf(sorted);
    }

    /**
     * Hypervolume after each trial, in trial order, over the COMPLETE (and, when any trial is
     * feasible, feasible) trials; element {@code i} belongs to the {@code i}-th of those.
     */
    public static double[] history(List<FrozenTrial> trials, List<StudyDirection> directions, double[] reference) {
        List<FrozenTrial> pool = candidates(trials, directions.size());
        return Hypervolume.history(minimized(pool, directions), toMinimization(checkReference(reference, directions), directions));
    }

    /** The hypervolume of the front once a trial had finished. */
    public record HistoryPoint(int trialNumber, double hypervolume) {}

    /** {@link #history}, each value with the number of the trial it follows. */
    public static List<HistoryPoint> historyByTrial(List<FrozenTrial> trials, List<StudyDirection> directions,
            double[] reference) {
        List<FrozenTrial> pool = candidates(trials, directions.size());
        double[] hv = history(trials, directions, reference);
        List<HistoryPoint> out = new ArrayList<>(hv.length);
        for (int i = 0; i < hv.length; i++) {
            out.add(new HistoryPoint(pool.get(i).number(), hv[i]));
        }
        return out;
    }

    /**
     * A reference point just beyond the front's worst values: the nadir point moved outwards by
     * 10% of the front's range in each objective (by 1 when the range is 0), in objective units.
     */
    public static double[] defaultReference(List<FrozenTrial> front, List<StudyDirection> directions) {
        int m = directions.size();
        double[] ref = new double[m];
        if (front.isEmpty()) {
            Arrays.fill(ref, Double.NaN);
            return ref;
        }
        for (int d = 0; d < m; d++) {
            double worst = Double.NEGATIVE_INFINITY;
            double best = Double.POSITIVE_INFINITY;
            for (FrozenTrial t : front) {
                double v = directions.get(d).toMinimization(t.values().get(d));
                worst = Math.max(worst, v);
                best = Math.min(best, v);
            }
            double margin = worst > best ? 0.1 * (worst - best) : 1.0;
            ref[d] = directions.get(d).toMinimization(worst + margin); // negation is its own inverse
        }
        return ref;
    }

    private static List<FrozenTrial> candidates(List<FrozenTrial> trials, int objectives) {
        List<FrozenTrial> complete = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.COMPLETE && t.values().size() == objectives) {
                complete.add(t);
            }
        }
        return Constraints.feasibleFirst(complete);
    }

    private static double[][] minimized(List<FrozenTrial> trials, List<StudyDirection> directions) {
        double[][] out = new double[trials.size()][directions.size()];
        for (int i = 0; i < out.length; i++) {
            for (int d = 0; d < directions.size(); d++) {
                out[i][d] = directions.get(d).toMinimization(trials.get(i).values().get(d));
            }
        }
        return out;
    }

    private static double[] toMinimization(double[] reference, List<StudyDirection> directions) {
        double[] out = new double[reference.length];
        for (int d = 0; d < reference.length; d++) {
            out[d] = directions.get(d).toMinimization(reference[d]);
        }
        return out;
    }

    private static double[] checkReference(double[] reference, List<StudyDirection> directions) {
        if (reference == null || reference.length != directions.size()) {
            throw new IllegalArgumentException("the reference point needs one value per objective (" + directions.size()
                    + "), but got " + (reference == null ? "none" : Arrays.toString(reference)));
        }
        return reference.clone();
    }
}
