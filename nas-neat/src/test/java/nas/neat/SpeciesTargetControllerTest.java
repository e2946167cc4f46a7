package nas.neat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import nas.neat.SpeciesTargetController.Mode;
import nas.neat.SpeciesTargetController.Params;
import org.junit.jupiter.api.Test;

class SpeciesTargetControllerTest {

    @Test
    void pidStepResponseByHand() {
        // Target 10, kp 0.35, ki 0.02, kd 0.10, start 3.0.
        SpeciesTargetController c = new SpeciesTargetController(Params.defaults(10, Mode.PID), 3.0);
        SplittableRandom rng = new SplittableRandom(1);
        // n = 20: e = 1, I = 1, D = 0 -> +0.35 + 0.02 = 0.37.
        assertThat(c.update(20, rng)).isCloseTo(3.37, within(1e-12));
        // n = 20: e = 1, I = 2, D = 0 -> +0.35 + 0.04 = 0.39.
        assertThat(c.update(20, rng)).isCloseTo(3.76, within(1e-12));
        // n = 15: e = 0.5, I = 2.5, D = -0.5 -> 0.175 + 0.05 - 0.05 = 0.175.
        assertThat(c.update(15, rng)).isCloseTo(3.935, within(1e-12));
        // n = 10: e = 0, I = 2.5, D = -0.5 -> 0 + 0.05 - 0.05 = 0.
        assertThat(c.update(10, rng)).isCloseTo(3.935, within(1e-12));
        // n = 5: e = -0.5, I = 2.0, D = -0.5 -> -0.175 + 0.04 - 0.05 = -0.185.
        assertThat(c.update(5, rng)).isCloseTo(3.75, within(1e-12));
        assertThat(c.lastMethod()).isEqualTo("pid");
    }

    @Test
    void hillClimbGrowsWhileTheSignHoldsAndHalvesOnOvershoot() {
        SpeciesTargetController c = new SpeciesTargetController(Params.defaults(10, Mode.HILL), 3.0);
        SplittableRandom rng = new SplittableRandom(1);
        assertThat(c.update(30, rng)).isCloseTo(3.3, within(1e-12));   // step 0.3
        assertThat(c.update(30, rng)).isCloseTo(3.75, within(1e-12));  // step 0.45
        assertThat(c.update(4, rng)).isCloseTo(3.525, within(1e-12));  // flip: step 0.225, down
        assertThat(c.update(10, rng)).isCloseTo(3.525, within(1e-12)); // on target: no move
        assertThat(c.update(4, rng)).isCloseTo(3.1875, within(1e-12)); // same sign as last: 0.3375
    }

    @Test
    void thresholdStaysWithinBounds() {
        SpeciesTargetController c = new SpeciesTargetController(Params.defaults(5, Mode.PID), 0.5);
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 100; i++) {
            assertThat(c.update(0, rng)).isGreaterThanOrEqualTo(0.1);
        }
        assertThat(c.threshold()).isEqualTo(0.1);
    }

    @Test
    void closedLoopOnASimulatedPopulationReachesTheTarget() {
        // Toy plant: species count = round(60 / threshold); target 12 needs threshold 5.
        for (Mode mode : Mode.values()) {
            SpeciesTargetController c = new SpeciesTargetController(Params.defaults(12, mode), 1.5);
            SplittableRandom rng = new SplittableRandom(7);
            double t = c.threshold();
            for (int gen = 0; gen < 150; gen++) {
                t = c.update((int) Math.round(60 / t), rng);
            }
            assertThat(Math.round(60 / t)).as(mode.name()).isBetween(11L, 13L);
        }
    }

    @Test
    void banditTriesBothAndPrefersTheBetterMethod() {
        // Epsilon 0: pure greedy after trying each once.
        Params p = new Params(10, Mode.AUTO, 0.35, 0.02, 0.10, 10, 0.3, 0.02, 1.0, 0.0, 0.5, 0.1, 20);
        SpeciesTargetController c = new SpeciesTargetController(p, 1.0);
        SplittableRandom rng = new SplittableRandom(3);
        c.update(40, rng);
        assertThat(c.lastMethod()).isEqualTo("pid");
        c.update(30, rng);
        assertThat(c.lastMethod()).isEqualTo("hill");
        // PID was rewarded 0.75 -> ... the greedy choice follows the larger average.
        c.update(29, rng);
        String expected = c.averageReward("hill") > c.averageReward("pid") ? "hill" : "pid";
        assertThat(c.lastMethod()).isEqualTo(expected);
        assertThat(c.averageReward("pid")).isCloseTo(3.0 - 2.0, within(1e-12));
        assertThat(c.averageReward("hill")).isCloseTo(2.0 - 1.9, within(1e-12));
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> Params.defaults(0, Mode.PID)).hasMessageContaining("species target must be >= 1");
        assertThatThrownBy(() -> new Params(5, Mode.AUTO, 0.35, 0.02, 0.1, 10, 0.3, 0.02, 1.0, 1.5, 0.3, 0.1, 20))
                .hasMessageContaining("epsilon");
    }
}
