package nas.sim.genetics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SelectionTest {

    @Test
    void survivorCountIsTheFloorOfNTimesTheRateAndAtLeastOne() {
        assertThat(Selection.survivorCount(200, 0.5)).isEqualTo(100);
        assertThat(Selection.survivorCount(300, 0.22)).isEqualTo(66);
        assertThat(Selection.survivorCount(3, 0.2)).isEqualTo(1);
    }

    @Test
    void truncationKeepsTheFittestStably() {
        double[] f = {3, 7, 7, 1, 9};
        assertThat(Selection.truncation(f, 3)).containsExactly(4, 1, 2);
    }

    @Test
    void tournamentOfTheWholePopulationIsTruncationAndSmallerTournamentsAreNoisier() {
        double[] f = {3, 7, 2, 1, 9, 4};
        assertThat(Selection.tournament(f, 3, 6, new SplittableRandom(1))).containsExactly(4, 1, 5);
        int[] k1 = Selection.tournament(f, 6, 1, new SplittableRandom(2));
        assertThat(k1).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5); // without replacement
        // with k = 2 the worst creature can never win a tournament while others remain
        for (long seed = 0; seed < 50; seed++) {
            int[] k2 = Selection.tournament(f, 5, 2, new SplittableRandom(seed));
            assertThat(k2).doesNotContain(3);
        }
    }

    @Test
    void rankRouletteWeightsByRankWithTheBestRankN() {
        RankRoulette r = new RankRoulette(new double[] {5.0, 1.0, 9.0});
        assertThat(r.probability(0)).isCloseTo(2.0 / 6, within(1e-12));
        assertThat(r.probability(1)).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(r.probability(2)).isCloseTo(3.0 / 6, within(1e-12));
        int[] counts = new int[3];
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 60000; i++) {
            counts[r.pick(rng)]++;
        }
        assertThat(counts[0] / 60000.0).isCloseTo(2.0 / 6, within(0.01));
        assertThat(counts[1] / 60000.0).isCloseTo(1.0 / 6, within(0.01));
    }

    @Test
    void fitnessSharingDividesByTheNicheCount() {
        // points on a line, sigma 1: 0 and 0.5 share 0.5 each; 5 is alone
        List<Double> g = List.of(0.0, 0.5, 5.0);
        double[] shared = FitnessSharing.share(g, new double[] {10, 10, 10}, (a, b) -> Math.abs(a - b), 1.0);
        assertThat(shared).containsExactly(10 / 1.5, 10 / 1.5, 10.0);
    }

    @Test
    void weightMutationScheduleDecaysFromFiveTimesTheRate() {
        assertThat(WeightMutationSchedule.probability(nas.sim.config.DecaySchedule.OFF, 0.1, 10, 1)).isEqualTo(0.1);
        assertThat(WeightMutationSchedule.probability(nas.sim.config.DecaySchedule.LINEAR, 0.1, 0, 1))
                .isCloseTo(0.5, within(1e-12));
        assertThat(WeightMutationSchedule.probability(nas.sim.config.DecaySchedule.LINEAR, 0.1, 25, 1))
                .isCloseTo(0.3, within(1e-12));
        assertThat(WeightMutationSchedule.probability(nas.sim.config.DecaySchedule.LINEAR, 0.1, 80, 1))
                .isCloseTo(0.1, within(1e-12));
        assertThat(WeightMutationSchedule.probability(nas.sim.config.DecaySchedule.EXPONENTIAL, 0.1, 50, 1))
                .isCloseTo(0.1 + 0.4 * Math.exp(-3), within(1e-12));
        assertThat(WeightMutationSchedule.probability(nas.sim.config.DecaySchedule.OFF, 0.3, 0, 8)).isEqualTo(1.0);
    }
}
