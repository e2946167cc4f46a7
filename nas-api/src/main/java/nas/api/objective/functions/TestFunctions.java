package nas.api.objective.functions;

/**
 * Standard benchmark functions on {@code double[]}. Single-objective ones have their minimum 0 at
 * the origin (Rosenbrock at (1, ..., 1)); the ZDT and DTLZ2 problems are minimized in every
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
