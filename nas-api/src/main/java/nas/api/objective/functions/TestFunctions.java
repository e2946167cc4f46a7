package nas.api.objective.functions;

/**
 * Standard benchmark functions on {@code double[]}, the one definition the tests, benchmarks and the
 * {@code test-function} objective share. Sphere, Rosenbrock, Rastrigin and the ellipsoid have their
 * minimum 0 at the origin (Rosenbrock at (1, ..., 1)); Branin and Hartmann-6 say theirs; the ZDT and DTLZ2 problems are minimized in every
 * objective on [0, 1]^n.
 */
public final class TestFunctions {

    private TestFunctions() {
    }

    /**
     * Σ xᵢ².
     *
     * @param x the point
     * @return the value
     */
    public static double sphere(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s;
    }

    /**
     * Σ 100 (xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)².
     *
     * @param x the point
     * @return the value
     */
    public static double rosenbrock(double[] x) {
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            s += 100 * a * a + b * b;
        }
        return s;
    }

    /**
     * 10 n + Σ (xᵢ² − 10 cos 2π xᵢ).
     *
     * @param x the point
     * @return the value
     */
    public static double rastrigin(double[] x) {
        double s = 10.0 * x.length;
        for (double v : x) {
            s += v * v - 10 * Math.cos(2 * Math.PI * v);
        }
        return s;
    }

    /**
     * Σ 10^(6 i / (n − 1)) xᵢ²: axis scales spanning a condition number of 10⁶.
     *
     * @param x the point
     * @return the value
     */
    public static double ellipsoid(double[] x) {
        int n = x.length;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double scale = n == 1 ? 1 : Math.pow(1e6, (double) i / (n - 1));
            s += scale * x[i] * x[i];
        }
        return s;
    }

    /**
     * Branin–Hoo (Dixon and Szegő, 1978) on [−5, 10] × [0, 15]: minimum 0.397887 at (−π, 12.275),
     * (π, 2.275) and (9.42478, 2.475).
     *
     * @param x0 the first coordinate
     * @param x1 the second coordinate
     * @return the function's value
     */
    public static double branin(double x0, double x1) {
        double t = x1 - 5.1 / (4 * Math.PI * Math.PI) * x0 * x0 + 5 / Math.PI * x0 - 6;
        return t * t + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x0) + 10;
    }

    private static final double[] H6_ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] H6_A = {
        {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] H6_P = {
        {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
        {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

    /**
     * Hartmann-6 (Hartmann 1972; constants as tabulated by Dixon and Szegő) on [0, 1]⁶: minimum
     * −3.32237 at (0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573).
     *
     * @param x the point, six coordinates
     * @return the function's value
     */
    public static double hartmann6(double[] x) {
        double s = 0;
        for (int i = 0; i < 4; i++) {
            double e = 0;
            for (int j = 0; j < 6; j++) {
                e += H6_A[i][j] * (x[j] - H6_P[i][j]) * (x[j] - H6_P[i][j]);
            }
            s -= H6_ALPHA[i] * Math.exp(-e);
        }
        return s;
    }

    private static double zdtG(double[] x) {
        double s = 0;
        for (int i = 1; i < x.length; i++) {
            s += x[i];
        }
        return 1 + 9 * s / (x.length - 1);
    }

    /**
     * ZDT1 (Zitzler, Deb and Thiele, 2000): convex front f₂ = 1 − √f₁.
     *
     * @param x the point
     * @return the two objective values
     */
    public static double[] zdt1(double[] x) {
        double g = zdtG(x);
        double f1 = x[0];
        return new double[] {f1, g * (1 - Math.sqrt(f1 / g))};
    }

    /**
     * ZDT2: concave front f₂ = 1 − f₁².
     *
     * @param x the point
     * @return the two objective values
     */
    public static double[] zdt2(double[] x) {
        double g = zdtG(x);
        double f1 = x[0];
        double r = f1 / g;
        return new double[] {f1, g * (1 - r * r)};
    }

    /**
     * ZDT3: disconnected front f₂ = 1 − √f₁ − f₁ sin(10π f₁).
     *
     * @param x the point
     * @return the two objective values
     */
    public static double[] zdt3(double[] x) {
        double g = zdtG(x);
        double f1 = x[0];
        double r = f1 / g;
        return new double[] {f1, g * (1 - Math.sqrt(r) - r * Math.sin(10 * Math.PI * f1))};
    }

    /**
     * DTLZ2 (Deb, Thiele, Laumanns and Zitzler, 2002): the front is the unit sphere's positive octant.
     *
     * @param x the point
     * @param objectives the number of objectives
     * @return one value per objective
     */
    public static double[] dtlz2(double[] x, int objectives) {
        int m = objectives;
        double g = 0;
        for (int i = m - 1; i < x.length; i++) {
            g += (x[i] - 0.5) * (x[i] - 0.5);
        }
        double[] f = new double[m];
        for (int k = 0; k < m; k++) {
            double v = 1 + g;
            for (int j = 0; j < m - 1 - k; j++) {
                v *= Math.cos(x[j] * Math.PI / 2);
            }
            if (k > 0) {
                v *= Math.sin(x[m - 1 - k] * Math.PI / 2);
            }
            f[k] = v;
        }
        return f;
    }
}
