package nas.pruners.curve;

import nas.api.Seeds;

/**
 * A synthetic learning curve {@code y(t) = c + a·exp(−t/τ) + σ·ε(t)}: a loss that decays from
 * {@code c + a} towards its floor {@code c} with time constant {@code τ} steps, plus Gaussian noise
 * {@code ε(t)} that is a pure function of (seed, trial number, step).
 *
 * <p>{@link #of} maps three training-like parameters to (c, a, τ), with {@code u = log10(lr) + 2}
 * and {@code T} the number of steps:
 * <ul>
 *   <li>{@code c = 0.05 + 0.1·u² + 0.5·(dropout − 0.2)² + 1/width} — the floor is lowest at
 *       lr = 0.01, dropout = 0.2 and the widest model (0.0539 at width 256);</li>
 *   <li>{@code a = 0.8 + 0.4·dropout} — more dropout starts a little further from the floor;</li>
 *   <li>{@code τ = (T/100)·10·10^(−u/4)} — larger learning rates learn faster (τ from 3.2 steps at
 *       lr = 1 to 32 steps at lr = 1e-4, for T = 100) but to a worse floor, so the curves cross:
 *       a curve that leads early is not always the best at the end, which is what makes pruning a
 *       real trade-off (and why a warm-up helps).</li>
 * </ul>
 *
 * @param c     floor (the value after infinitely many steps, without noise)
 * @param a     initial excess over the floor
 * @param tau   time constant in steps (> 0)
 * @param sigma standard deviation of the noise (≥ 0)
 */
public record LearningCurve(double c, double a, double tau, double sigma) {

    /**
     * Checks the time constant and the noise.
     *
     * @throws IllegalArgumentException if tau is not finite and positive, or sigma is not finite and ≥ 0
     */
    public LearningCurve {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("tau must be finite and > 0, but got " + tau);
        }
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, but got " + sigma);
        }
    }

    /** The curve of the parameters {@code lr}, {@code width}, {@code dropout} over {@code steps} steps. */
    public static LearningCurve of(double lr, int width, double dropout, int steps, double sigma) {
        double u = Math.log10(lr) + 2;
        double c = 0.05 + 0.1 * u * u + 0.5 * (dropout - 0.2) * (dropout - 0.2) + 1.0 / width;
        double a = 0.8 + 0.4 * dropout;
        double tau = steps / 100.0 * 10 * Math.pow(10, -u / 4);
        return new LearningCurve(c, a, tau, sigma);
    }

    /** The noiseless value at {@code step}. */
    public double mean(int step) {
        return c + a * Math.exp(-step / tau);
    }

    /** The value at {@code step}, with the noise drawn for (seed, trial number, step). */
    public double value(long seed, int trialNumber, int step) {
        return mean(step) + sigma * standardNormal(seed, trialNumber, step);
    }

    /** A standard normal deviate determined by its inputs (Box–Muller on two derived uniforms). */
    static double standardNormal(long seed, int trialNumber, int step) {
        double u1 = Seeds.uniform(seed, trialNumber, step, 1);
        double u2 = Seeds.uniform(seed, trialNumber, step, 2);
        return Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2); // 1 − u1 ∈ (0, 1]
    }
}
