package nas.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.exception.DuplicateStudyException;
import nas.api.exception.StudyNotFoundException;
import nas.api.json.Json;
import nas.api.storage.StudyInfo;

/**
 * The SQL about studies (rows of {@code studies}, their directions and attributes), run inside a
 * transaction the caller owns. Stateless, so every method is static and takes the connection.
 */
final class StudyQueries {

    private StudyQueries() {
    }

    /** Inserts a study with its directions; returns its id. */
    static long insert(Connection c, String name, List<StudyDirection> directions) throws SQLException {
        long id;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO studies (study_name) VALUES (?)",
                new String[] {"study_id"})) {
            p.setString(1, name);
            p.executeUpdate();
            try (ResultSet k = p.getGeneratedKeys()) {
                k.next();
                id = k.getLong(1);
            }
        } catch (SQLException e) {
            if (JdbcErrors.isUniqueViolation(e)) {
                throw new DuplicateStudyException(name);
            }
            throw e;
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO study_directions (study_id, objective, direction) VALUES (?, ?, ?)")) {
            for (int i = 0; i < directions.size(); i++) {
                p.setLong(1, id);
                p.setInt(2, i);
                p.setString(3, directions.get(i).name());
                p.addBatch();
            }
            p.executeBatch();
        }
        return id;
    }

    static void delete(Connection c, long studyId) throws SQLException {
        requireStudy(c, studyId);
        try (PreparedStatement p = c.prepareStatement("DELETE FROM studies WHERE study_id = ?")) {
            p.setLong(1, studyId);
            p.executeUpdate();
        }
    }

    static OptionalLong find(Connection c, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT study_id FROM studies WHERE study_name = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** The study's name; throws {@link StudyNotFoundException} when there is no such study. */
    static String requireStudy(Connection c, long studyId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT study_name FROM studies WHERE study_id = ?")) {
            p.setLong(1, studyId);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new StudyNotFoundException("with id " + studyId);
                }
                return r.getString(1);
            }
        }
    }

    static List<StudyDirection> directions(Connection c, long studyId) throws SQLException {
        List<StudyDirection> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT direction FROM study_directions WHERE study_id = ? ORDER BY objective")) {
            p.setLong(1, studyId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(StudyDirection.valueOf(r.getString(1)));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Every study with its directions and trial counts by state, ordered by id. */
    static List<StudyInfo> all(Connection c) throws SQLException {
        Map<Long, String> names = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT study_id, study_name FROM studies ORDER BY study_id")) {
            while (r.next()) {
                names.put(r.getLong(1), r.getString(2));
            }
        }
        Map<Long, Map<TrialState, Integer>> counts = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT study_id, state, COUNT(*) FROM trials GROUP BY study_id, state")) {
            while (r.next()) {
                counts.computeIfAbsent(r.getLong(1), k -> new EnumMap<>(TrialState.class))
                        .put(TrialState.valueOf(r.getString(2)), r.getInt(3));
            }
        }
        List<StudyInfo> out = new ArrayList<>();
        for (Map.Entry<Long, String> e : names.entrySet()) {
            out.add(new StudyInfo(e.getKey(), e.getValue(), directions(c, e.getKey()),
                    counts.getOrDefault(e.getKey(), Map.of())));
        }
        return out;
    }

    /** Attributes of a study or trial ({@code idColumn} = {@code id}) from an attribute table, by key. */
    static Map<String, Object> attrs(Connection c, String table, String idColumn, long id) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT attr_key, value_json FROM " + table + " WHERE " + idColumn + " = ? ORDER BY attr_key")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), Json.read(r.getString(2)));
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Sets an attribute of a study or trial, replacing its value if the key is there. */
    static void upsertAttr(Connection c, String table, String idColumn, long id, String key, String json)
            throws SQLException {
        Objects.requireNonNull(key, "key");
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE " + table + " SET value_json = ? WHERE " + idColumn + " = ? AND attr_key = ?")) {
            p.setString(1, json);
            p.setLong(2, id);
            p.setString(3, key);
            if (p.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO " + table + " (" + idColumn + ", attr_key, value_json) VALUES (?, ?, ?)")) {
            p.setLong(1, id);
            p.setString(2, key);
            p.setString(3, json);
            p.executeUpdate();
        }
    }

    /**
     * Sets a system attribute if its current value equals {@code expected} (frozen JSON value,
     * null = absent). The study row is locked first, so compare-and-set calls on one study are
     * serialized.
     */
    static boolean compareAndSetSystemAttr(Connection c, long studyId, String key, Object expected, String json)
            throws SQLException {
        requireStudy(c, studyId);
        try (PreparedStatement p = c.prepareStatement("SELECT study_id FROM studies WHERE study_id = ? FOR UPDATE")) {
            p.setLong(1, studyId);
            p.executeQuery().close();
        }
        Object current = null;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT value_json FROM study_system_attributes WHERE study_id = ? AND attr_key = ?")) {
            p.setLong(1, studyId);
            p.setString(2, key);
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    current = Json.read(r.getString(1));
                }
            }
        }
        if (!Objects.equals(current, expected)) {
            return false;
        }
        upsertAttr(c, "study_system_attributes", "study_id", studyId, key, json);
        return true;
    }
}
