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
 * Pair it with {@code NasLogging.setLevel(System.Logger.Level.WARNING)} so that per-trial log lines do not
 * break the bar.
 */
public final class ProgressBar implements Callback {

    private static final int WIDTH = 20;

    private final PrintStream out;
    private final int total;
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
        if (nTrials < 1) {
            throw new IllegalArgumentException("nTrials must be >= 1, but got " + nTrials);
        }
        this.out = out;
        this.total = nTrials;
        this.redraw = redraw;
        this.clock = clock;
        this.rate = new RecentRate(clock.getAsLong());
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
        int tenth = Math.min(10, done * 10 / total);
        if (redraw) {
            out.print("\r" + line(now) + (done >= total ? "\n" : ""));
            out.flush();
        } else if (tenth != lastTenth) {
            lastTenth = tenth;
            out.println(line(now));
        }
    }

    /** The bar as it is now drawn, e.g. {@code [####----------------] 20/100 | ...}. */
    synchronized String line(long now) {
        int filled = Math.min(WIDTH, done * WIDTH / total);
        StringBuilder b = new StringBuilder("[");
        b.append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ").append(done).append('/')
                .append(total);
        if (best != null) {
            b.append(" | best ").append(String.format(Locale.ROOT, "%.6g", best.value())).append(" (trial ")
                    .append(best.number()).append(')');
        }
        double perSecond = rate.perSecond(now);
        b.append(String.format(Locale.ROOT, " | %.1f trials/s", perSecond));
        if (done < total && perSecond > 0) {
            b.append(" | ETA ").append(Math.round((total - done) / perSecond)).append('s');
        }
        return b.toString();
    }
}
