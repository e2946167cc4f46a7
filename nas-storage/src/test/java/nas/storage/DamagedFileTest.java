package nas.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.exception.StorageDamagedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged H2 file is refused with the last trial known to be stored, never served. */
class DamagedFileTest {

    @TempDir
    Path dir;

    private static final Map<String, Distribution> SPACE = Map.of("x", FloatDistribution.of(0, 1));

    /** Runs {@code n} more trials of study "s" to COMPLETE, as workers do, and closes the storage. */
    private void runTrials(Path db, int n) {
        try (JdbcStorage storage = JdbcStorage.open(db.toString())) {
            long study = storage.findStudy("s").orElseGet(() -> storage.createStudy("s", List.of(StudyDirection.MINIMIZE)));
            for (int i = 0; i < n; i++) {
                FrozenTrial t = storage.startTrial(study, false);
                storage.finishTrial(t.id(), Map.of("x", 0.5), SPACE, TrialState.COMPLETE, List.of((double) i));
            }
        }
    }

    private Path file(Path db) {
        return db.resolveSibling(db.getFileName() + ".mv.db");
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.truncate(size);
        }
    }

    @Test
    void anOlderStateOfTheFileIsRefusedWithTheLastStoredTrial() throws IOException {
        Path db = dir.resolve("older");
        runTrials(db, 40);
        Path older = dir.resolve("older-copy.mv.db");
        Files.copy(file(db), older);
        runTrials(db, 60);
        // what H2 makes of a file whose end is lost: an earlier state of it, with 40 trials
        Files.copy(older, file(db), StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> JdbcStorage.open(db.toString()))
                .isInstanceOf(StorageDamagedException.class)
                .hasMessageContaining("is damaged: study 's' has no finished trial 99")
                .hasMessageContaining("last trial known to be stored: study 's' trial 99")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aFileTruncatedToHalfOrToEightKilobytesIsRefused() throws IOException {
        Path db = dir.resolve("cut");
        runTrials(db, 100);
        Path backup = dir.resolve("backup.mv.db");
        Files.copy(file(db), backup);
        for (long size : new long[] {Files.size(file(db)) / 2, 8192}) {
            Files.copy(backup, file(db), StandardCopyOption.REPLACE_EXISTING);
            truncate(file(db), size);
            JdbcStorage opened = null;
            try {
                opened = JdbcStorage.open(db.toString());
            } catch (StorageDamagedException e) {
                assertThat(e).hasMessageContaining("last trial known to be stored: study 's' trial 99");
            }
            if (opened != null) {
                // the cut spared every live page (H2 keeps them at the front after a compaction):
                // served only because nothing is missing
                assertThat(size).isGreaterThan(8192);
                try (JdbcStorage whole = opened) {
                    assertThat(whole.countTrials(whole.findStudy("s").getAsLong(), Set.of(TrialState.COMPLETE)))
                            .isEqualTo(100);
                }
                continue;
            }
            // refused again: the cut file was not turned into a healthy-looking empty database
            assertThatThrownBy(() -> JdbcStorage.open(db.toString())).isInstanceOf(StorageDamagedException.class);
        }
        // the backup is whole: put back, it opens with every trial
        Files.copy(backup, file(db), StandardCopyOption.REPLACE_EXISTING);
        try (JdbcStorage storage = JdbcStorage.open(db.toString())) {
            assertThat(storage.countTrials(storage.findStudy("s").getAsLong(), Set.of(TrialState.COMPLETE))).isEqualTo(100);
        }
    }

    @Test
    void aMissingFileIsNotReplacedByAnEmptyOne() throws IOException {
        Path db = dir.resolve("gone");
        runTrials(db, 10);
        Files.delete(file(db));
        assertThatThrownBy(() -> JdbcStorage.open(db.toString()))
                .isInstanceOf(StorageDamagedException.class)
                .hasMessageContaining("is missing; last trial known to be stored: study 's' trial 9");
        assertThat(file(db)).doesNotExist();
    }

    @Test
    void aHealthyFileOpensAfterTrialsAndDeletions() {
        Path db = dir.resolve("healthy");
        runTrials(db, 30);
        runTrials(db, 5);
        try (JdbcStorage storage = JdbcStorage.open(db.toString())) {
            long other = storage.createStudy("other", List.of(StudyDirection.MAXIMIZE));
            FrozenTrial t = storage.startTrial(other, false);
            storage.finishTrial(t.id(), Map.of(), Map.of(), TrialState.COMPLETE, List.of(1.0));
            storage.deleteStudy(storage.findStudy("s").getAsLong());
        }
        try (JdbcStorage storage = JdbcStorage.open(db.toString())) {
            assertThat(storage.studies()).extracting(s -> s.name()).containsExactly("other");
        }
        assertThat(dir.resolve("healthy.hwm.json")).content().isEqualTo("{\"other\":{\"studyId\":2,\"lastFinished\":0}}");
    }

    /**
     * {@code rm nas-studies*} while a process still has the database open, then a new database at the same
     * path: the old process must not write its mark beside the new file, or the new one is refused as damaged.
     */
    @Test
    void aProcessWhoseFileWasRemovedOrReplacedWritesNoMarkBesideTheNewOne() throws IOException {
        Path fresh = dir.resolve("fresh");
        runTrials(fresh, 3);
        Files.delete(dir.resolve("fresh.hwm.json"));
        for (boolean replaced : new boolean[] {false, true}) {
            Path db = dir.resolve(replaced ? "replaced" : "removed");
            Path mark = dir.resolve(db.getFileName() + ".hwm.json");
            JdbcStorage old = JdbcStorage.open(db.toString());
            long study = old.createStudy("s", List.of(StudyDirection.MINIMIZE));
            for (int i = 0; i < 20; i++) {
                FrozenTrial t = old.startTrial(study, false);
                old.finishTrial(t.id(), Map.of("x", 0.5), SPACE, TrialState.COMPLETE, List.of((double) i));
            }
            Files.delete(file(db));
            if (replaced) {
                Files.copy(file(fresh), file(db));
            }
            old.close(); // would write "trial 19" beside the new file
            assertThat(mark).doesNotExist();
            if (replaced) {
                try (JdbcStorage storage = JdbcStorage.open(db.toString())) {
                    assertThat(storage.countTrials(storage.findStudy("s").getAsLong(), Set.of(TrialState.COMPLETE)))
                            .isEqualTo(3);
                }
            }
        }
    }
}
