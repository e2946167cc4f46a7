package nas.samplers.tpe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import org.junit.jupiter.api.Test;

class TrialSplitTest {

    static FrozenTrial trial(int number, TrialState state, Double value, double x, double... intermediate) {
        TreeMap<Integer, Double> iv = new TreeMap<>();
        for (int i = 0; i < intermediate.length; i++) {
            iv.put(i, intermediate[i]);
        }
        Map<String, Distribution> d = Map.of("x", FloatDistribution.of(0, 10));
        return new FrozenTrial(number, number, state, value == null ? List.of() : List.of(value), Instant.EPOCH,
                Instant.EPOCH, Map.of("x", x), d, iv, Map.of(), Map.of());
    }

    private static List<Integer> numbers(List<FrozenTrial> ts) {
        return ts.stream().map(FrozenTrial::number).toList();
    }

    @Test
    void bestGammaOfCompleteTrialsAreBelowInTrialOrder() {
        // values 9, 8, ..., 0 for trials 0..9; gamma(12) = 2 with two pruned trials and a failed one
        List<FrozenTrial> ts = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ts.add(trial(i, TrialState.COMPLETE, 9.0 - i, i));
        }
        ts.add(trial(10, TrialState.PRUNED, null, 1, -100, -200));
        ts.add(trial(11, TrialState.PRUNED, null, 1, -300));
        ts.add(trial(12, TrialState.FAIL, null, 1));
        TrialSplit min = TrialSplit.of(ts, StudyDirection.MINIMIZE, TpeOptions::defaultGamma);
        assertThat(numbers(min.below())).containsExactly(8, 9);
        assertThat(min.above()).hasSize(10);
        assertThat(numbers(min.above())).doesNotContain(12).contains(10, 11);
        TrialSplit max = TrialSplit.of(ts, StudyDirection.MAXIMIZE, TpeOptions::defaultGamma);
        assertThat(numbers(max.below())).containsExactly(0, 1);
    }

    @Test
    void infeasibleTrialsRankLastByViolation() {
        List<FrozenTrial> ts = List.of(
                trial(0, TrialState.COMPLETE, 0.0, 0).withConstraints(2.0),          // best value, violation 2
                trial(1, TrialState.COMPLETE, 5.0, 0).withConstraints(-1.0),         // feasible
                trial(2, TrialState.COMPLETE, 1.0, 0).withConstraints(0.5, 0.25),    // violation 0.75
                trial(3, TrialState.PRUNED, null, 0, 3.0).withConstraints(0.0),      // feasible pruned
                trial(4, TrialState.COMPLETE, 7.0, 0));                              // no constraints: feasible
        // ranking: 1 (5.0), 4 (7.0), pruned 3, then infeasible 2 (0.75), 0 (2.0)
        assertThat(numbers(TrialSplit.of(ts, StudyDirection.MINIMIZE, n -> 2).below())).containsExactly(1, 4);
        assertThat(numbers(TrialSplit.of(ts, StudyDirection.MINIMIZE, n -> 3).below())).containsExactly(1, 3, 4);
        assertThat(numbers(TrialSplit.of(ts, StudyDirection.MINIMIZE, n -> 4).below())).containsExactly(1, 2, 3, 4);
    }

    @Test
    void prunedTrialsRankAfterCompleteOnesFurthestStepFirst() {
        List<FrozenTrial> ts = List.of(
                trial(0, TrialState.COMPLETE, 5.0, 0),
                trial(1, TrialState.PRUNED, null, 0, 1, 1, 1),       // step 2, last 1
                trial(2, TrialState.PRUNED, null, 0, 0.5),           // step 0
                trial(3, TrialState.PRUNED, null, 0, 9, 9, 0.1),     // step 2, last 0.1
                trial(4, TrialState.PRUNED, null, 0));               // never reported
        // gamma = 3: the complete trial, then the two that reached step 2, better last value first
        TrialSplit s = TrialSplit.of(ts, StudyDirection.MINIMIZE, n -> 3);
        assertThat(numbers(s.below())).containsExactly(0, 1, 3);
        TrialSplit s2 = TrialSplit.of(ts, StudyDirection.MINIMIZE, n -> 2);
        assertThat(numbers(s2.below())).containsExactly(0, 3);
        TrialSplit s4 = TrialSplit.of(ts, StudyDirection.MINIMIZE, n -> 4);
        assertThat(numbers(s4.above())).containsExactly(4);
    }

    @Test
    void defaultGammaAndWeightsAreOptunas() {
        assertThat(TpeOptions.defaultGamma(1)).isEqualTo(1);
        assertThat(TpeOptions.defaultGamma(10)).isEqualTo(1);
        assertThat(TpeOptions.defaultGamma(11)).isEqualTo(2);
        assertThat(TpeOptions.defaultGamma(1000)).isEqualTo(25);
        assertThat(TpeOptions.defaultWeights(3)).containsExactly(1, 1, 1);
        double[] w = TpeOptions.defaultWeights(30);
        assertThat(w[0]).isEqualTo(1.0 / 30);
        assertThat(w[4]).isEqualTo(1.0);
        assertThat(w[2]).isCloseTo((1.0 / 30 + 1) / 2, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(w[29]).isEqualTo(1.0);
    }

    /** The ranking TrialSplit made before the good trials were picked with a heap: every trial sorted. */
    private static TrialSplit sortedEverything(List<FrozenTrial> trials, StudyDirection direction, int nBelowWanted) {
        double sign = direction == StudyDirection.MAXIMIZE ? -1 : 1;
        List<FrozenTrial> complete = new java.util.ArrayList<>();
        List<FrozenTrial> pruned = new java.util.ArrayList<>();
        List<FrozenTrial> infeasible = new java.util.ArrayList<>();
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
        int n = complete.size() + pruned.size() + infeasible.size();
        int nBelow = Math.max(0, Math.min(n, nBelowWanted));
        complete.sort(java.util.Comparator.<FrozenTrial>comparingDouble(t -> sign * t.value())
                .thenComparingInt(FrozenTrial::number));
        pruned.sort(java.util.Comparator.<FrozenTrial>comparingInt(t -> -t.lastStep())
                .thenComparingDouble(t -> t.lastStep() < 0 ? 0 : sign * t.intermediateValues().lastEntry().getValue())
                .thenComparingInt(FrozenTrial::number));
        infeasible.sort(java.util.Comparator.<FrozenTrial>comparingDouble(FrozenTrial::constraintViolation)
                .thenComparingInt(FrozenTrial::number));
        List<FrozenTrial> ranked = new java.util.ArrayList<>(complete);
        ranked.addAll(pruned);
        ranked.addAll(infeasible);
        List<FrozenTrial> below = new java.util.ArrayList<>(ranked.subList(0, nBelow));
        List<FrozenTrial> above = new java.util.ArrayList<>(ranked.subList(nBelow, ranked.size()));
        below.sort(java.util.Comparator.comparingInt(FrozenTrial::number));
        above.sort(java.util.Comparator.comparingInt(FrozenTrial::number));
        return new TrialSplit(below, above);
    }

    @Test
    void pickingTheGoodTrialsWithAHeapSplitsAsSortingEveryTrialDid() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        int picked = 0;
        for (int round = 0; round < 300; round++) {
            int size = rng.nextInt(1, 120);
            List<FrozenTrial> ts = new java.util.ArrayList<>();
            for (int i = 0; i < size; i++) {
                int kind = rng.nextInt(10);
                // values on a coarse grid, so that ties (broken by number) are common; -0.0 and 0.0 both occur
                double v = rng.nextInt(-3, 4) * 0.5 + (rng.nextInt(8) == 0 ? -0.0 : 0.0);
                FrozenTrial t = kind < 6 ? trial(i, TrialState.COMPLETE, v, i)
                        : kind < 8 ? trial(i, TrialState.PRUNED, null, i, v, rng.nextDouble())
                        : kind < 9 ? trial(i, TrialState.FAIL, null, i)
                        : trial(i, TrialState.COMPLETE, v, i).withConstraints(rng.nextDouble() - 0.3);
                ts.add(t);
            }
            if (rng.nextBoolean()) {
                java.util.Collections.shuffle(ts, new java.util.Random(round));
            }
            int gammaValue = rng.nextInt(0, size + 2);
            for (StudyDirection direction : StudyDirection.values()) {
                for (java.util.function.IntUnaryOperator gamma : List.<java.util.function.IntUnaryOperator>of(
                        TpeOptions::defaultGamma, n -> gammaValue)) {
                    TrialSplit fast = TrialSplit.of(ts, direction, gamma);
                    int nBelow = gamma.applyAsInt((int) ts.stream().filter(t -> t.state() != TrialState.FAIL).count());
                    TrialSplit slow = sortedEverything(ts, direction, nBelow);
                    assertThat(numbers(fast.below())).as("round %d %s", round, direction).isEqualTo(numbers(slow.below()));
                    assertThat(numbers(fast.above())).as("round %d %s", round, direction).isEqualTo(numbers(slow.above()));
                    picked += fast.below().size();
                }
            }
        }
        assertThat(picked).isGreaterThan(1000);
    }
}
