package nas.samplers.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class LogEiTest {

    static final NormalDistribution N = new NormalDistribution(0, 1);

    /** h(z) = φ(z) + zΦ(z), straight from the definition (accurate where it does not cancel). */
    static double direct(double z) {
        return N.density(z) + z * N.cumulativeProbability(z);
    }

    /**
     * ln h(z) for very negative z by quadrature: h(z) = ∫₀^∞ t φ(t − z) dt
     * = φ(z) ∫₀^∞ t e^{zt − t²/2} dt, the second integral by Simpson's rule on a fine grid.
     */
    static double quadrature(double z) {
        double upper = 40 / Math.abs(z);
        int m = 200_000;
        double h = upper / m;
        double s = 0;
        for (int i = 0; i <= m; i++) {
            double t = i * h;
            double f = t * Math.exp(z * t - t * t / 2);
            s += f * (i == 0 || i == m ? 1 : i % 2 == 1 ? 4 : 2);
        }
        return -0.5 * z * z - 0.5 * Math.log(2 * Math.PI) + Math.log(s * h / 3);
    }

    @Test
    void matchesTheDirectFormulaWhereThatIsAccurate() {
        for (double z = -5; z <= 5; z += 0.25) {
            assertThat(LogEi.logH(z)).as("z=%s", z).isCloseTo(Math.log(direct(z)), within(1e-9));
        }
        // h(0) = φ(0) = 1/√(2π)
        assertThat(LogEi.logH(0)).isCloseTo(-0.5 * Math.log(2 * Math.PI), within(1e-15));
    }

    @Test
    void staysAccurateWhereExpectedImprovementUnderflows() {
        for (double z : new double[] {-8, -15, -19.9, -20.1, -30, -45}) {
            assertThat(LogEi.logH(z)).as("z=%s", z).isCloseTo(quadrature(z), within(1e-6 * Math.abs(quadrature(z))));
        }
        assertThat(direct(-40)).isZero(); // the direct form underflows ...
        assertThat(LogEi.logH(-40)).isFinite().isLessThan(-800); // ... the log form does not
        assertThat(LogEi.logH(-1e4)).isFinite();
    }

    @Test
    void derivativesMatchFiniteDifferencesAcrossTheBranches() {
        for (double z : new double[] {-50, -20.5, -19.5, -3, -1.0001, -0.9999, 0, 2.5, 8}) {
            double h = 1e-5 * Math.max(1, Math.abs(z));
            double fd = (LogEi.logH(z + h) - LogEi.logH(z - h)) / (2 * h);
            assertThat(LogEi.logHDerivative(z)).as("z=%s", z).isCloseTo(fd, within(1e-5 * Math.max(1, Math.abs(fd))));
            double fc = (LogEi.logCdf(z + h) - LogEi.logCdf(z - h)) / (2 * h);
            assertThat(LogEi.logCdfDerivative(z)).as("z=%s", z).isCloseTo(fc, within(1e-5 * Math.max(1, Math.abs(fc))));
        }
    }

    @Test
    void logCdfMatchesTheNormalDistribution() {
        for (double z = -8; z <= 6; z += 0.5) {
            assertThat(LogEi.logCdf(z)).isCloseTo(Math.log(N.cumulativeProbability(z)), within(1e-8));
        }
        // Φ(−40) ≈ φ(−40)/40: ln = −800 − ½ ln 2π − ln 40 (to 1/z² relative)
        assertThat(LogEi.logCdf(-40)).isCloseTo(-800 - 0.5 * Math.log(2 * Math.PI) - Math.log(40), within(1e-3));
    }
}
