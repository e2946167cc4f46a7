package nas.sim.genetics;

import nas.sim.config.DecaySchedule;

/**
 * Per-weight mutation probability over generations (spec 7.5): start = 5 * rate, end = rate, over 50
 * generations; then multiplied by the adaptive boost and capped at 1.
 */
public final class WeightMutationSchedule {

    public static final double DECAY_GENERATIONS = 50.0;

    private WeightMutationSchedule() {
    }

    public static double probability(DecaySchedule schedule, double rate, int generation, double boost) {
        double start = 5.0 * rate;
        double end = rate;
        double p = switch (schedule) {
            case OFF -> rate;
            case LINEAR -> start - (start - end) * Math.min(1.0, generation / DECAY_GENERATIONS);
            case EXPONENTIAL -> end + (start - end) * Math.exp(-generation / (DECAY_GENERATIONS / 3.0));
        };
        return Math.min(1.0, p * boost);
    }
}
