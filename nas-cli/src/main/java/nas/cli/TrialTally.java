package nas.cli;

import nas.api.Callback;
import nas.api.FrozenTrial;
import nas.api.Study;
import nas.api.TrialState;

/** How the trials this process finished ended, for the verdict of a search. */
final class TrialTally implements Callback {

    private int complete;
    private int pruned;
    private int failed;
    private String lastFailReason;

    @Override
    public synchronized void afterTrial(Study study, FrozenTrial trial) {
        if (trial.state() == TrialState.COMPLETE) {
            complete++;
        } else if (trial.state() == TrialState.PRUNED) {
            pruned++;
        } else if (trial.state() == TrialState.FAIL) {
            failed++;
            lastFailReason = String.valueOf(trial.systemAttrs().get(FrozenTrial.FAIL_REASON));
        }
    }

    synchronized int complete() {
        return complete;
    }

    synchronized int finished() {
        return complete + pruned + failed;
    }

    synchronized int failed() {
        return failed;
    }

    synchronized String lastFailReason() {
        return lastFailReason;
    }
}
