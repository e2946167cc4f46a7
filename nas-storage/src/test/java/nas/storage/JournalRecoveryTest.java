package nas.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nas.api.FrozenTrial;
import nas.api.Studies;
import nas.api.Study;
import nas.api.Trial;
import nas.api.TrialState;
import nas.api.sampler.RandomSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file whose process dies before H2 wrote its commits: every trial that ended is back after
 * the next opening, from the journal, with its values, parameters, intermediate values and
 * attributes. H2's background writer is held off ({@code WRITE_DELAY} of an hour) and the crash
 * is {@code SHUTDOWN IMMEDIATELY}, which closes the file without writing anything.
 */
class JournalRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void finishedTrialsSurviveACrashBeforeH2WritesThem() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("crash") + ";WRITE_DELAY=3600000";
        JdbcStorage storage = JdbcStorage.open(url);
        Study study = Studies.builder("crash").storage(storage).sampler(new RandomSampler(3)).create();
        // trial 0 starts, and a durable write stores its start: at the crash it is RUNNING on disk
        Trial first = study.ask();
        study.setUserAttr("note", "stored with trial 0 running");
        runTrial(study, first);
        for (int i = 1; i < 20; i++) {
            runTrial(study, study.ask());
        }
        Trial failed = study.ask();
        failed.suggestFloat("x", -1, 1);
        study.tell(failed, TrialState.FAIL, "boom");
        Trial running = study.ask();  // started, never ended: lost with the crash
        List<FrozenTrial> before = study.trials();
        assertThat(before).hasSize(22);
        assertThat(Files.size(dir.resolve("crash.journal"))).isPositive();

        crash(url);
        // a damaged line among the records is skipped; the others are replayed
        Path journal = dir.resolve("crash.journal");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(journal));
        lines.add(2, "{\"study\": 1, \"id\": trunc");
        Files.write(journal, lines);
        // without the journal, the file alone has trial 0 RUNNING and none of the others
        Files.copy(dir.resolve("crash.mv.db"), dir.resolve("bare.mv.db"));
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + dir.resolve("bare"));
                Statement s = c.createStatement();
                java.sql.ResultSet r = s.executeQuery("SELECT COUNT(*), MAX(state) FROM trials")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(1);
            assertThat(r.getString(2)).isEqualTo("RUNNING");
        }

        try (JdbcStorage reopened = JdbcStorage.open(url)) {
            long studyId = reopened.findStudy("crash").getAsLong();
            List<FrozenTrial> after = reopened.trials(studyId, Set.of());
            assertThat(after).hasSize(21);
            for (int i = 0; i < 21; i++) {
                FrozenTrial want = before.get(i);
                FrozenTrial got = after.get(i);
                assertThat(got.number()).isEqualTo(want.number());
                assertThat(got.state()).isEqualTo(want.state());
                assertThat(got.values()).isEqualTo(want.values());
                assertThat(got.params()).isEqualTo(want.params());
                assertThat(got.distributions()).isEqualTo(want.distributions());
                assertThat(got.intermediateValues()).isEqualTo(want.intermediateValues());
                assertThat(got.userAttrs()).isEqualTo(want.userAttrs());
                assertThat(got.systemAttrs()).isEqualTo(want.systemAttrs());
                assertThat(got.datetimeStart()).isEqualTo(want.datetimeStart());
                assertThat(got.datetimeComplete()).isEqualTo(want.datetimeComplete());
            }
            assertThat(after.get(20).systemAttrs()).containsEntry(FrozenTrial.FAIL_REASON, "boom");
            assertThat(reopened.studyUserAttrs(studyId)).containsEntry("note", "stored with trial 0 running");
            // the lost RUNNING trial's number is free again, and new trials go on from there
            assertThat(running.number()).isEqualTo(21);
            Study resumed = Studies.builder("crash").storage(reopened).load();
            Trial next = resumed.ask();
            assertThat(next.number()).isEqualTo(21);
            runTrial(resumed, next);
            assertThat(reopened.countTrials(studyId, Set.of(TrialState.COMPLETE))).isEqualTo(21);
        }
        // a clean close leaves everything in the file and no journal
        assertThat(dir.resolve("crash.journal")).doesNotExist();
    }

    /**
     * Trials with nothing but parameters and a value: their records are written from what the
     * storage knows, without reading them back, and come back equal all the same.
     */
    @Test
    void plainTrialsComeBackEqual() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("plain") + ";WRITE_DELAY=3600000";
        JdbcStorage storage = JdbcStorage.open(url);
        Study study = Studies.builder("plain").storage(storage).sampler(new RandomSampler(9)).create();
        Trial first = study.ask();
        study.setUserAttr("stored", true);  // stores trial 0's start: it comes back through an update
        first.suggestFloat("x", -1, 1);
        study.tell(first, 1.5);
        for (int i = 1; i < 30; i++) {
            Trial t = study.ask();
            double x = t.suggestFloat("x", -1, 1);
            String c = t.suggestCategorical("c", "a", "b", "c");
            study.tell(t, x + c.length());
        }
        Trial pruned = study.ask();
        pruned.suggestFloat("x", -1, 1);
        study.tell(pruned, TrialState.PRUNED);
        List<FrozenTrial> before = study.trials();
        crash(url);
        try (JdbcStorage reopened = JdbcStorage.open(url)) {
            long studyId = reopened.findStudy("plain").getAsLong();
            List<FrozenTrial> after = reopened.trials(studyId, Set.of());
            assertThat(after).hasSameSizeAs(before);
            for (int i = 0; i < before.size(); i++) {
                // a trial whose row was lost gets a new id; everything else is as it was
                assertThat(after.get(i)).as("trial %d", i).usingRecursiveComparison().ignoringFields("id")
                        .isEqualTo(before.get(i));
            }
        }
    }

    @Test
    void aJournalOfAnotherDatabaseIsNotReplayed() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("reused") + ";WRITE_DELAY=3600000";
        JdbcStorage storage = JdbcStorage.open(url);
        Study study = Studies.builder("old").storage(storage).sampler(new RandomSampler(1)).create();
        runTrial(study, study.ask());
        crash(url);
        Path journal = dir.resolve("reused.journal");
        Path kept = dir.resolve("kept.journal");
        Files.copy(journal, kept);
        // the database file is deleted and made anew; the old journal is left behind
        Files.delete(dir.resolve("reused.mv.db"));
        // (with its high-water mark: a database deleted alone is refused as missing, see DamagedFileTest)
        Files.deleteIfExists(dir.resolve("reused.hwm.json"));
        Files.copy(kept, journal, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (JdbcStorage fresh = JdbcStorage.open(url)) {
            long id = fresh.createStudy("new", List.of(nas.api.StudyDirection.MINIMIZE));
            assertThat(fresh.trials(id, Set.of())).isEmpty();
            assertThat(fresh.findStudy("old")).isEmpty();
        }
    }

    /** One trial with two parameters, two reports and an attribute, ended by tell. */
    private static void runTrial(Study study, Trial t) {
        double x = t.suggestFloat("x", -1, 1);
        int k = t.suggestInt("k", 1, 5);
        t.report(x * x, 0);
        t.report(x * x / 2, 1);
        t.setUserAttr("k_squared", k * k);
        study.tell(t, x * x + k);
    }

    /** Closes the database file without writing anything, as a killed process would leave it. */
    private static void crash(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN IMMEDIATELY");
        } catch (java.sql.SQLException expected) {
            // the connection dies with the database
        }
    }
}
