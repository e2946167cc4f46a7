package nas.samplers.morris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MorrisDesignTest {

    @Test
    void everyStepMovesOneFactorByDeltaAndEachFactorOnce() {
        MorrisDesign design = MorrisDesign.generate(6, 4, 10, 0, 7L);
        assertThat(design.delta()).isEqualTo(4.0 / 6.0);
        assertThat(design.size()).isEqualTo(70);
        for (int t = 0; t < 10; t++) {
            double[][] x = design.trajectory(t);
            boolean[] seen = new boolean[6];
            for (int s = 1; s <= 6; s++) {
                int changed = -1;
                for (int i = 0; i < 6; i++) {
                    if (x[s][i] != x[s - 1][i]) {
                        assertThat(changed).as("only one factor moves").isEqualTo(-1);
                        changed = i;
                        assertThat(Math.abs(x[s][i] - x[s - 1][i])).isCloseTo(design.delta(), within(1e-15));
                    }
                }
                assertThat(changed).isEqualTo(design.movedFactor(t * 7 + s));
                assertThat(seen[changed]).as("each factor moves once").isFalse();
                seen[changed] = true;
            }
            assertThat(design.movedFactor(t * 7)).isEqualTo(-1);
        }
    }

    @Test
    void pointsAreOnTheGrid() {
        MorrisDesign design = MorrisDesign.generate(5, 6, 8, 20, 3L);
        for (int p = 0; p < design.size(); p++) {
            for (double v : design.point(p)) {
                assertThat(v).isBetween(0.0, 1.0);
                double level = v * 5;
                assertThat(level).isCloseTo(Math.rint(level), within(1e-12));
            }
        }
    }

    @Test
    void sameSeedSameDesignDifferentSeedDifferentDesign() {
        assertThat(MorrisDesign.generate(8, 4, 12, 40, 11L)).isEqualTo(MorrisDesign.generate(8, 4, 12, 40, 11L));
        assertThat(MorrisDesign.generate(8, 4, 12, 40, 11L)).isNotEqualTo(MorrisDesign.generate(8, 4, 12, 40, 12L));
    }

    @Test
    void campolongoSelectionSpreadsMoreThanUnselectedTrajectories() {
        // Selecting 4 of 30 must give a larger spread than the plain design with the same seed, whose
        // trajectories are the first 4 of the same candidate stream.
        MorrisDesign plain = MorrisDesign.generate(4, 4, 4, 0, 5L);
        MorrisDesign selected = MorrisDesign.generate(4, 4, 4, 30, 5L);
        assertThat(spread(selected)).isGreaterThan(spread(plain));
    }

    @Test
    void selectionEqualsGreedyEliminationWithDirectDistances() {
        // The pool's trajectories are the plain design with r = pool and the same seed. Eliminate greedily with
        // distances computed point by point, and compare with the design's own (incremental) selection.
        int k = 5;
        int pool = 12;
        int keep = 4;
        MorrisDesign all = MorrisDesign.generate(k, 4, pool, 0, 21L);
        double[][] d2 = new double[pool][pool];
        for (int m = 0; m < pool; m++) {
            for (int l = 0; l < pool; l++) {
                double d = m == l ? 0 : distance(all.trajectory(m), all.trajectory(l));
                d2[m][l] = d * d;
            }
        }
        boolean[] removed = new boolean[pool];
        for (int left = pool; left > keep; left--) {
            int worst = -1;
            double worstSum = 0;
            for (int m = 0; m < pool; m++) {
                if (removed[m]) {
                    continue;
                }
                double sum = 0;
                for (int l = 0; l < pool; l++) {
                    sum += removed[l] ? 0 : d2[m][l];
                }
                if (worst < 0 || sum < worstSum) {
                    worst = m;
                    worstSum = sum;
                }
            }
            removed[worst] = true;
        }
        MorrisDesign selected = MorrisDesign.generate(k, 4, keep, pool, 21L);
        int t = 0;
        for (int m = 0; m < pool; m++) {
            if (!removed[m]) {
                assertThat(selected.trajectory(t++)).isDeepEqualTo(all.trajectory(m));
            }
        }
    }

    private static double distance(double[][] a, double[][] b) {
        double dist = 0;
        for (double[] p : a) {
            for (double[] q : b) {
                double s = 0;
                for (int i = 0; i < p.length; i++) {
                    s += (p[i] - q[i]) * (p[i] - q[i]);
                }
                dist += Math.sqrt(s);
            }
        }
        return dist;
    }

    private static double spread(MorrisDesign d) {
        double total = 0;
        for (int m = 0; m < d.trajectories(); m++) {
            for (int l = m + 1; l < d.trajectories(); l++) {
                double[][] a = d.trajectory(m);
                double[][] b = d.trajectory(l);
                double dist = 0;
                for (double[] p : a) {
                    for (double[] q : b) {
                        double s = 0;
                        for (int i = 0; i < p.length; i++) {
                            s += (p[i] - q[i]) * (p[i] - q[i]);
                        }
                        dist += Math.sqrt(s);
                    }
                }
                total += dist * dist;
            }
        }
        return total;
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> MorrisDesign.generate(3, 5, 4, 0, 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("even").hasMessageContaining("5");
        assertThatThrownBy(() -> MorrisDesign.generate(0, 4, 4, 0, 1L)).hasMessageContaining("dimension");
        assertThatThrownBy(() -> MorrisDesign.generate(3, 4, 0, 0, 1L)).hasMessageContaining("trajectories");
        assertThatThrownBy(() -> MorrisDesign.generate(3, 4, 2, 0, 1L).point(8)).hasMessageContaining("[0, 8)");
    }
}
