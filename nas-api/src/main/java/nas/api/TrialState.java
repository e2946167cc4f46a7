package nas.api;

/** Life cycle of a trial: WAITING (enqueued) → RUNNING → COMPLETE, PRUNED or FAIL. */
public enum TrialState {
    RUNNING,
    WAITING,
    COMPLETE,
    PRUNED,
    FAIL;

    /** COMPLETE, PRUNED and FAIL are final: a finished trial never changes again. */
    public boolean isFinished() {
        return this == COMPLETE || this == PRUNED || this == FAIL;
    }
}
