package nas.samplers.nsga2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CrowdingDistanceTest {
    @Test
    void handComputedTwoObjectives() {
        // Sorted by f1: A(0) B(1) C(3) D(10), range 10: B += (3-0)/10, C += (10-1)/10.
        // Sorted by f2: D(0) C(4) B(6) A(10), range 10: C += (6-0)/10, B += (10-4)/10.
        double[][] front = {{3, 4}, {0, 10}, {10, 0}, {1, 6}};
        double[] d = CrowdingDistance.of(front);
        assertThat(d[0]).isCloseTo(0.9 + 0.6, within(1e-12));
        assertThat(d[1]).isInfinite();
        assertThat(d[2]).isInfinite();
        assertThat(d[3]).isCloseTo(0.3 + 0.6, within(1e-12));
    }

    @Test
    void handComputedThreeObjectivesOnSubset() {
        double[][] values = {{99, 99, 99}, {0, 4, 2}, {1, 2, 1}, {2, 1, 0}, {4, 0, 4}};
        int[] members = {1, 2, 3, 4};
        double[] d = CrowdingDistance.of(values, members);
        // Point 2 (1,2,1): f1 neighbours 0,2 / 4; f2 neighbours 1,4 / 4; f3 neighbours 0,2 / 4.
        assertThat(d[1]).isCloseTo(2.0 / 4 + 3.0 / 4 + 2.0 / 4, within(1e-12));
        // Point 3 (2,1,0): extreme in f3 (minimum).
        assertThat(d[2]).isInfinite();
        assertThat(d[0]).isInfinite();
        assertThat(d[3]).isInfinite();
    }

    @Test
    void flatObjectiveAddsNothingAndSmallFrontsAreInfinite() {
        double[][] front = {{0, 1}, {1, 1}, {3, 1}};
        double[] d = CrowdingDistance.of(front);
        assertThat(d[1]).isCloseTo(1.0, within(1e-12));
        assertThat(CrowdingDistance.of(new double[][] {{1, 2}, {2, 1}})).containsOnly(Double.POSITIVE_INFINITY);
        assertThat(CrowdingDistance.of(new double[0][])).isEmpty();
    }
}
