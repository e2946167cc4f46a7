package nas.cli;

/**
 * Trials per second over the last {@value #WINDOW} finished trials. A search slows as it grows (samplers
 * read more history, trials get longer), so a time-left estimate from the mean rate since the start is
 * too optimistic; the recent rate follows the slowdown.
 */
final class RecentRate {

    /** How many of the latest finish times the rate is measured over. */
    static final int WINDOW = 50;

    private final long[] finishes = new long[WINDOW];
    private final long startNanos;
    private int count;

    RecentRate(long startNanos) {
        this.startNanos = startNanos;
    }

    /** A trial finished at {@code nanos}. */
    void record(long nanos) {
        finishes[count % WINDOW] = nanos;
        count++;
    }

    /**
     * Trials per second up to {@code nowNanos}: before the window is full, all trials since the start;
     * then the {@value #WINDOW} - 1 trials after the oldest finish in the window. 0 before the first trial.
     */
    double perSecond(long nowNanos) {
        if (count < WINDOW) {
            return count / Math.max(1e-9, (nowNanos - startNanos) / 1e9);
        }
        long oldest = finishes[count % WINDOW]; // the slot written WINDOW finishes ago
        return (WINDOW - 1) / Math.max(1e-9, (nowNanos - oldest) / 1e9);
    }
}
