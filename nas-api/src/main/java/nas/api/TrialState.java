package nas.api;

/** Life cycle of a trial: WAITING (enqueued) → RUNNING → COMPLETE, PRUNED or FAIL. */
public enum TrialState {
    /** Asked and not yet told. */
    RUNNING,
    /** Enqueued, not yet started. */
    WAITING,
    /** Finished with its value(s). */
    COMPLETE,
    /** Stopped early by a pruner. */
    PRUNED,
    /** Failed: the objective threw or returned no usable value (reason in {@code fail_reason}). */
    FAIL;

    /**
     * COMPLETE, PRUNED and FAIL are final: a finished trial never changes again.
     *
     * @return whether this state is final
     */
    public boolean isFinished() {
        return this == COMPLETE || this == PRUNED || this == FAIL;
    }
}
