package nas.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeedsTest {

    private static final long GOLDEN = 0x9e3779b97f4a7c15L;

    @Test
    void mixIsTheSplitMix64Finalizer() {
        // SplitMix64 seeded with 0 outputs mix(γ), mix(2γ), ...: its published first two values.
        assertThat(Seeds.mix(GOLDEN)).isEqualTo(0xe220a8397b1dcdafL);
        assertThat(Seeds.mix(2 * GOLDEN)).isEqualTo(0x6e789e6aa1b965f4L);
        assertThat(Seeds.mix(0)).isZero();
    }

    @Test
    void deriveDependsOnTheSeedAndTheOrderOfTheParts() {
        assertThat(Seeds.derive(0)).isEqualTo(0xe220a8397b1dcdafL);
        assertThat(Seeds.derive(42, 1, 2)).isNotEqualTo(Seeds.derive(42, 2, 1));
        assertThat(Seeds.derive(42, 1)).isNotEqualTo(Seeds.derive(43, 1)).isEqualTo(Seeds.derive(42, 1));
        assertThat(Seeds.random(1, 0).nextLong()).isEqualTo(new SplittableRandom(Seeds.derive(1, 0)).nextLong());
        double u = Seeds.uniform(7, 3);
        assertThat(u).isEqualTo((Seeds.derive(7, 3) >>> 11) * 0x1.0p-53).isBetween(0.0, 1.0);
    }

    @Test
    void hashIsFnv1a64() {
        assertThat(Seeds.hash("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(Seeds.hash("a")).isEqualTo(0xaf63dc4c8601ec8cL);
    }
}
