package nas.storage;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

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
     * (40001, 40P01), a lock timeout (H2 HYT00, PostgreSQL 55P03), or a driver-declared transient
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
                        || state.equals("55P03") || state.equals("57P01")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The connection itself is unusable after this error. */
    static boolean breaksConnection(SQLException e) {
        return e instanceof SQLRecoverableException || (e.getSQLState() != null && e.getSQLState().startsWith("08"));
    }
}
