package nas.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

/**
 * What makes a commit on an H2 file survive a crash of the process holding the file: forcing a
 * store ({@code NAS_FLUSH}), appending finished trials to the {@link TrialJournal}
 * ({@code NAS_JOURNAL}) and replaying that journal on the first connection after a crash
 * ({@code NAS_RECOVER}). Kept apart from the storage because it belongs with the journal (it is
 * the one place the storage touches H2's own classes) and goes when the journal goes.
 */
final class H2FileDurability {

    private H2FileDurability() {
    }

    /** Returns once every commit so far is in the H2 file ({@link TrialJournal#flush}). */
    static void flushToFile(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CALL NAS_FLUSH()");
        }
    }

    /**
     * Whether the connection reaches the file through another process ({@code AUTO_SERVER}): its
     * writes about running trials must then wait for the store, since its trials outlive the
     * process holding the file.
     */
    static boolean isRemote(Connection c) throws SQLException {
        return !(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal);
    }

    /** Appends a finished trial to the journal of the H2 file. */
    static void journal(Connection c, JournalRecord record) throws SQLException {
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
    static void recoverJournal(Connection c) throws SQLException {
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
}
