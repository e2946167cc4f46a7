package nas.samplers.nsga2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SelectionTest {
    @Test
    void survivorsTakeWholeFrontsThenMostIsolated() {
        double[][] values = {
            {0, 10}, {1, 6}, {3, 4}, {10, 0}, // front 0; crowding B=0.9 C=1.5, ends infinite
            {5, 9}, {9, 9},                   // worse fronts
        };
        assertThat(Selection.survivors(values, null, 3)).containsExactly(0, 2, 3);
        assertThat(Selection.survivors(values, null, 4)).containsExactly(0, 1, 2, 3);
        assertThat(Selection.survivors(values, null, 5)).containsExactly(0, 1, 2, 3, 4);
        assertThat(Selection.survivors(values, null, 9)).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void survivorsPreferFeasible() {
        double[][] values = {{0, 0}, {5, 5}, {6, 6}};
        double[] violation = {1.0, 0, 0};
        assertThat(Selection.survivors(values, violation, 2)).containsExactly(1, 2);
    }

    @Test
    void tournamentPrefersLowerRankThenLargerCrowding() {
        int[] rank = {0, 1, 0};
        double[] crowding = {0.2, 5.0, 0.7};
        int[] wins = new int[3];
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 30_000; i++) {
            wins[Selection.tournament(rank, crowding, rng)]++;
        }
        // Pairs are equally likely: {0,1} -> 0, {0,2} -> 2, {1,2} -> 2.
        assertThat(wins[1]).isZero();
        assertThat(wins[0] / 30_000.0).isBetween(0.31, 0.36);
        assertThat(wins[2] / 30_000.0).isBetween(0.64, 0.69);
    }

    @Test
    void crowdingByFrontComputesWithinEachFront() {
        double[][] values = {{0, 10}, {1, 6}, {3, 4}, {10, 0}, {5, 9}};
        double[] c = Selection.crowdingByFront(values, NonDominatedSort.ranks(values));
        assertThat(c[1]).isCloseTo(0.9, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(c[4]).isInfinite();
    }
}
