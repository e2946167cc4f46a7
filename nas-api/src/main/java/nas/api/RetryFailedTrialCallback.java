package nas.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Re-enqueues a trial that failed for a stale heartbeat with the same parameters, so the work of
 * a dead worker is done again. The new trial's system attributes link to the failed one
 * ({@code failed_trial}: the original trial's number; {@code retry_history}: the numbers of every
 * failed attempt); after {@code maxRetry} retries of one original trial it gives up. Use it with
 * {@link Studies.Builder#staleTrialCallback}.
 */
public final class RetryFailedTrialCallback implements Callback {

    private final int maxRetry;

    /**
     * Re-enqueues a trial failed for a stale heartbeat, up to {@code maxRetry} times per original trial.
     *
     * @param maxRetry retries per original trial
     */
    public RetryFailedTrialCallback(int maxRetry) {
        if (maxRetry < 0) {
            throw new IllegalArgumentException("maxRetry must be >= 0, but got " + maxRetry);
        }
        this.maxRetry = maxRetry;
    }

    @Override
    public void afterTrial(Study study, FrozenTrial failed) {
        List<Object> chain = new ArrayList<>();
        if (failed.systemAttrs().get("retry_history") instanceof List<?> history) {
            chain.addAll(history);
        }
        if (chain.size() >= maxRetry) {
            return;
        }
        chain.add((long) failed.number());
        Map<String, Object> sys = new LinkedHashMap<>();
        sys.put(FrozenTrial.FIXED_PARAMS, failed.params());
        sys.put("failed_trial", failed.systemAttrs().getOrDefault("failed_trial", (long) failed.number()));
        sys.put("retry_history", chain);
        study.storage().createTrial(study.id(), new FrozenTrial(-1, -1, TrialState.WAITING, List.of(), null, null,
                Map.of(), Map.of(), new TreeMap<>(), failed.userAttrs(), sys));
    }
}
