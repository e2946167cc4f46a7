package nas.samplers.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import org.junit.jupiter.api.Test;

class MultiObjectiveRankingTest {

    static final List<StudyDirection> MIN_MIN = List.of(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE);

    static FrozenTrial complete(int number, double... values) {
        List<Double> v = new ArrayList<>();
        for (double x : values) {
            v.add(x);
        }
        return new FrozenTrial(number, number, TrialState.COMPLETE, v, Instant.EPOCH, Instant.EPOCH, Map.of(), Map.of(),
                new TreeMap<>(), Map.of(), Map.of());
    }

    static List<Integer> numbers(List<FrozenTrial> trials) {
        return trials.stream().map(FrozenTrial::number).toList();
    }

    @Test
    void goodTrialsAreWholeFrontsThenTheLargestHypervolumeSubsetOfTheNext() {
        // front 0: 0 (1,5), 1 (2,3), 2 (4,1); front 1: 3 (3,4), 4 (5,2); front 2: 5 (6,6)
        List<FrozenTrial> trials = List.of(complete(5, 6, 6), complete(3, 3, 4), complete(0, 1, 5), complete(4, 5, 2),
                complete(1, 2, 3), complete(2, 4, 1));
        // one place left for front 1; reference (5.5, 4.4): trial 3 alone covers 2.5 x 0.4 = 1.0,
        // trial 4 covers 0.5 x 2.4 = 1.2, so trial 4 is chosen
        assertThat(numbers(MultiObjectiveRanking.rank(trials, MIN_MIN, 4))).containsExactly(0, 1, 2, 4, 3, 5);
        assertThat(numbers(MultiObjectiveRanking.rank(trials, MIN_MIN, 3))).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(numbers(MultiObjectiveRanking.rank(trials, MIN_MIN, 5))).containsExactly(0, 1, 2, 3, 4, 5);
        // through TrialSplit, with gamma(6) = 4
        TrialSplit split = TrialSplit.of(trials, MIN_MIN, n -> 4);
        assertThat(numbers(split.below())).containsExactly(0, 1, 2, 4);
        assertThat(numbers(split.above())).containsExactly(3, 5);
    }

    @Test
    void maximizedObjectivesAreNegated() {
        // the same points as above with the second objective maximized and its values negated
        List<FrozenTrial> trials = List.of(complete(5, 6, -6), complete(3, 3, -4), complete(0, 1, -5),
                complete(4, 5, -2), complete(1, 2, -3), complete(2, 4, -1));
        List<StudyDirection> minMax = List.of(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE);
        assertThat(numbers(MultiObjectiveRanking.rank(trials, minMax, 4))).containsExactly(0, 1, 2, 4, 3, 5);
    }

    @Test
    void greedySubsetAddsTheLargestHypervolumeGainEachStep() {
        // reference (3.3, 3.3); alone: (1,3) 0.69, (2,2) 1.69, (3,1) 0.69 -> (2,2) first; then (1,3)
        // adds 1 x 0.3 = 0.3 and (3,1) adds 0.3 x 1 = 0.3: the tie goes to the earlier index
        double[][] loss = {{1, 3}, {2, 2}, {3, 1}};
        assertThat(MultiObjectiveRanking.greedySubset(loss, new int[] {0, 1, 2}, 2)).containsExactly(1, 0);
        assertThat(MultiObjectiveRanking.referencePoint(new double[][] {{-2, 0}, {-1, 0}}))
                .containsExactly(-0.9, MultiObjectiveRanking.EPS);
    }

    @Test
    void goodTrialsWeighByTheirHypervolumeContribution() {
        // reference (3.3, 3.3); exclusive regions: (1,3) 1 x 0.3, (2,2) 1 x 1, (3,1) 0.3 x 1;
        // (3,3) is dominated by (2,2); the infeasible trial weighs EPS whatever its values
        FrozenTrial infeasible = complete(4, 0, 0).withConstraints(2.0);
        List<FrozenTrial> below = List.of(complete(0, 1, 3), complete(1, 2, 2), complete(2, 3, 1), complete(3, 3, 3),
                infeasible);
        double[] w = MultiObjectiveRanking.belowWeights(below, MIN_MIN);
        assertThat(w[0]).isCloseTo(0.3, within(1e-12));
        assertThat(w[1]).isEqualTo(1.0);
        assertThat(w[2]).isCloseTo(0.3, within(1e-12));
        assertThat(w[3]).isEqualTo(MultiObjectiveRanking.EPS);
        assertThat(w[4]).isEqualTo(MultiObjectiveRanking.EPS);
        // one feasible trial: weight 1
        assertThat(MultiObjectiveRanking.belowWeights(List.of(complete(0, 1, 1), infeasible), MIN_MIN))
                .containsExactly(1.0, MultiObjectiveRanking.EPS);
    }
}
