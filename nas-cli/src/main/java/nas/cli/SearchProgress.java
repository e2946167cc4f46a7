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
 * so far, trials per second and time left, both from the recent rate ({@link RecentRate}), in which the running
 * trials count with the fraction of their steps they reported (when the objective says how many, {@link #steps}). On a
 * terminal one line is redrawn a few times a second; otherwise a line is printed every few seconds.
 *
 * <p>The running trials that report intermediate values show their last step on the line ("trial 7: generation
 * 13/30" when the objective says what its steps are, {@link #steps}), so a long trial is seen to go on: on a
 * terminal the line is redrawn once a second while a step changes; otherwise (a log) such a line is printed at most
 * once a minute, only when nothing else was printed meanwhile.
 */
final class SearchProgress implements Callback, AutoCloseable {

    /** How often the running trials' steps are looked at. */
    static final long TICK_NANOS = 1_000_000_000L;
    /** Not a terminal: a line for the running trials' steps alone at most this often. */
    static final long LOG_STEP_NANOS = 60_000_000_000L;
    /** Running trials shown on the line at most. */
    static final int SHOWN_RUNNING = 3;

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
    /** The trials running now, by number (see {@link #track}). */
    private final java.util.concurrent.ConcurrentSkipListMap<Integer, nas.api.Trial> running =
            new java.util.concurrent.ConcurrentSkipListMap<>();
    private nas.api.objective.TrialSteps steps;
    /** The running trials' steps as last printed. */
    private String shownSteps = "";
    private java.util.concurrent.ScheduledExecutorService ticker;
    private boolean finished;
    /** At a terminal: the line was drawn in place ('\r', no newline), so the next text would go on its end. */
    private boolean lineOpen;

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

    /** What a trial's reported steps are and how many ("generation", 30); null: unknown, shown as "step N". */
    synchronized void steps(nas.api.objective.TrialSteps steps) {
        this.steps = steps;
    }

    /**
     * {@code objective}, remembering which trials run, so that their reported steps can be shown; starts looking
     * at them once a second.
     */
    nas.api.MultiObjective track(nas.api.MultiObjective objective) {
        startTicking();
        return trial -> {
            running.put(trial.number(), trial);
            try {
                return objective.evaluate(trial);
            } finally {
                running.remove(trial.number());
            }
        };
    }

    private synchronized void startTicking() {
        if (ticker == null && !finished) {
            ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "nas-search-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleWithFixedDelay(this::tick, TICK_NANOS, TICK_NANOS, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** Redraws the line when a running trial reported a new step (on a terminal; a log gets one a minute at most). */
    synchronized void tick() {
        if (finished) {
            return;
        }
        String now = runningSteps();
        long t = clock.getAsLong();
        if (!now.isEmpty() && !now.equals(shownSteps) && t - lastPrintNanos >= (terminal ? TICK_NANOS : LOG_STEP_NANOS)) {
            lastPrintNanos = t;
            print(t, false);
        }
    }

    /** "trial 7: generation 13/30, trial 8: 2/30" for the running trials that reported a step; "" if none did. */
    synchronized String runningSteps() {
        StringBuilder b = new StringBuilder();
        int shown = 0;
        int more = 0;
        for (nas.api.Trial trial : running.values()) {
            int step = trial.lastReportedStep();
            if (step < 0) {
                continue;
            }
            if (shown == SHOWN_RUNNING) {
                more++;
                continue;
            }
            b.append(shown == 0 ? "" : ", ").append("trial ").append(trial.number()).append(": ");
            if (steps == null) {
                b.append("step ").append(step);
            } else {
                b.append(shown == 0 ? steps.unit() + " " : "").append(Math.min(step + 1, steps.count())).append('/')
                        .append(steps.count());
            }
            shown++;
        }
        if (more > 0) {
            b.append(" (+").append(more).append(" more)");
        }
        return b.toString();
    }

    /**
     * The running trials' done fractions summed (a trial that reported generation 13 of 30 counts 13/30); 0 when the
     * objective does not say how many steps a trial has ({@link #steps}) or no running trial reported one.
     */
    synchronized double runningDone() {
        if (steps == null) {
            return 0;
        }
        double sum = 0;
        for (nas.api.Trial trial : running.values()) {
            int step = trial.lastReportedStep();
            if (step >= 0) {
                sum += Math.min(step + 1, steps.count()) / (double) steps.count();
            }
        }
        return sum;
    }

    /**
     * Prints {@code line} on a line of its own: at a terminal the progress line, redrawn in place without a newline,
     * is ended first (else {@code line} would go on its end); the next redraw comes below {@code line}.
     */
    synchronized void printLine(String line) {
        if (lineOpen) {
            err.println();
            lineOpen = false;
        }
        err.println(line);
        err.flush();
    }

    /** Stops looking at the running trials. */
    @Override
    public synchronized void close() {
        finished = true;
        if (ticker != null) {
            ticker.shutdownNow();
        }
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
        close();
        print(clock.getAsLong(), true);
    }

    private void print(long now, boolean last) {
        readStoredBest();
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        // the running trials' done fractions count too: the ETA stays steady during a long trial
        double partial = last ? 0 : runningDone();
        double rate = last ? done / seconds : recent.perSecond(now, partial);
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
        String inTrials = last ? "" : runningSteps();
        shownSteps = inTrials;
        if (!inTrials.isEmpty()) {
            b.append(" | ").append(inTrials);
        }
        b.append(String.format(Locale.ROOT, " | %.1f trials/s", rate));
        if (!last) {
            double left = Double.NaN;
            if (target > 0 && rate > 0) {
                left = (target - done - partial) / rate;
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
            lineOpen = !last;
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
