package nas.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a process killed mid-store can leave in an H2 file: H2 writes a commit's tables one after another (H2
 * issue 2080), so the last store before a SIGKILL may hold a new trial's row without the study's counter update.
 * The next trial takes the number after the last stored one: numbers stay unique and the study keeps working.
 */
class TrialNumbersAfterCrashTest {

    @TempDir
    Path dir;

    private static final Map<String, Distribution> SPACE = Map.of("x", FloatDistribution.of(0, 1));

    private String db() {
        return dir.resolve("crash").toString();
    }

    /** Study "s" with {@code n} COMPLETE trials; returns its id. */
    private long studyWith(int n) {
        try (JdbcStorage storage = JdbcStorage.open(db())) {
            long study = storage.createStudy("s", List.of(StudyDirection.MINIMIZE));
            for (int i = 0; i < n; i++) {
                FrozenTrial t = storage.startTrial(study, false);
                storage.finishTrial(t.id(), Map.of("x", 0.5), SPACE, TrialState.COMPLETE, List.of((double) i));
            }
            return study;
        }
    }

    /** Runs {@code sql} on the file directly, as the recovered store left it. */
    private void leave(String sql, long study) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + db() + ";IFEXISTS=TRUE", "", "");
                PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, study);
            assertThat(p.executeUpdate()).isEqualTo(1);
        }
    }

    private static List<Integer> numbers(JdbcStorage storage, long study) {
        return storage.trials(study, Set.of()).stream().map(FrozenTrial::number).toList();
    }

    @Test
    void aTrialStoredWithoutItsCounterIsNotNumberedTwice() throws SQLException {
        long study = studyWith(5);
        leave("INSERT INTO trials (study_id, trial_number, state, datetime_start) "
                + "VALUES (?, 5, 'RUNNING', CURRENT_TIMESTAMP)", study);
        try (JdbcStorage storage = JdbcStorage.open(db())) {
            assertThat(storage.startTrial(study, false).number()).isEqualTo(6);
            assertThat(numbers(storage, study)).containsExactlyElementsOf(IntStream.range(0, 7).boxed().toList());
        }
    }
}
