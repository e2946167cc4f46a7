package nas.samplers.tpe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntUnaryOperator;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;

/**
 * Splits finished trials into the good ("below", modelled by l(x)) and the rest ("above", g(x)),
 * as Optuna does for one objective: complete trials ranked by value in the study's direction,
 * then pruned trials, those that got further (larger last step) first and, at equal steps, by
 * their last intermediate value; pruned trials that never reported come after them. Trials that
 * violate their constraints ({@link FrozenTrial#constraintViolation()} &gt; 0, set with
 * {@code Trial.setConstraint}) come last, by increasing violation, as in Optuna's constrained TPE.
 * The first {@code gamma(n)} are good. Failed and running trials take no part.
 */
public record TrialSplit(List<FrozenTrial> below, List<FrozenTrial> above) {

    public static TrialSplit of(List<FrozenTrial> trials, StudyDirection direction, IntUnaryOperator gamma) {
        double sign = direction == StudyDirection.MAXIMIZE ? -1 : 1;
        List<FrozenTrial> complete = new ArrayList<>();
        List<FrozenTrial> pruned = new ArrayList<>();
        List<FrozenTrial> infeasible = new ArrayList<>();
        for (FrozenTrial t : trials) {
            boolean finished = t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED;
            if (finished && t.constraintViolation() > 0) {
                infeasible.add(t);
            } else if (t.state() == TrialState.COMPLETE && t.values().size() == 1) {
                complete.add(t);
            } else if (t.state() == TrialState.PRUNED) {
                pruned.add(t);
            }
        }
        complete.sort(Comparator.<FrozenTrial>comparingDouble(t -> sign * t.value()).thenComparingInt(FrozenTrial::number));
        pruned.sort(Comparator.<FrozenTrial>comparingInt(t -> -t.lastStep())
                .thenComparingDouble(t -> t.lastStep() < 0 ? 0 : sign * t.intermediateValues().lastEntry().getValue())
                .thenComparingInt(FrozenTrial::number));
        List<FrozenTrial> ranked = new ArrayList<>(complete);
        ranked.addAll(pruned);
        infeasible.sort(Comparator.<FrozenTrial>comparingDouble(FrozenTrial::constraintViolation)
                .thenComparingInt(FrozenTrial::number));
        ranked.addAll(infeasible);
        int nBelow = Math.max(0, Math.min(ranked.size(), gamma.applyAsInt(ranked.size())));
        List<FrozenTrial> below = new ArrayList<>(ranked.subList(0, nBelow));
        List<FrozenTrial> above = new ArrayList<>(ranked.subList(nBelow, ranked.size()));
        // the estimators weigh observations by age, so keep them oldest first
        below.sort(Comparator.comparingInt(FrozenTrial::number));
        above.sort(Comparator.comparingInt(FrozenTrial::number));
        return new TrialSplit(List.copyOf(below), List.copyOf(above));
    }
}
