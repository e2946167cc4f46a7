package nas.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.Distribution;
import nas.api.distribution.Distributions;
import nas.api.json.Json;

/**
 * The SQL that reads trials back as {@link FrozenTrial}s: one query per table for all matching
 * trials (not one per trial), assembled in number order. Stateless; caching is
 * {@link FinishedTrials}' job.
 */
final class TrialReads {

    private TrialReads() {
    }

    /**
     * Reads whole trials matching a condition on {@code trials t}, in number order. A parameter's
     * distribution is its study's ({@code study_param_distributions}, through {@code distributions}'
     * cache): every trial of a study stores the same one, checked when it is stored.
     */
    static List<FrozenTrial> read(Connection c, ParamDistributions distributions, String where, Object... args)
            throws SQLException {
        Map<Long, TrialRow> rows = new LinkedHashMap<>();
        try (PreparedStatement p = prepare(c, "SELECT t.trial_id, t.trial_number, t.state, t.datetime_start, "
                + "t.datetime_complete, t.study_id FROM trials t WHERE " + where + " ORDER BY t.trial_number", args);
                ResultSet r = p.executeQuery()) {
            while (r.next()) {
                TrialRow row = new TrialRow(r.getLong(1), r.getInt(2), TrialState.valueOf(r.getString(3)),
                        instant(r.getTimestamp(4)), instant(r.getTimestamp(5)), r.getLong(6));
                rows.put(row.id, row);
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        // No ORDER BY in the queries below: sorting every row of a page was most of the cost of
        // a read; each trial's few rows are put in order here instead (TrialRow#freeze).
        String join = " JOIN trials t ON t.trial_id = x.trial_id WHERE " + where;
        // only columns of the index trial_params_read (V7): read off the index, not looked up in the table
        try (PreparedStatement p = prepare(c, "SELECT x.trial_id, x.param_seq, x.param_name, x.param_value "
                + "FROM trial_params x" + join, args); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                rows.get(r.getLong(1)).params.add(new ParamRow(r.getLong(2), r.getString(3), r.getDouble(4)));
            }
        }
        Map<Long, Map<String, Distribution>> byStudy = studyDistributions(c, distributions, rows.values());
        try (PreparedStatement p = prepare(c, "SELECT x.trial_id, x.objective, x.objective_value FROM trial_values x"
                + join, args); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                rows.get(r.getLong(1)).values.put(r.getInt(2), r.getDouble(3));
            }
        }
        try (PreparedStatement p = prepare(c, "SELECT x.trial_id, x.step, x.intermediate_value "
                + "FROM trial_intermediate_values x" + join, args); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                rows.get(r.getLong(1)).intermediate.put(r.getInt(2), r.getDouble(3));
            }
        }
        for (String kind : new String[] {"user", "system"}) {
            try (PreparedStatement p = prepare(c, "SELECT x.trial_id, x.attr_key, x.value_json FROM trial_" + kind
                    + "_attributes x" + join, args); ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    TrialRow row = rows.get(r.getLong(1));
                    (kind.equals("user") ? row.userAttrs : row.systemAttrs).put(r.getString(2), Json.read(r.getString(3)));
                }
            }
        }
        List<FrozenTrial> out = new ArrayList<>(rows.size());
        for (TrialRow row : rows.values()) {
            out.add(row.freeze(byStudy.get(row.studyId)));
        }
        return out;
    }

    /**
     * The distributions of the parameter names {@code rows} use, by study: from {@code cache}, else from
     * {@code study_param_distributions} (then cached). A name missing there, which no NAS writer leaves
     * (it stores the name first, in the same transaction), is read from the trial's own parameter row.
     */
    private static Map<Long, Map<String, Distribution>> studyDistributions(Connection c, ParamDistributions cache,
            Iterable<TrialRow> rows) throws SQLException {
        Map<Long, Map<String, Distribution>> out = new HashMap<>();
        for (TrialRow row : rows) {
            Map<String, Distribution> known = out.computeIfAbsent(row.studyId, k -> new HashMap<>());
            for (ParamRow p : row.params) {
                if (known.containsKey(p.name())) {
                    continue;
                }
                Distribution d = cache.cached(row.studyId, p.name());
                if (d == null) {
                    d = ParamDistributions.read(c, row.studyId, p.name());
                    if (d == null) {
                        row.ownDistributions.put(p.name(), rowDistribution(c, row.id, p.name()));
                        continue;
                    }
                    cache.remember(row.studyId, p.name(), d);
                }
                known.put(p.name(), d);
            }
        }
        return out;
    }

    private static Distribution rowDistribution(Connection c, long trialId, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT distribution_json FROM trial_params WHERE trial_id = ? "
                + "AND param_name = ?")) {
            p.setLong(1, trialId);
            p.setString(2, name);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return Distributions.fromJson(r.getString(1));
            }
        }
    }

    /** Number of a study's trials in the given states (all states when empty). */
    static int count(Connection c, long studyId, Set<TrialState> states) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM trials WHERE study_id = ?"
                + stateFilter("state", states))) {
            p.setLong(1, studyId);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** {@code " AND column IN ('A','B')"}, or nothing for all states (the names are enum constants, not input). */
    static String stateFilter(String column, Set<TrialState> states) {
        return states.isEmpty() ? "" : " AND " + column + " IN (" + states.stream().map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(",")) + ")";
    }

    /**
     * A single-objective study's best COMPLETE trial (lowest number among equals), or null: one
     * ordered query instead of reading every trial.
     */
    static BestTrials.Best best(Connection c, long studyId, StudyDirection direction) throws SQLException {
        String order = direction == StudyDirection.MAXIMIZE ? "DESC" : "ASC";
        try (PreparedStatement p = c.prepareStatement("SELECT t.trial_id, t.trial_number, v.objective_value FROM "
                + "trials t JOIN trial_values v ON v.trial_id = t.trial_id AND v.objective = 0 WHERE t.study_id = ? "
                + "AND t.state = 'COMPLETE' ORDER BY v.objective_value " + order + ", t.trial_number LIMIT 1")) {
            p.setLong(1, studyId);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? new BestTrials.Best(r.getLong(1), r.getInt(2), r.getDouble(3), direction) : null;
            }
        }
    }

    /**
     * The parameter names used by a study's trials in the given states. Every name a trial stores
     * is first stored in {@code study_param_distributions} (same transaction), so each of the
     * study's few names is tested for one matching trial through the primary key instead of reading
     * every parameter row of the study (3 s on 2,000,000 rows, against milliseconds).
     */
    static Set<String> paramNames(Connection c, long studyId, Set<TrialState> states) throws SQLException {
        return strings(c, "SELECT d.param_name FROM study_param_distributions d WHERE d.study_id = ? AND EXISTS "
                + "(SELECT 1 FROM trials t JOIN trial_params x ON x.trial_id = t.trial_id AND x.param_name = d.param_name "
                + "WHERE t.study_id = d.study_id" + stateFilter("t.state", states) + ")", studyId);
    }

    /**
     * The distinct user attribute keys among a study's trials in the given states. Driven from the
     * attribute rows (each tested against its trial by primary key): joined the other way, H2 walked
     * every trial of the study even when no trial has an attribute (0.7 s on 200,000 trials).
     */
    static Set<String> userAttrKeys(Connection c, long studyId, Set<TrialState> states) throws SQLException {
        return strings(c, "SELECT DISTINCT x.attr_key FROM trial_user_attributes x WHERE EXISTS (SELECT 1 FROM "
                + "trials t WHERE t.trial_id = x.trial_id AND t.study_id = ?" + stateFilter("t.state", states) + ")",
                studyId);
    }

    private static Set<String> strings(Connection c, String sql, long studyId) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, studyId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * The largest number of constraint values among a study's trials: the system attribute holds a
     * JSON list of numbers, so its commas count them (no value of a list of numbers has a comma).
     */
    static int maxConstraints(Connection c, long studyId, Set<TrialState> states) throws SQLException {
        // driven from the attribute rows, as userAttrKeys
        try (PreparedStatement p = c.prepareStatement("SELECT MAX(LENGTH(x.value_json) - LENGTH(REPLACE(x.value_json, "
                + "',', ''))) FROM trial_system_attributes x WHERE x.attr_key = '" + FrozenTrial.CONSTRAINTS + "' AND "
                + "EXISTS (SELECT 1 FROM trials t WHERE t.trial_id = x.trial_id AND t.study_id = ?"
                + stateFilter("t.state", states) + ")")) {
            p.setLong(1, studyId);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                int commas = r.getInt(1);
                return r.wasNull() ? 0 : commas + 1;
            }
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement p = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            p.setLong(i + 1, ((Number) args[i]).longValue());
        }
        return p;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** A parameter row; {@code seq} is the order in which the trial's parameters were set. */
    private record ParamRow(long seq, String name, double value) {
    }

    /** A trial being assembled from its rows, which arrive in no particular order. */
    private static final class TrialRow {
        final long id;
        final int number;
        final TrialState state;
        final Instant start;
        final Instant complete;
        final List<ParamRow> params = new ArrayList<>();
        final TreeMap<Integer, Double> values = new TreeMap<>();
        final TreeMap<Integer, Double> intermediate = new TreeMap<>();
        final Map<String, Object> userAttrs = new TreeMap<>();
        final Map<String, Object> systemAttrs = new TreeMap<>();
        final long studyId;
        /** Distributions of names missing from the study's table (see {@link #studyDistributions}). */
        final Map<String, Distribution> ownDistributions = new HashMap<>();

        TrialRow(long id, int number, TrialState state, Instant start, Instant complete, long studyId) {
            this.id = id;
            this.number = number;
            this.state = state;
            this.start = start;
            this.complete = complete;
            this.studyId = studyId;
        }

        FrozenTrial freeze(Map<String, Distribution> studyDistributions) {
            params.sort(Comparator.comparingLong(ParamRow::seq));
            Map<String, Double> internal = new LinkedHashMap<>();
            Map<String, Distribution> distributions = new LinkedHashMap<>();
            for (ParamRow p : params) {
                internal.put(p.name(), p.value());
                Distribution d = studyDistributions.get(p.name());
                distributions.put(p.name(), d != null ? d : ownDistributions.get(p.name()));
            }
            return new FrozenTrial(id, number, state, new ArrayList<>(values.values()), start, complete, internal,
                    distributions, intermediate, userAttrs, systemAttrs);
        }
    }
}
