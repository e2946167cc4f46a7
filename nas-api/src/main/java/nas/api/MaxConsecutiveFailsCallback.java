package nas.api;

/**
 * Stops the study after {@code limit} trials in a row finished as {@link TrialState#FAIL} in this
 * process, so a misconfigured objective (a missing file, a typo in a command) stops in seconds
 * instead of writing hundreds of FAIL rows. A COMPLETE or PRUNED trial resets the count. Trials
 * already running when it fires still finish; {@link Study#optimize} then returns normally, and an INFO line
 * says why it ended early ({@link #fired()} tells the program).
 *
 * <pre>{@code
 * study.optimize(objective, OptimizeOptions.trials(1000).withCallback(new MaxConsecutiveFailsCallback(20)));
 * }</pre>
 */
public final class MaxConsecutiveFailsCallback implements Callback {

    private static final System.Logger LOG = System.getLogger(MaxConsecutiveFailsCallback.class.getName());

    private final int limit;
    private int streak;
    private boolean fired;
    private String lastReason;

    /**
     * @param limit how many FAIL trials in a row stop the study (at least 1)
     */
    public MaxConsecutiveFailsCallback(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the limit of consecutive failed trials must be >= 1, but got " + limit);
        }
        this.limit = limit;
    }

    @Override
    public synchronized void afterTrial(Study study, FrozenTrial trial) {
        if (trial.state() != TrialState.FAIL) {
            streak = 0;
            return;
        }
        lastReason = String.valueOf(trial.systemAttrs().get(FrozenTrial.FAIL_REASON));
        if (++streak >= limit && !fired) {
            fired = true;
            study.stop();
            // INFO, as the per-trial lines: optimize then returns normally, and this says why it ended early (the
            // nas command, at WARNING, prints its own verdict)
            LOG.log(System.Logger.Level.INFO, "study '" + study.name() + "' stops starting trials: " + streak
                    + " trials in a row failed, the last with " + lastReason);
        }
    }

    /**
     * Whether it stopped the study.
     *
     * @return whether it stopped the study
     */
    public synchronized boolean fired() {
        return fired;
    }

    /**
     * The failure reason of the last FAIL trial it saw, or null.
     *
     * @return the failure reason of the last FAIL trial it saw, or null
     */
    public synchronized String lastFailReason() {
        return lastReason;
    }

    /**
     * The number of FAIL trials in a row that stops the study.
     *
     * @return the number of FAIL trials in a row that stops the study
     */
    public int limit() {
        return limit;
    }
}
