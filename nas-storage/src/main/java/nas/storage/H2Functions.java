package nas.storage;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

/**
 * The SQL functions NAS adds to an H2 file (migration V3). H2 runs them in the process that holds
 * the file, this one or the one serving it to others ({@code AUTO_SERVER}), which is where its
 * unwritten commits and its {@link TrialJournal} live. H2 passes the calling session's
 * connection first.
 */
public final class H2Functions {

    private H2Functions() {
    }

    /** {@code NAS_FLUSH()}: returns once every commit so far is in the file. */
    public static void flush(Connection connection) throws SQLException {
        TrialJournal journal = journalOf(connection);
        if (journal != null) {
            journal.flush();
        }
    }

    /** {@code NAS_JOURNAL(record)}: appends a finished trial to the journal. */
    public static void journal(Connection connection, String record) throws SQLException {
        TrialJournal journal = journalOf(connection);
        if (journal != null) {
            journal.append(record);
        }
    }

    /**
     * {@code NAS_RECOVER()}: replays the journal a crashed process left, once per opening of the
     * file. Every NAS connection calls it before its first use, so no trial starts before the
     * lost ones are back.
     */
    public static void recover(Connection connection) throws SQLException {
        TrialJournal journal = journalOf(connection);
        if (journal != null) {
            journal.recoverOnce(records -> {
                JournalReplay.replay(connection, records);
                connection.commit();
            });
        }
    }

    /** The journal of the connection's database, or null when it is not an H2 file held here. */
    private static TrialJournal journalOf(Connection connection) throws SQLException {
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (session instanceof SessionLocal local && local.getDatabase().isPersistent()) {
            return TrialJournal.of(local.getDatabase());
        }
        return null;
    }
}
