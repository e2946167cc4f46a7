package nas.examples.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import nas.api.StudyDirection;
import nas.api.distribution.Distributions;
import nas.api.distribution.FloatDistribution;
import nas.storage.JdbcStorage;

/**
 * Grows a study in an H2 file to a given number of COMPLETE trials with a few set-based SQL
 * statements, the way {@code nas search --objective sphere --dim 10 --sampler random} would leave
 * it (ten float parameters {@code x0..x9} in [-5, 5], one value per objective) but in seconds
 * instead of the minutes a search of 200,000 trials takes: the read benchmarks need large studies,
 * not the time to make them. Parameter values are a fixed hash of (trial number, parameter), so
 * the same size gives the same study. Needs the file to itself (no process may hold it).
 */
public final class LargeStudy {

    static final int DIMENSION = 10;
    /** Trials inserted per statement: bounds the size of one transaction. */
    private static final int CHUNK = 20_000;

    private LargeStudy() {
    }

    /**
     * Makes sure study {@code name} in the H2 file {@code path} (no {@code .mv.db}) has at least
     * {@code trials} trials; creates the file and the study with {@code objectives} minimized
     * objectives if missing. Returns the number of trials it added.
     */
    static int grow(Path path, String name, int objectives, int trials) throws SQLException {
        try (JdbcStorage storage = JdbcStorage.open(path.toString())) {
            if (storage.findStudy(name).isEmpty()) {
                storage.createStudy(name, Collections.nCopies(objectives, StudyDirection.MINIMIZE));
            }
        }
        String distribution = Distributions.toJson(FloatDistribution.of(-5, 5));
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + path.toAbsolutePath())) {
            c.setAutoCommit(false);
            long study = studyId(c, name);
            int have = count(c, study);
            for (int from = have; from < trials; from += CHUNK) {
                int to = Math.min(trials, from + CHUNK) - 1;
                insertChunk(c, study, from, to, objectives, distribution);
                c.commit();
            }
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE studies SET next_trial_number = GREATEST(next_trial_number, ?) WHERE study_id = ?")) {
                p.setInt(1, trials);
                p.setLong(2, study);
                p.executeUpdate();
            }
            c.commit();
            return Math.max(0, trials - have);
        }
    }

    private static void insertChunk(Connection c, long study, int from, int to, int objectives, String distribution)
            throws SQLException {
        // trials start every 10 ms and take 5 ms, from 2026-01-01
        update(c, "INSERT INTO trials (study_id, trial_number, state, datetime_start, datetime_complete) "
                + "SELECT ?, X, 'COMPLETE', DATEADD(MILLISECOND, X * 10, TIMESTAMP WITH TIME ZONE "
                + "'2026-01-01 00:00:00+00'), DATEADD(MILLISECOND, X * 10 + 5, TIMESTAMP WITH TIME ZONE "
                + "'2026-01-01 00:00:00+00') FROM SYSTEM_RANGE(?, ?) ORDER BY X", study, from, to);
        // x_p = a fixed hash of (number, p) spread over [-5, 5]
        update(c, "INSERT INTO trial_params (trial_id, param_name, param_value, distribution_json) "
                + "SELECT t.trial_id, 'x' || p.X, MOD(t.trial_number * 2654435761 + p.X * 40503 + 17, 1000003) "
                + "/ 1000003.0 * 10 - 5, '" + distribution.replace("'", "''") + "' FROM trials t "
                + "CROSS JOIN SYSTEM_RANGE(0, " + (DIMENSION - 1) + ") p WHERE t.study_id = ? "
                + "AND t.trial_number BETWEEN ? AND ? ORDER BY t.trial_id, p.X", study, from, to);
        // objective k: the sphere function of the parameters, shifted by k
        for (int k = 0; k < objectives; k++) {
            update(c, "INSERT INTO trial_values (trial_id, objective, objective_value) SELECT x.trial_id, " + k
                    + ", SUM((x.param_value - " + k + ") * (x.param_value - " + k + ")) FROM trial_params x "
                    + "JOIN trials t ON t.trial_id = x.trial_id WHERE t.study_id = ? AND t.trial_number BETWEEN ? AND ? "
                    + "GROUP BY x.trial_id", study, from, to);
        }
        for (int p = 0; p < DIMENSION; p++) {
            update(c, "MERGE INTO study_param_distributions (study_id, param_name, distribution_json) KEY (study_id, "
                    + "param_name) VALUES (?, 'x" + p + "', '" + distribution.replace("'", "''") + "')", study);
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            p.executeUpdate();
        }
    }

    private static long studyId(Connection c, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT study_id FROM studies WHERE study_name = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static int count(Connection c, long study) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM trials WHERE study_id = ?")) {
            p.setLong(1, study);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** {@code java ... LargeStudy PATH NAME TRIALS [OBJECTIVES]}: grows a study for the CLI figures. */
    public static void main(String[] args) throws SQLException {
        Path path = Path.of(args[0].replaceFirst("\\.mv\\.db$", ""));
        int added = grow(path, args[1], args.length > 3 ? Integer.parseInt(args[3]) : 1, Integer.parseInt(args[2]));
        System.out.println("study '" + args[1] + "' in " + path + ".mv.db: " + added + " trials added");
    }
}
