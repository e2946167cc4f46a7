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
     * A study's trials in the given states (all when empty), by number, inside the caller's
     * snapshot: ids and states first, then whole trials only from the first uncached one on.
     */
    List<FrozenTrial> ofStudy(Connection c, long studyId, Set<TrialState> states) throws SQLException {
        List<Long> ids = new ArrayList<>();
        long minUncached = Long.MAX_VALUE;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT trial_id, state FROM trials WHERE study_id = ? ORDER BY trial_number")) {
            p.setLong(1, studyId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    TrialState s = TrialState.valueOf(r.getString(2));
                    if (!states.isEmpty() && !states.contains(s)) {
                        continue;
                    }
                    long id = r.getLong(1);
                    ids.add(id);
                    if (!byId.containsKey(id)) {
                        minUncached = Math.min(minUncached, id);
                    }
                }
            }
        }
        Map<Long, FrozenTrial> fresh = new HashMap<>();
        if (minUncached != Long.MAX_VALUE) {
            for (FrozenTrial t : TrialReads.read(c, "t.study_id = ? AND t.trial_id >= ?", studyId, minUncached)) {
                fresh.put(t.id(), remember(t));
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
