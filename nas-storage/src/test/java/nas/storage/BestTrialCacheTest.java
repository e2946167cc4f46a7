package nas.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owner of an H2 file keeps each study's best trial once read: it must follow every trial
 * finished afterwards, by any storage of the process on the file, with the same tie rule as the
 * query (the lowest number among equal values), and start afresh for a new file at the same path.
 */
class BestTrialCacheTest {

    @TempDir
    Path dir;

    private static int finish(Storage storage, long study, double value) {
        FrozenTrial t = storage.startTrial(study, false);
        storage.setTrialStateValues(t.id(), TrialState.COMPLETE, List.of(value));
        return t.number();
    }

    private static int best(Storage storage, long study) {
        return storage.bestTrial(study).orElseThrow().number();
    }

    @Test
    void theBestFollowsEveryFinishedTrialWithTheQuerysTieRule() {
        String url = dir.resolve("best").toString();
        try (JdbcStorage a = JdbcStorage.open(url); JdbcStorage b = JdbcStorage.open(url)) {
            long min = a.createStudy("min", List.of(StudyDirection.MINIMIZE));
            long max = a.createStudy("max", List.of(StudyDirection.MAXIMIZE));
            assertThat(a.bestTrial(min)).isEmpty();
            finish(a, min, 3.0);
            int one = finish(a, min, 1.0);
            finish(a, min, 2.0);
            assertThat(best(a, min)).isEqualTo(one); // read once by the query, kept from now on
            finish(a, min, 1.0); // equal value, higher number: the first stays best
            assertThat(best(a, min)).isEqualTo(one);
            int fromB = finish(b, min, 0.5); // another storage of this process on the same file
            assertThat(best(a, min)).isEqualTo(fromB);
            FrozenTrial pruned = a.startTrial(min, false);
            a.setTrialStateValues(pruned.id(), TrialState.PRUNED, List.of(-10.0)); // only COMPLETE counts
            assertThat(best(a, min)).isEqualTo(fromB);

            finish(a, max, 1.0);
            assertThat(best(a, max)).isZero();
            int high = finish(b, max, 7.0);
            assertThat(best(a, max)).isEqualTo(high);
        }
        try (JdbcStorage reopened = JdbcStorage.open(url)) {
            long min = reopened.findStudy("min").getAsLong();
            assertThat(reopened.bestTrial(min).orElseThrow().value()).isEqualTo(0.5);
        }
    }

    @Test
    void aNewFileAtTheSamePathIsNotAnsweredFromTheOldOnesBest() throws Exception {
        String url = dir.resolve("again").toString();
        try (JdbcStorage first = JdbcStorage.open(url)) {
            long s = first.createStudy("s", List.of(StudyDirection.MINIMIZE));
            finish(first, s, 5.0);
            finish(first, s, -1.0);
            assertThat(best(first, s)).isEqualTo(1);
        }
        java.nio.file.Files.delete(dir.resolve("again.mv.db"));
        java.nio.file.Files.deleteIfExists(dir.resolve("again.hwm.json"));
        try (JdbcStorage second = JdbcStorage.open(url)) {
            long s = second.createStudy("s", List.of(StudyDirection.MINIMIZE));
            finish(second, s, 2.0);
            assertThat(second.bestTrial(s).orElseThrow().value()).isEqualTo(2.0);
        }
    }
}
