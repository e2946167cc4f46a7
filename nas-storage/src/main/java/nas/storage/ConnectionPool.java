package nas.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;

/**
 * A small pool of JDBC connections: one is borrowed per storage call and returned afterwards, so
 * worker threads never share a connection. Broken connections are dropped, not returned, and
 * {@link #discardAll} drops every connection made so far (an H2 database closes with its last
 * connection, so the next one opens the file afresh).
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

    /** Prepares a new connection before its first use. */
    @FunctionalInterface
    interface OnConnect {
        void prepare(Connection c) throws SQLException;
    }

    private final OnConnect onConnect;

    ConnectionPool(String url, Properties properties, OnConnect onConnect) {
        this.url = url;
        this.properties = properties;
        this.onConnect = onConnect;
    }

    Connection borrow() throws SQLException {
        synchronized (this) {
            if (closed) {
                throw new SQLException("storage is closed", "08003");
            }
            Connection c = idle.pollFirst();
            if (c != null) {
                lent.add(c);
                return c;
            }
        }
        Connection c = DriverManager.getConnection(url, properties);
        try {
            c.setAutoCommit(false);
            onConnect.prepare(c);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
        synchronized (this) {
            lent.add(c);
        }
        return c;
    }

    void giveBack(Connection c, boolean healthy) {
        synchronized (this) {
            lent.remove(c);
            if (healthy && !closed && !condemned.remove(c)) {
                idle.addFirst(c);
                return;
            }
        }
        closeQuietly(c);
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

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
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
