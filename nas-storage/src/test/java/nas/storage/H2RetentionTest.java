package nas.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import nas.api.StudyDirection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file NAS opens reuses superseded space after {@link StorageUrl#H2_RETENTION_MILLIS} instead of H2's 45 s,
 * because its commits are forced to disk every {@link Transactions#SYNC_INTERVAL}; a retention time in the user's
 * URL wins. H2 compacts it when it closes, as H2 does by default (NAS turned that off while it used H2 2.3.232,
 * which could lose writes so); a MAX_COMPACT_TIME in the URL wins.
 */
class H2RetentionTest {

    @TempDir
    Path dir;

    @Test
    void commitsAreForcedToDiskSoonAndSupersededSpaceIsKeptOneSecond() throws Exception {
        String db = dir.resolve("db").toString();
        try (JdbcStorage storage = JdbcStorage.open(db)) {
            assertThat(retentionMillis(db)).isEqualTo(1_000).isEqualTo(StorageUrl.H2_RETENTION_MILLIS);
            long before = storage.syncs();
            storage.createStudy("s", List.of(StudyDirection.MINIMIZE));
            long deadline = System.nanoTime() + 20_000_000_000L; // a loaded machine delays the timer
            while (storage.syncs() == before && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(storage.syncs()).as("synced after the write").isGreaterThan(before);
            Thread.sleep(1_000); // the write's commits may span two syncs
            long afterWrite = storage.syncs();
            // without new commits the file is not forced again
            Thread.sleep(2_500);
            assertThat(storage.syncs()).isEqualTo(afterWrite);
        }
    }

    @Test
    void aRetentionTimeInTheUrlWins() throws Exception {
        String db = dir.resolve("own").toString();
        try (JdbcStorage storage = JdbcStorage.open("jdbc:h2:" + db + ";RETENTION_TIME=45000")) {
            assertThat(retentionMillis(db)).isEqualTo(45_000);
        }
    }

    @Test
    void aFileIsCompactedWhenItClosesAsH2DoesUnlessTheUrlSaysOtherwise() throws Exception {
        String db = dir.resolve("db").toString();
        try (JdbcStorage storage = JdbcStorage.open(db)) {
            assertThat(setting(db, "MAX_COMPACT_TIME")).as("H2's default, ms").isEqualTo(200);
        }
        String own = dir.resolve("own").toString();
        try (JdbcStorage storage = JdbcStorage.open("jdbc:h2:" + own + ";MAX_COMPACT_TIME=0")) {
            assertThat(setting(own, "MAX_COMPACT_TIME")).isEqualTo(0);
        }
    }

    /** H2's retention time for the open database {@code db}, read through a second connection to it. */
    private static int retentionMillis(String db) throws SQLException {
        return setting(db, "RETENTION_TIME");
    }

    /** One of H2's settings of the open database {@code db}, read through a second connection to it. */
    private static int setting(String db, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + db + ";IFEXISTS=TRUE", "", "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = '" + name + "'")) {
            assertThat(r.next()).as(name).isTrue();
            return Integer.parseInt(r.getString(1));
        }
    }
}
