package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import nas.api.FrozenTrial;
import nas.api.TrialState;
import nas.storage.JdbcStorage;
import nas.storage.PostgresTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Four {@code nas search} processes on one study: every trial stored once, numbers 0..199. */
class MultiProcessSearchTest {

    @TempDir
    Path dir;

    @Test
    void fourProcessesOnOneH2File() throws Exception {
        assertFourProcessesStoreEveryTrialOnce(dir.resolve("shared").toString());
    }

    @Test
    void fourProcessesOnPostgres() throws Exception {
        assertFourProcessesStoreEveryTrialOnce(PostgresTestServer.freshUrl("search"));
    }

    private void assertFourProcessesStoreEveryTrialOnce(String url) throws Exception {
        List<CliProcess> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            // all four create-or-load the study at once
            workers.add(CliProcess.start(dir, "search", "--study", "four", "--storage", url, "--objective", "sphere",
                    "--dim", "2", "--sampler", "random", "--seed", "5", "--n-trials", "50", "--heartbeat-interval",
                    "5", "--quiet", "--print-trials"));
        }
        List<Integer> printed = new ArrayList<>();
        for (CliProcess w : workers) {
            CliProcess.Result r = w.await(120);
            assertThat(r.exitCode()).as(r.err()).isZero();
            r.out().lines().filter(l -> l.startsWith("trial ")).forEach(l -> printed.add(Integer.parseInt(l.split(" ")[1])));
        }
        try (JdbcStorage storage = JdbcStorage.open(url, false)) {
            long study = storage.findStudy("four").getAsLong();
            List<FrozenTrial> trials = storage.trials(study, Set.of());
            assertThat(trials).hasSize(200).allMatch(t -> t.state() == TrialState.COMPLETE);
            List<Integer> range = IntStream.range(0, 200).boxed().toList();
            assertThat(trials).extracting(FrozenTrial::number).containsExactlyElementsOf(range);
            // each process finished its own 50: together every number exactly once
            assertThat(printed).hasSize(200).containsExactlyInAnyOrderElementsOf(range);
        }
    }
}
