package nas.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;

/**
 * A small pool of JDBC connections: one is borrowed per storage call and returned afterwards, so
 * worker threads never share a connection. Broken connections are dropped, not returned.
 */
final class ConnectionPool implements AutoCloseable {

    private final String url;
    private final Properties properties;
    private final Deque<Connection> idle = new ArrayDeque<>();
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
        return c;
    }

    /** An idle connection, or null when there is none (no new one is opened). */
    synchronized Connection takeIdle() {
        return closed ? null : idle.pollFirst();
    }

    void giveBack(Connection c, boolean healthy) {
        synchronized (this) {
            if (healthy && !closed) {
                idle.addFirst(c);
                return;
            }
        }
        closeQuietly(c);
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
