package nas.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2RunStoreTest extends RunStoreContractTest {

    @TempDir
    Path dir;

    @Override
    protected RunStore open(Consumer<AutoCloseable> closeWith) {
        JdbcStorage s = JdbcStorage.open("jdbc:h2:" + dir.resolve("runs"));
        closeWith.accept(s);
        return s.runs();
    }

    /**
     * A generation's block whose rows were changed outside NAS (one lost, one overwritten) is refused with one line
     * naming the run and generation; the run's other generations still read.
     */
    @Test
    void aBlockChangedInTheDatabaseIsRefusedInOneLine() throws SQLException {
        String url = "jdbc:h2:" + dir.resolve("damaged");
        try (JdbcStorage s = JdbcStorage.open(url)) {
            s.runs().createRun(run("d"));
            for (int g = 0; g < 3; g++) {
                List<RunStore.Creature> creatures = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    creatures.add(RunStore.Creature.withGenome(g, i, i, 0, 0.0, false, i, 3, 2, new byte[20_000]));
                }
                s.runs().appendGeneration("d", new RunStore.GenerationBatch(batch(g, 1.0, false).generation(), creatures,
                        List.of(), null, RunStore.RUNNING, g));
            }
        }
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(count(c, "SELECT COUNT(*) FROM evolution_generation_blocks WHERE generation = 0"))
                    .isEqualTo((4 * (20_000 + 57) + 17 + JdbcRunStore.PART_BYTES - 1) / JdbcRunStore.PART_BYTES);
            update(c, "DELETE FROM evolution_generation_blocks WHERE generation = 0 AND part = 1");
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE evolution_generation_blocks SET creatures = ? WHERE generation = 1 AND part = 0")) {
                p.setBytes(1, Deflate.text("{\"not\":\"creatures\"}"));
                p.executeUpdate();
            }
        }
        try (JdbcStorage s = JdbcStorage.open(url)) {
            assertThatThrownBy(() -> s.runs().creatures("d", 0)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("run 'd' generation 0's creatures are damaged in the database (its checksum does not "
                            + "match): restore it from a copy or export what else it holds");
            assertThatThrownBy(() -> s.runs().creatures("d", 1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("run 'd' generation 1's creatures cannot be read: the stored value is not "
                            + "a block of creatures").hasMessageNotContaining("\n");
            assertThat(s.runs().creatures("d", 2)).hasSize(4);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void update(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
