package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nas.api.json.Json;
import nas.storage.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --store-runs}: the evolution runs of {@code nas search} with the evolution-lab objective and of
 * {@code nas run} are kept in the run tables, and {@code nas replay} of the best trial's run reproduces its value.
 */
class StoreRunsCommandsTest {

    @TempDir
    Path dir;

    private String url() {
        return dir.resolve("db").toString();
    }

    private CliRunner.Result nas(String... args) {
        return CliRunner.runOn(url(), args);
    }

    private <T> T runs(java.util.function.Function<RunStore, T> read) {
        return CliRunner.readRuns(url(), read);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBestTrialsRunReplaysToItsValue() {
        CliRunner.Result search = nas("search", "--study", "lab", "--objective", "evolution-lab", "--generations", "4",
                "--seeds", "1", "-O", "population-size=12", "-O", "threads=2", "--n-trials", "3", "--seed", "3",
                "--store-runs", "--quiet");
        assertThat(search.exitCode()).as(search.err()).isZero();
        Map<String, Object> best = (Map<String, Object>) Json.read(nas("best", "--study", "lab", "--format", "json").out());
        double value = ((Number) ((List<Object>) best.get("values")).get(0)).doubleValue();
        List<String> stored = (List<String>) ((Map<String, Object>) best.get("user_attrs")).get("stored_runs");
        String id = "lab-trial" + best.get("number") + "-seed42";
        assertThat(stored).containsExactly(id);
        RunStore.Run run = runs(s -> s.run(id).orElseThrow());
        assertThat(run.status()).isEqualTo(RunStore.COMPLETE);
        assertThat(run.generationsDone()).isEqualTo(4);
        assertThat(run.bestFitness()).isEqualTo(value);
        assertThat(runs(RunStore::runs)).hasSize(3);

        CliRunner.Result replay = nas("replay", id, "--generation", String.valueOf(run.bestGeneration()), "--rank", "1",
                "--format", "json");
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        Map<String, Object> r = (Map<String, Object>) Json.read(replay.out());
        assertThat(((Number) r.get("fitness")).doubleValue()).isEqualTo(value);
        assertThat(r.get("fitness_matches")).isEqualTo(true);

        // an objective without runs to keep
        CliRunner.Result wrong = nas("search", "--study", "sphere", "--objective", "sphere", "--n-trials", "1",
                "--store-runs");
        assertThat(wrong.exitCode()).isEqualTo(Nas.BAD_INPUT);
        assertThat(wrong.err()).contains("--store-runs keeps the runs of the evolution-lab objective");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRunsOfPrunedTrialsAreMarkedPruned() {
        // the threshold pruner prunes every trial at its first generation: no best fitness reaches 1e9
        CliRunner.Result search = nas("search", "--study", "cut", "--objective", "evolution-lab", "--generations", "4",
                "--seeds", "1", "-O", "population-size=10", "-O", "threads=2", "--n-trials", "2", "--seed", "5",
                "--pruner", "threshold", "--pruner-lower", "1e9", "--store-runs", "--quiet");
        assertThat(search.exitCode()).as(search.err()).isZero();
        List<Map<String, Object>> trials = (List<Map<String, Object>>) Json.read(nas("trials", "--study", "cut",
                "--format", "json").out());
        assertThat(trials).hasSize(2).allSatisfy(t -> assertThat(t.get("state")).isEqualTo("PRUNED"));
        List<RunStore.Run> stored = runs(RunStore::runs);
        assertThat(stored).extracting(RunStore.Run::id).containsExactlyInAnyOrder("cut-trial0-seed42", "cut-trial1-seed42");
        // pruned after its first generation, which is stored
        assertThat(stored).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(RunStore.PRUNED);
            assertThat(r.generationsDone()).isEqualTo(1);
        });
    }

    @Test
    void searchRunsAreStoredOnPostgresql() {
        String pg = nas.storage.PostgresTestServer.freshUrl("storeruns");
        CliRunner.Result search = CliRunner.runOn(pg, "search", "--study", "lab", "--objective", "evolution-lab",
                "--generations", "3", "--seeds", "1", "-O", "population-size=10", "-O", "threads=2", "--n-trials", "2",
                "--seed", "3", "--store-runs", "--quiet");
        assertThat(search.exitCode()).as(search.err()).isZero();
        List<RunStore.Run> stored = CliRunner.readRuns(pg, RunStore::runs);
        assertThat(stored).extracting(RunStore.Run::id).containsExactlyInAnyOrder("lab-trial0-seed42", "lab-trial1-seed42");
        for (RunStore.Run run : stored) {
            assertThat(run.status()).isEqualTo(RunStore.COMPLETE);
            assertThat(run.generationsDone()).isEqualTo(3);
            List<RunStore.Creature> creatures = CliRunner.readRuns(pg, s -> s.creatures(run.id(), 2));
            assertThat(creatures).hasSize(10);
            assertThat(creatures.stream().mapToDouble(RunStore.Creature::fitness).max().orElseThrow())
                    .isEqualTo(CliRunner.readRuns(pg, s -> s.generations(run.id(), 2)).get(0).best());
        }
        CliRunner.Result replay = CliRunner.runOn(pg, "replay", "lab-trial0-seed42", "--generation", "2", "--rank", "1",
                "--format", "json");
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(((Map<?, ?>) Json.read(replay.out())).get("fitness_matches")).isEqualTo(true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void nasRunKeepsEachSeedsRun() throws IOException {
        CliRunner.Result r = nas("run", "-c", "pure_baseline", "-g", "3", "-s", "2", "-p", "10", "-q", "--results-dir",
                dir.resolve("results").toString(), "--store-runs");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path file = Path.of(r.out().lines().filter(l -> l.startsWith("Results: ")).findFirst().orElseThrow()
                .substring("Results: ".length()));
        Map<String, Object> doc = (Map<String, Object>) Json.read(java.nio.file.Files.readString(file));
        List<Map<String, Object>> seeds = (List<Map<String, Object>>) doc.get("runs");
        assertThat(seeds).hasSize(2);
        for (Map<String, Object> seed : seeds) {
            String id = (String) seed.get("stored_run");
            assertThat(id).endsWith("-seed" + seed.get("seed"));
            RunStore.Run run = runs(s -> s.run(id).orElseThrow());
            assertThat(run.bestFitness()).isEqualTo(((Number) seed.get("best_fitness")).doubleValue());
            assertThat(run.generationsDone()).isEqualTo(3);
            assertThat(run.status()).isEqualTo(RunStore.COMPLETE);
        }
    }
}
