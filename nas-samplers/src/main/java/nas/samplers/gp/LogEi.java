package nas.samplers.gp;

import org.apache.commons.math3.special.Erf;

/**
 * Numerically stable logarithms of expected improvement and of the normal CDF (Ament, Daulton,
 * Eriksson, Balandat and Bakshy, 2023, "Unexpected Improvements to Expected Improvement for
 * Bayesian Optimization", §4.1). With {@code z = (μ − best)/σ},
 * {@code EI = σ·h(z)}, {@code h(z) = φ(z) + zΦ(z)}. For {@code z > −1} h is computed directly; below,
 * {@code h(z) = φ(z)·(1 + z·R(z))} with the Mills ratio {@code R(z) = Φ(z)/φ(z) = √(π/2)·erfcx(−z/√2)},
 * and below {@code z = −20} by the asymptotic series {@code h(z) ~ φ(z)/z²·Σ_k (−1)^k (2k+1)!!/z^{2k}}
 * — so log EI stays finite and informative where EI itself underflows to 0.
 */
final class LogEi {

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SQRT2 = Math.sqrt(2);
    private static final double SQRT_HALF_PI = Math.sqrt(Math.PI / 2);
    private static final double ASYMPTOTIC_BELOW = -20;

    private LogEi() {
    }

    /** ln φ(z). */
    static double logPhi(double z) {
        return -0.5 * z * z - LOG_SQRT_2PI;
    }

    /** Φ(z)/φ(z) for z ≤ −1. */
    static double millsRatio(double z) {
        if (z < ASYMPTOTIC_BELOW) {
            double u = 1 / (z * z);
            return -1 / z * (1 - u * (1 - 3 * u * (1 - 5 * u * (1 - 7 * u))));
        }
        double t = -z / SQRT2;
        return SQRT_HALF_PI * Erf.erfc(t) * Math.exp(t * t);
    }

    /** h(z)/φ(z) = 1 + z·R(z) for z ≤ −1. */
    private static double hOverPhi(double z) {
        if (z < ASYMPTOTIC_BELOW) {
            double u = 1 / (z * z);
            return u * (1 - 3 * u * (1 - 5 * u * (1 - 7 * u * (1 - 9 * u))));
        }
        return 1 + z * millsRatio(z);
    }

    /** Standard normal CDF. */
    static double cdf(double z) {
        return 0.5 * Erf.erfc(-z / SQRT2);
    }

    /** ln h(z), h(z) = φ(z) + zΦ(z) = E[max(Z + z, 0)] for Z ~ N(0, 1). */
    public static double logH(double z) {
        if (z > -1) {
            return Math.log(Math.exp(logPhi(z)) + z * cdf(z));
        }
        return logPhi(z) + Math.log(hOverPhi(z));
    }

    /** d ln h/dz = Φ(z)/h(z). */
    public static double logHDerivative(double z) {
        if (z > -1) {
            return cdf(z) / (Math.exp(logPhi(z)) + z * cdf(z));
        }
        return millsRatio(z) / hOverPhi(z);
    }

    /** ln Φ(z). */
    public static double logCdf(double z) {
        if (z > -1) {
            return Math.log1p(-0.5 * Erf.erfc(z / SQRT2));
        }
        return logPhi(z) + Math.log(millsRatio(z));
    }

    /** d ln Φ/dz = φ(z)/Φ(z). */
    public static double logCdfDerivative(double z) {
        if (z > -1) {
            return Math.exp(logPhi(z)) / cdf(z);
        }
        return 1 / millsRatio(z);
    }
}
