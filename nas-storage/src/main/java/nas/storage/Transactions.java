package nas.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nas.api.exception.StorageException;
import nas.api.exception.StorageFullException;

/**
 * Connections and retries: runs a unit of work as one transaction on a pooled connection,
 * retrying lost connections, lock timeouts and deadlocks with exponential back-off for a bounded
 * time, and turning what cannot be retried into {@link StorageException} or, while the database is
 * being opened, a clear error about the file or server. The storage's queries know nothing of
 * this; they receive a connection inside a transaction.
 */
final class Transactions implements AutoCloseable {

    /** How long opening retries a refused connection (a server restarting) before it gives up. */
    private static final Duration OPEN_BUDGET = Duration.ofSeconds(5);

    /** How long a call waits for a free connection of a limited pool before it counts as a transient failure. */
    private static final Duration CONNECTION_WAIT = Duration.ofSeconds(10);

    /**
     * How often the commits on an H2 file are forced to disk: a power cut loses about this much at most (where
     * the disk honours the force), and H2 reuses superseded space after {@link StorageUrl#H2_RETENTION_MILLIS},
     * four of these.
     */
    static final Duration SYNC_INTERVAL = Duration.ofMillis(250);

    /**
     * How long a file opened read-only stays open after its last call: H2 holds a shared lock on it while open, which
     * keeps its owner's server from opening it for writing (that server waits for it, {@link JdbcStorage#openForServer}).
     * A command's calls follow each other closer than this; a dashboard lets the file go between its refreshes.
     */
    static final Duration READ_ONLY_RELEASE = Duration.ofSeconds(1);

    /** A unit of work inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final StorageUrl url;
    private final ConnectionPool pool;
    /** On an H2 file, writes wait for their commit to be stored; null elsewhere (a server's commit is durable). */
    private final GroupCommit groupCommit;
    /** Forces an H2 file's commits to disk every {@link #SYNC_INTERVAL}; null elsewhere. */
    private final ScheduledExecutorService syncer;
    /** Whether the writes about running trials are stored before returning too (clients outlive this process). */
    private final boolean storeEveryWrite;
    private final Duration retryBudget;
    /** On a file opened read-only, closes its connections (and so the file) once idle; null elsewhere. */
    private final ScheduledExecutorService releaser;
    private volatile long lastCallNanos = System.nanoTime();
    /**
     * Every call and forced store holds it shared; {@link #alone} holds it exclusively (a compaction of the file): calls
     * that come meanwhile wait for it, then go on. Fair, so that a waiting {@link #alone} is not starved by a stream
     * of calls.
     */
    private final java.util.concurrent.locks.ReentrantReadWriteLock gate =
            new java.util.concurrent.locks.ReentrantReadWriteLock(true);

    /** Set once the schema is up to date; before that, failures are reported as failures to open. */
    private volatile boolean opened;

    /**
     * @param connectionLimit at most this many connections at once (0: one per concurrent call)
     */
    Transactions(StorageUrl url, Duration retryBudget, boolean storeEveryWrite, int connectionLimit) {
        this.url = url;
        this.storeEveryWrite = storeEveryWrite;
        this.retryBudget = retryBudget;
        this.pool = new ConnectionPool(url.jdbcUrl(), new Properties(), c -> { }, connectionLimit, CONNECTION_WAIT);
        // a file opened read-only has no commits to store or force to disk
        this.groupCommit = url.localFile() && !url.readOnly() ? new GroupCommit() : null;
        this.syncer = groupCommit == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nas-storage-sync");
            t.setDaemon(true);
            return t;
        });
        if (syncer != null) {
            long ms = SYNC_INTERVAL.toMillis();
            syncer.scheduleWithFixedDelay(this::syncCommits, ms, ms, TimeUnit.MILLISECONDS);
        }
        this.releaser = url.readOnly() ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nas-storage-release");
            t.setDaemon(true);
            return t;
        }) : null;
        if (releaser != null) {
            long ms = READ_ONLY_RELEASE.toMillis() / 4;
            releaser.scheduleWithFixedDelay(this::releaseIfIdle, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    private void releaseIfIdle() {
        if (System.nanoTime() - lastCallNanos > READ_ONLY_RELEASE.toNanos()) {
            pool.closeIdleIfUnused();
        }
    }

    /**
     * Forces the commits made since the last time to disk. A failure is left to the next time and to the
     * writes themselves, which report it (a full disk, a closed storage).
     */
    private void syncCommits() {
        if (!groupCommit.hasUnsyncedCommits() || !gate.readLock().tryLock()) {
            // a compaction holds the file: it stores everything itself, and the next interval comes soon
            return;
        }
        try {
            syncCommitsNow();
        } finally {
            gate.readLock().unlock();
        }
    }

    private void syncCommitsNow() {
        Connection c;
        try {
            c = pool.borrow();
        } catch (SQLException e) {
            return;
        }
        boolean healthy = false;
        try {
            groupCommit.syncIfCommitted(c);
            healthy = true;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c);
        } finally {
            pool.giveBack(c, healthy);
        }
    }

    /** From now on failures are failures of calls, not of opening the database. */
    void markOpened() {
        opened = true;
    }

    /** Runs {@code work} (a read) in one transaction, committing at the end. */
    <T> T inTx(Work<T> work) {
        return run(work, false, false, false);
    }

    /**
     * Runs a write in one transaction: when the call returns, the commit is in the file (on an H2
     * file through the {@link GroupCommit}), so a killed process loses no write that returned.
     */
    <T> T durable(Work<T> work) {
        return run(work, false, true, true);
    }

    /**
     * Runs a write about a running trial in one transaction. Stored before returning only for a
     * storage server, whose clients outlive it; in a process that owns the file for itself, the
     * trial dies with the process anyway, and the write reaches the file with the next stored one.
     */
    <T> T write(Work<T> work) {
        return run(work, false, true, storeEveryWrite);
    }

    /**
     * A read of several statements that must agree with each other: under READ COMMITTED each
     * statement would see the commits of other workers made since the previous one (a trial
     * listed as RUNNING, then its values), so these run on one snapshot (REPEATABLE READ).
     */
    <T> T snapshot(Work<T> work) {
        return run(work, true, false, false);
    }

    /**
     * Closes every connection (H2 stores everything when the last one to a file closes), an H2 file's
     * commits not yet forced to disk forced first.
     */
    @Override
    public void close() {
        if (releaser != null) {
            releaser.shutdownNow();
        }
        if (syncer != null) {
            syncer.shutdownNow();
            try {
                syncer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!pool.isClosed()) {
                // only after commits: a storage that failed to open must not create the file here
                syncCommits();
            }
        }
        pool.close();
    }

    /** How many times the commits on an H2 file were forced to disk; 0 elsewhere. */
    long syncs() {
        return groupCommit == null ? 0 : groupCommit.syncs();
    }

    /** Time spent storing and from commits until stored; zeros when there is no group commit. */
    long[] storeAndDurableNanos() {
        return groupCommit == null ? new long[2] : groupCommit.storeAndDurableNanos();
    }

    /** The most connections in use at one time. */
    int mostConnectionsInUse() {
        return pool.mostInUse();
    }

    /** Writes that waited for a store and the stores made for them; zeros when there is no group commit. */
    long[] commitsAndStores() {
        return groupCommit == null ? new long[2] : groupCommit.commitsAndStores();
    }

    /**
     * @param writes     whether the work writes: on an H2 file its commit then never runs during a store
     *                   ({@link GroupCommit#commit})
     * @param awaitStore whether the call returns only once its commit is in the file
     */
    private <T> T run(Work<T> work, boolean snapshot, boolean writes, boolean awaitStore) {
        gate.readLock().lock();
        try {
            return runOpen(work, snapshot, writes, awaitStore);
        } finally {
            gate.readLock().unlock();
        }
    }

    /**
     * Runs {@code work} with every other call of this storage held back: calls in progress finish first, calls that
     * come meanwhile wait until it is done (no call fails). {@code work} gets a connection outside any transaction
     * (auto-commit off). When {@code work} closed it (an H2 database it shut down and rewrote), every connection is
     * dropped and the database opened afresh before the other calls go on.
     *
     * @param work what to do alone; its {@link SQLException} is reported as a {@link StorageException}
     * @return what {@code work} returned
     */
    <T> T alone(Work<T> work) {
        gate.writeLock().lock();
        try {
            Connection c;
            try {
                c = pool.borrow();
            } catch (SQLException e) {
                throw new StorageException("storage error on " + url.redacted() + ": " + firstLine(e), e);
            }
            try {
                return work.run(c);
            } catch (SQLException e) {
                if (JdbcErrors.isDiskFull(e)) {
                    throw diskFull(e);
                }
                throw new StorageException("storage error on " + url.redacted() + ": " + firstLine(e), e);
            } finally {
                if (open(c)) {
                    // nothing was shut down (work refused before): the database stays open as it was
                    rollbackQuietly(c);
                    pool.giveBack(c, true);
                } else {
                    pool.giveBack(c, false);
                    pool.discardAll();
                    reopen();
                }
            }
        } finally {
            gate.writeLock().unlock();
        }
    }

    /** Whether {@code c} is open and answers (not closed by a shutdown of its database). */
    private static boolean open(Connection c) {
        try {
            // a connection of a database shut down is closed: asking it more would only log an error
            return !c.isClosed() && c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Opens the database again at once, before the calls held back go on (a command reading the file read-only
     * could otherwise take it in between); a failure is left to the next call, which reports it.
     */
    private void reopen() {
        try {
            Connection fresh = pool.borrow();
            boolean healthy = false;
            try {
                fresh.commit();
                healthy = true;
            } finally {
                pool.giveBack(fresh, healthy);
            }
        } catch (SQLException e) {
            // the next call opens it, or says why it cannot
        }
    }

    private <T> T runOpen(Work<T> work, boolean snapshot, boolean writes, boolean awaitStore) {
        if (writes && url.readOnly()) {
            // refused here, not left to H2: in a JVM that has the file open for writing already, H2 hands a
            // read-only open that same database
            throw new StorageException("storage " + url.shownName() + " is open read-only: nothing can be written");
        }
        // Opening a server database gives up sooner: a wrong host or port should not keep a
        // command waiting.
        Duration budget = opened || OPEN_BUDGET.compareTo(retryBudget) >= 0 ? retryBudget : OPEN_BUDGET;
        long deadline = System.nanoTime() + budget.toNanos();
        long backoffMs = 20;
        int keyRaces = 0;
        while (true) {
            Connection c;
            try {
                c = pool.borrow();
            } catch (SQLException e) {
                if (pool.isClosed()) {
                    // its state (08003) reads as transient, but a closed storage never opens again
                    throw new StorageException("storage " + url.shownName() + " is closed", e);
                }
                if (JdbcErrors.isDiskFull(e)) {
                    throw diskFull(e);
                }
                if (JdbcErrors.isTransient(e) && !isRefusedAtOpen(e) && System.nanoTime() < deadline) {
                    backoffMs = sleep(backoffMs);
                    continue;
                }
                if (JdbcErrors.isTransient(e) && !isRefusedAtOpen(e) && opened) {
                    throw unavailable(e);
                }
                throw openFailure(e);
            }
            boolean healthy = true;
            try {
                if (snapshot) {
                    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                }
                T result = work.run(c);
                if (writes && groupCommit != null) {
                    groupCommit.commit(c);
                } else {
                    c.commit();
                }
                if (awaitStore && groupCommit != null) {
                    groupCommit.awaitStored(c);
                }
                return result;
            } catch (SQLException e) {
                rollbackQuietly(c);
                healthy = !JdbcErrors.breaksConnection(e);
                if (JdbcErrors.isDiskFull(e)) {
                    throw diskFull(e);
                }
                boolean lost = !JdbcErrors.isTransient(e) && !JdbcErrors.isUniqueViolation(e) && !isRefusedAtOpen(e)
                        && !alive(c);
                if (lost) {
                    healthy = false;
                }
                boolean retry = lost || JdbcErrors.isTransient(e);
                if (retry && System.nanoTime() < deadline) {
                    backoffMs = sleep(backoffMs);
                    continue;
                }
                // Two workers inserting the same new key (an attribute, a parameter's distribution)
                // at once: the loser's transaction is void (PostgreSQL aborts it); run it again, and
                // its update-or-insert now finds the winner's row.
                if (JdbcErrors.isUniqueViolation(e) && keyRaces++ < 3) {
                    continue;
                }
                if (retry) {
                    throw unavailable(e);
                }
                throw new StorageException("storage error on " + url.redacted() + ": " + firstLine(e), e);
            } catch (RuntimeException e) {
                rollbackQuietly(c);
                if (JdbcErrors.isDiskFull(e)) {
                    throw diskFull(e);
                }
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
                lastCallNanos = System.nanoTime();
            }
        }
    }

    /**
     * One line that says what happened, instead of the database's message (which can hold a whole
     * trial). H2 gives up on a file whose write failed and answers every later call with the same
     * error, so every connection is dropped: the next call opens the file again from what it holds
     * (every commit that returned), and succeeds once there is space.
     */
    private StorageFullException diskFull(Throwable e) {
        pool.discardAll();
        return new StorageFullException("no space left on device for " + url.shownName() + ": free some space and run "
                + "again (every trial reported finished is stored)", e);
    }

    private StorageException unavailable(SQLException e) {
        return new StorageException("storage unavailable for " + retryBudget.toSeconds() + " s ("
                + url.redacted() + "): " + firstLine(e), e);
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
        int code = e.getErrorCode();
        if (code == 90030 || code == 90048 || code == 90028) {
            return new IllegalArgumentException("cannot open " + url.shownName() + ": the file is not an H2 database"
                    + " (or cannot be read)");
        }
        if (code == 90020 && url.readOnly()) {
            return new IllegalArgumentException("cannot read " + url.shownName() + " now: a process has it open for "
                    + "writing (its owner's nas server, or a program using it in-process), and a read-only open waits "
                    + "for no writer; run the command again once that process stops (a server stops "
                    + "after a minute without requests), or read a copy made then");
        }
        if (code == 90020) {
            return new FileInUse("cannot open " + url.shownName() + ": another process has it open (a nas server, a "
                    + "program using it in-process, or a command reading it read-only, such as another user's nas "
                    + "dashboard); reach it through 'nas server' (see the README)");
        }
        if (code == 90146 || code == 90013) {
            return new IllegalArgumentException("no NAS database at " + url.redacted());
        }
        return new StorageException("cannot open storage " + url.redacted() + ": " + firstLine(e), e);
    }

    /** The file is open in another process, which H2 lets no other process open for writing. */
    static final class FileInUse extends IllegalArgumentException {

        FileInUse(String message) {
            super(message);
        }
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

    /**
     * Whether {@code c} still answers after an error. A statement can fail with an error that does not say the
     * connection is going: H2's TCP server, stopping, answers a statement it was running with an internal error
     * ("General error", 50000, a NullPointerException in its sequences) just before the connection drops, seen in
     * about 2% of the connections a stop cut. The dead connection says what the error does not: a lost connection,
     * retried like any other.
     */
    private static boolean alive(Connection c) {
        try {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is probably gone; it will not be reused
        }
    }
}
