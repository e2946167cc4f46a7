package nas.neat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Adaptive species target (seed 001): steers the compatibility threshold so that speciation produces about
 * {@code target} species.
 *
 * <p>Each generation the controller observes the species count n and the relative error
 * e = (n - target) / target (positive: too many species, so the threshold must grow). Two methods propose a
 * threshold change:
 * <ul>
 *   <li><b>PID</b>: kp·e + ki·sum(e) + kd·(e - e_prev), the integral clamped to ±{@code integralLimit} against
 *       wind-up, the derivative 0 at the first observation;</li>
 *   <li><b>hill climbing</b>: a step of the current step size in the direction of sign(e); the step halves
 *       when the sign flips (overshoot) and grows by half when it repeats, within [minStep, maxStep].</li>
 * </ul>
 * In {@link Mode#AUTO} an epsilon-greedy bandit picks the method: with probability epsilon a random one,
 * otherwise the one with the larger exponentially weighted average reward, where a method's reward is the
 * decrease of |e| between the generation it acted and the next. Both methods update their state on every
 * observation, so the one not chosen stays ready. The threshold is clamped to [minThreshold, maxThreshold].
 * Off by default in the run configuration; one instance per evolution run (not thread-safe).
 */
public final class SpeciesTargetController {

    /** Which method adjusts the threshold. */
    public enum Mode {
        PID, HILL, AUTO;

        /** Parses pid, hill or auto (case-insensitive). */
        public static Mode parse(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "pid" -> PID;
                case "hill" -> HILL;
                case "auto" -> AUTO;
                default -> throw new IllegalArgumentException("species target mode must be pid, hill or auto, got '"
                        + name + "'");
            };
        }
    }

    /**
     * Controller settings.
     *
     * @param target        desired number of species, >= 1
     * @param mode          PID, hill climbing or the bandit choosing between them
     * @param kp            proportional gain (seed default 0.35)
     * @param ki            integral gain (seed default 0.02)
     * @param kd            derivative gain (seed default 0.10)
     * @param integralLimit bound on |sum(e)|
     * @param initialStep   first hill-climbing step
     * @param minStep       smallest hill-climbing step
     * @param maxStep       largest hill-climbing step
     * @param epsilon       exploration probability of the bandit
     * @param rewardDecay   weight of the newest reward in the bandit's moving averages, in (0, 1]
     * @param minThreshold  lower bound of the threshold, > 0
     * @param maxThreshold  upper bound of the threshold
     */
    public record Params(int target, Mode mode, double kp, double ki, double kd, double integralLimit,
                         double initialStep, double minStep, double maxStep, double epsilon, double rewardDecay,
                         double minThreshold, double maxThreshold) {

        public Params {
            if (target < 1) {
                throw new IllegalArgumentException("species target must be >= 1, got " + target);
            }
            if (mode == null) {
                throw new IllegalArgumentException("species target mode must not be null");
            }
            for (double v : new double[] {kp, ki, kd, integralLimit, initialStep, minStep, maxStep}) {
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("gains, integral limit and steps must be finite and >= 0, got kp="
                            + kp + " ki=" + ki + " kd=" + kd + " limit=" + integralLimit + " steps=" + initialStep
                            + "/" + minStep + "/" + maxStep);
                }
            }
            if (minStep > maxStep || initialStep < minStep || initialStep > maxStep) {
                throw new IllegalArgumentException("hill steps must satisfy minStep <= initialStep <= maxStep, got "
                        + minStep + " <= " + initialStep + " <= " + maxStep);
            }
            if (!(epsilon >= 0 && epsilon <= 1)) {
                throw new IllegalArgumentException("epsilon must be in [0, 1], got " + epsilon);
            }
            if (!(rewardDecay > 0 && rewardDecay <= 1)) {
                throw new IllegalArgumentException("rewardDecay must be in (0, 1], got " + rewardDecay);
            }
            if (!(minThreshold > 0) || !(maxThreshold >= minThreshold) || Double.isInfinite(maxThreshold)) {
                throw new IllegalArgumentException("thresholds must satisfy 0 < minThreshold <= maxThreshold < inf, got "
                        + minThreshold + ", " + maxThreshold);
            }
        }

        /** The seed's gains (0.35, 0.02, 0.10) with the given target and mode, thresholds in [0.1, 20]. */
        public static Params defaults(int target, Mode mode) {
            return new Params(target, mode, 0.35, 0.02, 0.10, 10.0, 0.3, 0.02, 1.0, 0.1, 0.3, 0.1, 20.0);
        }
    }

    private static final int PID = 0;
    private static final int HILL = 1;

    private final Params params;
    private double threshold;
    private double integral;
    private double previousError = Double.NaN;
    private double step;
    private int previousSign;
    private final double[] averageReward = new double[2];
    private final boolean[] rewarded = new boolean[2];
    private int lastMethod = -1;
    private double lastAbsError;

    /** A controller starting at {@code initialThreshold} (clamped to the bounds). */
    public SpeciesTargetController(Params params, double initialThreshold) {
        if (!Double.isFinite(initialThreshold)) {
            throw new IllegalArgumentException("initial threshold must be finite, got " + initialThreshold);
        }
        this.params = params;
        this.threshold = clamp(initialThreshold);
        this.step = params.initialStep();
    }

    /** The current compatibility threshold. */
    public double threshold() {
        return threshold;
    }

    /** The method that made the last change ("pid" or "hill"), or null before the first update. */
    public String lastMethod() {
        return lastMethod < 0 ? null : (lastMethod == PID ? "pid" : "hill");
    }

    /** Bandit's average reward of a method ("pid" or "hill"). */
    public double averageReward(String method) {
        return averageReward["pid".equals(method) ? PID : HILL];
    }

    /**
     * Observes this generation's species count and returns the threshold for the next speciation.
     *
     * @param rng used only by the bandit's exploration in AUTO mode
     */
    public double update(int speciesCount, RandomGenerator rng) {
        if (speciesCount < 0) {
            throw new IllegalArgumentException("species count must be >= 0, got " + speciesCount);
        }
        double error = (speciesCount - (double) params.target()) / params.target();
        if (lastMethod >= 0) {
            double reward = lastAbsError - Math.abs(error);
            if (rewarded[lastMethod]) {
                averageReward[lastMethod] += params.rewardDecay() * (reward - averageReward[lastMethod]);
            } else {
                averageReward[lastMethod] = reward;
                rewarded[lastMethod] = true;
            }
        }

        integral = Math.max(-params.integralLimit(), Math.min(params.integralLimit(), integral + error));
        double derivative = Double.isNaN(previousError) ? 0.0 : error - previousError;
        double pidDelta = params.kp() * error + params.ki() * integral + params.kd() * derivative;

        int sign = error > 0 ? 1 : (error < 0 ? -1 : 0);
        if (sign != 0 && previousSign != 0) {
            step = sign == previousSign ? Math.min(params.maxStep(), step * 1.5) : Math.max(params.minStep(), step * 0.5);
        }
        double hillDelta = sign * step;

        int method = switch (params.mode()) {
            case PID -> PID;
            case HILL -> HILL;
            case AUTO -> chooseByBandit(rng);
        };
        threshold = clamp(threshold + (method == PID ? pidDelta : hillDelta));

        previousError = error;
        if (sign != 0) {
            previousSign = sign;
        }
        lastMethod = method;
        lastAbsError = Math.abs(error);
        return threshold;
    }

    /** What the controller carries between generations ({@link SpeciationControl#state()}). */
    public Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threshold", ControlState.bits(threshold));
        m.put("integral", ControlState.bits(integral));
        m.put("previousError", ControlState.bits(previousError));
        m.put("step", ControlState.bits(step));
        m.put("previousSign", previousSign);
        m.put("averageReward", ControlState.bitsOf(averageReward));
        m.put("rewarded", List.of(rewarded[PID], rewarded[HILL]));
        m.put("lastMethod", lastMethod);
        m.put("lastAbsError", ControlState.bits(lastAbsError));
        return m;
    }

    /** Continues from {@link #state()} of a controller with the same parameters. */
    public void restore(Map<String, Object> m) {
        threshold = ControlState.real(m, "threshold");
        integral = ControlState.real(m, "integral");
        previousError = ControlState.real(m, "previousError");
        step = ControlState.real(m, "step");
        previousSign = ControlState.integer(m, "previousSign");
        List<Object> rewards = ControlState.list(m, "averageReward");
        List<Object> tried = ControlState.list(m, "rewarded");
        for (int k = 0; k < 2; k++) {
            averageReward[k] = ControlState.real(rewards.get(k));
            rewarded[k] = (Boolean) tried.get(k);
        }
        lastMethod = ControlState.integer(m, "lastMethod");
        lastAbsError = ControlState.real(m, "lastAbsError");
    }

    private int chooseByBandit(RandomGenerator rng) {
        if (rng.nextDouble() < params.epsilon()) {
            return rng.nextBoolean() ? PID : HILL;
        }
        // Untried methods first, then the larger average reward (ties to PID).
        if (!rewarded[PID]) {
            return PID;
        }
        if (!rewarded[HILL]) {
            return HILL;
        }
        return averageReward[HILL] > averageReward[PID] ? HILL : PID;
    }

    private double clamp(double t) {
        return Math.max(params.minThreshold(), Math.min(params.maxThreshold(), t));
    }
}
