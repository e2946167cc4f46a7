package nas.samplers.tpe;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Erf;

/**
 * The normal distribution N(mu, sigma²) restricted to {@code [low, high]} and renormalized: the
 * kernel of TPE's Parzen estimators. Tail-safe: when the interval lies far in the upper tail the
 * computation is mirrored to the lower tail, where Φ keeps its relative precision.
 */
final class TruncatedNormal {

    private static final double SQRT2 = Math.sqrt(2);
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private TruncatedNormal() {
    }

    /** Standard normal CDF Φ(z) = erfc(−z/√2)/2. */
    static double cdf(double z) {
        return 0.5 * Erf.erfc(-z / SQRT2);
    }

    /** Φ(b) − Φ(a) for a ≤ b, computed in the tail where it is accurate. */
    static double mass(double a, double b) {
        if (a > 0) {
            return cdf(-a) - cdf(-b);
        }
        return cdf(b) - cdf(a);
    }

    /** log of the probability that N(mu, sigma²) falls in [low, high]. */
    public static double logMass(double mu, double sigma, double low, double high) {
        double m = mass((low - mu) / sigma, (high - mu) / sigma);
        return Math.log(Math.max(m, Double.MIN_NORMAL));
    }

    /** Log density at {@code x} in [low, high] (−∞ outside). */
    public static double logPdf(double x, double mu, double sigma, double low, double high) {
        if (x < low || x > high) {
            return Double.NEGATIVE_INFINITY;
        }
        double z = (x - mu) / sigma;
        return -0.5 * z * z - LOG_SQRT_2PI - Math.log(sigma) - logMass(mu, sigma, low, high);
    }

    /** One draw by inverting the CDF of the truncated law. */
    public static double sample(SplittableRandom rng, double mu, double sigma, double low, double high) {
        return quantile(rng.nextDouble(), mu, sigma, low, high);
    }

    /**
     * The {@code u}-quantile of the truncated law, u in [0, 1]: the same map from uniforms to draws as Optuna's
     * truncated normal, so a recorded Optuna run can be replayed ({@code Optuna31ReplayTest}).
     */
    static double quantile(double u, double mu, double sigma, double low, double high) {
        double a = (low - mu) / sigma;
        double b = (high - mu) / sigma;
        double z;
        if (a > 0) {
            // mirror: −Z is truncated to [−b, −a], in the lower tail, and its (1 − u)-quantile is −z
            z = -inverse(-b, -a, 1 - u);
        } else {
            z = inverse(a, b, u);
        }
        double x = mu + sigma * z;
        return Math.min(high, Math.max(low, x));
    }

    /** Φ⁻¹(Φ(a) + u (Φ(b) − Φ(a))), for a ≤ 0. */
    private static double inverse(double a, double b, double u) {
        double pa = cdf(a);
        double p = pa + u * (cdf(b) - pa);
        if (!(p > 0)) {
            return a;
        }
        if (p >= 1) {
            return b;
        }
        // Φ⁻¹(p) = −√2 erfcInv(2p), accurate for small p
        double z = -SQRT2 * Erf.erfcInv(2 * p);
        return Math.min(b, Math.max(a, z));
    }
}
