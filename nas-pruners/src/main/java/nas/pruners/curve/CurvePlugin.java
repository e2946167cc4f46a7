package nas.pruners.curve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas.api.StudyDirection;
import nas.api.Trial;
import nas.api.exception.TrialPrunedException;
import nas.api.objective.ObjectiveDefinition;
import nas.api.objective.ObjectiveOptions;
import nas.api.objective.ObjectivePlugin;

/**
 * The objective {@code curve}: a learning curve per trial ({@link LearningCurve}) over parameters
 * {@code lr} (log-uniform in [1e-4, 1]), {@code width} (integer, log-uniform in [4, 256]) and
 * {@code dropout} (in [0, 0.5]), minimized. Every step is reported, and the trial asks the pruner
 * after each report; the value is the curve's last value. The noise derives from the study seed,
 * the trial number and the step, so a run is reproducible. For trying pruners: the number of
 * steps a study consumed is the sum of its trials' reported steps.
 */
public final class CurvePlugin implements ObjectivePlugin {

    static final int DEFAULT_STEPS = 100;
    static final double DEFAULT_NOISE = 0.001;

    @Override
    public String name() {
        return "curve";
    }

    @Override
    public String description() {
        return "synthetic learning curves c + a*exp(-step/tau) + noise over lr, width, dropout; reports every step";
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("steps", "steps per trial, each one reported (default " + DEFAULT_STEPS + ")");
        o.put("noise", "standard deviation of the noise on each value (default " + DEFAULT_NOISE + ")");
        return o;
    }

    @Override
    public java.util.Optional<nas.api.objective.TrialSteps> trialSteps(ObjectiveOptions options) {
        int steps = options.getInt("steps", DEFAULT_STEPS);
        return steps < 1 ? java.util.Optional.empty() : java.util.Optional.of(new nas.api.objective.TrialSteps("step", steps));
    }

    @Override
    public ObjectiveDefinition create(ObjectiveOptions options) {
        options.requireOnly(name(), options().keySet());
        int steps = options.getInt("steps", DEFAULT_STEPS);
        double noise = options.getDouble("noise", DEFAULT_NOISE);
        if (steps < 1 || steps > 1_000_000) {
            throw new IllegalArgumentException("option 'steps' of objective 'curve' must lie in [1, 1000000], but got "
                    + steps);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("option 'noise' of objective 'curve' must be finite and >= 0, but got "
                    + noise);
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("lr", 1e-2);
        defaults.put("width", 64L);
        defaults.put("dropout", 0.2);
        return new ObjectiveDefinition(List.of(StudyDirection.MINIMIZE), List.of("loss"),
                trial -> new double[] {run(trial, steps, noise)}, defaults);
    }

    /**
     * Runs one trial's curve, reporting each step and stopping when the pruner says so.
     *
     * @throws TrialPrunedException when pruned
     */
    public static double run(Trial trial, int steps, double noise) {
        double lr = trial.suggestFloat("lr", 1e-4, 1, true);
        int width = trial.suggestInt("width", 4, 256, true);
        double dropout = trial.suggestFloat("dropout", 0, 0.5);
        LearningCurve curve = LearningCurve.of(lr, width, dropout, steps, noise);
        long seed = trial.study().seed();
        double y = Double.NaN;
        for (int step = 0; step < steps; step++) {
            y = curve.value(seed, trial.number(), step);
            trial.report(y, step);
            if (trial.shouldPrune()) {
                throw new TrialPrunedException("pruned at step " + step);
            }
        }
        return y;
    }
}
