package nas.samplers.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TruncatedNormalTest {

    /** Simpson's rule of exp(logPdf) over [low, high]. */
    static double integrate(java.util.function.DoubleUnaryOperator logPdf, double low, double high, int n) {
        double h = (high - low) / n;
        double s = Math.exp(logPdf.applyAsDouble(low)) + Math.exp(logPdf.applyAsDouble(high));
        for (int i = 1; i < n; i++) {
            s += (i % 2 == 0 ? 2 : 4) * Math.exp(logPdf.applyAsDouble(low + i * h));
        }
        return s * h / 3;
    }

    @Test
    void densityIntegratesToOneOverTheBoundsIncludingFarTails() {
        double[][] cases = {{0, 1, -1, 1}, {0.3, 0.05, 0, 1}, {-2, 0.5, 0, 1}, {12, 1, 0, 1}, {-9, 1, 0, 1}, {5, 100, -1, 2}};
        for (double[] c : cases) {
            double integral = integrate(x -> TruncatedNormal.logPdf(x, c[0], c[1], c[2], c[3]), c[2], c[3], 2000);
            assertThat(integral).as("mu=%s sigma=%s", c[0], c[1]).isCloseTo(1.0, within(1e-6));
        }
    }

    @Test
    void densityAtTheCentreOfAWideWindowIsTheNormalOne() {
        // mu = 0, sigma = 1, bounds ±10: truncation removes ~1e-23 of the mass
        assertThat(TruncatedNormal.logPdf(0, 0, 1, -10, 10)).isCloseTo(-0.5 * Math.log(2 * Math.PI), within(1e-12));
        // uniform limit: huge sigma on [0, 2] gives density 1/2
        assertThat(Math.exp(TruncatedNormal.logPdf(1.3, 1, 1e6, 0, 2))).isCloseTo(0.5, within(1e-9));
        assertThat(TruncatedNormal.logPdf(2.5, 1, 1, 0, 2)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void samplesFollowTheDensityInEveryBin() {
        double[][] cases = {{0.2, 0.3, 0, 1}, {4, 1, 0, 1}, {-3, 0.7, -1, 1}};
        for (double[] c : cases) {
            SplittableRandom rng = new SplittableRandom(42);
            int n = 200_000;
            int bins = 20;
            int[] counts = new int[bins];
            double width = (c[3] - c[2]) / bins;
            for (int i = 0; i < n; i++) {
                double x = TruncatedNormal.sample(rng, c[0], c[1], c[2], c[3]);
                assertThat(x).isBetween(c[2], c[3]);
                counts[Math.min(bins - 1, (int) ((x - c[2]) / width))]++;
            }
            for (int b = 0; b < bins; b++) {
                double lo = c[2] + b * width;
                double p = integrate(x -> TruncatedNormal.logPdf(x, c[0], c[1], c[2], c[3]), lo, lo + width, 200);
                double sd = Math.sqrt(p * (1 - p) / n);
                assertThat((double) counts[b] / n).as("case mu=%s bin %d", c[0], b).isCloseTo(p, within(5 * sd + 1e-9));
            }
        }
    }

    /** What logMass and logCellMass computed before their shortcuts: the two erfc, always. */
    private static double logMassWithErfc(double a, double b) {
        return Math.log(Math.max(TruncatedNormal.mass(a, b), Double.MIN_NORMAL));
    }

    @Test
    void shortcutsForWholeAndEmptyMassesGiveTheBitsTheErfcGive() {
        int whole = 0;
        int none = 0;
        for (double a = -60; a <= 60; a += 0.0625) {
            for (double width : new double[] {1e-3, 0.5, 1, 3, 12, 25, 80, 200}) {
                double b = a + width;
                double exact = logMassWithErfc(a, b);
                assertThat(TruncatedNormal.logCellMass(a, b)).as("cell [%s, %s]", a, b).isEqualTo(exact);
                none += a >= TruncatedNormal.NONE || b <= -TruncatedNormal.NONE ? 1 : 0;
            }
        }
        for (double mu = -3; mu <= 13; mu += 0.03125) {
            for (double sigma : new double[] {0.01, 0.1, 0.25, 0.5, 1, 2}) {
                double exact = logMassWithErfc((0 - mu) / sigma, (10 - mu) / sigma);
                assertThat(TruncatedNormal.logMass(mu, sigma, 0, 10)).as("mu %s sigma %s", mu, sigma).isEqualTo(exact);
                whole += (0 - mu) / sigma <= -TruncatedNormal.WHOLE && (10 - mu) / sigma >= TruncatedNormal.WHOLE ? 1 : 0;
            }
        }
        // both shortcuts were taken, many times, and gave exactly what the erfc give
        assertThat(whole).isGreaterThan(500);
        assertThat(none).isGreaterThan(500);
    }
}
