package nas.api.objective;

/**
 * The intermediate steps a trial of an objective reports: steps 0 to {@code count} − 1, each a {@code unit}
 * (see {@link ObjectivePlugin#trialSteps}).
 *
 * @param unit  what a step is, singular, e.g. "generation" or "step"
 * @param count how many steps a trial runs when nothing stops it early (at least 1)
 */
public record TrialSteps(String unit, int count) {

    /**
     * Checks the values.
     *
     * @param unit  what a step is, singular
     * @param count how many steps a trial runs (at least 1)
     */
    public TrialSteps {
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("a step's unit must be named");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
    }
}
