package nas.sim.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import nas.sim.config.LabConfig;
import org.junit.jupiter.api.Test;

class PelletAndFitnessTest {

    private static final LabConfig C = LabConfig.defaults();

    @Test
    void stableRadiusIsAtLeastOneAnd13TimesTheReach() {
        double r = PelletSpawner.stableRadius(new double[] {0, 2}, new double[] {0, 0}, new double[] {0.4, 0.4}, 2);
        assertThat(r).isCloseTo(1.3 * 1.2, within(1e-12)); // centroid 1, reach 1 + 0.2
        double small = PelletSpawner.stableRadius(new double[] {0}, new double[] {0}, new double[] {0.4}, 1);
        assertThat(small).isEqualTo(1.0);
    }

    @Test
    void spawnDistancesAndHeightsDependOnTheIndexWithoutClamp() {
        SplittableRandom rng = new SplittableRandom(7);
        double[] out = new double[4];
        double prev = Double.NaN;
        for (int trial = 0; trial < 2000; trial++) {
            int index = trial % 6;
            PelletSpawner.spawn(index, index == 0 ? Double.NaN : prev, 1.0, -2.0, 1.5, 100.0, rng, out);
            double edge = Math.hypot(out[0] - 1.0, out[2] + 2.0) - 1.5;
            double lo = index == 0 ? 7 : index <= 2 ? 8 : 9;
            assertThat(edge).isBetween(lo, lo + 1.0);
            assertThat(out[1]).isBetween(0.5 + 0.3 * index, 1.0 + 0.3 * index);
            if (index > 0) {
                // opposite half: the angle is within pi/2 of prev + pi
                double d = out[3] - (prev + Math.PI);
                assertThat(Math.abs(d)).isLessThanOrEqualTo(Math.PI / 2);
            }
            prev = out[3];
        }
    }

    @Test
    void arenaClampBindsAtDefaultArenaSize() {
        SplittableRandom rng = new SplittableRandom(11);
        double[] out = new double[4];
        int clamped = 0;
        for (int i = 0; i < 1000; i++) {
            PelletSpawner.spawn(0, Double.NaN, 0.0, 0.0, 1.3, C.arenaSize(), rng, out);
            assertThat(Math.abs(out[0])).isLessThanOrEqualTo(4.5);
            assertThat(Math.abs(out[2])).isLessThanOrEqualTo(4.5);
            if (Math.abs(out[0]) == 4.5 || Math.abs(out[2]) == 4.5) {
                clamped++;
            }
            double r = Math.hypot(out[0], out[2]);
            assertThat(r).isBetween(4.5, 4.5 * Math.sqrt(2) + 1e-12);
        }
        assertThat(clamped).isEqualTo(1000); // nominal distance 8.3..9.3 always exceeds 4.5
    }

    @Test
    void fitnessFormulaTermsByHand() {
        // no pellet: progress only. d0 = 5, d = 2 -> 0.6 * 80 = 48; traveled 2 -> 6; efficiency 0
        assertThat(FitnessTracker.formula(C, 0, 2.0, 5.0, 1.0, 2.0, 0.0, 30.0, 4)).isCloseTo(54.0, within(1e-12));
        // distance term saturates at 20 (6.67 units)
        assertThat(FitnessTracker.formula(C, 0, 5.0, 5.0, 5.0, 10.0, 0.0, 30.0, 4)).isCloseTo(20.0, within(1e-12));
        // banked: 2 pellets -> 200; regression: d - d* = 1 over 0.5 * d0 = 2 -> 0.5 * 20 = 10
        // progress of the current pellet: (4 - 3)/4 * 80 = 20
        assertThat(FitnessTracker.formula(C, 2, 3.0, 4.0, 2.0, 0.0, 0.0, 30.0, 4)).isCloseTo(210.0, within(1e-12));
        // no regression penalty before the first pellet
        assertThat(FitnessTracker.formula(C, 0, 3.0, 4.0, 2.0, 0.0, 0.0, 30.0, 4)).isCloseTo(20.0, within(1e-12));
        // efficiency: |o| = 1 on 4 muscles for 900 steps -> (3600 / (30 * 4)) / 60 * 10 * 0.1 = 0.5
        assertThat(FitnessTracker.formula(C, 1, 0.0, 4.0, 0.0, 0.0, 3600.0, 30.0, 4)).isCloseTo(
                100.0 + 80.0 - 0.5, within(1e-12));
        // never negative
        assertThat(FitnessTracker.formula(C, 0, 9.0, 4.0, 4.0, 0.0, 1e6, 30.0, 1)).isZero();
    }

    @Test
    void fitnessConstantsAreConfigurable() {
        LabConfig c = C.toBuilder().set("fitness_pellet_points", 50.0).set("fitness_progress_max", 10.0).build();
        assertThat(FitnessTracker.formula(c, 1, 0.0, 4.0, 0.0, 0.0, 0.0, 30.0, 4)).isCloseTo(60.0 + 10.0, within(1e-12));
    }

    @Test
    void trackerCountsOnlyStepsLongerThan002AndTheClosestDistance() {
        FitnessTracker t = new FitnessTracker();
        t.reset(1.0, 0.0, 0.0);
        t.startPellet(10.0, 0.0, 0.0, 0.0);
        assertThat(t.initialDistance()).isEqualTo(9.0);
        for (int i = 1; i <= 10; i++) {
            t.recordCom(0.01 * i, 0.0); // 0.6 units/s at 30 Hz: not counted
        }
        assertThat(t.distanceTraveled()).isZero();
        for (int i = 1; i <= 10; i++) {
            t.recordCom(0.1 + 0.03 * i, 0.0);
        }
        assertThat(t.distanceTraveled()).isCloseTo(0.3, within(1e-12));
        assertThat(t.closestDistance()).isCloseTo(9.0 - 0.4, within(1e-12));
        t.recordCom(-1.0, 0.0); // moving away: the closest distance stays
        assertThat(t.closestDistance()).isCloseTo(8.6, within(1e-12));
        assertThat(t.distanceTraveled()).isCloseTo(1.7, within(1e-12));
        // fitness at the end: progress (9 - 10) < 0 -> 0; distance 1.7 * 3
        assertThat(t.fitness(C, -1.0, 0.0, 30.0, 1, false)).isCloseTo(5.1, within(1e-12));
        assertThat(t.fitness(C, -1.0, 0.0, 30.0, 1, true)).isZero();
    }

    @Test
    void regressionAfterACollectionIsPenalised() {
        FitnessTracker t = new FitnessTracker();
        t.reset(1.0, 0.0, 0.0);
        t.startPellet(5.0, 0.0, 0.0, 0.0);
        t.collect();
        t.startPellet(-7.0, 0.0, 0.0, 0.0); // d0 = 6
        t.recordCom(-3.0, 0.0); // closest 3
        t.recordCom(0.0, 0.0); // back to 6: regression 3 / 3 -> full 20
        // banked 100 + progress 0 + distance 6 * 3 = 18 (capped 20 -> 18) - regression 20
        assertThat(t.fitness(C, 0.0, 0.0, 30.0, 1, false)).isCloseTo(98.0, within(1e-12));
    }
}
