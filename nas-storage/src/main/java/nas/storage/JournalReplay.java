package nas.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.TrialState;
import nas.api.distribution.Distributions;
import nas.api.json.Json;

/**
 * Puts the trials of a {@link TrialJournal} back into the database after a crash. It runs before
 * any other work on the reopened file, so a trial's number is still free when its row is missing.
 * A trial is found by study and number (its id may have been lost with it):
 * <ul>
 *   <li>finished in the database: it was stored, nothing to do;</li>
 *   <li>present but unfinished: its start was stored, not its end; it takes the journal's state,
 *       values and attributes, and the parameters and intermediate values it lacks (what the file
 *       holds stays: a record leaves out what its writer did not know of);</li>
 *   <li>missing: it is inserted with its number, and the study's counter moves past it.</li>
 * </ul>
 * Records of studies deleted since are skipped.
 */
final class JournalReplay {

    private static final System.Logger LOG = System.getLogger(JournalReplay.class.getName());

    private JournalReplay() {
    }

    static void replay(Connection c, List<String> lines) throws SQLException {
        int unreadable = 0;
        for (String line : lines) {
            JournalRecord record;
            try {
                record = JournalRecord.parse(line);
            } catch (RuntimeException e) {
                // a damaged line must not keep the database closed: the others are still good
                unreadable++;
                continue;
            }
            restore(c, record);
        }
        if (unreadable > 0) {
            LOG.log(System.Logger.Level.WARNING, "skipped {0} unreadable record(s) of the trial journal", unreadable);
        }
    }

    private static void restore(Connection c, JournalRecord record) throws SQLException {
        long studyId = record.studyId();
        FrozenTrial t = record.trial();
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM studies WHERE study_id = ?")) {
            p.setLong(1, studyId);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return;
                }
            }
        }
        Long id = null;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT trial_id, state FROM trials WHERE study_id = ? AND trial_number = ?")) {
            p.setLong(1, studyId);
            p.setInt(2, t.number());
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    if (TrialState.valueOf(r.getString(2)).isFinished()) {
                        return;
                    }
                    id = r.getLong(1);
                }
            }
        }
        if (id == null) {
            id = insertTrial(c, studyId, t);
        } else {
            // what the file already holds of the trial stays; the record adds to it
            try (PreparedStatement p = c.prepareStatement("DELETE FROM trial_values WHERE trial_id = ?")) {
                p.setLong(1, id);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE trials SET state = ?, datetime_start = ?, datetime_complete = ? WHERE trial_id = ?")) {
                p.setString(1, t.state().name());
                p.setTimestamp(2, timestamp(t.datetimeStart()));
                p.setTimestamp(3, timestamp(t.datetimeComplete()));
                p.setLong(4, id);
                p.executeUpdate();
            }
        }
        for (Map.Entry<String, Double> e : t.internalParams().entrySet()) {
            String distribution = Distributions.toJson(t.distributions().get(e.getKey()));
            insertIfMissing(c, "study_param_distributions", List.of("study_id", "param_name", "distribution_json"),
                    studyId, e.getKey(), distribution);
            insertIfMissing(c, "trial_params", List.of("trial_id", "param_name", "param_value", "distribution_json"),
                    id, e.getKey(), e.getValue(), distribution);
        }
        TrialWrites.insertValues(c, id, t.values());
        for (Map.Entry<Integer, Double> e : t.intermediateValues().entrySet()) {
            insertIfMissing(c, "trial_intermediate_values", List.of("trial_id", "step", "intermediate_value"),
                    id, e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Object> e : t.userAttrs().entrySet()) {
            StudyQueries.upsertAttr(c, "trial_user_attributes", "trial_id", id, e.getKey(), Json.write(e.getValue()));
        }
        for (Map.Entry<String, Object> e : t.systemAttrs().entrySet()) {
            StudyQueries.upsertAttr(c, "trial_system_attributes", "trial_id", id, e.getKey(), Json.write(e.getValue()));
        }
    }

    /**
     * Inserts a row unless the table holds one with the same key: its first two columns (a trial
     * or study, and a name or step).
     */
    private static void insertIfMissing(Connection c, String table, List<String> columns, Object... values)
            throws SQLException {
        String placeholders = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
                + ") SELECT " + placeholders + " WHERE NOT EXISTS (SELECT 1 FROM " + table + " WHERE " + columns.get(0)
                + " = ? AND " + columns.get(1) + " = ?)")) {
            for (int k = 0; k < values.length; k++) {
                p.setObject(k + 1, values[k]);
            }
            p.setObject(values.length + 1, values[0]);
            p.setObject(values.length + 2, values[1]);
            p.executeUpdate();
        }
    }

    /** Inserts the trial's row with its number and moves the study's counter past it. */
    private static long insertTrial(Connection c, long studyId, FrozenTrial t) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE studies SET next_trial_number = "
                + "GREATEST(next_trial_number, ?) WHERE study_id = ?")) {
            p.setInt(1, t.number() + 1);
            p.setLong(2, studyId);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO trials (study_id, trial_number, state, "
                + "datetime_start, datetime_complete) VALUES (?, ?, ?, ?, ?)", new String[] {"trial_id"})) {
            p.setLong(1, studyId);
            p.setInt(2, t.number());
            p.setString(3, t.state().name());
            p.setTimestamp(4, timestamp(t.datetimeStart()));
            p.setTimestamp(5, timestamp(t.datetimeComplete()));
            p.executeUpdate();
            try (ResultSet k = p.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
