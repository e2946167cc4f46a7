package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import nas.api.FrozenTrial;
import nas.api.TrialState;
import nas.api.storage.Storage;
import nas.server.ServerFiles;
import nas.storage.PostgresTestServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Many {@code nas search} processes on one study, all starting at once: every trial stored once,
 * numbers 0..N-1, nothing else, every process exits 0. On an H2 file they all talk to the one
 * storage server the first of them started (the benchmark runs 8 × 250 and 32 × 100).
 */
class MultiProcessSearchTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} workers x {1} trials")
    @CsvSource({"4, 40", "8, 20"})
    void workersOnOneH2File(int workers, int trials) throws Exception {
        Path file = dir.resolve("shared");
        assertEveryTrialStoredOnce(file.toString(), workers, trials);
        List<String> log = Files.readAllLines(new ServerFiles(dir.resolve("shared.mv.db")).log());
        assertThat(log.stream().filter(l -> l.contains("nas server: serving"))).as(String.join("\n", log)).hasSize(1);
    }

    @ParameterizedTest(name = "{0} workers x {1} trials")
    @CsvSource({"4, 40", "8, 20"})
    void workersOnPostgres(int workers, int trials) throws Exception {
        assertEveryTrialStoredOnce(PostgresTestServer.freshUrl("search"), workers, trials);
    }

    /**
     * Workers given a PostgreSQL URL go through the {@code nas server} running in front of it: the
     * server answered their calls, with at most its two connections to the database.
     */
    @org.junit.jupiter.api.Test
    void workersThroughAServerInFrontOfPostgres() throws Exception {
        // the test server trusts loopback connections: the password is only there to be kept out of sight
        String url = PostgresTestServer.freshUrl("served") + "&password=not-shown-42";
        Map<String, String> env = Map.of(ServerFiles.DIR_ENV, dir.toString());
        CliProcess server = CliProcess.start(env, dir, "server", "--storage", url, "--connections", "2");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!server.errorOutput().contains("nas server: serving")) {
            assertThat(System.nanoTime()).as(server.errorOutput()).isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(server.errorOutput()).doesNotContain("not-shown-42");
        int workers = 8;
        int trials = 25;
        assertEveryTrialStoredOnce(url, workers, trials, env);
        server.signal("TERM");
        String log = server.await(60).err();
        Matcher served = Pattern.compile("served (\\d+) calls with at most (\\d+) database connections").matcher(log);
        assertThat(served.find()).as(log).isTrue();
        // every trial is at least a start and a finish
        assertThat(Long.parseLong(served.group(1))).isGreaterThanOrEqualTo(2L * workers * trials);
        assertThat(Integer.parseInt(served.group(2))).isBetween(1, 2);
    }

    private void assertEveryTrialStoredOnce(String url, int workers, int trials) throws Exception {
        assertEveryTrialStoredOnce(url, workers, trials, Map.of());
    }

    private void assertEveryTrialStoredOnce(String url, int workers, int trials, Map<String, String> env)
            throws Exception {
        List<CliProcess> started = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            // all create-or-load the study at once (and on H2 all look for a server at once)
            started.add(CliProcess.start(env, dir, "search", "--study", "many", "--storage", url, "--objective", "sphere",
                    "--dim", "2", "--sampler", "random", "--seed", "5", "--n-trials", String.valueOf(trials),
                    "--heartbeat-interval", "5", "--quiet", "--print-trials"));
        }
        List<Integer> printed = new ArrayList<>();
        for (CliProcess w : started) {
            CliProcess.Result r = w.await(300);
            assertThat(r.exitCode()).as(r.err()).isZero();
            r.out().lines().filter(l -> l.startsWith("trial ")).forEach(l -> printed.add(Integer.parseInt(l.split(" ")[1])));
        }
        int total = workers * trials;
        try (Storage storage = new StorageOptions(url).openExisting()) {
            long study = storage.findStudy("many").getAsLong();
            List<FrozenTrial> all = storage.trials(study, Set.of());
            assertThat(all).hasSize(total).allMatch(t -> t.state() == TrialState.COMPLETE);
            List<Integer> range = IntStream.range(0, total).boxed().toList();
            assertThat(all).extracting(FrozenTrial::number).containsExactlyElementsOf(range);
            // each process finished its own trials: together every number exactly once
            assertThat(printed).hasSize(total).containsExactlyInAnyOrderElementsOf(range);
        }
    }
}
