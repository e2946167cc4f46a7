package nas.samplers.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HypervolumeTest {
    @Test
    void threePointsIn2d() {
        // Staircase under (4,4): 3*1 + 2*1 + 1*1.
        double[][] points = {{2, 2}, {1, 3}, {3, 1}};
        assertThat(Hypervolume.of(points, new double[] {4, 4})).isCloseTo(6.0, within(1e-12));
    }

    @Test
    void knownSetIn3d() {
        // Unit vectors under (2,2,2): 3 boxes of 4, minus 3 pairwise overlaps of 2, plus the triple overlap 1.
        double[][] points = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        assertThat(Hypervolume.of(points, new double[] {2, 2, 2})).isCloseTo(7.0, within(1e-12));
    }

    @Test
    void pointsOutsideTheReferenceAddNothing() {
        double[][] points = {{1, 1}, {5, 0}, {0, 4}};
        assertThat(Hypervolume.of(points, new double[] {4, 4})).isCloseTo(9.0, within(1e-12));
        assertThat(Hypervolume.of(new double[0][], new double[] {1, 1, 1})).isZero();
        assertThat(Hypervolume.of(new double[][] {{0.25}, {0.5}}, new double[] {1})).isEqualTo(0.75);
    }

    @Test
    void addingADominatedPointNeverChangesIt() {
        Random random = new Random(1);
        for (int m = 2; m <= 4; m++) {
            for (int round = 0; round < 20; round++) {
                double[][] points = randomFront(random, 6, m);
                double[] ref = filled(m, 1.1);
                double before = Hypervolume.of(points, ref);
                double[] dominated = points[random.nextInt(points.length)].clone();
                for (int d = 0; d < m; d++) {
                    dominated[d] += random.nextDouble() * 0.2;
                }
                double[][] more = java.util.Arrays.copyOf(points, points.length + 1);
                more[points.length] = dominated;
                assertThat(Hypervolume.of(more, ref)).isCloseTo(before, within(1e-12));
            }
        }
    }

    @Test
    void wfgEqualsThe2dSweep() {
        // A 2-D set lifted to 3-D with a constant third objective 0 and reference 1 there goes
        // through the WFG recursion; its hypervolume must equal the 2-D sweep's.
        Random random = new Random(2);
        for (int round = 0; round < 50; round++) {
            double[][] points2 = randomPoints(random, 1 + random.nextInt(15), 2);
            double[][] points3 = new double[points2.length][];
            for (int i = 0; i < points2.length; i++) {
                points3[i] = new double[] {points2[i][0], points2[i][1], 0.0};
            }
            double sweep = Hypervolume.of(points2, new double[] {1.1, 1.1});
            assertThat(Hypervolume.of(points3, new double[] {1.1, 1.1, 1.0})).isCloseTo(sweep, within(1e-12));
        }
    }

    @Test
    void equalsInclusionExclusionOnSmallRandomSets() {
        Random random = new Random(3);
        for (int m = 3; m <= 4; m++) {
            for (int round = 0; round < 40; round++) {
                double[][] points = randomPoints(random, 1 + random.nextInt(8), m);
                double[] ref = filled(m, 1.0);
                assertThat(Hypervolume.of(points, ref)).isCloseTo(inclusionExclusion(points, ref), within(1e-12));
            }
        }
    }

    @Test
    void historyIsThePrefixHypervolume() {
        Random random = new Random(4);
        double[][] points = randomPoints(random, 60, 2);
        double[] ref = {1.1, 1.1};
        double[] history = Hypervolume.history(points, ref);
        for (int i = 0; i < points.length; i++) {
            double[][] prefix = java.util.Arrays.copyOf(points, i + 1);
            assertThat(history[i]).isCloseTo(Hypervolume.of(prefix, ref), within(1e-12));
            if (i > 0) {
                assertThat(history[i]).isGreaterThanOrEqualTo(history[i - 1]);
            }
        }
        double[][] points3 = randomPoints(random, 12, 3);
        double[] history3 = Hypervolume.history(points3, new double[] {1, 1, 1});
        assertThat(history3[11]).isCloseTo(inclusionExclusion(points3, new double[] {1, 1, 1}), within(1e-12));
    }

    @Test
    void rejectsMismatchedInput() {
        assertThatThrownBy(() -> Hypervolume.of(new double[][] {{1, 2, 3}}, new double[] {4, 4}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 objectives");
        assertThatThrownBy(() -> Hypervolume.of(new double[][] {{1, 2}}, new double[] {4, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    }

    /** Sum over non-empty subsets of (-1)^(|S|+1) vol(box of the component-wise max of S). */
    private static double inclusionExclusion(double[][] points, double[] ref) {
        int n = points.length;
        int m = ref.length;
        double total = 0;
        for (int mask = 1; mask < (1 << n); mask++) {
            double[] corner = filled(m, Double.NEGATIVE_INFINITY);
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    for (int d = 0; d < m; d++) {
                        corner[d] = Math.max(corner[d], points[i][d]);
                    }
                }
            }
            double vol = 1;
            for (int d = 0; d < m; d++) {
                vol *= Math.max(0, ref[d] - corner[d]);
            }
            total += (Integer.bitCount(mask) % 2 == 1 ? 1 : -1) * vol;
        }
        return total;
    }

    private static double[][] randomPoints(Random random, int n, int m) {
        double[][] points = new double[n][m];
        for (double[] p : points) {
            for (int d = 0; d < m; d++) {
                p[d] = random.nextDouble();
            }
        }
        return points;
    }

    /** Points on the simplex-like surface sum(x) = 1, so most are mutually non-dominated. */
    private static double[][] randomFront(Random random, int n, int m) {
        double[][] points = randomPoints(random, n, m);
        for (double[] p : points) {
            double s = 0;
            for (double v : p) {
                s += v;
            }
            for (int d = 0; d < m; d++) {
                p[d] /= s;
            }
        }
        return points;
    }

    private static double[] filled(int m, double v) {
        double[] a = new double[m];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
