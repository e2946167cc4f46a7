package nas.samplers.cmaes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CmaStreamsTest {

    @Test
    void streamsAreTheOnesEarlierStudiesWereSampledWith() {
        // value of the original SplitMix64 formula, computed outside Java
        assertThat(Cma.mix(42, 1, 2, 3)).isEqualTo(2329246437723396531L);
        assertThat(Cma.mix(42, 1, 2, 3)).isNotEqualTo(Cma.mix(42, 3, 2, 1));
    }
}
