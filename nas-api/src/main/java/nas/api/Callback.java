package nas.api;

/** Called by {@link Study#optimize} after every finished trial, on the worker thread that ran it. */
@FunctionalInterface
public interface Callback {

    /**
     * Called once per finished trial (COMPLETE, PRUNED or FAIL), after it is stored. An exception thrown here
     * ends the study: {@link Study#optimize} starts no more trials and rethrows it (the trial stays stored).
     *
     * @param study the study
     * @param trial the finished trial
     */
    void afterTrial(Study study, FrozenTrial trial);
}
