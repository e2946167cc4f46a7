package nas.neat;

import static org.assertj.core.api.Assertions.assertThat;

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
}
