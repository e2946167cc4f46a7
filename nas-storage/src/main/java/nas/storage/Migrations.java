package nas.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema migrations. Each version is a script {@code V<n>__<what>.sql} per database;
 * the table {@code nas_schema_version} records the versions applied. Scripts are idempotent
 * ({@code IF NOT EXISTS}) so that several processes opening a new database at once cannot break
 * it: whoever records a version first wins, the others find it recorded.
 */
final class Migrations {

    /** The scripts, in order; a new schema version appends one. */
    static final List<String> SCRIPTS = List.of("V1__init.sql", "V2__param_order.sql", "V3__durability_functions.sql",
            "V4__drop_journal_functions.sql", "V5__evolution_runs.sql", "V6__evolution_genomes_once.sql",
            "V7__param_reads_index.sql", "V8__frames_setting.sql", "V9__run_heartbeats.sql",
            "V10__generation_blocks.sql");

    /** The schema version this code reads and writes. */
    static final int CURRENT = SCRIPTS.size();

    private Migrations() {
    }

    /** Key of the PostgreSQL advisory lock that lets one process at a time migrate. */
    private static final long MIGRATION_LOCK = 0x4e41535f4d494752L;

    static void migrate(Connection c, Dialect dialect) throws SQLException {
        migrate(c, dialect, CURRENT);
    }

    /** Migrates up to schema version {@code target} (a test makes a database of an earlier version so). */
    static void migrate(Connection c, Dialect dialect, int target) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            migrateLocked(c, dialect, target);
            return;
        }
        // PostgreSQL's CREATE TABLE IF NOT EXISTS is not safe against a concurrent twin (both may
        // pass the check and one then fails on the catalog's unique index): take a session lock.
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
        }
        try {
            migrateLocked(c, dialect, target);
        } finally {
            c.rollback();
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
            }
            c.commit();
        }
    }

    private static void migrateLocked(Connection c, Dialect dialect, int target) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS nas_schema_version (version INT PRIMARY KEY, script VARCHAR(200) NOT NULL)");
        }
        c.commit();
        int applied = appliedVersion(c);
        if (applied > CURRENT) {
            throw new IllegalStateException("the database has schema version " + applied + " but this NAS knows only up to "
                    + CURRENT + ": upgrade NAS");
        }
        for (int v = applied + 1; v <= target; v++) {
            String script = SCRIPTS.get(v - 1);
            for (String statement : read(dialect.migrationFolder() + script).split(";\\s*(\\r?\\n|$)")) {
                String sql = stripComments(statement);
                if (!sql.isBlank()) {
                    try (Statement s = c.createStatement()) {
                        s.execute(sql);
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO nas_schema_version (version, script) VALUES (?, ?)")) {
                p.setInt(1, v);
                p.setString(2, script);
                p.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (!JdbcErrors.isUniqueViolation(e)) {
                    throw e;
                }
                // another process recorded this version meanwhile; its DDL and ours were the same
            }
        }
    }

    /**
     * For a database opened read-only, which cannot be migrated: refuses one whose schema is not the version this
     * code reads, saying what to do.
     *
     * @param shown the database as messages name it
     */
    static void requireCurrent(Connection c, String shown) throws SQLException {
        boolean versioned;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM "
                + "INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) = 'NAS_SCHEMA_VERSION'")) {
            r.next();
            versioned = r.getInt(1) > 0;
        }
        if (!versioned) {
            throw new IllegalArgumentException(shown + " is an H2 database but holds no NAS studies");
        }
        int applied = appliedVersion(c);
        if (applied > CURRENT) {
            throw new IllegalStateException("the database has schema version " + applied + " but this NAS knows only up to "
                    + CURRENT + ": upgrade NAS");
        }
        if (applied < CURRENT) {
            throw new IllegalArgumentException(shown + " has schema version " + applied + ", older than this NAS's "
                    + CURRENT + ", and cannot be upgraded without writing to it: read a copy of it (cp), which "
                    + "nas upgrades on first use");
        }
    }

    static int appliedVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(version) FROM nas_schema_version")) {
            r.next();
            int v = r.getInt(1);
            c.commit();
            return v;
        }
    }

    private static String stripComments(String sql) {
        StringBuilder out = new StringBuilder();
        for (String line : sql.split("\\r?\\n")) {
            if (!line.trim().startsWith("--")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static String read(String resource) {
        // through the class, not its loader: on the module path a loader does not hand out another module's
        // resources in a package that module does not open, and nas.storage.migration.* is such a package
        try (InputStream in = Migrations.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration script " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration script " + resource, e);
        }
    }
}
