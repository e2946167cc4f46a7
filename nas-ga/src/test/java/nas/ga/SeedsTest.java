package nas.ga;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeedsTest {

    @Test
    void seedsAreTheOnesEarlierRunsUsed() {
        // values of the original formula, computed outside Java
        assertThat(Seeds.mix(7, 3)).isEqualTo(8169848602959338096L);
        assertThat(Seeds.mix(7, 0, 5)).isEqualTo(-6251861606518337213L);
    }
}
