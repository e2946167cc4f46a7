package nas.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A small pool of JDBC connections: one is borrowed per storage call and returned afterwards, so
 * worker threads never share a connection. Broken connections are dropped, not returned, and
 * {@link #discardAll} drops every connection made so far (an H2 database closes with its last
 * connection, so the next one opens the file afresh). With a limit, at most that many connections
 * are open at once and a borrower waits for one to come back: a storage server in front of
 * PostgreSQL serves any number of workers through a few connections.
 */
final class ConnectionPool implements AutoCloseable {

    private final String url;
    private final Properties properties;
    private final Deque<Connection> idle = new ArrayDeque<>();
    /** Connections lent out that {@link #discardAll} has condemned: closed when they come back. */
    private final java.util.Set<Connection> condemned = java.util.Collections.newSetFromMap(
            new java.util.IdentityHashMap<>());
    private final java.util.Set<Connection> lent = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private boolean closed;
    /** At most this many connections open at once (0: no limit). */
    private final int limit;
    /** How long a borrower waits for a connection to come back before giving up (a transient failure). */
    private final long waitNanos;
    /** Connections being made for borrowers (they count against the limit). */
    private int reserved;
    /** The most connections lent out at one time. */
    private int mostLent;

    /** Prepares a new connection before its first use. */
    @FunctionalInterface
    interface OnConnect {
        void prepare(Connection c) throws SQLException;
    }

    private final OnConnect onConnect;

    /** A pool without a limit. */
    ConnectionPool(String url, Properties properties, OnConnect onConnect) {
        this(url, properties, onConnect, 0, Duration.ZERO);
    }

    /**
     * @param limit   at most this many connections at once (0: no limit)
     * @param maxWait how long {@link #borrow} waits for a free connection when all are lent
     */
    ConnectionPool(String url, Properties properties, OnConnect onConnect, int limit, Duration maxWait) {
        if (limit < 0) {
            throw new IllegalArgumentException("the connection limit must be >= 0, but got " + limit);
        }
        this.url = url;
        this.properties = properties;
        this.onConnect = onConnect;
        this.limit = limit;
        this.waitNanos = maxWait.toNanos();
    }

    Connection borrow() throws SQLException {
        synchronized (this) {
            long deadline = System.nanoTime() + waitNanos;
            while (true) {
                if (closed) {
                    throw new SQLException("storage is closed", "08003");
                }
                Connection c = idle.pollFirst();
                if (c != null) {
                    lend(c);
                    return c;
                }
                if (limit == 0 || lent.size() + reserved < limit) {
                    break;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    // a transient failure: the call retries within its budget
                    throw new SQLException("all " + limit + " database connections stayed busy", "08001");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while waiting for a database connection", "08001", e);
                }
            }
            // the slot is taken before connecting, so that concurrent borrowers stay within the limit
            lend(null);
        }
        Connection c;
        try {
            c = DriverManager.getConnection(url, properties);
            try {
                c.setAutoCommit(false);
                onConnect.prepare(c);
            } catch (SQLException | RuntimeException e) {
                closeQuietly(c);
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            synchronized (this) {
                reserved--;
                notifyAll();
            }
            throw e;
        }
        synchronized (this) {
            reserved--;
            lent.add(c);
        }
        return c;
    }

    /** Lends {@code c}, or with null reserves a slot for a connection being made. Holds the lock. */
    private void lend(Connection c) {
        if (c == null) {
            reserved++;
        } else {
            lent.add(c);
        }
        mostLent = Math.max(mostLent, lent.size() + reserved);
    }

    void giveBack(Connection c, boolean healthy) {
        synchronized (this) {
            lent.remove(c);
            notifyAll();
            if (healthy && !closed && !condemned.remove(c)) {
                idle.addFirst(c);
                return;
            }
        }
        closeQuietly(c);
    }

    /** The most connections that were lent out (or being made) at one time. */
    synchronized int mostInUse() {
        return mostLent;
    }

    /**
     * Closes the idle connections now and the lent ones when they come back: after a failure that
     * leaves H2's store of the file unusable (a full disk), the database closes with its last
     * connection and the next call opens the file again from what it holds.
     */
    synchronized void discardAll() {
        condemned.addAll(lent);
        for (Connection c : idle) {
            closeQuietly(c);
        }
        idle.clear();
    }

    /**
     * Closes the idle connections if none is lent out or being made: the H2 database of a file opened read-only
     * closes with its last connection and lets the file go, and the next {@link #borrow} opens it again.
     */
    synchronized void closeIdleIfUnused() {
        if (lent.isEmpty() && reserved == 0) {
            idle.forEach(ConnectionPool::closeQuietly);
            idle.clear();
        }
    }

    /** Whether {@link #close} was called: every later {@link #borrow} fails, and waiting will not change that. */
    synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
            for (Connection c : idle) {
                closeQuietly(c);
            }
            idle.clear();
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a broken connection: nothing more to do
        }
    }
}
