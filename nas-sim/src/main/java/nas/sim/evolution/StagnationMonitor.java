package nas.sim.evolution;

/**
 * Early stop (spec 8.2): the run stops after {@code limit} consecutive generations in which neither the
 * best nor the average fitness exceeded 1.05 times its threshold; a generation that exceeds one resets
 * the count and moves that threshold to the new value.
 */
public final class StagnationMonitor {

    static final double GAIN = 1.05;

    private final int limit;
    private double bestThreshold = Double.NaN;
    private double avgThreshold = Double.NaN;
    private int stagnant;

    /** The thresholds (NaN before the first generation) and the count of stagnant generations. */
    public record State(double bestThreshold, double averageThreshold, int stagnant) {
    }

    public StagnationMonitor(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("stagnation limit must be >= 1, got " + limit);
        }
        this.limit = limit;
    }

    /** Records a generation; returns true if the run should stop now. */
    public boolean record(double best, double average) {
        if (Double.isNaN(bestThreshold)) {
            bestThreshold = best;
            avgThreshold = average;
            return false;
        }
        boolean improved = false;
        if (best > GAIN * bestThreshold) {
            bestThreshold = best;
            improved = true;
        }
        if (average > GAIN * avgThreshold) {
            avgThreshold = average;
            improved = true;
        }
        stagnant = improved ? 0 : stagnant + 1;
        return stagnant >= limit;
    }

    public State state() {
        return new State(bestThreshold, avgThreshold, stagnant);
    }

    public void restore(State s) {
        bestThreshold = s.bestThreshold();
        avgThreshold = s.averageThreshold();
        stagnant = s.stagnant();
    }

    public int stagnantGenerations() {
        return stagnant;
    }
}
