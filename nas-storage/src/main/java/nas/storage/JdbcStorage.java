package nas.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.Distribution;
import nas.api.distribution.Distributions;
import nas.api.exception.DuplicateStudyException;
import nas.api.exception.StorageException;
import nas.api.exception.StudyNotFoundException;
import nas.api.exception.TrialFinishedException;
import nas.api.json.Json;
import nas.api.storage.Storage;
import nas.api.storage.StudyInfo;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

/**
 * Studies in a relational database: an H2 file by default, PostgreSQL when several machines share
 * a study. Every call is one transaction; trial numbers come from a per-study counter row updated
 * inside the trial's creating transaction, so concurrent workers never collide. Lost connections
 * and lock timeouts are retried with back-off for a bounded time.
 *
 * <p>H2 file URLs are opened with {@code AUTO_SERVER=TRUE}: several local processes share the
 * file (the first serves it, the others connect to it). H2's background writer stores commits
 * every {@code WRITE_DELAY} ms (500 by default) and compacts the file as it goes. A trial that
 * ends is appended to the file's {@link TrialJournal} before the call returns, and the next
 * process to open the file after a crash replays it ({@link JournalReplay}). Creating or deleting
 * a study, its attributes and created (enqueued) trials wait for a store of the file instead. In
 * the process holding the file, the start of a trial, its parameters, intermediate values and
 * heartbeats reach the file with the next store: if the process is killed before that, its
 * unfinished trial is lost with it and its number is taken again. The other processes wait for
 * the store after these writes too, since their trials must outlive the holder.
 *
 * <p>Finished trials never change, so their snapshots are cached in this process.
 */
public final class JdbcStorage implements Storage {

    /** The default storage: an H2 file {@code nas-studies.mv.db} in the working directory. */
    public static final String DEFAULT_URL = "jdbc:h2:./nas-studies";

    /** How long a call retries a lost connection or a lock timeout before it gives up. */
    public static final Duration DEFAULT_RETRY_BUDGET = Duration.ofSeconds(30);

    /** How long opening retries a refused connection (a server restarting) before it gives up. */
    private static final Duration OPEN_BUDGET = Duration.ofSeconds(5);

    private final String url;
    private final Dialect dialect;
    private final ConnectionPool pool;
    private final Duration retryBudget;
    private final boolean localFile;
    private final boolean autoServer;
    /** Set once the schema is up to date; before that, failures are reported as failures to open. */
    private volatile boolean opened;
    private final Map<Long, FrozenTrial> finishedTrials = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, Distribution>> knownDistributions = new ConcurrentHashMap<>();
    /**
     * Trials this storage started (on an H2 file) and has written nothing to since: when one ends,
     * its journal record is what this storage knows of it plus the end, without reading it back.
     */
    private final Map<Long, StartedTrial> untouchedTrials = new ConcurrentHashMap<>();

    private record StartedTrial(int number, Instant start) {
    }
    /**
     * The trial-locking query, prepared once per connection: H2 parses {@code SELECT ... FOR
     * UPDATE} anew for every statement it is given (it caches only other plans), which cost a
     * tenth of each finished trial. The statements close with their connections.
     */
    private final Map<Connection, PreparedStatement> lockTrialStatements =
            Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private JdbcStorage(String url, Dialect dialect, Properties properties, Duration retryBudget) {
        this.url = url;
        this.dialect = dialect;
        this.retryBudget = retryBudget;
        String lower = url.toLowerCase(Locale.ROOT);
        this.localFile = dialect == Dialect.H2 && !lower.startsWith("jdbc:h2:mem:") && !lower.startsWith("jdbc:h2:tcp:")
                && !lower.startsWith("jdbc:h2:ssl:");
        this.pool = new ConnectionPool(url, properties, localFile ? JdbcStorage::recoverJournal : c -> { });
        this.autoServer = lower.contains(";auto_server=true");
    }

    /** Opens (creating if needed) the database at {@code url} and brings its schema up to date. */
    public static JdbcStorage open(String url) {
        return open(url, true);
    }

    /**
     * Opens the database at {@code url}. With {@code create} false an H2 file that does not exist
     * is an error instead of being created (for commands that only read).
     *
     * @throws IllegalArgumentException for a malformed or unsupported URL, or a missing database
     * @throws StorageException         when the database cannot be opened
     */
    public static JdbcStorage open(String url, boolean create) {
        return open(url, create, DEFAULT_RETRY_BUDGET);
    }

    /**
     * Opens the database at {@code url}, retrying lost connections and lock timeouts of each call
     * for at most {@code retryBudget} before reporting them as a {@link StorageException}.
     */
    public static JdbcStorage open(String url, boolean create, Duration retryBudget) {
        Objects.requireNonNull(url, "url");
        if (retryBudget.isNegative()) {
            throw new IllegalArgumentException("the retry budget must be >= 0, but got " + retryBudget);
        }
        String resolved = resolve(url);
        Dialect dialect = Dialect.of(resolved);
        if (dialect == Dialect.H2) {
            resolved = h2Settings(resolved, create);
        }
        JdbcStorage storage = new JdbcStorage(resolved, dialect, new Properties(), retryBudget);
        try {
            storage.inTx(c -> {
                Migrations.migrate(c, dialect);
                return null;
            });
            storage.opened = true;
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
        return storage;
    }

    /** A plain file path stands for an H2 file (".mv.db" may be given or not). */
    static String resolve(String url) {
        String u = url.trim();
        if (u.isEmpty()) {
            throw new IllegalArgumentException("storage URL is empty");
        }
        if (u.startsWith("jdbc:")) {
            return u;
        }
        if (u.contains(":") && !u.matches("^[A-Za-z]:[\\\\/].*")) {
            throw new IllegalArgumentException("malformed storage URL '" + url
                    + "': use jdbc:h2:PATH, jdbc:postgresql://host:port/database, or a plain file path");
        }
        String path = u.endsWith(".mv.db") ? u.substring(0, u.length() - ".mv.db".length()) : u;
        if (!path.startsWith("/") && !path.startsWith("./") && !path.startsWith("../")) {
            path = "./" + path;
        }
        return "jdbc:h2:" + path;
    }

    private static String h2Settings(String url, boolean create) {
        String lower = url.toLowerCase(Locale.ROOT);
        String body = url.substring("jdbc:h2:".length());
        String path = body.split(";", 2)[0];
        boolean file = !lower.startsWith("jdbc:h2:mem:") && !lower.startsWith("jdbc:h2:tcp:")
                && !lower.startsWith("jdbc:h2:ssl:");
        StringBuilder u = new StringBuilder(url);
        if (file) {
            String filePath = path.startsWith("file:") ? path.substring(5) : path;
            Path dbFile = Path.of(filePath + ".mv.db");
            if (!create && !Files.exists(dbFile)) {
                throw new IllegalArgumentException("no NAS database at " + dbFile.toAbsolutePath().normalize()
                        + " (run 'nas search' first, or pass --storage)");
            }
            if (Files.exists(dbFile) && !Files.isWritable(dbFile)) {
                throw new IllegalArgumentException("the database file " + dbFile + " is not writable");
            }
            Path dir = dbFile.toAbsolutePath().getParent();
            if (dir != null && (create || Files.exists(dbFile)) && !canCreateFilesIn(dir)) {
                // H2 needs its lock file beside the database (and would print a stack trace of
                // its own when it cannot write its trace file there)
                throw new IllegalArgumentException((Files.exists(dbFile) ? "cannot use the database " : "cannot create "
                        + "the database ") + dbFile + ": directory " + dir + " is not writable");
            }
            if (!lower.contains("auto_server=")) {
                u.append(";AUTO_SERVER=TRUE");
            }
            if (!create && !lower.contains("ifexists=")) {
                u.append(";IFEXISTS=TRUE");
            }
        } else if (lower.startsWith("jdbc:h2:mem:") && !lower.contains("db_close_delay=")) {
            u.append(";DB_CLOSE_DELAY=-1");
        }
        if (!lower.contains("query_cache_size=")) {
            // a trial touches about twenty distinct statements; H2's default cache of 8 re-parses them
            u.append(";QUERY_CACHE_SIZE=64");
        }
        return u.toString();
    }

    /**
     * Whether files can be created in {@code dir}, tried for real: permission bits do not tell it
     * for root or for read-only file systems. A missing directory is H2's to create.
     */
    private static boolean canCreateFilesIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return !Files.exists(dir) && (dir.getParent() == null || !Files.isDirectory(dir.getParent())
                    || canCreateFilesIn(dir.getParent()));
        }
        try {
            Files.delete(Files.createTempFile(dir, ".nas-probe", ".tmp"));
            return true;
        } catch (java.io.IOException | SecurityException e) {
            return false;
        }
    }

    /** The JDBC URL in use (with the settings NAS added). */
    public String url() {
        return url;
    }

    @Override
    public void close() {
        Connection idle = localFile ? pool.takeIdle() : null;
        if (idle != null) {
            // store everything and remove the journal; on an idle connection only, without retries:
            // a database that is gone keeps its journal for the next opening to replay
            try {
                flushToFile(idle);
                idle.commit();
                pool.giveBack(idle, true);
            } catch (SQLException e) {
                pool.giveBack(idle, false);
            }
        }
        pool.close();
    }

    // ---- transactions ----

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction, committing at the end. Transient failures (lost
     * connection, lock timeout, deadlock) are retried with exponential back-off within
     * {@link #retryBudget}; other SQL errors become {@link StorageException}.
     */
    private <T> T inTx(Work<T> work) {
        return inTx(work, false, null);
    }

    /** {@link #inTx} for a write that must be in the file when the call returns. */
    private <T> T durableTx(Work<T> work) {
        return inTx(work, false, (c, result) -> flushToFile(c));
    }

    /**
     * {@link #inTx} for a write about a running trial. The process holding the file writes it
     * with its next store: if that process dies first, its own trials die with it. A process that
     * reaches the file through another one ({@code AUTO_SERVER}) waits for the store instead,
     * since its trial outlives the other process and must still be there when it ends.
     */
    private <T> T writeTx(Work<T> work) {
        return inTx(work, false, (c, result) -> {
            if (!(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal)) {
                flushToFile(c);
            }
        });
    }

    /**
     * {@link #inTx} for work that ends a trial and returns it (as a journal record on an H2 file,
     * else null): the record is journaled before the call returns.
     */
    private JournalRecord endTrialTx(Work<JournalRecord> work) {
        return inTx(work, false, (c, record) -> {
            if (record != null) {
                journal(c, record);
            }
        });
    }

    /**
     * A read of several statements that must agree with each other: under READ COMMITTED each
     * statement would see the commits of other workers made since the previous one (a trial
     * listed as RUNNING, then its values), so these run on one snapshot (REPEATABLE READ).
     */
    private <T> T snapshot(Work<T> work) {
        return inTx(work, true, null);
    }

    /** What a call does on an H2 file after its commit, so that the commit survives a crash. */
    @FunctionalInterface
    private interface AfterCommit<T> {
        void run(Connection c, T result) throws SQLException;
    }

    private <T> T inTx(Work<T> work, boolean snapshot, AfterCommit<T> afterCommit) {
        // Opening a server database gives up sooner: a wrong host or port should not keep a
        // command waiting. An H2 file gets the whole budget: processes that start together wait
        // for each other's file lock ("lock file recently modified") until one serves the file.
        Duration budget = opened || localFile || OPEN_BUDGET.compareTo(retryBudget) >= 0 ? retryBudget : OPEN_BUDGET;
        long deadline = System.nanoTime() + budget.toNanos();
        long backoffMs = 20;
        int keyRaces = 0;
        while (true) {
            Connection c;
            try {
                c = pool.borrow();
            } catch (SQLException e) {
                // 90020 (file in use) on an AUTO_SERVER file: another process is just starting to
                // serve it, or the one serving it exited and the file is being taken over; wait
                boolean handover = localFile && autoServer && e.getErrorCode() == 90020;
                if ((handover || JdbcErrors.isTransient(e) && !isRefusedAtOpen(e)) && System.nanoTime() < deadline) {
                    backoffMs = sleep(backoffMs);
                    continue;
                }
                if (JdbcErrors.isTransient(e) && !isRefusedAtOpen(e) && opened) {
                    throw new StorageException("storage unavailable for " + retryBudget.toSeconds() + " s ("
                            + redact(url) + "): " + firstLine(e), e);
                }
                throw openFailure(e);
            }
            boolean healthy = true;
            try {
                if (snapshot) {
                    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                }
                T result = work.run(c);
                c.commit();
                if (afterCommit != null && localFile) {
                    // A lost connection here (the process serving the file died) is retried like a
                    // lost commit: the work runs again on the file as the next process recovered
                    // it, and each call copes with finding its first attempt already there.
                    afterCommit.run(c, result);
                    c.commit();
                }
                return result;
            } catch (SQLException e) {
                rollbackQuietly(c);
                healthy = !JdbcErrors.breaksConnection(e);
                if (JdbcErrors.isTransient(e) && System.nanoTime() < deadline) {
                    backoffMs = sleep(backoffMs);
                    continue;
                }
                // Two workers inserting the same new key (an attribute, a parameter's distribution)
                // at once: the loser's transaction is void (PostgreSQL aborts it); run it again, and
                // its update-or-insert now finds the winner's row.
                if (JdbcErrors.isUniqueViolation(e) && keyRaces++ < 3) {
                    continue;
                }
                if (JdbcErrors.isTransient(e)) {
                    throw new StorageException("storage unavailable for " + retryBudget.toSeconds() + " s ("
                            + redact(url) + "): " + firstLine(e), e);
                }
                throw new StorageException("storage error on " + redact(url) + ": " + firstLine(e), e);
            } catch (RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                if (snapshot && healthy) {
                    try {
                        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    } catch (SQLException e) {
                        healthy = false;
                    }
                }
                pool.giveBack(c, healthy);
            }
        }
    }

    /** Returns once every commit so far is in the H2 file ({@link TrialJournal#flush}). */
    private static void flushToFile(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CALL NAS_FLUSH()");
        }
    }

    /** Appends a finished trial to the journal of the H2 file. */
    private static void journal(Connection c, JournalRecord record) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("CALL NAS_JOURNAL(?)")) {
            p.setString(1, record.toLine());
            p.execute();
        }
    }

    /**
     * Run on each new connection to an H2 file before its first use: replays the journal a
     * crashed process left, if this is the first connection since the file was opened. A file
     * whose schema predates the journal has none (H2 then does not know the function).
     */
    private static void recoverJournal(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.ROUTINES "
                    + "WHERE ROUTINE_NAME = 'NAS_RECOVER'")) {
                r.next();
                if (r.getInt(1) == 0) {
                    c.commit();
                    return;
                }
            }
            s.execute("CALL NAS_RECOVER()");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    private static String firstLine(SQLException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage().split("\\r?\\n")[0];
    }

    private static boolean isRefusedAtOpen(SQLException e) {
        // H2 file errors (corrupt / not a database / locked by a foreign program) do not heal by waiting
        int code = e.getErrorCode();
        return code == 90030 || code == 90048 || code == 90028 || code == 90013 || code == 90146 || code == 90020;
    }

    private RuntimeException openFailure(SQLException e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage().split("\\r?\\n")[0];
        int code = e.getErrorCode();
        if (code == 90030 || code == 90048 || code == 90028) {
            return new IllegalArgumentException("cannot open " + shownName() + ": the file is not an H2 database"
                    + " (or cannot be read)");
        }
        if (code == 90020) {
            return new IllegalArgumentException("cannot open " + shownName() + ": another program holds it without"
                    + " sharing it (open it with AUTO_SERVER=TRUE there, or close that program)");
        }
        if (code == 90146 || code == 90013) {
            return new IllegalArgumentException("no NAS database at " + redact(url));
        }
        return new StorageException("cannot open storage " + redact(url) + ": " + msg, e);
    }

    /** The database as the user named it: an H2 file's path, else the URL without a password. */
    private String shownName() {
        if (localFile) {
            String path = url.substring("jdbc:h2:".length()).split(";", 2)[0];
            return (path.startsWith("file:") ? path.substring(5) : path) + ".mv.db";
        }
        return redact(url);
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    private static long sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while retrying a storage call");
        }
        return Math.min(1000, ms * 2);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is probably gone; it will not be reused
        }
    }

    // ---- studies ----

    @Override
    public long createStudy(String name, List<StudyDirection> directions) {
        Objects.requireNonNull(name, "name");
        if (directions == null || directions.isEmpty()) {
            throw new IllegalArgumentException("a study needs at least one direction");
        }
        if (name.length() > 512) {
            throw new IllegalArgumentException("a study name has at most 512 characters, but got " + name.length());
        }
        return durableTx(c -> {
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
        });
    }

    @Override
    public void deleteStudy(long studyId) {
        durableTx(c -> {
            requireStudy(c, studyId);
            try (PreparedStatement p = c.prepareStatement("DELETE FROM studies WHERE study_id = ?")) {
                p.setLong(1, studyId);
                p.executeUpdate();
            }
            return null;
        });
        knownDistributions.remove(studyId);
    }

    @Override
    public OptionalLong findStudy(String name) {
        return inTx(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT study_id FROM studies WHERE study_name = ?")) {
                p.setString(1, name);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    @Override
    public String studyName(long studyId) {
        return inTx(c -> requireStudy(c, studyId));
    }

    private static String requireStudy(Connection c, long studyId) throws SQLException {
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

    @Override
    public List<StudyDirection> studyDirections(long studyId) {
        return inTx(c -> {
            requireStudy(c, studyId);
            return directions(c, studyId);
        });
    }

    private static List<StudyDirection> directions(Connection c, long studyId) throws SQLException {
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

    @Override
    public List<StudyInfo> studies() {
        return inTx(c -> {
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
        });
    }

    @Override
    public Map<String, Object> studyUserAttrs(long studyId) {
        return inTx(c -> {
            requireStudy(c, studyId);
            return attrs(c, "study_user_attributes", "study_id", studyId);
        });
    }

    @Override
    public Map<String, Object> studySystemAttrs(long studyId) {
        return inTx(c -> {
            requireStudy(c, studyId);
            return attrs(c, "study_system_attributes", "study_id", studyId);
        });
    }

    private static Map<String, Object> attrs(Connection c, String table, String idColumn, long id) throws SQLException {
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

    @Override
    public void setStudyUserAttr(long studyId, String key, Object value) {
        setStudyAttr("study_user_attributes", studyId, key, value);
    }

    @Override
    public void setStudySystemAttr(long studyId, String key, Object value) {
        setStudyAttr("study_system_attributes", studyId, key, value);
    }

    private void setStudyAttr(String table, long studyId, String key, Object value) {
        String json = Json.write(Json.freeze(value));
        durableTx(c -> {
            requireStudy(c, studyId);
            upsertAttr(c, table, "study_id", studyId, key, json);
            return null;
        });
    }

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

    @Override
    public boolean compareAndSetStudySystemAttr(long studyId, String key, Object expected, Object value) {
        Object expectedFrozen = Json.freeze(expected);
        String json = Json.write(Json.freeze(value));
        return durableTx(c -> {
            requireStudy(c, studyId);
            // lock the study row: compare-and-set calls on one study are serialized
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
            if (!Objects.equals(current, expectedFrozen)) {
                return false;
            }
            upsertAttr(c, "study_system_attributes", "study_id", studyId, key, json);
            return true;
        });
    }

    // ---- trials ----

    @Override
    public FrozenTrial createTrial(long studyId, FrozenTrial template) {
        if (template != null) {
            for (Map.Entry<String, Distribution> e : template.distributions().entrySet()) {
                checkKnownDistribution(studyId, e.getKey(), e.getValue());
            }
        }
        return durableTx(c -> {
            int number = nextTrialNumber(c, studyId);
            TrialState state = template == null ? TrialState.RUNNING : template.state();
            Instant start = state == TrialState.WAITING ? null
                    : template != null && template.datetimeStart() != null ? template.datetimeStart() : Instant.now();
            Instant complete = state.isFinished()
                    ? (template.datetimeComplete() != null ? template.datetimeComplete() : Instant.now()) : null;
            long id;
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
                    id = k.getLong(1);
                }
            }
            if (template == null) {
                return new FrozenTrial(id, number, state, List.of(), start, null, Map.of(), Map.of(), new TreeMap<>(),
                        Map.of(), Map.of());
            }
            insertParams(c, studyId, id, template.internalParams(), template.distributions());
            insertValues(c, id, template.values());
            for (Map.Entry<Integer, Double> e : template.intermediateValues().entrySet()) {
                insertIntermediate(c, id, e.getKey(), e.getValue());
            }
            for (Map.Entry<String, Object> e : template.userAttrs().entrySet()) {
                upsertAttr(c, "trial_user_attributes", "trial_id", id, e.getKey(), Json.write(e.getValue()));
            }
            for (Map.Entry<String, Object> e : template.systemAttrs().entrySet()) {
                upsertAttr(c, "trial_system_attributes", "trial_id", id, e.getKey(), Json.write(e.getValue()));
            }
            return new FrozenTrial(id, number, state, template.values(), start, complete, template.internalParams(),
                    template.distributions(), template.intermediateValues(), template.userAttrs(),
                    template.systemAttrs());
        });
    }

    @Override
    public FrozenTrial startTrial(long studyId, boolean heartbeat) {
        // one transaction: after a crash the trial and its first heartbeat are both on disk or both gone
        long now = System.currentTimeMillis();
        Instant start = storedNow();
        long[] idAndNumber = writeTx(c -> {
            Long claimed = claimWaiting(c, studyId);
            long[] started = claimed != null ? new long[] {claimed, -1} : insertRunningTrial(c, studyId, start);
            if (heartbeat) {
                upsertHeartbeat(c, started[0], now);
            }
            return started;
        });
        if (idAndNumber[1] < 0) {
            return trial(idAndNumber[0]);
        }
        if (localFile) {
            untouchedTrials.put(idAndNumber[0], new StartedTrial((int) idAndNumber[1], start));
        }
        return new FrozenTrial(idAndNumber[0], (int) idAndNumber[1], TrialState.RUNNING, List.of(), start,
                null, Map.of(), Map.of(), new TreeMap<>(), Map.of(), Map.of());
    }

    /** Now, as the database keeps it (microseconds), so that what this storage knows equals what it stored. */
    private static Instant storedNow() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** Allocates the next number and inserts a RUNNING trial; returns {id, number}. */
    private static long[] insertRunningTrial(Connection c, long studyId, Instant start) throws SQLException {
        int number = nextTrialNumber(c, studyId);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO trials (study_id, trial_number, state, "
                + "datetime_start) VALUES (?, ?, 'RUNNING', ?)", new String[] {"trial_id"})) {
            p.setLong(1, studyId);
            p.setInt(2, number);
            p.setTimestamp(3, Timestamp.from(start));
            p.executeUpdate();
            try (ResultSet k = p.getGeneratedKeys()) {
                k.next();
                return new long[] {k.getLong(1), number};
            }
        }
    }

    /** Takes the next number of a study inside the caller's transaction (the counter row stays locked). */
    private static int nextTrialNumber(Connection c, long studyId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE studies SET next_trial_number = next_trial_number + 1 WHERE study_id = ?")) {
            p.setLong(1, studyId);
            if (p.executeUpdate() == 0) {
                throw new StudyNotFoundException("with id " + studyId);
            }
        }
        try (PreparedStatement p = c.prepareStatement("SELECT next_trial_number FROM studies WHERE study_id = ?")) {
            p.setLong(1, studyId);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1) - 1;
            }
        }
    }

    @Override
    public Optional<FrozenTrial> claimWaitingTrial(long studyId) {
        Long claimed = writeTx(c -> claimWaiting(c, studyId));
        return claimed == null ? Optional.empty() : Optional.of(trial(claimed));
    }

    /** Moves the oldest WAITING trial of a study to RUNNING; returns its id, or null. */
    private static Long claimWaiting(Connection c, long studyId) throws SQLException {
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

    @Override
    public void setTrialParam(long trialId, String name, double internalValue, Distribution distribution) {
        setTrialParams(trialId, Map.of(name, internalValue), Map.of(name, distribution));
    }

    @Override
    public void setTrialParams(long trialId, Map<String, Double> internalValues, Map<String, Distribution> distributions) {
        untouchedTrials.remove(trialId);
        checkContained(internalValues, distributions);
        boolean[] retried = {false};
        writeTx(c -> {
            long studyId = writableTrialStudy(c, trialId);
            Map<String, Double> toStore = internalValues;
            if (retried[0]) {
                // the first attempt may have committed before its answer was lost with the connection
                toStore = new LinkedHashMap<>(internalValues);
                toStore.keySet().removeAll(storedParamNames(c, trialId));
            }
            retried[0] = true;
            insertParams(c, studyId, trialId, toStore, distributions);
            return null;
        });
    }

    private static Set<String> storedParamNames(Connection c, long trialId) throws SQLException {
        Set<String> names = new java.util.HashSet<>();
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

    @Override
    public void finishTrial(long trialId, Map<String, Double> internalValues, Map<String, Distribution> distributions,
            TrialState state, List<Double> values) {
        checkContained(internalValues, distributions);
        List<Double> v = values == null ? List.of() : values;
        StartedTrial started = untouchedTrials.remove(trialId);
        Instant complete = storedNow();
        boolean[] retried = {false};
        endTrialTx(c -> {
            if (retried[0] && alreadyFinishedAs(c, trialId, state, v)) {
                // the first attempt committed but its answer was lost with the connection
                return endedTrial(c, trialStudy(c, trialId), trialId, state);
            }
            retried[0] = true;
            long studyId = writableTrialStudy(c, trialId);
            insertParams(c, studyId, trialId, internalValues, distributions);
            updateState(c, trialId, state, v, false, complete);
            if (started != null && state.isFinished()) {
                // nothing but its start and this end was written to it: no need to read it back
                return new JournalRecord(studyId, new FrozenTrial(trialId, started.number(), state, v, started.start(),
                        complete, internalValues, distributions, new TreeMap<>(), Map.of(), Map.of()));
            }
            return endedTrial(c, studyId, trialId, state);
        });
    }

    /** The trial as it ends, read back for the journal of an H2 file (null elsewhere, or if it does not end). */
    private JournalRecord endedTrial(Connection c, long studyId, long trialId, TrialState state) throws SQLException {
        if (!localFile || !state.isFinished()) {
            return null;
        }
        return new JournalRecord(studyId, readTrials(c, "t.trial_id = ?", trialId).get(0));
    }

    private static void checkContained(Map<String, Double> internalValues, Map<String, Distribution> distributions) {
        for (Map.Entry<String, Double> e : internalValues.entrySet()) {
            Distribution d = distributions.get(e.getKey());
            if (!d.contains(e.getValue())) {
                throw new IllegalArgumentException("value " + e.getValue() + " of parameter '" + e.getKey()
                        + "' is outside " + Distributions.describe(d));
            }
        }
    }

    private void insertParams(Connection c, long studyId, long trialId, Map<String, Double> internalValues,
            Map<String, Distribution> distributions) throws SQLException {
        if (internalValues.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Double> e : internalValues.entrySet()) {
            checkStoredDistribution(c, studyId, e.getKey(), distributions.get(e.getKey()));
        }
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

    @Override
    public void checkParamDistribution(long studyId, String name, Distribution distribution) {
        Distribution known = knownDistributions.getOrDefault(studyId, Map.of()).get(name);
        if (known == null) {
            known = inTx(c -> {
                try (PreparedStatement p = c.prepareStatement("SELECT distribution_json FROM study_param_distributions "
                        + "WHERE study_id = ? AND param_name = ?")) {
                    p.setLong(1, studyId);
                    p.setString(2, name);
                    try (ResultSet r = p.executeQuery()) {
                        return r.next() ? Distributions.fromJson(r.getString(1)) : null;
                    }
                }
            });
            if (known == null) {
                return;
            }
            knownDistributions.computeIfAbsent(studyId, k -> new ConcurrentHashMap<>()).put(name, known);
        }
        if (!known.equals(distribution)) {
            throw conflict(studyId, name, known, distribution);
        }
    }

    /** Checks a distribution against this process's cache only (no database access). */
    private void checkKnownDistribution(long studyId, String name, Distribution d) {
        Distribution known = knownDistributions.getOrDefault(studyId, Map.of()).get(name);
        if (known != null && !known.equals(d)) {
            throw conflict(studyId, name, known, d);
        }
    }

    private IllegalArgumentException conflict(long studyId, String name, Distribution known, Distribution d) {
        return new IllegalArgumentException("parameter '" + name + "' was already suggested in study " + studyId
                + " as " + Distributions.describe(known) + " and cannot now be " + Distributions.describe(d));
    }

    /** The first distribution stored for a name in a study wins; later ones must equal it. */
    private void checkStoredDistribution(Connection c, long studyId, String name, Distribution d) throws SQLException {
        Map<String, Distribution> cache = knownDistributions.computeIfAbsent(studyId, k -> new ConcurrentHashMap<>());
        Distribution known = cache.get(name);
        if (known == null) {
            try (PreparedStatement p = c.prepareStatement("SELECT distribution_json FROM study_param_distributions "
                    + "WHERE study_id = ? AND param_name = ?")) {
                p.setLong(1, studyId);
                p.setString(2, name);
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) {
                        known = Distributions.fromJson(r.getString(1));
                    }
                }
            }
            if (known == null) {
                java.sql.Savepoint before = c.setSavepoint();
                try (PreparedStatement p = c.prepareStatement("INSERT INTO study_param_distributions "
                        + "(study_id, param_name, distribution_json) VALUES (?, ?, ?)")) {
                    p.setLong(1, studyId);
                    p.setString(2, name);
                    p.setString(3, Distributions.toJson(d));
                    p.executeUpdate();
                    // not cached yet: this transaction may still roll back
                    known = d;
                } catch (SQLException e) {
                    if (!JdbcErrors.isUniqueViolation(e)) {
                        throw e;
                    }
                    // another worker stored this name first: its distribution rules
                    c.rollback(before);
                    try (PreparedStatement p = c.prepareStatement("SELECT distribution_json FROM "
                            + "study_param_distributions WHERE study_id = ? AND param_name = ?")) {
                        p.setLong(1, studyId);
                        p.setString(2, name);
                        try (ResultSet r = p.executeQuery()) {
                            r.next();
                            known = Distributions.fromJson(r.getString(1));
                        }
                    }
                    cache.put(name, known);
                }
            } else {
                cache.put(name, known);
            }
        }
        if (!known.equals(d)) {
            throw conflict(studyId, name, known, d);
        }
    }

    /** Locks a trial that must not be finished and returns its study id. */
    private long writableTrialStudy(Connection c, long trialId) throws SQLException {
        PreparedStatement p = lockTrialStatements.get(c);
        if (p == null) {
            p = c.prepareStatement("SELECT study_id, state, trial_number FROM trials WHERE trial_id = ? FOR UPDATE");
            lockTrialStatements.put(c, p);
        }
        p.setLong(1, trialId);
        try (ResultSet r = p.executeQuery()) {
            if (!r.next()) {
                throw new IllegalArgumentException("no trial with id " + trialId);
            }
            TrialState state = TrialState.valueOf(r.getString(2));
            if (state.isFinished()) {
                throw new TrialFinishedException(r.getInt(3), state);
            }
            return r.getLong(1);
        }
    }

    @Override
    public void setTrialStateValues(long trialId, TrialState state, List<Double> values) {
        untouchedTrials.remove(trialId);
        List<Double> v = values == null ? List.of() : values;
        if (!state.isFinished()) {
            durableTx(c -> {
                writableTrialStudy(c, trialId);
                updateState(c, trialId, state, v, true, storedNow());
                return null;
            });
            return;
        }
        boolean[] retried = {false};
        JournalRecord ended = endTrialTx(c -> {
            if (retried[0] && alreadyFinishedAs(c, trialId, state, v)) {
                // the first attempt committed but its answer was lost with the connection
                return endedTrial(c, trialStudy(c, trialId), trialId, state);
            }
            retried[0] = true;
            long studyId = writableTrialStudy(c, trialId);
            updateState(c, trialId, state, v, true, storedNow());
            return endedTrial(c, studyId, trialId, state);
        });
        if (ended != null) {
            remember(ended.trial());
        }
    }

    private static long trialStudy(Connection c, long trialId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT study_id FROM trials WHERE trial_id = ?")) {
            p.setLong(1, trialId);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * Sets a trial's state and values. {@code replaceValues} deletes values stored earlier (only the
     * general {@link #setTrialStateValues} can meet any; finishing a trial from the API cannot).
     * Heartbeat rows of finished trials stay: the stale-trial check only looks at RUNNING trials.
     */
    private static void updateState(Connection c, long trialId, TrialState state, List<Double> values,
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
    private static boolean alreadyFinishedAs(Connection c, long trialId, TrialState state, List<Double> values)
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

    @Override
    public boolean setTrialIntermediateValue(long trialId, int step, double value) {
        untouchedTrials.remove(trialId);
        return writeTx(c -> {
            writableTrialStudy(c, trialId);
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
        });
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

    @Override
    public void setTrialUserAttr(long trialId, String key, Object value) {
        setTrialAttr("trial_user_attributes", trialId, key, value);
    }

    @Override
    public void setTrialSystemAttr(long trialId, String key, Object value) {
        setTrialAttr("trial_system_attributes", trialId, key, value);
    }

    private void setTrialAttr(String table, long trialId, String key, Object value) {
        untouchedTrials.remove(trialId);
        String json = Json.write(Json.freeze(value));
        writeTx(c -> {
            writableTrialStudy(c, trialId);
            upsertAttr(c, table, "trial_id", trialId, key, json);
            return null;
        });
    }

    // ---- reading trials ----

    @Override
    public FrozenTrial trial(long trialId) {
        FrozenTrial cached = finishedTrials.get(trialId);
        if (cached != null) {
            return cached;
        }
        List<FrozenTrial> read = snapshot(c -> readTrials(c, "t.trial_id = ?", trialId));
        if (read.isEmpty()) {
            throw new IllegalArgumentException("no trial with id " + trialId);
        }
        return remember(read.get(0));
    }

    private FrozenTrial remember(FrozenTrial t) {
        if (t.state().isFinished()) {
            finishedTrials.put(t.id(), t);
        }
        return t;
    }

    @Override
    public List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
        return snapshot(c -> {
            requireStudy(c, studyId);
            // ids and states first; details only for trials not already cached as finished
            List<long[]> rows = new ArrayList<>();
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
                        rows.add(new long[] {id});
                        if (!finishedTrials.containsKey(id)) {
                            minUncached = Math.min(minUncached, id);
                        }
                    }
                }
            }
            Map<Long, FrozenTrial> fresh = new HashMap<>();
            if (minUncached != Long.MAX_VALUE) {
                for (FrozenTrial t : readTrials(c, "t.study_id = ? AND t.trial_id >= ?", studyId, minUncached)) {
                    fresh.put(t.id(), remember(t));
                }
            }
            List<FrozenTrial> out = new ArrayList<>(rows.size());
            for (long[] row : rows) {
                FrozenTrial t = fresh.get(row[0]);
                if (t == null) {
                    t = finishedTrials.get(row[0]);
                }
                if (t != null && (states.isEmpty() || states.contains(t.state()))) {
                    out.add(t);
                }
            }
            return Collections.unmodifiableList(out);
        });
    }

    /** Reads whole trials matching a condition on {@code trials t}, in number order. */
    private static List<FrozenTrial> readTrials(Connection c, String where, Object... args) throws SQLException {
        Map<Long, TrialRow> rows = new LinkedHashMap<>();
        try (PreparedStatement p = prepare(c, "SELECT t.trial_id, t.trial_number, t.state, t.datetime_start, "
                + "t.datetime_complete FROM trials t WHERE " + where + " ORDER BY t.trial_number", args);
                ResultSet r = p.executeQuery()) {
            while (r.next()) {
                TrialRow row = new TrialRow(r.getLong(1), r.getInt(2), TrialState.valueOf(r.getString(3)),
                        instant(r.getTimestamp(4)), instant(r.getTimestamp(5)));
                rows.put(row.id, row);
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        String join = " JOIN trials t ON t.trial_id = x.trial_id WHERE " + where;
        try (PreparedStatement p = prepare(c, "SELECT x.trial_id, x.param_name, x.param_value, x.distribution_json "
                + "FROM trial_params x" + join + " ORDER BY x.trial_id, x.param_seq", args); ResultSet r = p.executeQuery()) {
            Map<String, Distribution> parsed = new HashMap<>();
            while (r.next()) {
                TrialRow row = rows.get(r.getLong(1));
                String name = r.getString(2);
                row.params.put(name, r.getDouble(3));
                row.distributions.put(name, parsed.computeIfAbsent(r.getString(4), Distributions::fromJson));
            }
        }
        try (PreparedStatement p = prepare(c, "SELECT x.trial_id, x.objective, x.objective_value FROM trial_values x"
                + join + " ORDER BY x.trial_id, x.objective", args); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                rows.get(r.getLong(1)).values.add(r.getDouble(3));
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
                    + "_attributes x" + join + " ORDER BY x.trial_id, x.attr_key", args); ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    TrialRow row = rows.get(r.getLong(1));
                    (kind.equals("user") ? row.userAttrs : row.systemAttrs).put(r.getString(2), Json.read(r.getString(3)));
                }
            }
        }
        return rows.values().stream().map(TrialRow::freeze).collect(Collectors.toList());
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

    private static final class TrialRow {
        final long id;
        final int number;
        final TrialState state;
        final Instant start;
        final Instant complete;
        final Map<String, Double> params = new LinkedHashMap<>();
        final Map<String, Distribution> distributions = new LinkedHashMap<>();
        final List<Double> values = new ArrayList<>();
        final TreeMap<Integer, Double> intermediate = new TreeMap<>();
        final Map<String, Object> userAttrs = new LinkedHashMap<>();
        final Map<String, Object> systemAttrs = new LinkedHashMap<>();

        TrialRow(long id, int number, TrialState state, Instant start, Instant complete) {
            this.id = id;
            this.number = number;
            this.state = state;
            this.start = start;
            this.complete = complete;
        }

        FrozenTrial freeze() {
            return new FrozenTrial(id, number, state, values, start, complete, params, distributions, intermediate,
                    userAttrs, systemAttrs);
        }
    }

    @Override
    public int countTrials(long studyId, Set<TrialState> states) {
        return inTx(c -> {
            requireStudy(c, studyId);
            String filter = states.isEmpty() ? "" : " AND state IN (" + states.stream().map(s -> "'" + s.name() + "'")
                    .collect(Collectors.joining(",")) + ")";
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM trials WHERE study_id = ?" + filter)) {
                p.setLong(1, studyId);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }

    // ---- heartbeats ----

    @Override
    public void recordHeartbeat(long trialId) {
        long now = System.currentTimeMillis();
        writeTx(c -> {
            writableTrialStudy(c, trialId);
            upsertHeartbeat(c, trialId, now);
            return null;
        });
    }

    private static void upsertHeartbeat(Connection c, long trialId, long epochMillis) throws SQLException {
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

    @Override
    public List<FrozenTrial> failStaleTrials(long studyId, Duration grace) {
        long limit = System.currentTimeMillis() - grace.toMillis();
        List<Long> failed = writeTx(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT t.trial_id FROM trials t JOIN trial_heartbeats h "
                    + "ON h.trial_id = t.trial_id WHERE t.study_id = ? AND t.state = 'RUNNING' AND h.heartbeat_ms < ? "
                    + "FOR UPDATE")) {
                p.setLong(1, studyId);
                p.setLong(2, limit);
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
                        upsertAttr(c, "trial_system_attributes", "trial_id", id, FrozenTrial.FAIL_REASON,
                                Json.write("stale heartbeat"));
                        done.add(id);
                    }
                }
            }
            return done;
        });
        List<FrozenTrial> out = new ArrayList<>();
        for (long id : failed) {
            out.add(trial(id));
        }
        return out;
    }
}
