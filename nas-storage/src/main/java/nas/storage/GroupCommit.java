package nas.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Group commit on an H2 file: a write returns only once its commit is in the file, and the
 * writers that commit while a store is under way share the next one. H2 keeps commits in memory
 * and stores them in the background; {@code CHECKPOINT} (plain SQL) stores everything committed so
 * far. The first writer to find no store running becomes the leader and stores for every commit
 * registered by then; the others wait for it, and any left uncovered lead the next store. So many
 * concurrent writers pay for one store instead of one each.
 *
 * <p>Commits and stores exclude each other (writers commit through {@link #commit}). H2 stores the state of
 * one table (map) after another while commits go on, and a commit makes its changes final one table after
 * another, then drops its undo log: a store taken across that can hold one table's change of a transaction
 * but not another's, with no undo log left to repair it (H2 issue 2080). The next store makes it whole, but
 * a process killed before it leaves a file where, for instance, a study's trial counter moved and the trial
 * row is missing. Stores here therefore never see a commit half done.
 *
 * <p>A store hands the file to the operating system, which keeps it safe from a killed process but
 * not from a power cut. {@link #syncIfCommitted} (called every {@link Transactions#SYNC_INTERVAL}) also
 * forces it to the disk ({@code CHECKPOINT SYNC}: a store, then {@code FileChannel.force}), so that H2
 * may reuse the space of superseded chunks after a short retention time instead of its default 45 s
 * ({@link StorageUrl#H2_RETENTION_MILLIS}: with a store per group of commits, 45 s of superseded chunks
 * are gigabytes).
 */
final class GroupCommit {

    /**
     * How writes reach the file; {@code -Dnas.storage.commit=} chooses another for measurements:
     * {@code single} (each write stores on its own, no sharing) or {@code delayed} (no store: H2's
     * background writer, every 500 ms; a killed process loses what it had not written yet).
     */
    enum Mode {
        GROUP, SINGLE, DELAYED;

        static Mode fromSystemProperty() {
            return valueOf(System.getProperty("nas.storage.commit", "group").toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** What stores every commit made so far in the file. */
    @FunctionalInterface
    interface Store {
        void store(Connection c) throws SQLException;
    }

    /** What commits the transaction on a connection. */
    @FunctionalInterface
    interface Commit {
        void commit(Connection c) throws SQLException;
    }

    private final Mode mode;
    private final Store store;
    private final Store sync;
    private final Commit commit;
    /** Commits made so far (counted inside the read lock, so a store holding the write lock sees them all). */
    private final AtomicLong commits = new AtomicLong();
    /** Commits the last sync was for (written under the write lock), and how many syncs succeeded. */
    private volatile long synced;
    private long syncs;
    /** Shared by commits (many at once), exclusive for a store. */
    private final ReentrantReadWriteLock commitsOrStore = new ReentrantReadWriteLock();

    /** Commits registered so far (each waiting writer takes the next number). */
    private long registered;
    /** All commits up to this number are in the file. */
    private long stored;
    private boolean storing;
    private long stores;
    /** Time spent in stores, and from each write's commit until it was stored (for measurements). */
    private long storeNanos;
    private long durableNanos;

    /**
     * Group commit on an H2 file: {@code CHECKPOINT}, and {@code CHECKPOINT SYNC} to force it to disk, in the
     * mode the system property chooses.
     */
    GroupCommit() {
        this(Mode.fromSystemProperty(), Connection::commit, c -> execute(c, "CHECKPOINT"),
                c -> execute(c, "CHECKPOINT SYNC"));
    }

    GroupCommit(Mode mode, Store store) {
        this(mode, Connection::commit, store);
    }

    /** With {@code commit} for what commits a connection's transaction (tests hold it open). */
    GroupCommit(Mode mode, Commit commit, Store store) {
        this(mode, commit, store, store);
    }

    /** With {@code sync} for what stores and forces everything committed to disk. */
    GroupCommit(Mode mode, Commit commit, Store store, Store sync) {
        this.mode = mode;
        this.commit = commit;
        this.store = store;
        this.sync = sync;
    }

    /** Commits the transaction on {@code c}, never while a store runs (see the class comment). */
    void commit(Connection c) throws SQLException {
        commitsOrStore.readLock().lock();
        try {
            commit.commit(c);
            commits.incrementAndGet();
        } finally {
            commitsOrStore.readLock().unlock();
        }
    }

    /** Stores everything committed so far; no commit is under way meanwhile. */
    private void storeAlone(Connection c) throws SQLException {
        commitsOrStore.writeLock().lock();
        try {
            store.store(c);
        } finally {
            commitsOrStore.writeLock().unlock();
        }
    }

    /** Returns once the commit just made on {@code c} is in the file. */
    void awaitStored(Connection c) throws SQLException {
        if (mode == Mode.DELAYED) {
            return;
        }
        long committed = System.nanoTime();
        long mine;
        synchronized (this) {
            mine = ++registered;
        }
        if (mode == Mode.SINGLE) {
            synchronized (this) {
                long start = System.nanoTime();
                storeAlone(c);
                long end = System.nanoTime();
                stored = mine;
                stores++;
                storeNanos += end - start;
                durableNanos += end - committed;
            }
            return;
        }
        try {
            awaitGroupStore(c, mine);
        } finally {
            long end = System.nanoTime();
            synchronized (this) {
                durableNanos += end - committed;
            }
        }
    }

    private void awaitGroupStore(Connection c, long mine) throws SQLException {
        while (true) {
            long upTo;
            synchronized (this) {
                while (storing && stored < mine) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new SQLException("interrupted while waiting for the database file to be written", e);
                    }
                }
                if (stored >= mine) {
                    return;
                }
                storing = true;
                upTo = registered;
            }
            boolean done = false;
            long start = System.nanoTime();
            try {
                storeAlone(c);
                done = true;
            } finally {
                long end = System.nanoTime();
                synchronized (this) {
                    storing = false;
                    storeNanos += end - start;
                    if (done) {
                        stored = Math.max(stored, upTo);
                        stores++;
                    }
                    notifyAll();
                }
            }
        }
    }

    /**
     * Stores every commit made so far and forces the file to disk, if any commit came since the last time
     * (none in the {@code delayed} mode, which measures H2 on its own). Never during a commit or a store.
     *
     * @return whether it synced
     */
    boolean syncIfCommitted(Connection c) throws SQLException {
        if (mode == Mode.DELAYED) {
            return false;
        }
        commitsOrStore.writeLock().lock();
        try {
            long made = commits.get();
            if (made == synced) {
                return false;
            }
            // a failed sync (a full disk) is not retried before the next commit; a later sync forces it all
            synced = made;
            sync.store(c);
            syncs++;
            return true;
        } finally {
            commitsOrStore.writeLock().unlock();
        }
    }

    /** Whether a commit came since the last sync (a hint: it can change at once). */
    boolean hasUnsyncedCommits() {
        return mode != Mode.DELAYED && commits.get() != synced;
    }

    /** How many times {@link #syncIfCommitted} forced the file to disk. */
    long syncs() {
        commitsOrStore.writeLock().lock();
        try {
            return syncs;
        } finally {
            commitsOrStore.writeLock().unlock();
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Commits that waited for a store, and the stores that covered them (their ratio is the group size). */
    synchronized long[] commitsAndStores() {
        return new long[] {registered, stores};
    }

    /**
     * Nanoseconds spent storing, and summed over the writes from each commit until it was stored
     * (a write's own store, or the store it shared, plus any wait for a store under way).
     */
    synchronized long[] storeAndDurableNanos() {
        return new long[] {storeNanos, durableNanos};
    }
}
