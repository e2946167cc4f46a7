package nas.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nas.api.distribution.Distribution;
import nas.api.distribution.Distributions;

/**
 * One distribution per parameter name and study: the first stored wins, later ones must equal it.
 * A name's distribution never changes once stored, so this process caches what it has read
 * (only what is committed: a distribution it inserts itself is cached once another call sees it).
 */
final class ParamDistributions {

    private final Map<Long, Map<String, Distribution>> known = new ConcurrentHashMap<>();

    /** Forgets a deleted study. */
    void forget(long studyId) {
        known.remove(studyId);
    }

    /** The cached distribution of a name, or null. */
    Distribution cached(long studyId, String name) {
        return known.getOrDefault(studyId, Map.of()).get(name);
    }

    /** Remembers a distribution read from the database. */
    void remember(long studyId, String name, Distribution d) {
        known.computeIfAbsent(studyId, k -> new ConcurrentHashMap<>()).put(name, d);
    }

    /** The stored distribution of a name, or null. */
    static Distribution read(Connection c, long studyId, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT distribution_json FROM study_param_distributions "
                + "WHERE study_id = ? AND param_name = ?")) {
            p.setLong(1, studyId);
            p.setString(2, name);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Distributions.fromJson(r.getString(1)) : null;
            }
        }
    }

    /**
     * Checks a distribution against this process's cache only (no database access).
     *
     * @return the cached distribution {@code d} conflicts with, or null when there is none
     */
    Distribution cachedConflict(long studyId, String name, Distribution d) {
        Distribution k = cached(studyId, name);
        return k != null && !k.equals(d) ? k : null;
    }

    /** Checks every parameter's distribution, storing the names the study does not know yet. */
    void checkAndStore(Connection c, long studyId, Map<String, Double> internalValues,
            Map<String, Distribution> distributions) throws SQLException {
        for (String name : internalValues.keySet()) {
            checkAndStore(c, studyId, name, distributions.get(name));
        }
    }

    private void checkAndStore(Connection c, long studyId, String name, Distribution d) throws SQLException {
        Distribution k = cached(studyId, name);
        if (k == null) {
            k = read(c, studyId, name);
            if (k == null) {
                Savepoint before = c.setSavepoint();
                try (PreparedStatement p = c.prepareStatement("INSERT INTO study_param_distributions "
                        + "(study_id, param_name, distribution_json) VALUES (?, ?, ?)")) {
                    p.setLong(1, studyId);
                    p.setString(2, name);
                    p.setString(3, Distributions.toJson(d));
                    p.executeUpdate();
                    // not cached yet: this transaction may still roll back
                    k = d;
                } catch (SQLException e) {
                    if (!JdbcErrors.isUniqueViolation(e)) {
                        throw e;
                    }
                    // another worker stored this name first: its distribution rules
                    c.rollback(before);
                    k = read(c, studyId, name);
                    remember(studyId, name, k);
                }
            } else {
                remember(studyId, name, k);
            }
        }
        if (!k.equals(d)) {
            throw conflict(StudyQueries.requireStudy(c, studyId), name, k, d);
        }
    }

    /** The refusal of distribution {@code d} for parameter {@code name}, naming the study as users know it. */
    static IllegalArgumentException conflict(String studyName, String name, Distribution known, Distribution d) {
        return new IllegalArgumentException("parameter '" + name + "' was already suggested in study '" + studyName
                + "' as " + Distributions.describe(known) + " and cannot now be " + Distributions.describe(d)
                + Distributions.ONE_PER_NAME);
    }
}
