package nas.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Lets an H2 database keep BLOB and CLOB values of up to {@link #BYTES} bytes inside their rows. H2 stores larger
 * ones, and by default every one above 256 bytes, in a LOB store of its own: several maps written per value, and
 * their cleaner. The 25 recorded creatures of a run's generation (frames of about 4 KB each) then cost the
 * storage server about twice the CPU that storing them in place costs, and the file grew by 20 MB more per 300
 * generations. The setting is the database's own (persistent, admin only, read by any H2 version); values stored
 * before keep their place and read as before.
 */
final class InplaceLobs {

    /** Frames of a recorded creature are a few kilobytes; checkpoints (hundreds of kilobytes) stay apart. */
    static final int BYTES = 65_536;

    private InplaceLobs() {
    }

    /** Raises the database's in-place limit to {@link #BYTES} unless it is that high already. */
    static void apply(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                    + "WHERE SETTING_NAME = 'MAX_LENGTH_INPLACE_LOB'")) {
                if (r.next() && Long.parseLong(r.getString(1).trim()) >= BYTES) {
                    c.commit();
                    return;
                }
            }
            s.execute("SET MAX_LENGTH_INPLACE_LOB " + BYTES);
        } catch (SQLException | NumberFormatException e) {
            // a user without admin rights: LOBs are then stored apart, as before; nothing else depends on it
            c.rollback();
            return;
        }
        c.commit();
    }

    /** The database's in-place limit (256, H2's default, when it was never set). */
    static long current(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT SETTING_VALUE FROM "
                + "INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'MAX_LENGTH_INPLACE_LOB'")) {
            return r.next() ? Long.parseLong(r.getString(1).trim()) : 256;
        }
    }
}
