package nas.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
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

    /** A unit of work inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** What a call does on an H2 file after its commit, so that the commit survives a crash. */
    @FunctionalInterface
    interface AfterCommit<T> {
        void run(Connection c, T result) throws SQLException;
    }

    private final StorageUrl url;
    private final ConnectionPool pool;
    private final Duration retryBudget;
    /** Set once the schema is up to date; before that, failures are reported as failures to open. */
    private volatile boolean opened;

    Transactions(StorageUrl url, Duration retryBudget) {
        this.url = url;
        this.retryBudget = retryBudget;
        this.pool = new ConnectionPool(url.jdbcUrl(), new Properties(),
                url.localFile() ? H2FileDurability::recoverJournal : c -> { });
    }

    /** From now on failures are failures of calls, not of opening the database. */
    void markOpened() {
        opened = true;
    }

    /** Runs {@code work} in one transaction, committing at the end. */
    <T> T inTx(Work<T> work) {
        return run(work, false, null);
    }

    /** {@link #inTx} for a write that must be in the file when the call returns. */
    <T> T durable(Work<T> work) {
        return run(work, false, (c, result) -> H2FileDurability.flushToFile(c));
    }

    /**
     * {@link #inTx} for a write about a running trial. The process holding the file writes it
     * with its next store: if that process dies first, its own trials die with it. A process that
     * reaches the file through another one ({@code AUTO_SERVER}) waits for the store instead,
     * since its trial outlives the other process and must still be there when it ends.
     */
    <T> T write(Work<T> work) {
        return run(work, false, (c, result) -> {
            if (H2FileDurability.isRemote(c)) {
                H2FileDurability.flushToFile(c);
            }
        });
    }

    /**
     * {@link #inTx} for work that ends a trial and returns it (as a journal record on an H2 file,
     * else null): the record is journaled before the call returns.
     */
    JournalRecord endTrial(Work<JournalRecord> work) {
        return run(work, false, (c, record) -> {
            if (record != null) {
                H2FileDurability.journal(c, record);
            }
        });
    }

    /**
     * A read of several statements that must agree with each other: under READ COMMITTED each
     * statement would see the commits of other workers made since the previous one (a trial
     * listed as RUNNING, then its values), so these run on one snapshot (REPEATABLE READ).
     */
    <T> T snapshot(Work<T> work) {
        return run(work, true, null);
    }

    /**
     * Stores everything and removes the journal, on an idle connection only and without retries
     * (a database that is gone keeps its journal for the next opening to replay); then closes
     * every connection.
     */
    @Override
    public void close() {
        Connection idle = url.localFile() ? pool.takeIdle() : null;
        if (idle != null) {
            try {
                H2FileDurability.flushToFile(idle);
                idle.commit();
                pool.giveBack(idle, true);
            } catch (SQLException e) {
                pool.giveBack(idle, false);
            }
        }
        pool.close();
    }

    private <T> T run(Work<T> work, boolean snapshot, AfterCommit<T> afterCommit) {
        // Opening a server database gives up sooner: a wrong host or port should not keep a
        // command waiting. An H2 file gets the whole budget: processes that start together wait
        // for each other's file lock ("lock file recently modified") until one serves the file.
        Duration budget = opened || url.localFile() || OPEN_BUDGET.compareTo(retryBudget) >= 0 ? retryBudget : OPEN_BUDGET;
        long deadline = System.nanoTime() + budget.toNanos();
        long backoffMs = 20;
        int keyRaces = 0;
        while (true) {
            Connection c;
            try {
                c = pool.borrow();
            } catch (SQLException e) {
                if (JdbcErrors.isDiskFull(e)) {
                    throw diskFull(e);
                }
                // 90020 (file in use) on an AUTO_SERVER file: another process is just starting to
                // serve it, or the one serving it exited and the file is being taken over; wait
                boolean handover = url.localFile() && url.autoServer() && e.getErrorCode() == 90020;
                if ((handover || JdbcErrors.isTransient(e) && !isRefusedAtOpen(e)) && System.nanoTime() < deadline) {
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
                c.commit();
                if (afterCommit != null && url.localFile()) {
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
                if (JdbcErrors.isDiskFull(e)) {
                    throw diskFull(e);
                }
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
            }
        }
    }

    /** One line that says what happened, instead of the database's message (which can hold a whole trial). */
    private StorageFullException diskFull(Throwable e) {
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
        if (code == 90020) {
            return new IllegalArgumentException("cannot open " + url.shownName() + ": another program holds it without"
                    + " sharing it (open it with AUTO_SERVER=TRUE there, or close that program)");
        }
        if (code == 90146 || code == 90013) {
            return new IllegalArgumentException("no NAS database at " + url.redacted());
        }
        return new StorageException("cannot open storage " + url.redacted() + ": " + firstLine(e), e);
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
}
