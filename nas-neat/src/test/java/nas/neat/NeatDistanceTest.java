package nas.neat;

import static nas.neat.NeatTestGenomes.conn;
import static nas.neat.NeatTestGenomes.input;
import static nas.neat.NeatTestGenomes.output;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class NeatDistanceTest {

    @Test
    void paperParentsByHand() {
        // Matching 1-5 with |dw| = 0.4, 0, 0.4, 0, 1.0 (mean 0.36); disjoint 6, 7, 8; excess 9, 10; N = 9.
        NeatGenome p1 = NeatCrossoverTest.parent1();
        NeatGenome p2 = NeatCrossoverTest.parent2();
        assertThat(NeatDistance.DEFAULT.between(p1, p2)).isCloseTo(2.0 / 9 + 3.0 / 9 + 0.4 * 0.36, within(1e-12));
        NeatDistance custom = new NeatDistance(2.0, 0.5, 1.0);
        assertThat(custom.between(p2, p1)).isCloseTo(4.0 / 9 + 1.5 / 9 + 0.36, within(1e-12));
        assertThat(NeatDistance.DEFAULT.between(p1, p1)).isZero();
    }

    @Test
    void emptyGenomes() {
        NeatGenome empty = new NeatGenome(BiasMode.NODE, List.of(input(0), output(1, 0.3), output(2, -0.1)), List.of());
        NeatGenome emptyOther = new NeatGenome(BiasMode.NODE, List.of(input(0), output(1, -0.2), output(3, 5.0)),
                List.of());
        NeatGenome three = new NeatGenome(BiasMode.NODE, List.of(input(0), output(1, 0), output(2, 0)),
                List.of(conn(0, 1, 1, true, 0), conn(0, 2, 1, false, 1)));
        NeatDistance d = new NeatDistance(1.5, 1, 0.4);
        assertThat(d.between(empty, three)).isEqualTo(3.0);
        assertThat(d.between(three, empty)).isEqualTo(3.0);
        // Shared ids 0 and 1: |0 - 0| and |0.3 - (-0.2)|.
        assertThat(d.between(empty, emptyOther)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void symmetricOnRandomGenomes() {
        SplittableRandom rng = new SplittableRandom(3);
        InnovationTracker t = new InnovationTracker();
        for (int i = 0; i < 50; i++) {
            NeatGenome a = NeatTestGenomes.grown(4, 3, rng.nextInt(20), BiasMode.BIAS_NODE, t, rng);
            NeatGenome b = NeatTestGenomes.grown(4, 3, rng.nextInt(20), BiasMode.BIAS_NODE, t, rng);
            assertThat(NeatDistance.DEFAULT.between(a, b)).isEqualTo(NeatDistance.DEFAULT.between(b, a))
                    .isGreaterThanOrEqualTo(0);
        }
    }
}
