package nas.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file opened by NAS keeps LOBs of up to 64 KB in their rows (H2's setting, raised on open); LOBs stored
 * apart from their rows before still read. What it saves is measured by {@code nas benchmark evolve}.
 */
class InplaceLobsTest {

    @TempDir
    Path dir;

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    private static RunStore.GenerationBatch generation(int g, byte[] frames, byte[] checkpoint) {
        RunStore.Generation gen = new RunStore.Generation(g, 1, 1, 1, 1, 1, 0, null, "{}", 0, 0);
        return new RunStore.GenerationBatch(gen, List.of(), List.of(new RunStore.Frames(g, 0, frames)),
                new RunStore.Checkpoint(g + 1, 0, checkpoint), RunStore.RUNNING, g);
    }

    @Test
    void aDatabaseOfH2sDefaultIsRaisedOnOpenAndItsEarlierLobsStillRead() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("runs");
        byte[] before = bytes(4_000, 1);
        byte[] bigBefore = bytes(300_000, 2);
        try (JdbcStorage s = JdbcStorage.open(url)) {
            RunStore runs = s.runs();
            runs.createRun(RunStoreContractTest.run("r"));
        }
        // as an earlier version stored them: under H2's default limit, apart from their rows in H2's LOB store
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("SET MAX_LENGTH_INPLACE_LOB 256");
            assertThat(InplaceLobs.current(c)).isEqualTo(256);
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO evolution_frames (run_id, generation, creature_index, frames) VALUES ('r', 0, 0, ?)")) {
                p.setBytes(1, before);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO evolution_checkpoints (run_id, generation, "
                    + "created_at, state) VALUES ('r', 1, CURRENT_TIMESTAMP, ?)")) {
                p.setBytes(1, bigBefore);
                p.executeUpdate();
            }
        }
        try (JdbcStorage s = JdbcStorage.open(url); Connection c = DriverManager.getConnection(url)) {
            assertThat(InplaceLobs.current(c)).isEqualTo(InplaceLobs.BYTES);
        }
        byte[] after = bytes(40_000, 3);
        byte[] bigAfter = bytes(300_000, 4);
        try (JdbcStorage s = JdbcStorage.open(url)) {
            RunStore runs = s.runs();
            runs.appendGeneration("r", generation(1, after, bigAfter));
            assertThat(runs.frames("r", 0, 0).orElseThrow().data()).isEqualTo(before);
            assertThat(runs.frames("r", 1, 0).orElseThrow().data()).isEqualTo(after);
            assertThat(runs.lastCheckpoint("r").orElseThrow().state()).isEqualTo(bigAfter);
        }
        // a later open finds the limit set and leaves it
        try (JdbcStorage s = JdbcStorage.open(url); Connection c = DriverManager.getConnection(url)) {
            assertThat(InplaceLobs.current(c)).isEqualTo(InplaceLobs.BYTES);
            assertThat(s.runs().frames("r", 0, 0).orElseThrow().data()).isEqualTo(before);
        }
    }

    @Test
    void aNewDatabaseGetsTheLimit() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("fresh");
        try (JdbcStorage s = JdbcStorage.open(url); Connection c = DriverManager.getConnection(url)) {
            assertThat(InplaceLobs.current(c)).isEqualTo(65_536);
        }
    }
}
