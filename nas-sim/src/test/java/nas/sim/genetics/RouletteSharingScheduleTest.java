package nas.sim.genetics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;

import nas.neat.RankRoulette;
import nas.sim.config.DecaySchedule;
import org.junit.jupiter.api.Test;

class RouletteSharingScheduleTest {

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
        assertThat(WeightMutationSchedule.probability(DecaySchedule.OFF, 0.1, 10, 1)).isEqualTo(0.1);
        assertThat(WeightMutationSchedule.probability(DecaySchedule.LINEAR, 0.1, 0, 1))
                .isCloseTo(0.5, within(1e-12));
        assertThat(WeightMutationSchedule.probability(DecaySchedule.LINEAR, 0.1, 25, 1))
                .isCloseTo(0.3, within(1e-12));
        assertThat(WeightMutationSchedule.probability(DecaySchedule.LINEAR, 0.1, 80, 1))
                .isCloseTo(0.1, within(1e-12));
        assertThat(WeightMutationSchedule.probability(DecaySchedule.EXPONENTIAL, 0.1, 50, 1))
                .isCloseTo(0.1 + 0.4 * Math.exp(-3), within(1e-12));
        assertThat(WeightMutationSchedule.probability(DecaySchedule.OFF, 0.3, 0, 8)).isEqualTo(1.0);
    }
}
