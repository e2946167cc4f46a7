package nas.samplers.tpe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;

/**
 * Splits finished trials into the good ("below", modelled by l(x)) and the rest ("above", g(x)),
 * as Optuna does: complete trials first, ranked by value in the study's direction or, with several
 * objectives, by {@link MultiObjectiveRanking}; then pruned trials, those that got further (larger
 * last step) first and, at equal steps and with one objective, by their last intermediate value;
 * pruned trials that never reported come after them. Trials that violate their constraints
 * ({@link FrozenTrial#constraintViolation()} &gt; 0, set with {@code Trial.setConstraint}) come
 * last, by increasing violation, as in Optuna's constrained TPE. The first {@code gamma(n)} are
 * good. Failed and running trials take no part.
 */
record TrialSplit(List<FrozenTrial> below, List<FrozenTrial> above) {

    /** The split of a single-objective study. */
    public static TrialSplit of(List<FrozenTrial> trials, StudyDirection direction, IntUnaryOperator gamma) {
        return of(trials, List.of(direction), gamma);
    }

    /** The split of a study with {@code directions} (one or more). */
    public static TrialSplit of(List<FrozenTrial> trials, List<StudyDirection> directions, IntUnaryOperator gamma) {
        boolean single = directions.size() == 1;
        double sign = single && directions.get(0) == StudyDirection.MAXIMIZE ? -1 : 1;
        List<FrozenTrial> complete = new ArrayList<>();
        List<FrozenTrial> pruned = new ArrayList<>();
        List<FrozenTrial> infeasible = new ArrayList<>();
        for (FrozenTrial t : trials) {
            boolean finished = t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED;
            if (finished && t.constraintViolation() > 0) {
                infeasible.add(t);
            } else if (t.state() == TrialState.COMPLETE && t.values().size() == directions.size()) {
                complete.add(t);
            } else if (t.state() == TrialState.PRUNED) {
                pruned.add(t);
            }
        }
        int n = complete.size() + pruned.size() + infeasible.size();
        int nBelow = Math.max(0, Math.min(n, gamma.applyAsInt(n)));
        Comparator<FrozenTrial> byValue = Comparator.<FrozenTrial>comparingDouble(t -> sign * t.value())
                .thenComparingInt(FrozenTrial::number);
        if (single && nBelow <= complete.size()) {
            return bestOfComplete(complete, pruned, infeasible, nBelow, byValue);
        }
        if (single) {
            complete.sort(byValue);
        } else {
            complete = MultiObjectiveRanking.rank(complete, directions, Math.min(nBelow, complete.size()));
        }
        pruned.sort(Comparator.<FrozenTrial>comparingInt(t -> -t.lastStep())
                .thenComparingDouble(t -> t.lastStep() < 0 || !single ? 0 : sign * t.intermediateValues().lastEntry().getValue())
                .thenComparingInt(FrozenTrial::number));
        List<FrozenTrial> ranked = new ArrayList<>(complete);
        ranked.addAll(pruned);
        infeasible.sort(Comparator.<FrozenTrial>comparingDouble(FrozenTrial::constraintViolation)
                .thenComparingInt(FrozenTrial::number));
        ranked.addAll(infeasible);
        List<FrozenTrial> below = new ArrayList<>(ranked.subList(0, nBelow));
        List<FrozenTrial> above = new ArrayList<>(ranked.subList(nBelow, ranked.size()));
        // the estimators weigh observations by age, so keep them oldest first
        below.sort(Comparator.comparingInt(FrozenTrial::number));
        above.sort(Comparator.comparingInt(FrozenTrial::number));
        return new TrialSplit(List.copyOf(below), List.copyOf(above));
    }

    /**
     * The split when the good trials are all complete ones: the {@code nBelow} first by
     * {@code byValue}, picked with a heap of that size instead of sorting every trial (a long study
     * has far more trials than good ones); the rest are the bad ones. Both in number order, as the
     * full ranking gives them (trial numbers are unique).
     */
    private static TrialSplit bestOfComplete(List<FrozenTrial> complete, List<FrozenTrial> pruned,
            List<FrozenTrial> infeasible, int nBelow, Comparator<FrozenTrial> byValue) {
        PriorityQueue<FrozenTrial> worstFirst = new PriorityQueue<>(Math.max(1, nBelow), byValue.reversed());
        for (FrozenTrial t : complete) {
            if (worstFirst.size() < nBelow) {
                worstFirst.add(t);
            } else if (nBelow > 0 && byValue.compare(t, worstFirst.peek()) < 0) {
                worstFirst.poll();
                worstFirst.add(t);
            }
        }
        Set<FrozenTrial> good = Collections.newSetFromMap(new IdentityHashMap<>());
        good.addAll(worstFirst);
        List<FrozenTrial> below = new ArrayList<>(worstFirst);
        List<FrozenTrial> above = new ArrayList<>(complete.size() - nBelow + pruned.size() + infeasible.size());
        for (FrozenTrial t : complete) {
            if (!good.contains(t)) {
                above.add(t);
            }
        }
        above.addAll(pruned);
        above.addAll(infeasible);
        below.sort(Comparator.comparingInt(FrozenTrial::number));
        above.sort(Comparator.comparingInt(FrozenTrial::number)); // in number order already, unless pruned or infeasible ones
        return new TrialSplit(List.copyOf(below), List.copyOf(above));
    }
}
