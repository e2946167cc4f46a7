package nas.cli;

import java.io.PrintWriter;
import java.util.Locale;
import nas.api.Callback;
import nas.api.FrozenTrial;
import nas.api.RecentRate;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.TrialState;

/**
 * Progress of a search on stderr: trials done of the target, pruned and failed counts, best value
 * so far, trials per second and time left, both from the recent rate ({@link RecentRate}). On a
 * terminal one line is redrawn a few times a second; otherwise a line is printed every few seconds.
 */
final class SearchProgress implements Callback {

    private final PrintWriter err;
    private final String study;
    private final int target;
    private final long deadlineNanos;
    private final boolean terminal;
    private final StudyDirection direction;
    private final java.util.function.LongSupplier clock;
    private final long startNanos;
    private final RecentRate recent;
    private long lastPrintNanos;
    private int done;
    private int pruned;
    private int failed;
    private double best = Double.NaN;
    private int bestNumber = -1;
    private final Study source;
    private boolean storedBestRead;

    SearchProgress(PrintWriter err, Study study, int target, Double timeoutSeconds, boolean terminal) {
        this(err, study, target, timeoutSeconds, terminal, System::nanoTime);
    }

    SearchProgress(PrintWriter err, Study study, int target, Double timeoutSeconds, boolean terminal,
            java.util.function.LongSupplier clock) {
        this.clock = clock;
        this.startNanos = clock.getAsLong();
        this.lastPrintNanos = startNanos;
        this.recent = new RecentRate(startNanos);
        this.err = err;
        this.study = study.name();
        this.target = target;
        this.deadlineNanos = timeoutSeconds == null ? Long.MAX_VALUE : startNanos + (long) (timeoutSeconds * 1e9);
        this.terminal = terminal;
        this.direction = study.directions().size() == 1 ? study.directions().get(0) : null;
        this.source = study;
    }

    /**
     * The stored best joins the trials seen here when the first line is printed, not before the
     * first trial: on a server that has not read a large study's best yet, that query takes a while.
     */
    private void readStoredBest() {
        if (!storedBestRead && direction != null) {
            storedBestRead = true;
            source.storage().bestTrial(source.id()).ifPresent(this::offer);
        }
    }

    private void offer(FrozenTrial t) {
        if (direction != null && t.state() == TrialState.COMPLETE && (bestNumber < 0
                || direction.isBetter(t.value(), best) || (t.value() == best && t.number() < bestNumber))) {
            best = t.value();
            bestNumber = t.number();
        }
    }

    @Override
    public synchronized void afterTrial(Study s, FrozenTrial trial) {
        done++;
        if (trial.state() == TrialState.PRUNED) {
            pruned++;
        } else if (trial.state() == TrialState.FAIL) {
            failed++;
        }
        offer(trial);
        long now = clock.getAsLong();
        recent.record(now);
        long interval = terminal ? 200_000_000L : 5_000_000_000L;
        if (now - lastPrintNanos >= interval && done < target) {
            lastPrintNanos = now;
            print(now, false);
        }
    }

    synchronized void finish() {
        print(clock.getAsLong(), true);
    }

    private void print(long now, boolean last) {
        readStoredBest();
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        double rate = last ? done / seconds : recent.perSecond(now);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "[%s] %d%s trials", study, done, target > 0 ? "/" + target : ""));
        if (pruned > 0) {
            b.append(", ").append(pruned).append(" pruned");
        }
        if (failed > 0) {
            b.append(", ").append(failed).append(" failed");
        }
        if (bestNumber >= 0) {
            b.append(" | best ").append(TextTable.num(best)).append(" (trial ").append(bestNumber).append(')');
        }
        b.append(String.format(Locale.ROOT, " | %.1f trials/s", rate));
        if (!last) {
            double left = Double.NaN;
            if (target > 0 && rate > 0) {
                left = (target - done) / rate;
            }
            if (deadlineNanos != Long.MAX_VALUE) {
                double toDeadline = (deadlineNanos - now) / 1e9;
                left = Double.isNaN(left) ? toDeadline : Math.min(left, toDeadline);
            }
            if (!Double.isNaN(left)) {
                b.append(" | ETA ").append(duration(Math.max(0, left)));
            }
        } else {
            b.append(" | ").append(duration(seconds));
        }
        if (terminal) {
            err.print("\r" + b + "\033[K" + (last ? "\n" : ""));
        } else {
            err.println(b);
        }
        err.flush();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + String.format(Locale.ROOT, "%02ds", s % 60);
        }
        return (s / 3600) + "h" + String.format(Locale.ROOT, "%02dm", (s % 3600) / 60);
    }
}
