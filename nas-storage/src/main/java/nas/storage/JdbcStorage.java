package nas.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.Distribution;
import nas.api.distribution.Distributions;
import nas.api.json.Json;
import nas.api.storage.Storage;
import nas.api.storage.StudyInfo;
import nas.api.storage.TrialKeys;

/**
 * Studies in a relational database: an H2 file by default, PostgreSQL when several machines share
 * a study. Every call is one transaction; trial numbers come from a per-study counter row updated
 * inside the trial's creating transaction, so concurrent workers never collide.
 *
 * <p>This class only maps the storage contract onto its parts, each with one job:
 * {@link StorageUrl} (URLs and dialect settings), {@link Transactions} (connections, transactions,
 * retries and group commit), {@link StudyQueries} and {@link TrialWrites} / {@link TrialReads} (the
 * SQL), {@link TrialLocks}, {@link ParamDistributions} and {@link FinishedTrials} (what this process
 * caches).
 *
 * <p>An H2 file has one owner process: opened here, it is this process's alone (no
 * {@code AUTO_SERVER}); processes that share a file talk to the {@code nas server} that owns it.
 * A write that a crash must not lose returns once its commit is in the file ({@link GroupCommit}:
 * concurrent writers share one store of the file): studies and their attributes, created and
 * finished trials. The start of a trial, its parameters, intermediate values and heartbeats are
 * stored with the next of those, or by H2's background writer within 0.5 s: a crash of this
 * process loses them together with the process that was running the trial. A storage server
 * ({@link #openForServer}) stores those too before answering, since its clients outlive it.
 */
public final class JdbcStorage implements Storage, RunStorage {

    /** The default storage: an H2 file {@code nas-studies.mv.db} in the working directory. */
    public static final String DEFAULT_URL = "jdbc:h2:./nas-studies";

    /** How long a call retries a lost connection or a lock timeout before it gives up. */
    public static final Duration DEFAULT_RETRY_BUDGET = Duration.ofSeconds(30);

    private final StorageUrl url;
    private final Transactions tx;
    private final TrialLocks locks = new TrialLocks();
    private final ParamDistributions distributions = new ParamDistributions();
    private final FinishedTrials finished = new FinishedTrials(distributions);
    /** What an H2 file is known to hold (null for other databases). */
    private final HighWaterMark mark;
    /** The studies' best trials, kept when this process is the only writer (an H2 file); else null. */
    private final BestTrials bestTrials;
    private final java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final RunStore runs;
    /** Whether other processes reach this storage through a server (they outlive it). */
    private final boolean servesOthers;
    private final long openedNanos = System.nanoTime();
    /** When the last {@link #compact} ended ({@link System#nanoTime()}); meaningful once {@link #compacted}. */
    private volatile long resumedNanos;
    private volatile boolean compacted;

    private JdbcStorage(StorageUrl url, Duration retryBudget, boolean servesOthers, int connectionLimit) {
        this.url = url;
        this.servesOthers = servesOthers;
        this.tx = new Transactions(url, retryBudget, servesOthers, connectionLimit);
        HighWaterMark fileMark = url.localFile() ? HighWaterMark.of(url.databaseFile()) : null;
        this.mark = fileMark != null && (!url.readOnly() || fileMark.readable()) ? fileMark : null;
        // read-only, this process never learns of the trials its owner finishes meanwhile: no cache
        this.bestTrials = url.localFile() && !url.readOnly() ? BestTrials.acquire(url.databaseFile()) : null;
        this.runs = new JdbcRunStore(tx);
    }

    /**
     * Opens (creating if needed) the database at {@code url} and brings its schema up to date. An H2 file is
     * then held by this process alone until {@link #close()}: opening one another process holds (a {@code nas}
     * command's storage server, another program) is an {@link IllegalArgumentException} saying so;
     * {@code nas.server.SharedStorage.open(url)} reaches such a file through its server instead.
     *
     * @throws IllegalArgumentException for a malformed or unsupported URL, or an H2 file another process has open
     * @throws nas.api.exception.StorageException when the database cannot be opened
     */
    public static JdbcStorage open(String url) {
        return open(url, true);
    }

    /**
     * Opens the database at {@code url}. With {@code create} false an H2 file that does not exist
     * is an error instead of being created (for commands that only read).
     *
     * @throws IllegalArgumentException for a malformed or unsupported URL, or a missing database
     * @throws nas.api.exception.StorageException when the database cannot be opened
     */
    public static JdbcStorage open(String url, boolean create) {
        return open(url, create, DEFAULT_RETRY_BUDGET);
    }

    /**
     * Opens the database at {@code url}, retrying lost connections and lock timeouts of each call
     * for at most {@code retryBudget} before reporting them as a {@link nas.api.exception.StorageException}.
     */
    public static JdbcStorage open(String url, boolean create, Duration retryBudget) {
        Objects.requireNonNull(url, "url");
        if (retryBudget.isNegative()) {
            throw new IllegalArgumentException("the retry budget must be >= 0, but got " + retryBudget);
        }
        return open(url, create, retryBudget, false, 0);
    }

    /**
     * Opens an H2 file for a storage server: its clients outlive it, so every write (the start of
     * a trial, its parameters, heartbeats too) is in the file before the call returns, not only
     * those that a crash of this process must not lose.
     */
    public static JdbcStorage openForServer(String url) {
        return openForServer(url, 0);
    }

    /**
     * Opens a database for a storage server, as {@link #openForServer(String)}, with at most
     * {@code connectionLimit} connections to it at once (0: one per concurrent call): in front of
     * PostgreSQL, any number of workers then share that many connections.
     */
    public static JdbcStorage openForServer(String url, int connectionLimit) {
        if (connectionLimit < 0) {
            throw new IllegalArgumentException("the connection limit must be >= 0, but got " + connectionLimit);
        }
        // the server closes the storage itself when it stops (also on SIGTERM, in its shutdown hook),
        // writing the high-water mark first; H2's own hook would close the database before that
        String own = StorageUrl.resolve(url);
        if (Dialect.of(own) == Dialect.H2 && !own.toLowerCase(java.util.Locale.ROOT).contains("db_close_on_exit=")) {
            own += ";DB_CLOSE_ON_EXIT=FALSE";
        }
        // H2's write delay stays at its default: WRITE_DELAY=0 would end its background writer but make H2
        // store at the end of every commit, inside it, while other connections commit, the overlap that
        // group commit keeps out of its own stores (H2 issue 2080; README, "Group commit")
        // a command reading the file read-only (another user's) holds it for a moment: wait for it, not fail
        long deadline = System.nanoTime() + IN_USE_WAIT.toNanos();
        while (true) {
            try {
                return open(own, true, DEFAULT_RETRY_BUDGET, true, connectionLimit);
            } catch (Transactions.FileInUse e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * How long a storage server waits for a file another process has open: a read-only reader of it lets it go
     * within {@link Transactions#READ_ONLY_RELEASE} of its last call.
     */
    static final Duration IN_USE_WAIT = Duration.ofSeconds(20);

    /**
     * Opens an existing H2 file read-only, in this process and without a server: for reading a file this process
     * cannot write ({@link #whyNotWritable}), such as another user's study or an archive. Nothing is written to the
     * file or beside it (H2's {@code ACCESS_MODE_DATA=r}: no lock file, no trace file; no high-water mark, no
     * migration). H2 takes a shared OS lock on the file, so the open fails, with a message that says so, while a
     * process has the file open for writing (its owner's server), and the owner cannot open it for writing while it
     * is open here. A write through the storage fails. H2 keeps one database per file in a JVM: in a JVM that has
     * the file open for writing already, this open gets that database (it reads it as it is now, and still writes
     * nothing); a writable open in a JVM where a read-only storage has the file open gets the read-only database,
     * and its writes fail. Commands run in processes of their own and never meet this.
     *
     * @throws IllegalArgumentException for a URL that names no local H2 file, a missing or unreadable file, one of
     *                                  another schema version, or one a process has open for writing
     */
    public static JdbcStorage openReadOnly(String url) {
        Objects.requireNonNull(url, "url");
        return open(StorageUrl.readOnly(url), DEFAULT_RETRY_BUDGET, false, 0);
    }

    /**
     * Why this process cannot write the existing H2 file {@code url} names (the file's or its directory's
     * permissions, a read-only mount): then only {@link #openReadOnly} opens it. Empty when it can, and for a URL
     * that names no existing local H2 file.
     *
     * @throws IllegalArgumentException for a malformed or unsupported URL
     */
    public static Optional<String> whyNotWritable(String url) {
        return StorageUrl.whyNotWritable(url);
    }

    private static JdbcStorage open(String url, boolean create, Duration retryBudget, boolean servesOthers,
            int connectionLimit) {
        return open(StorageUrl.of(url, create), retryBudget, servesOthers, connectionLimit);
    }

    private static JdbcStorage open(StorageUrl resolved, Duration retryBudget, boolean servesOthers,
            int connectionLimit) {
        JdbcStorage storage = new JdbcStorage(resolved, retryBudget, servesOthers, connectionLimit);
        try {
            if (storage.mark != null) {
                storage.mark.checkExists();
            }
            storage.tx.inTx(c -> {
                if (storage.mark != null) {
                    // before the migrations write anything: a damaged file is refused as it is
                    storage.mark.verify(c);
                }
                if (resolved.readOnly()) {
                    Migrations.requireCurrent(c, resolved.shownName());
                    return null;
                }
                Migrations.migrate(c, resolved.dialect());
                if (resolved.dialect() == Dialect.H2) {
                    InplaceLobs.apply(c);
                }
                return null;
            });
            storage.tx.markOpened();
        } catch (RuntimeException e) {
            storage.tx.close();
            storage.releaseBestTrials();
            if (storage.mark != null && e instanceof IllegalArgumentException && !storage.mark.read().isEmpty()
                    && e.getMessage().contains("not an H2 database")) {
                throw storage.mark.unreadable();
            }
            throw e;
        }
        return storage;
    }

    /**
     * The {@code .mv.db} file {@code url} names when it is a local H2 file (not in memory, not over
     * TCP), whether or not it exists; empty for other databases.
     *
     * @throws IllegalArgumentException for a malformed or unsupported URL
     */
    public static java.util.Optional<java.nio.file.Path> h2File(String url) {
        return StorageUrl.localH2File(url);
    }

    /**
     * Checks {@code url} as {@link #open(String, boolean)} would before connecting: its form, and
     * for an H2 file that it exists (unless {@code create}) and that its directory is writable.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static void check(String url, boolean create) {
        StorageUrl.of(url, create);
    }

    /**
     * How many writes waited for the file and how many stores of the file served them (on an H2
     * file; zeros elsewhere): writes per store is the size of the average commit group.
     */
    public long[] writesAndStores() {
        return tx.commitsAndStores();
    }

    /**
     * For measurements, on an H2 file (zeros elsewhere): nanoseconds spent storing the file, and
     * summed over the writes of {@link #writesAndStores} the time from each commit until it was
     * stored (its store, or the one it shared, and any wait for a store under way).
     */
    public long[] storeAndDurableNanos() {
        return tx.storeAndDurableNanos();
    }

    /** How many times the commits on an H2 file were forced to disk (at short intervals while writes come). */
    long syncs() {
        return tx.syncs();
    }

    /** The most database connections this storage had in use at one time. */
    public int mostConnectionsInUse() {
        return tx.mostConnectionsInUse();
    }

    /**
     * What {@link #compact} did.
     *
     * @param bytesBefore the file's size before
     * @param bytesAfter  its size after
     * @param bytesNeeded the free space asked for beside it (the estimate of its live data, with a margin)
     * @param waitNanos   how long the compaction waited for the calls in progress
     * @param nanos       how long the compaction took, the wait not included
     */
    public record Compaction(long bytesBefore, long bytesAfter, long bytesNeeded, long waitNanos, long nanos) {
    }

    /** The suffix of the file H2 writes the compacted copy to, beside the database file, before it replaces it. */
    public static final String COMPACT_TEMP_SUFFIX = ".tempFile";

    /**
     * Rewrites this storage's H2 file to its live data ({@code SHUTDOWN COMPACT}): every other call of this storage
     * waits meanwhile (none fails), then goes on with the smaller file. H2 writes the live pages to a new file beside
     * the database ({@link #COMPACT_TEMP_SUFFIX}), then renames it over the database file, an atomic replace: a
     * process killed at any moment leaves the old file or the new one, each whole (an old new file left behind is
     * removed by H2 when it next opens the database). The new file and its directory are forced to disk after the
     * rename. Refused, with nothing done, when the disk has less free space than the estimate of the live data (H2's
     * own fill rates) with a margin.
     *
     * @return the sizes and times
     * @throws IllegalArgumentException for a storage that is not an H2 file opened for writing, or too little free space
     */
    public Compaction compact() {
        if (!url.localFile() || url.readOnly()) {
            throw new IllegalArgumentException("only an H2 file opened for writing can be compacted; "
                    + url.shownName() + " is not one");
        }
        java.nio.file.Path file = url.databaseFile();
        long asked = System.nanoTime();
        long[] done = tx.alone(c -> {
            long started = System.nanoTime();
            long before;
            long needed;
            java.util.Set<java.nio.file.attribute.PosixFilePermission> mode;
            try {
                mode = java.nio.file.Files.getPosixFilePermissions(file);
                // everything committed is stored first: the estimate then sees the file as it is
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("CHECKPOINT");
                }
                c.commit();
                before = java.nio.file.Files.size(file);
                needed = neededForCompaction(c, before);
                long free = java.nio.file.Files.getFileStore(file.toAbsolutePath().getParent()).getUsableSpace();
                if (free < needed) {
                    throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "not enough free disk to "
                            + "compact %s: H2 writes the live data (about %,d MB) to a new file beside it first, and "
                            + "%,d MB are free there; free at least %,d MB and run it again (nothing was changed)",
                            file, needed / 1_000_000, free / 1_000_000, (needed - free) / 1_000_000 + 1));
                }
            } catch (java.io.IOException e) {
                throw new nas.api.exception.StorageException("cannot compact " + file + ": " + e, e);
            }
            boolean ours = mark == null || mark.fileUnchanged();
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
            long after;
            try {
                // the copy is made with this process's umask: it keeps the permissions of the file it replaces
                java.nio.file.Files.setPosixFilePermissions(file, mode);
                forceToDisk(file);
                after = java.nio.file.Files.size(file);
            } catch (java.io.IOException e) {
                throw new nas.api.exception.StorageException("compacted " + file + " but cannot read it: " + e, e);
            }
            if (mark != null && ours) {
                // the file was replaced by its compacted copy: the mark goes on guarding the new one
                mark.reidentify();
            }
            return new long[] {before, after, needed, started};
        });
        // the database is open again: the calls held back go on
        resumedNanos = System.nanoTime();
        compacted = true;
        return new Compaction(done[0], done[1], done[2], done[3] - asked, resumedNanos - done[3]);
    }

    /**
     * The free space a compaction asks for: H2's estimate of the live data (the file's size, times the share of it
     * in use, times the live share of that), with a tenth and 16 MB more. The copy H2 writes is compressed, so it is
     * smaller than the live pages.
     */
    private static long neededForCompaction(Connection c, long fileBytes) throws SQLException {
        Map<String, String> info = new java.util.HashMap<>();
        try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery("SELECT SETTING_NAME, "
                + "SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN ('info.FILL_RATE', "
                + "'info.CHUNKS_FILL_RATE')")) {
            while (r.next()) {
                info.put(r.getString(1), r.getString(2).trim());
            }
        }
        c.commit();
        double live = fileBytes;
        try {
            live *= Math.min(100, Integer.parseInt(info.getOrDefault("info.FILL_RATE", "100"))) / 100.0;
            live *= Math.min(100, Integer.parseInt(info.getOrDefault("info.CHUNKS_FILL_RATE", "100"))) / 100.0;
        } catch (NumberFormatException e) {
            live = fileBytes;
        }
        return (long) (live * 1.1) + 16_000_000L;
    }

    /** Forces {@code file} and its directory (the rename that put it there) to disk. */
    private static void forceToDisk(java.nio.file.Path file) throws java.io.IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.READ)) {
            ch.force(true);
        }
        try (java.nio.channels.FileChannel dir = java.nio.channels.FileChannel.open(file.toAbsolutePath().getParent(),
                java.nio.file.StandardOpenOption.READ)) {
            dir.force(true);
        } catch (java.io.IOException e) {
            // a file system that cannot force a directory: the rename reaches the disk with its next write
        }
    }

    /** The evolution runs ({@code nas evolve}) in the same database. */
    @Override
    public RunStore runs() {
        return runs;
    }

    /** The database as messages name it: the file, or the URL without its password. */
    public String shownName() {
        return url.shownName();
    }

    /** The JDBC URL in use (with the settings NAS added). */
    public String url() {
        return url.jdbcUrl();
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return; // a storage server closes it when it stops and again as its try-with-resources ends
        }
        if (mark != null && !url.readOnly()) {
            try {
                tx.inTx(c -> {
                    mark.writeIfChanged(c);
                    return null;
                });
            } catch (RuntimeException e) {
                // a database that is gone keeps the mark it had: it only ever lags
            }
        }
        tx.close();
        releaseBestTrials();
    }

    private void releaseBestTrials() {
        if (bestTrials != null && !released.getAndSet(true)) {
            BestTrials.release(url.databaseFile());
        }
    }

    /** After a trial finished (committed): the best trial follows at once, the mark now and then. */
    private void markFinished(long studyId, long trialId, int number, TrialState state, List<Double> values) {
        if (bestTrials != null && state == TrialState.COMPLETE && values.size() == 1) {
            bestTrials.offer(studyId, trialId, number, values.get(0));
        }
        if (mark != null) {
            mark.finished(studyId, number, state);
            if (mark.due()) {
                tx.inTx(c -> {
                    mark.update(c, -1);
                    return null;
                });
            }
        }
    }

    // ---- studies ----

    @Override
    public long createStudy(String name, List<StudyDirection> directions) {
        nas.api.Studies.checkName(name);
        if (directions == null || directions.isEmpty()) {
            throw new IllegalArgumentException("a study needs at least one direction");
        }
        if (name.length() > 512) {
            throw new IllegalArgumentException("a study name has at most 512 characters, but got " + name.length());
        }
        return tx.durable(c -> StudyQueries.insert(c, name, directions));
    }

    @Override
    public void deleteStudy(long studyId) {
        if (mark != null && !url.readOnly()) {
            tx.inTx(c -> {
                mark.forget(c, studyId);
                return null;
            });
        }
        tx.durable(c -> {
            StudyQueries.delete(c, studyId);
            return null;
        });
        distributions.forget(studyId);
        if (bestTrials != null) {
            bestTrials.forget(studyId);
        }
    }

    @Override
    public OptionalLong findStudy(String name) {
        return tx.inTx(c -> StudyQueries.find(c, name));
    }

    @Override
    public String studyName(long studyId) {
        return tx.inTx(c -> StudyQueries.requireStudy(c, studyId));
    }

    @Override
    public List<StudyDirection> studyDirections(long studyId) {
        return tx.inTx(c -> {
            StudyQueries.requireStudy(c, studyId);
            return StudyQueries.directions(c, studyId);
        });
    }

    @Override
    public List<StudyInfo> studies() {
        return tx.inTx(StudyQueries::all);
    }

    @Override
    public Map<String, Object> studyUserAttrs(long studyId) {
        return studyAttrs("study_user_attributes", studyId);
    }

    @Override
    public Map<String, Object> studySystemAttrs(long studyId) {
        return studyAttrs("study_system_attributes", studyId);
    }

    private Map<String, Object> studyAttrs(String table, long studyId) {
        return tx.inTx(c -> {
            StudyQueries.requireStudy(c, studyId);
            return StudyQueries.attrs(c, table, "study_id", studyId);
        });
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
        tx.durable(c -> {
            StudyQueries.requireStudy(c, studyId);
            StudyQueries.upsertAttr(c, table, "study_id", studyId, key, json);
            return null;
        });
    }

    @Override
    public boolean compareAndSetStudySystemAttr(long studyId, String key, Object expected, Object value) {
        Object expectedFrozen = Json.freeze(expected);
        String json = Json.write(Json.freeze(value));
        return tx.durable(c -> StudyQueries.compareAndSetSystemAttr(c, studyId, key, expectedFrozen, json));
    }

    // ---- trials ----

    @Override
    public FrozenTrial createTrial(long studyId, FrozenTrial template) {
        if (template != null) {
            for (Map.Entry<String, Distribution> e : template.distributions().entrySet()) {
                Distribution known = distributions.cachedConflict(studyId, e.getKey(), e.getValue());
                if (known != null) {
                    throw ParamDistributions.conflict(studyName(studyId), e.getKey(), known, e.getValue());
                }
            }
        }
        FrozenTrial created = tx.durable(c -> {
            int number = TrialWrites.nextNumber(c, studyId);
            TrialState state = template == null ? TrialState.RUNNING : template.state();
            Instant start = state == TrialState.WAITING ? null
                    : template != null && template.datetimeStart() != null ? template.datetimeStart() : Instant.now();
            Instant complete = state.isFinished()
                    ? (template.datetimeComplete() != null ? template.datetimeComplete() : Instant.now()) : null;
            long id = TrialWrites.insertRow(c, studyId, number, state, start, complete);
            if (template == null) {
                return new FrozenTrial(id, number, state, List.of(), start, null, Map.of(), Map.of(), new TreeMap<>(),
                        Map.of(), Map.of());
            }
            insertParams(c, studyId, id, template.internalParams(), template.distributions());
            TrialWrites.insertContents(c, id, template);
            return new FrozenTrial(id, number, state, template.values(), start, complete, template.internalParams(),
                    template.distributions(), template.intermediateValues(), template.userAttrs(),
                    template.systemAttrs());
        });
        markFinished(studyId, created.id(), created.number(), created.state(), created.values());
        return created;
    }

    @Override
    public FrozenTrial startTrial(long studyId, boolean heartbeat) {
        // one transaction: after a crash the trial and its first heartbeat are both on disk or both gone
        long now = System.currentTimeMillis();
        Instant start = storedNow();
        long[] idAndNumber = tx.write(c -> {
            Long claimed = TrialWrites.claimWaiting(c, studyId);
            long[] started = claimed != null ? new long[] {claimed, -1} : TrialWrites.insertRunning(c, studyId, start);
            if (heartbeat) {
                TrialWrites.upsertHeartbeat(c, started[0], now);
            }
            return started;
        });
        if (idAndNumber[1] < 0) {
            return trial(idAndNumber[0]);
        }
        return new FrozenTrial(idAndNumber[0], (int) idAndNumber[1], TrialState.RUNNING, List.of(), start,
                null, Map.of(), Map.of(), new TreeMap<>(), Map.of(), Map.of());
    }

    /** Now, as the database keeps it (microseconds), so that what this storage knows equals what it stored. */
    private static Instant storedNow() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public Optional<FrozenTrial> claimWaitingTrial(long studyId) {
        Long claimed = tx.write(c -> TrialWrites.claimWaiting(c, studyId));
        return claimed == null ? Optional.empty() : Optional.of(trial(claimed));
    }

    @Override
    public void setTrialParam(long trialId, String name, double internalValue, Distribution distribution) {
        setTrialParams(trialId, Map.of(name, internalValue), Map.of(name, distribution));
    }

    @Override
    public void setTrialParams(long trialId, Map<String, Double> internalValues, Map<String, Distribution> distributions) {
        checkContained(internalValues, distributions);
        boolean[] retried = {false};
        tx.write(c -> {
            long studyId = locks.lockWritable(c, trialId);
            Map<String, Double> toStore = internalValues;
            if (retried[0]) {
                // the first attempt may have committed before its answer was lost with the connection
                toStore = new LinkedHashMap<>(internalValues);
                toStore.keySet().removeAll(TrialWrites.storedParamNames(c, trialId));
            }
            retried[0] = true;
            insertParams(c, studyId, trialId, toStore, distributions);
            return null;
        });
    }

    @Override
    public void finishTrial(long trialId, Map<String, Double> internalValues, Map<String, Distribution> distributions,
            TrialState state, List<Double> values) {
        checkContained(internalValues, distributions);
        List<Double> v = values == null ? List.of() : values;
        Instant complete = storedNow();
        boolean[] retried = {false};
        long[] ended = tx.durable(c -> {
            if (retried[0] && TrialWrites.alreadyFinishedAs(c, trialId, state, v)) {
                // the first attempt committed but its answer was lost with the connection
                return TrialWrites.studyAndNumber(c, trialId);
            }
            retried[0] = true;
            long[] trial = locks.lockWritableTrial(c, trialId);
            insertParams(c, trial[0], trialId, internalValues, distributions);
            TrialWrites.updateState(c, trialId, state, v, false, complete);
            return trial;
        });
        markFinished(ended[0], trialId, (int) ended[1], state, v);
    }

    @Override
    public void setTrialStateValues(long trialId, TrialState state, List<Double> values) {
        List<Double> v = values == null ? List.of() : values;
        if (!state.isFinished()) {
            tx.durable(c -> {
                locks.lockWritable(c, trialId);
                TrialWrites.updateState(c, trialId, state, v, true, storedNow());
                return null;
            });
            return;
        }
        boolean[] retried = {false};
        long[] ended = tx.durable(c -> {
            if (retried[0] && TrialWrites.alreadyFinishedAs(c, trialId, state, v)) {
                // the first attempt committed but its answer was lost with the connection
                return TrialWrites.studyAndNumber(c, trialId);
            }
            retried[0] = true;
            long[] trial = locks.lockWritableTrial(c, trialId);
            TrialWrites.updateState(c, trialId, state, v, true, storedNow());
            return trial;
        });
        markFinished(ended[0], trialId, (int) ended[1], state, v);
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
            Map<String, Distribution> dists) throws SQLException {
        if (internalValues.isEmpty()) {
            return;
        }
        distributions.checkAndStore(c, studyId, internalValues, dists);
        TrialWrites.insertParams(c, trialId, internalValues, dists);
    }

    @Override
    public void checkParamDistribution(long studyId, String name, Distribution distribution) {
        Distribution known = distributions.cached(studyId, name);
        if (known == null) {
            known = tx.inTx(c -> ParamDistributions.read(c, studyId, name));
            if (known == null) {
                return;
            }
            distributions.remember(studyId, name, known);
        }
        if (!known.equals(distribution)) {
            throw ParamDistributions.conflict(studyName(studyId), name, known, distribution);
        }
    }

    @Override
    public boolean setTrialIntermediateValue(long trialId, int step, double value) {
        return tx.write(c -> {
            locks.lockWritable(c, trialId);
            return TrialWrites.insertIntermediateIfNew(c, trialId, step, value);
        });
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
        String json = Json.write(Json.freeze(value));
        tx.write(c -> {
            locks.lockWritable(c, trialId);
            StudyQueries.upsertAttr(c, table, "trial_id", trialId, key, json);
            return null;
        });
    }

    // ---- reading trials ----

    @Override
    public FrozenTrial trial(long trialId) {
        FrozenTrial cached = finished.get(trialId);
        if (cached != null) {
            return cached;
        }
        List<FrozenTrial> read = tx.snapshot(c -> TrialReads.read(c, distributions, "t.trial_id = ?", trialId));
        if (read.isEmpty()) {
            throw new IllegalArgumentException("no trial with id " + trialId);
        }
        return finished.remember(read.get(0));
    }

    @Override
    public List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
        return tx.snapshot(c -> {
            StudyQueries.requireStudy(c, studyId);
            return finished.ofStudy(c, studyId, states, 0, Integer.MAX_VALUE, true);
        });
    }

    @Override
    public List<FrozenTrial> trialsFrom(long studyId, Set<TrialState> states, int fromNumber, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0, but got " + limit);
        }
        return tx.snapshot(c -> {
            StudyQueries.requireStudy(c, studyId);
            // not cached here: callers keep what they need (Study's cache) or page through (exports)
            return finished.ofStudy(c, studyId, states, fromNumber, limit, false);
        });
    }

    @Override
    public Optional<FrozenTrial> bestTrial(long studyId) {
        BestTrials.Query query = () -> tx.inTx(c -> {
            StudyQueries.requireStudy(c, studyId);
            List<StudyDirection> directions = StudyQueries.directions(c, studyId);
            if (directions.size() != 1) {
                throw new IllegalArgumentException("a study with " + directions.size()
                        + " objectives has no single best trial");
            }
            return TrialReads.best(c, studyId, directions.get(0));
        });
        Long id;
        if (bestTrials != null) {
            id = bestTrials.bestTrialId(studyId, query);
        } else {
            BestTrials.Best best = query.run();
            id = best == null ? null : best.trialId();
        }
        return id == null ? Optional.empty() : Optional.of(trial(id));
    }

    @Override
    public TrialKeys trialKeys(long studyId, Set<TrialState> states) {
        return tx.snapshot(c -> {
            StudyQueries.requireStudy(c, studyId);
            return new TrialKeys(TrialReads.paramNames(c, studyId, states), TrialReads.userAttrKeys(c, studyId, states),
                    TrialReads.maxConstraints(c, studyId, states));
        });
    }

    @Override
    public int countTrials(long studyId, Set<TrialState> states) {
        return tx.inTx(c -> {
            StudyQueries.requireStudy(c, studyId);
            return TrialReads.count(c, studyId, states);
        });
    }

    // ---- heartbeats ----

    @Override
    public void recordHeartbeat(long trialId) {
        long now = System.currentTimeMillis();
        tx.write(c -> {
            locks.lockWritable(c, trialId);
            TrialWrites.upsertHeartbeat(c, trialId, now);
            return null;
        });
    }

    @Override
    public List<FrozenTrial> failStaleTrials(long studyId, Duration grace) {
        if (servesOthers && System.nanoTime() - openedNanos < grace.toNanos()) {
            // a server that has just (re)started cannot have received the heartbeats sent while
            // none ran: its clients' live trials would look stale. Judge only after one grace period.
            return List.of();
        }
        if (compacted && System.nanoTime() - resumedNanos < grace.toNanos()) {
            // likewise after a compaction: the heartbeats sent meanwhile waited for it, and live trials would look
            // stale until they have all come in
            return List.of();
        }
        long limit = System.currentTimeMillis() - grace.toMillis();
        List<Long> failed = tx.write(c -> TrialWrites.failStale(c, studyId, limit));
        List<FrozenTrial> out = new ArrayList<>();
        for (long id : failed) {
            out.add(trial(id));
        }
        return out;
    }
}
