package nas.api;

/**
 * Trials per second over the last {@value #WINDOW} finished trials. A search slows as it grows (samplers
 * read more history, trials get longer), so a time-left estimate from the mean rate since the start is
 * too optimistic; the recent rate follows the slowdown. Used by {@link ProgressBar} and the CLI's
 * progress line. Not thread-safe: callers synchronize.
 */
public final class RecentRate {

    /** How many of the latest finish times the rate is measured over. */
    public static final int WINDOW = 50;

    private final long[] finishes = new long[WINDOW];
    private final long startNanos;
    private int count;

    /** @param startNanos when the work started, on the clock later times are given on */
    public RecentRate(long startNanos) {
        this.startNanos = startNanos;
    }

    /**
     * A trial finished at {@code nanos}.
     *
     * @param nanos the finish time, on the clock of the start time
     */
    public void record(long nanos) {
        finishes[count % WINDOW] = nanos;
        count++;
    }

    /**
     * Trials per second up to {@code nowNanos}: before the window is full, all trials since the start;
     * then the {@value #WINDOW} - 1 trials after the oldest finish in the window. 0 before the first trial.
     *
     * @param nowNanos the current time, on the clock of the start time
     * @return trials per second
     */
    public double perSecond(long nowNanos) {
        return perSecond(nowNanos, 0);
    }

    /**
     * Trials per second up to {@code nowNanos}, counting the running trials' done fractions as work done too
     * (a trial 13 generations into 30 counts 13/30): during a long trial the rate then stays where it is instead of
     * falling with every second no trial finishes. Before the window is full, the finished trials plus
     * {@code running} since the start; then the {@value #WINDOW} - 1 trials after the oldest finish in the window
     * plus {@code running} (a running trial that started before that finish counts wholly: an overestimate of at
     * most one trial per worker over {@value #WINDOW}). With {@code running} 0, {@link #perSecond(long)}.
     *
     * @param nowNanos the current time, on the clock of the start time
     * @param running  the sum of the running trials' done fractions, each in [0, 1]
     * @return trials per second
     */
    public double perSecond(long nowNanos, double running) {
        if (count < WINDOW) {
            return (count + running) / Math.max(1e-9, (nowNanos - startNanos) / 1e9);
        }
        long oldest = finishes[count % WINDOW]; // the slot written WINDOW finishes ago
        return (WINDOW - 1 + running) / Math.max(1e-9, (nowNanos - oldest) / 1e9);
    }
}
