package nas.storage;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/** Classifies SQL errors by SQLState, the same way for H2 and PostgreSQL. */
final class JdbcErrors {

    private JdbcErrors() {
    }

    /** A unique or primary-key constraint was violated. */
    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /**
     * Worth retrying: a lost or refused connection (class 08), a serialization failure or deadlock
     * (40001, 40P01), a lock timeout (H2 HYT00, PostgreSQL 55P03), an H2 connection lost (90067,
     * 90098, 90121), an administrator shutdown (57P01), or a driver-declared transient
     * error.
     */
    static boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.startsWith("08") || state.equals("40001") || state.equals("40P01") || state.equals("HYT00")
                        || state.equals("55P03") || state.equals("57P01") || H2_CONNECTION_LOST.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * H2's own states for a connection that died under it: broken (90067: the H2 TCP server
     * stopped), database closed (90098), closing (90121).
     * A new connection may well succeed.
     */
    private static final Set<String> H2_CONNECTION_LOST = Set.of("90067", "90098", "90121");

    /**
     * The disk is full: the operating system's "No space left on device" (ENOSPC) anywhere in the
     * chain of causes (H2 reports it from its file store or the journal, wrapped in its own
     * errors), or PostgreSQL's disk-full state 53100.
     */
    static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.contains("No space left on device")
                    || t instanceof SQLException s && "53100".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The connection itself is unusable after this error. */
    static boolean breaksConnection(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLRecoverableException || e instanceof SQLNonTransientConnectionException
                || (state != null && (state.startsWith("08") || H2_CONNECTION_LOST.contains(state)));
    }
}
