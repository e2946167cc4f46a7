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

    /**
     * Beyond this many sigmas Φ is 1 or 0 to the last bit: erfc(10/√2) ≈ 1.5e-23, far below half an
     * ulp of 1 (1.1e-16), so {@code 0.5·(2 − erfc)} rounds to 1 and {@code 1 − 0.5·erfc} too.
     */
    static final double WHOLE = 10;
    /**
     * Beyond this many sigmas a tail's mass is below {@link Double#MIN_NORMAL}: erfc(40/√2) ≈ e^−800
     * underflows to 0.
     */
    static final double NONE = 40;
    /** {@code Math.log(Double.MIN_NORMAL)}: the log of a mass too small to tell from 0. */
    static final double LOG_MIN_NORMAL = Math.log(Double.MIN_NORMAL);

    /** log of the probability that N(mu, sigma²) falls in [low, high]. */
    public static double logMass(double mu, double sigma, double low, double high) {
        double a = (low - mu) / sigma;
        double b = (high - mu) / sigma;
        if (a <= -WHOLE && b >= WHOLE) {
            return 0; // the whole mass: what log(Φ(b) − Φ(a)) gives, without the two erfc
        }
        return Math.log(Math.max(mass(a, b), Double.MIN_NORMAL));
    }

    /**
     * {@code log(max(Φ(b) − Φ(a), MIN_NORMAL))} for a ≤ b, the log mass of a grid cell; a cell at least
     * {@link #NONE} sigmas from the kernel's centre gets {@link #LOG_MIN_NORMAL} without the two erfc,
     * as computing them would give.
     */
    static double logCellMass(double a, double b) {
        if (a >= NONE || b <= -NONE) {
            return LOG_MIN_NORMAL;
        }
        return Math.log(Math.max(mass(a, b), Double.MIN_NORMAL));
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
