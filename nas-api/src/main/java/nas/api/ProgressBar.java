package nas.api;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress bar for {@link Study#optimize}, redrawn on one line of a terminal after each trial:
 * <pre>{@code
 * [##########----------] 50/100 | best 0.0312 (trial 41) | 12.5 trials/s | ETA 4s
 * }</pre>
 * The rate and time left follow the recent trials ({@link RecentRate}). Not a terminal (a log file, a
 * pipe): a plain line every 10 %. Use it as a callback:
 * <pre>{@code
 * study.optimize(objective, OptimizeOptions.trials(100).withCallback(ProgressBar.toStderr(100)));
 * }</pre>
 * A study bounded only by a timeout has a bar of time instead, filled by the time elapsed since the bar was
 * made (make it just before {@code optimize}), with the trials done so far and the time left:
 * <pre>{@code
 * study.optimize(objective, OptimizeOptions.trials(0).withTimeout(Duration.ofMinutes(1))
 *         .withCallback(ProgressBar.toStderr(Duration.ofMinutes(1))));
 * // [######--------------] 18s/60s | 41 trials | best 0.0312 (trial 37) | 2.3 trials/s | 42s left
 * }</pre>
 * Pair it with {@code NasLogging.setLevel(System.Logger.Level.WARNING)} so that per-trial log lines do not
 * break the bar.
 */
public final class ProgressBar implements Callback {

    private static final int WIDTH = 20;

    private final PrintStream out;
    /** The trials of the bar's 100 %; 0 for a bar of time. */
    private final int total;
    /** The time of the bar's 100 %, in nanoseconds; 0 for a bar of trials. */
    private final long timeoutNanos;
    private final long start;
    private final boolean redraw;
    private final LongSupplier clock;
    private final RecentRate rate;
    private int done;
    private int lastTenth;
    private FrozenTrial best;

    /**
     * A bar on stderr, redrawn in place when stderr is a terminal.
     *
     * @param nTrials the trials the optimize call runs (the bar's 100 %)
     * @return the callback
     */
    public static ProgressBar toStderr(int nTrials) {
        return new ProgressBar(System.err, nTrials, System.console() != null, System::nanoTime);
    }

    /**
     * A bar on any stream.
     *
     * @param out     where the bar is drawn
     * @param nTrials the trials the optimize call runs (the bar's 100 %)
     * @param redraw  true: one line redrawn with a carriage return (a terminal); false: a line every 10 %
     * @param clock   nanosecond clock ({@code System::nanoTime})
     */
    public ProgressBar(PrintStream out, int nTrials, boolean redraw, LongSupplier clock) {
        this(out, checkTrials(nTrials), 0, redraw, clock);
    }

    /**
     * A bar of time on stderr for an optimize call bounded only by {@code timeout}, redrawn in place when
     * stderr is a terminal; its clock starts now.
     *
     * @param timeout the optimize call's timeout (the bar's 100 %)
     * @return the callback
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public static ProgressBar toStderr(java.time.Duration timeout) {
        return new ProgressBar(System.err, timeout, System.console() != null, System::nanoTime);
    }

    /**
     * A bar of time on any stream, for an optimize call bounded only by {@code timeout}; its clock starts now.
     *
     * @param out     where the bar is drawn
     * @param timeout the optimize call's timeout (the bar's 100 %)
     * @param redraw  true: one line redrawn with a carriage return (a terminal); false: a line every 10 % of
     *                the time, drawn when a trial ends
     * @param clock   nanosecond clock ({@code System::nanoTime})
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public ProgressBar(PrintStream out, java.time.Duration timeout, boolean redraw, LongSupplier clock) {
        this(out, 0, checkTimeout(timeout), redraw, clock);
    }

    private ProgressBar(PrintStream out, int nTrials, long timeoutNanos, boolean redraw, LongSupplier clock) {
        this.out = out;
        this.total = nTrials;
        this.timeoutNanos = timeoutNanos;
        this.redraw = redraw;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.rate = new RecentRate(start);
    }

    private static int checkTrials(int nTrials) {
        if (nTrials < 1) {
            throw new IllegalArgumentException("nTrials must be >= 1, but got " + nTrials
                    + " (a study bounded by a timeout takes ProgressBar.toStderr(timeout))");
        }
        return nTrials;
    }

    private static long checkTimeout(java.time.Duration timeout) {
        java.util.Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, but got " + timeout);
        }
        return timeout.toNanos();
    }

    @Override
    public synchronized void afterTrial(Study study, FrozenTrial trial) {
        long now = clock.getAsLong();
        rate.record(now);
        done++;
        if (study.directions().size() == 1 && trial.state() == TrialState.COMPLETE
                && (best == null || study.directions().get(0).isBetter(trial.value(), best.value()))) {
            best = trial;
        }
        boolean over = total > 0 ? done >= total : now - start >= timeoutNanos;
        int tenth = total > 0 ? Math.min(10, done * 10 / total)
                : (int) Math.min(10, (now - start) / (double) timeoutNanos * 10);
        if (redraw) {
            out.print("\r" + line(now) + (over ? "\n" : ""));
            out.flush();
        } else if (tenth != lastTenth) {
            lastTenth = tenth;
            out.println(line(now));
        }
    }

    /** The bar as it is now drawn, e.g. {@code [####----------------] 20/100 | ...}. */
    synchronized String line(long now) {
        if (total == 0) {
            return timeLine(now);
        }
        int filled = Math.min(WIDTH, done * WIDTH / total);
        StringBuilder b = new StringBuilder("[");
        b.append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ").append(done).append('/')
                .append(total);
        appendBestAndRate(b, now);
        double perSecond = rate.perSecond(now);
        if (done < total && perSecond > 0) {
            b.append(" | ETA ").append(Math.round((total - done) / perSecond)).append('s');
        }
        return b.toString();
    }

    /** The bar of time: {@code [######--------------] 18s/60s | 41 trials | ... | 42s left}. */
    private String timeLine(long now) {
        long elapsed = Math.max(0, now - start);
        int filled = (int) Math.min(WIDTH, elapsed / (double) timeoutNanos * WIDTH);
        StringBuilder b = new StringBuilder("[");
        b.append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ").append(seconds(elapsed))
                .append("s/").append(seconds(timeoutNanos)).append("s | ").append(done)
                .append(done == 1 ? " trial" : " trials");
        appendBestAndRate(b, now);
        if (elapsed < timeoutNanos) {
            b.append(" | ").append(seconds(timeoutNanos - elapsed)).append("s left");
        }
        return b.toString();
    }

    private static long seconds(long nanos) {
        return Math.round(nanos / 1e9);
    }

    private void appendBestAndRate(StringBuilder b, long now) {
        if (best != null) {
            b.append(" | best ").append(String.format(Locale.ROOT, "%.6g", best.value())).append(" (trial ")
                    .append(best.number()).append(')');
        }
        b.append(String.format(Locale.ROOT, " | %.1f trials/s", rate.perSecond(now)));
    }
}
