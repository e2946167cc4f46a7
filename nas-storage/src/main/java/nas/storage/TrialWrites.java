package nas.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nas.api.FrozenTrial;
import nas.api.TrialState;
import nas.api.distribution.Distribution;
import nas.api.distribution.Distributions;
import nas.api.exception.StudyNotFoundException;
import nas.api.json.Json;

/**
 * The SQL that writes trials (numbers, rows, parameters, values, intermediate values, heartbeats),
 * run inside a transaction the caller owns. Stateless; checks of parameter distributions are
 * {@link ParamDistributions}' job and locking a trial is {@link TrialLocks}'.
 */
final class TrialWrites {

    private TrialWrites() {
    }

    /**
     * Takes the next number of a study inside the caller's transaction: its counter, or one more than its last
     * stored trial's if that is higher. The study's row is locked first and stays locked until the caller ends its
     * transaction, so concurrent writers number one after the other, each seeing the trials committed before it.
     *
     * <p>The counter alone is not enough: H2 writes a commit's tables to the file one after another (H2 issue
     * 2080), so the last store of a killed process can hold a transaction's trial row without its counter update.
     * The counter would then hand the stored number out again, and every later trial of the study would fail on
     * the unique key. (The other half, a counter update without its row, leaves that number out. Handing it out
     * again is not safe: the lost row's unique-index entry can stay behind as a dead transaction's leftover, and
     * H2 2.3's unique check refuses any other row with that number while it is there. {@link GroupCommit} keeps
     * this process's own stores from splitting a commit at all.)
     */
    static int nextNumber(Connection c, long studyId) throws SQLException {
        int number;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT next_trial_number FROM studies WHERE study_id = ? FOR UPDATE")) {
            p.setLong(1, studyId);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new StudyNotFoundException("with id " + studyId);
                }
                number = r.getInt(1);
            }
        }
        // read backwards off the unique index (study_id, trial_number): one row, however large the study
        try (PreparedStatement p = c.prepareStatement("SELECT trial_number FROM trials WHERE study_id = ? "
                + "ORDER BY study_id DESC, trial_number DESC LIMIT 1")) {
            p.setLong(1, studyId);
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    number = Math.max(number, r.getInt(1) + 1);
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE studies SET next_trial_number = ? WHERE study_id = ?")) {
            p.setInt(1, number + 1);
            p.setLong(2, studyId);
            p.executeUpdate();
        }
        return number;
    }

    /** Inserts a trial row; returns its id. */
    static long insertRow(Connection c, long studyId, int number, TrialState state, Instant start, Instant complete)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO trials (study_id, trial_number, state, "
                + "datetime_start, datetime_complete) VALUES (?, ?, ?, ?, ?)", new String[] {"trial_id"})) {
            p.setLong(1, studyId);
            p.setInt(2, number);
            p.setString(3, state.name());
            p.setTimestamp(4, start == null ? null : Timestamp.from(start));
            p.setTimestamp(5, complete == null ? null : Timestamp.from(complete));
            p.executeUpdate();
            try (ResultSet k = p.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }

    /** Allocates the next number and inserts a RUNNING trial; returns {id, number}. */
    static long[] insertRunning(Connection c, long studyId, Instant start) throws SQLException {
        int number = nextNumber(c, studyId);
        return new long[] {insertRow(c, studyId, number, TrialState.RUNNING, start, null), number};
    }

    /** Writes what a template trial holds besides its row: values, intermediate values, attributes. */
    static void insertContents(Connection c, long trialId, FrozenTrial template) throws SQLException {
        insertValues(c, trialId, template.values());
        for (Map.Entry<Integer, Double> e : template.intermediateValues().entrySet()) {
            insertIntermediate(c, trialId, e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Object> e : template.userAttrs().entrySet()) {
            StudyQueries.upsertAttr(c, "trial_user_attributes", "trial_id", trialId, e.getKey(), Json.write(e.getValue()));
        }
        for (Map.Entry<String, Object> e : template.systemAttrs().entrySet()) {
            StudyQueries.upsertAttr(c, "trial_system_attributes", "trial_id", trialId, e.getKey(),
                    Json.write(e.getValue()));
        }
    }

    /** Moves the oldest WAITING trial of a study to RUNNING; returns its id, or null. */
    static Long claimWaiting(Connection c, long studyId) throws SQLException {
        while (true) {
            Long candidate = null;
            try (PreparedStatement p = c.prepareStatement("SELECT trial_id FROM trials WHERE study_id = ? AND "
                    + "state = 'WAITING' ORDER BY trial_number LIMIT 1")) {
                p.setLong(1, studyId);
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) {
                        candidate = r.getLong(1);
                    }
                }
            }
            if (candidate == null) {
                return null;
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE trials SET state = 'RUNNING', "
                    + "datetime_start = ? WHERE trial_id = ? AND state = 'WAITING'")) {
                p.setTimestamp(1, Timestamp.from(Instant.now()));
                p.setLong(2, candidate);
                if (p.executeUpdate() == 1) {
                    return candidate;
                }
            }
            // another worker claimed it first: look again
        }
    }

    static Set<String> storedParamNames(Connection c, long trialId) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement p = c.prepareStatement("SELECT param_name FROM trial_params WHERE trial_id = ?")) {
            p.setLong(1, trialId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
        }
        return names;
    }

    /** Inserts parameters whose distributions were already checked against the study's. */
    static void insertParams(Connection c, long trialId, Map<String, Double> internalValues,
            Map<String, Distribution> distributions) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO trial_params (trial_id, param_name, param_value, "
                + "distribution_json) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, Double> e : internalValues.entrySet()) {
                p.setLong(1, trialId);
                p.setString(2, e.getKey());
                p.setDouble(3, e.getValue());
                p.setString(4, Distributions.toJson(distributions.get(e.getKey())));
                p.addBatch();
            }
            p.executeBatch();
        } catch (SQLException e) {
            if (JdbcErrors.isUniqueViolation(e)) {
                throw new IllegalArgumentException("a parameter of " + internalValues.keySet()
                        + " is already set in trial " + trialId);
            }
            throw e;
        }
    }

    /**
     * Sets a trial's state and values. {@code replaceValues} deletes values stored earlier (only the
     * general {@code setTrialStateValues} can meet any; finishing a trial from the API cannot).
     * Heartbeat rows of finished trials stay: the stale-trial check only looks at RUNNING trials.
     */
    static void updateState(Connection c, long trialId, TrialState state, List<Double> values,
            boolean replaceValues, Instant at) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE trials SET state = ?, datetime_complete = ?, "
                + "datetime_start = COALESCE(datetime_start, ?) WHERE trial_id = ?")) {
            Timestamp now = Timestamp.from(at);
            p.setString(1, state.name());
            p.setTimestamp(2, state.isFinished() ? now : null);
            p.setTimestamp(3, state == TrialState.WAITING ? null : now);
            p.setLong(4, trialId);
            p.executeUpdate();
        }
        if (replaceValues) {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM trial_values WHERE trial_id = ?")) {
                p.setLong(1, trialId);
                p.executeUpdate();
            }
        }
        insertValues(c, trialId, values);
    }

    /** Whether a trial is already finished in {@code state} with exactly {@code values}. */
    static boolean alreadyFinishedAs(Connection c, long trialId, TrialState state, List<Double> values)
            throws SQLException {
        if (!state.isFinished()) {
            return false;
        }
        try (PreparedStatement p = c.prepareStatement("SELECT state FROM trials WHERE trial_id = ?")) {
            p.setLong(1, trialId);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next() || !state.name().equals(r.getString(1))) {
                    return false;
                }
            }
        }
        List<Double> stored = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT objective_value FROM trial_values WHERE trial_id = ? ORDER BY objective")) {
            p.setLong(1, trialId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    stored.add(r.getDouble(1));
                }
            }
        }
        return stored.equals(values);
    }

    static void insertValues(Connection c, long trialId, List<Double> values) throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO trial_values (trial_id, objective, objective_value) VALUES (?, ?, ?)")) {
            for (int i = 0; i < values.size(); i++) {
                p.setLong(1, trialId);
                p.setInt(2, i);
                p.setDouble(3, values.get(i));
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** Inserts an intermediate value unless the step was reported; returns whether it inserted. */
    static boolean insertIntermediateIfNew(Connection c, long trialId, int step, double value) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT 1 FROM trial_intermediate_values WHERE trial_id = ? AND step = ?")) {
            p.setLong(1, trialId);
            p.setInt(2, step);
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    return false;
                }
            }
        }
        insertIntermediate(c, trialId, step, value);
        return true;
    }

    private static void insertIntermediate(Connection c, long trialId, int step, double value) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO trial_intermediate_values (trial_id, step, intermediate_value) VALUES (?, ?, ?)")) {
            p.setLong(1, trialId);
            p.setInt(2, step);
            p.setDouble(3, value);
            p.executeUpdate();
        }
    }

    /** {study id, trial number} of a trial. */
    static long[] studyAndNumber(Connection c, long trialId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT study_id, trial_number FROM trials WHERE trial_id = ?")) {
            p.setLong(1, trialId);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return new long[] {r.getLong(1), r.getInt(2)};
            }
        }
    }

    static long studyOf(Connection c, long trialId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT study_id FROM trials WHERE trial_id = ?")) {
            p.setLong(1, trialId);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static void upsertHeartbeat(Connection c, long trialId, long epochMillis) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE trial_heartbeats SET heartbeat_ms = ? WHERE trial_id = ?")) {
            p.setLong(1, epochMillis);
            p.setLong(2, trialId);
            if (p.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO trial_heartbeats (trial_id, heartbeat_ms) VALUES (?, ?)")) {
            p.setLong(1, trialId);
            p.setLong(2, epochMillis);
            p.executeUpdate();
        }
    }

    /** Fails the study's RUNNING trials whose heartbeat is older than {@code limitMillis}; returns their ids. */
    static List<Long> failStale(Connection c, long studyId, long limitMillis) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT t.trial_id FROM trials t JOIN trial_heartbeats h "
                + "ON h.trial_id = t.trial_id WHERE t.study_id = ? AND t.state = 'RUNNING' AND h.heartbeat_ms < ? "
                + "FOR UPDATE")) {
            p.setLong(1, studyId);
            p.setLong(2, limitMillis);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        List<Long> done = new ArrayList<>();
        for (long id : ids) {
            try (PreparedStatement p = c.prepareStatement("UPDATE trials SET state = 'FAIL', datetime_complete = ? "
                    + "WHERE trial_id = ? AND state = 'RUNNING'")) {
                p.setTimestamp(1, Timestamp.from(Instant.now()));
                p.setLong(2, id);
                if (p.executeUpdate() == 1) {
                    StudyQueries.upsertAttr(c, "trial_system_attributes", "trial_id", id, FrozenTrial.FAIL_REASON,
                            Json.write("stale heartbeat"));
                    done.add(id);
                }
            }
        }
        return done;
    }
}
