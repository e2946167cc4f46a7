package nas.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A storage server that has just started cannot have received the heartbeats its clients sent
 * while no server ran: it judges heartbeats only after one grace period, so a restart does not
 * fail the live trials of workers that were waiting for it.
 */
class StaleAfterServerRestartTest {

    @TempDir
    Path dir;

    @Test
    void aRestartedServerFailsStaleTrialsOnlyAfterOneGracePeriod() throws Exception {
        String url = dir.resolve("restart").toString();
        // the first check below must come within one grace period of the server's start, opening the file
        // included: a few tens of milliseconds idle, but on a loaded machine a large part of a second
        Duration grace = Duration.ofSeconds(2);
        long study;
        long trial;
        try (JdbcStorage before = JdbcStorage.openForServer(url)) {
            study = before.createStudy("s", List.of(StudyDirection.MINIMIZE));
            trial = before.startTrial(study, true).id();
        }
        Thread.sleep(grace.toMillis() + 100); // the server is down longer than the grace period
        try (JdbcStorage after = JdbcStorage.openForServer(url)) {
            assertThat(after.failStaleTrials(study, grace)).isEmpty();
            assertThat(after.trial(trial).state()).isEqualTo(TrialState.RUNNING);
            Thread.sleep(grace.toMillis() + 100); // no heartbeat came during a whole grace period
            assertThat(after.failStaleTrials(study, grace)).extracting(FrozenTrial::id).containsExactly(trial);
        }
    }

    @Test
    void aProcessOwningTheFileItselfJudgesAtOnce() throws Exception {
        // no clients outlive it: a trial running when it opens was left by a process that died
        String url = dir.resolve("own").toString();
        Duration grace = Duration.ofMillis(200);
        long study;
        long trial;
        try (JdbcStorage before = JdbcStorage.open(url)) {
            study = before.createStudy("s", List.of(StudyDirection.MINIMIZE));
            trial = before.startTrial(study, true).id();
        }
        Thread.sleep(2 * grace.toMillis());
        try (JdbcStorage after = JdbcStorage.open(url)) {
            assertThat(after.failStaleTrials(study, grace)).extracting(FrozenTrial::id).containsExactly(trial);
        }
    }
}
