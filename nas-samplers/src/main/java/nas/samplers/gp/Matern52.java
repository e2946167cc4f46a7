package nas.samplers.gp;

/**
 * The Matérn 5/2 correlation {@code m(r) = (1 + √5 r + 5r²/3) e^{−√5 r}} (Rasmussen and
 * Williams, "Gaussian Processes for Machine Learning", 2006, eq. 4.17) with automatic relevance
 * determination: {@code r² = Σ_j λ_j d_j²}, where {@code d_j} is the coordinate difference of a
 * numeric column and, for a categorical column, 0 for equal choices and 1 otherwise (a Hamming
 * distance). Pure functions on {@code double[]}; no state.
 */
final class Matern52 {

    private static final double SQRT5 = Math.sqrt(5);

    private Matern52() {
    }

    /** m as a function of r². */
    public static double value(double r2) {
        double r = Math.sqrt(r2);
        return (1 + SQRT5 * r + 5.0 / 3.0 * r2) * Math.exp(-SQRT5 * r);
    }

    /**
     * dm/d(r²) = −(5/6)(1 + √5 r) e^{−√5 r}: finite at r = 0, so gradients need no special case
     * for coinciding points.
     */
    public static double derivativeR2(double r2) {
        double r = Math.sqrt(r2);
        return -5.0 / 6.0 * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
    }

    /** Squared difference of column j: numeric or Hamming. */
    public static double squaredDifference(double a, double b, boolean categorical) {
        if (categorical) {
            return a == b ? 0 : 1;
        }
        double d = a - b;
        return d * d;
    }

    /** r² between {@code a} and {@code b}. */
    public static double r2(double[] a, double[] b, double[] lambda, boolean[] categorical) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += lambda[j] * squaredDifference(a[j], b[j], categorical[j]);
        }
        return s;
    }
}
