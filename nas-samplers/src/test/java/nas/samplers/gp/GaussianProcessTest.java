package nas.samplers.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianProcessTest {

    static final boolean[] MIXED = {false, false, true};

    /** 12 points: two numeric columns and one categorical of 3 choices. */
    static double[][] points(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][3];
        for (double[] p : x) {
            p[0] = r.nextDouble();
            p[1] = r.nextDouble();
            p[2] = r.nextInt(3);
        }
        return x;
    }

    static double[] targets(double[][] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.sin(6 * x[i][0]) + x[i][1] * x[i][1] - 0.5 * x[i][2];
        }
        return y;
    }

    static final KernelParams PARAMS = new KernelParams(new double[] {2.0, 0.7, 1.3}, 1.4, 0.03);

    @Test
    void maternMatchesItsClosedFormAndItsDerivative() {
        // m(r) at r = 0.5 by hand: (1 + √5/2 + 5/12) e^{−√5/2}
        double r = 0.5;
        double expected = (1 + Math.sqrt(5) * r + 5.0 / 3 * r * r) * Math.exp(-Math.sqrt(5) * r);
        assertThat(Matern52.value(r * r)).isCloseTo(expected, within(1e-15));
        assertThat(Matern52.value(0)).isEqualTo(1.0);
        assertThat(expected).isCloseTo(0.8286491, within(1e-7));
        double h = 1e-6;
        double fd = (Matern52.value(0.3 + h) - Matern52.value(0.3 - h)) / (2 * h);
        assertThat(Matern52.derivativeR2(0.3)).isCloseTo(fd, within(1e-8));
    }

    @Test
    void logMarginalLikelihoodGradientMatchesFiniteDifferences() {
        double[][] x = points(1, 12);
        double[] y = targets(x);
        double[] theta = PARAMS.toTheta();
        double[] grad = new double[theta.length];
        GaussianProcess.fit(x, y, MIXED, PARAMS).logMarginalLikelihood(grad);
        for (int i = 0; i < theta.length; i++) {
            double h = 1e-5;
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[i] += h;
            down[i] -= h;
            double fd = (GaussianProcess.fit(x, y, MIXED, KernelParams.fromTheta(up)).logMarginalLikelihood(null)
                    - GaussianProcess.fit(x, y, MIXED, KernelParams.fromTheta(down)).logMarginalLikelihood(null)) / (2 * h);
            assertThat(grad[i]).as("d lml / d theta_%d", i).isCloseTo(fd, within(1e-5 * Math.max(1, Math.abs(fd))));
        }
    }

    @Test
    void logPriorGradientMatchesFiniteDifferences() {
        double[] theta = PARAMS.toTheta();
        double[] grad = new double[theta.length];
        PARAMS.logPrior(grad);
        double[] scratch = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            double h = 1e-6;
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[i] += h;
            down[i] -= h;
            double fd = (KernelParams.fromTheta(up).logPrior(scratch) - KernelParams.fromTheta(down).logPrior(scratch)) / (2 * h);
            assertThat(grad[i]).isCloseTo(fd, within(1e-6 * Math.max(1, Math.abs(fd))));
        }
    }

    @Test
    void logMarginalLikelihoodOfOnePointIsAGaussianDensity() {
        // n = 1: K = scale + noise, ln p(y) = −y²/(2K) − ½ ln(2πK)
        double[][] x = {{0.3, 0.4, 1}};
        double k = PARAMS.scale() + PARAMS.noise();
        double expected = -0.8 * 0.8 / (2 * k) - 0.5 * Math.log(2 * Math.PI * k);
        assertThat(GaussianProcess.fit(x, new double[] {0.8}, MIXED, PARAMS).logMarginalLikelihood(null))
                .isCloseTo(expected, within(1e-12));
    }

    @Test
    void predictionInterpolatesAndItsGradientsMatchFiniteDifferences() {
        double[][] x = points(2, 15);
        double[] y = targets(x);
        KernelParams quiet = new KernelParams(new double[] {2.0, 0.7, 1.3}, 1.4, KernelParams.MIN_NOISE);
        GaussianProcess gp = GaussianProcess.fit(x, y, MIXED, quiet);
        double[] out = new double[2];
        gp.predict(x[3], out, null, null);
        assertThat(out[0]).isCloseTo(y[3], within(1e-4));
        assertThat(out[1]).isLessThan(1e-5);

        double[] p = {0.41, 0.77, 2};
        double[] dm = new double[3];
        double[] dv = new double[3];
        gp.predict(p, out, dm, dv);
        assertThat(dm[2]).isZero();
        for (int c = 0; c < 2; c++) {
            double h = 1e-6;
            double[] up = p.clone();
            double[] down = p.clone();
            up[c] += h;
            down[c] -= h;
            double[] ou = new double[2];
            double[] od = new double[2];
            gp.predict(up, ou, null, null);
            gp.predict(down, od, null, null);
            assertThat(dm[c]).isCloseTo((ou[0] - od[0]) / (2 * h), within(1e-6));
            assertThat(dv[c]).isCloseTo((ou[1] - od[1]) / (2 * h), within(1e-6));
        }
    }

    @Test
    void mapFitRaisesTheLogPosterior() {
        double[][] x = points(3, 20);
        double[] y = targets(x);
        double[] g = new double[5];
        double start = HyperparameterFit.logPosterior(x, y, MIXED, KernelParams.initial(3).toTheta(), g);
        GaussianProcess gp = HyperparameterFit.fit(x, y, MIXED, KernelParams.initial(3), 200);
        double end = HyperparameterFit.logPosterior(x, y, MIXED, gp.params().toTheta(), g);
        assertThat(end).isGreaterThan(start + 1);
        // at the optimum the gradient vanishes
        for (double v : g) {
            assertThat(Math.abs(v)).isLessThan(1e-2);
        }
    }
}
