package nas.samplers.qmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import nas.samplers.qmc.QmcSequence.Kind;
import org.junit.jupiter.api.Test;

class QmcSequenceTest {

    private static double[] point(QmcSequence s, long i) {
        double[] out = new double[s.dimension()];
        s.point(i, out);
        return out;
    }

    @Test
    void plainSequencesHaveTheirTextbookPoints() {
        QmcSequence sobol = QmcSequence.of(Kind.SOBOL, 2, false, 0);
        assertThat(point(sobol, 0)).containsExactly(0, 0);
        assertThat(point(sobol, 1)).containsExactly(0.5, 0.5);
        assertThat(point(sobol, 2)).containsExactly(0.75, 0.25);
        assertThat(point(sobol, 3)).containsExactly(0.25, 0.75);
        QmcSequence halton = QmcSequence.of(Kind.HALTON, 2, false, 0);
        assertThat(point(halton, 1)[0]).isCloseTo(0.5, within(1e-15));
        assertThat(point(halton, 2)[0]).isCloseTo(0.25, within(1e-15));
        assertThat(point(halton, 3)[0]).isCloseTo(0.75, within(1e-15));
        assertThat(point(halton, 1)[1]).isCloseTo(1 / 3.0, within(1e-15));
        assertThat(point(halton, 3)[1]).isCloseTo(1 / 9.0, within(1e-15));
        assertThat(QmcSequence.Halton.firstPrimes(6)).containsExactly(2, 3, 5, 7, 11, 13);
    }

    @Test
    void scrambledSobolStillPutsOnePointInEachDyadicCell() {
        QmcSequence s = QmcSequence.of(Kind.SOBOL, 4, true, 99);
        int m = 256;
        boolean[][] hit = new boolean[4][m];
        for (int i = 0; i < m; i++) {
            double[] p = point(s, i);
            for (int d = 0; d < 4; d++) {
                int cell = (int) (p[d] * m);
                assertThat(hit[d][cell]).as("dim %d cell %d twice", d, cell).isFalse();
                hit[d][cell] = true;
            }
        }
        // and the 2-D projection of 256 points is a (0, 8, 2)-net: one point in each 16 × 16 cell
        boolean[] grid = new boolean[256];
        for (int i = 0; i < m; i++) {
            double[] p = point(s, i);
            int c = (int) (p[0] * 16) * 16 + (int) (p[1] * 16);
            assertThat(grid[c]).isFalse();
            grid[c] = true;
        }
    }

    @Test
    void sameSeedSamePointsAnotherSeedOthers() {
        for (Kind k : Kind.values()) {
            double[] a = point(QmcSequence.of(k, 3, true, 1), 17);
            double[] b = point(QmcSequence.of(k, 3, true, 1), 17);
            double[] c = point(QmcSequence.of(k, 3, true, 2), 17);
            assertThat(a).containsExactly(b);
            assertThat(Arrays.equals(a, c)).isFalse();
        }
    }

    /** Sobol's g-function, prod (|4u − 2| + a_i)/(1 + a_i) with a_i = i: its integral over the cube is 1. */
    static double g(double[] u) {
        double p = 1;
        for (int i = 0; i < u.length; i++) {
            p *= (Math.abs(4 * u[i] - 2) + i + 1) / (i + 2.0);
        }
        return p;
    }

    @Test
    void integratesTheSobolGFunctionFarBetterThanRandomPoints() {
        int d = 5;
        int n = 1024;
        int reps = 8;
        double[] err = new double[3];
        for (int r = 0; r < reps; r++) {
            QmcSequence sobol = QmcSequence.of(Kind.SOBOL, d, true, r);
            QmcSequence halton = QmcSequence.of(Kind.HALTON, d, true, r);
            SplittableRandom rng = new SplittableRandom(r);
            double[] sum = new double[3];
            double[] u = new double[d];
            for (int i = 0; i < n; i++) {
                sobol.point(i, u);
                sum[0] += g(u);
                halton.point(i, u);
                sum[1] += g(u);
                for (int k = 0; k < d; k++) {
                    u[k] = rng.nextDouble();
                }
                sum[2] += g(u);
            }
            for (int k = 0; k < 3; k++) {
                err[k] += Math.abs(sum[k] / n - 1) / reps;
            }
        }
        // random: ~ sigma / sqrt(n) ≈ 0.01; QMC an order of magnitude better
        assertThat(err[0]).isLessThan(0.2 * err[2]);
        assertThat(err[1]).isLessThan(0.3 * err[2]);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> QmcSequence.of(Kind.SOBOL, 0, true, 1)).hasMessageContaining("dimension must be >= 1");
        assertThatThrownBy(() -> Kind.parse("lhs")).hasMessageContaining("sobol or halton");
        assertThat(Kind.parse(" Halton")).isEqualTo(Kind.HALTON);
        assertThatThrownBy(() -> new QmcOptions(null, true, 1L)).hasMessageContaining("kind");
    }
}
