package nas.neat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class NeatSpeciationControlTest {

    @Test
    void stagnantSpeciesOffspringGoToTheOthersByHand() {
        List<int[]> species = List.of(new int[] {0, 1}, new int[] {2}, new int[] {3, 4});
        double[] fitness = {4, 2, 9, 1, 5};
        // Species 1 stagnant; 6 offspring over means 3 and 3: round(3) = 3, last takes 3.
        assertThat(NeatSpeciationControl.reallocate(species, fitness, new int[] {2, 2, 2},
                new boolean[] {false, true, false})).containsExactly(3, 0, 3);
        // Species 2 stagnant: species 0 and 1 share 5 by 3 and 9 (of 12): round(1.25) = 1, last takes 4.
        assertThat(NeatSpeciationControl.reallocate(species, fitness, new int[] {1, 2, 2},
                new boolean[] {false, false, true})).containsExactly(1, 4, 0);
        int[] unchanged = {1, 2, 3};
        assertThat(NeatSpeciationControl.reallocate(species, fitness, unchanged, new boolean[3])).isSameAs(unchanged);
    }
}
