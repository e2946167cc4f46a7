package nas.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nas.api.FrozenTrial;
import nas.api.TrialState;

/**
 * This process's cache of finished trials. A finished trial never changes (the storage contract),
 * so once read it is served from memory, and listing a study reads in full only the trials not
 * cached yet.
 */
final class FinishedTrials {

    private final Map<Long, FrozenTrial> byId = new ConcurrentHashMap<>();
    private final ParamDistributions distributions;

    /** A cache whose reads take parameter distributions from (and add them to) {@code distributions}. */
    FinishedTrials(ParamDistributions distributions) {
        this.distributions = distributions;
    }

    /** The cached trial, or null. */
    FrozenTrial get(long trialId) {
        return byId.get(trialId);
    }

    /** Caches {@code t} if it is finished; returns it. */
    FrozenTrial remember(FrozenTrial t) {
        if (t.state().isFinished()) {
            byId.put(t.id(), t);
        }
        return t;
    }

    /**
     * At most {@code limit} of a study's trials numbered {@code fromNumber} or more, in the given
     * states (all when empty), by number, inside the caller's snapshot: numbers and states first,
     * then whole trials only for the range of those not cached yet. With {@code cache} false what
     * is read is not kept, so that going through a large study page by page keeps memory flat.
     */
    List<FrozenTrial> ofStudy(Connection c, long studyId, Set<TrialState> states, int fromNumber, int limit,
            boolean cache) throws SQLException {
        List<Long> ids = new ArrayList<>();
        int minUncached = Integer.MAX_VALUE;
        int maxUncached = Integer.MIN_VALUE;
        // ordered by the whole unique key (study_id, trial_number): H2 then reads the page off that
        // index and stops after it; ordered by trial_number alone it sorted every later trial per page
        try (PreparedStatement p = c.prepareStatement("SELECT trial_id, trial_number FROM trials WHERE study_id = ? "
                + "AND trial_number >= ?" + TrialReads.stateFilter("state", states)
                + " ORDER BY study_id, trial_number LIMIT ?")) {
            p.setLong(1, studyId);
            p.setInt(2, fromNumber);
            p.setInt(3, limit);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long id = r.getLong(1);
                    ids.add(id);
                    if (!byId.containsKey(id)) {
                        minUncached = Math.min(minUncached, r.getInt(2));
                        maxUncached = Math.max(maxUncached, r.getInt(2));
                    }
                }
            }
        }
        Map<Long, FrozenTrial> fresh = new HashMap<>();
        if (minUncached <= maxUncached) {
            for (FrozenTrial t : TrialReads.read(c, distributions, "t.study_id = ? AND t.trial_number BETWEEN ? AND ?",
                    studyId, minUncached, maxUncached)) {
                fresh.put(t.id(), cache ? remember(t) : t);
            }
        }
        List<FrozenTrial> out = new ArrayList<>(ids.size());
        for (long id : ids) {
            FrozenTrial t = fresh.get(id);
            if (t == null) {
                t = byId.get(id);
            }
            if (t != null && (states.isEmpty() || states.contains(t.state()))) {
                out.add(t);
            }
        }
        return Collections.unmodifiableList(out);
    }
}
