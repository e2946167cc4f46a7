package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.Studies;
import nas.api.Study;
import nas.api.TrialState;
import nas.api.json.Json;
import nas.api.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import nas.api.testing.LogCapture;
import java.util.logging.Level;

class AskTellCommandsTest {

    private static final String SPACE = "{\"x\": {\"name\": \"FloatDistribution\", \"attributes\": {\"low\": -5, \"high\": 5}},"
            + " \"n\": {\"name\": \"IntDistribution\", \"attributes\": {\"low\": 1, \"high\": 8, \"step\": 1, \"log\": false}},"
            + " \"act\": {\"name\": \"CategoricalDistribution\", \"attributes\": {\"choices\": [\"relu\", \"tanh\"]}}}";

    @TempDir
    Path dir;

    private String db() {
        return "jdbc:h2:" + dir.resolve("db").toAbsolutePath();
    }

    private Map<?, ?> ask(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("ask", "--study", "sh", "--search-space", SPACE,
                "--storage", db()));
        args.addAll(List.of(extra));
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return (Map<?, ?>) Json.read(r.out());
    }

    @Test
    void askAndTellFromTheShellRunAStudy() throws Exception {
        for (int i = 0; i < 12; i++) {
            Map<?, ?> asked = ask("--sampler", "tpe", "--tpe-startup-trials", "5", "--seed", "3");
            assertThat(((Number) asked.get("number")).intValue()).isEqualTo(i);
            Map<?, ?> p = (Map<?, ?>) asked.get("params");
            double x = ((Number) p.get("x")).doubleValue();
            long n = ((Number) p.get("n")).longValue();
            assertThat(x).isBetween(-5.0, 5.0);
            assertThat(n).isBetween(1L, 8L);
            assertThat(p.get("act")).isIn("relu", "tanh");
            double value = x * x + n;
            CliRunner.Result told = CliRunner.run("tell", "--study", "sh", "--trial-number", Integer.toString(i),
                    "--values", Double.toString(value), "--sampler", "tpe", "--tpe-startup-trials", "5", "--seed", "3",
                    "--storage", db());
            assertThat(told.exitCode()).as(told.err()).isZero();
            assertThat(told.out()).contains("COMPLETE");
        }
        // the search space may also be a file; failed and pruned outcomes
        Path space = dir.resolve("space.json");
        Files.writeString(space, SPACE);
        CliRunner.Result fromFile = CliRunner.run("ask", "--study", "sh", "--search-space", space.toString(),
                "--storage", db());
        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        try (LogCapture log = LogCapture.start()) {
            assertThat(CliRunner.run("tell", "--study", "sh", "--trial-number", "12", "--state", "fail",
                    "--storage", db()).out()).contains("FAIL");
            assertThat(log.messages(Level.WARNING)).containsExactly("trial 12 of study 'sh' failed: told as failed");
        }
        ask();
        assertThat(CliRunner.run("tell", "--study", "sh", "--trial-number", "13", "--state", "pruned", "--storage", db())
                .out()).contains("PRUNED");
        try (Storage store = new StorageOptions(db()).open()) {
            Study s = Studies.builder("sh").storage(store).load();
            List<FrozenTrial> trials = s.trials();
            assertThat(trials).hasSize(14);
            assertThat(trials.subList(0, 12)).allMatch(t -> t.state() == TrialState.COMPLETE);
            assertThat(trials.get(0).param("n")).isInstanceOf(Integer.class);
            assertThat(trials.get(12).state()).isEqualTo(TrialState.FAIL);
            assertThat(trials.get(13).state()).isEqualTo(TrialState.PRUNED);
            assertThat(trials.get(0).value()).isEqualTo(Math.pow((Double) trials.get(0).param("x"), 2)
                    + (Integer) trials.get(0).param("n"));
        }
    }

    @Test
    void multiObjectiveAndNsga2KeepTheirStateAcrossProcesses() {
        String[] nsga = {"--sampler", "nsga2", "--population-size", "4", "--directions", "minimize", "maximize"};
        for (int i = 0; i < 12; i++) {
            Map<?, ?> asked = ask(nsga);
            double x = ((Number) ((Map<?, ?>) asked.get("params")).get("x")).doubleValue();
            CliRunner.Result told = CliRunner.run("tell", "--study", "sh", "--trial-number", asked.get("number").toString(),
                    "--values", Double.toString(x * x), Double.toString(x), "--sampler", "nsga2", "--population-size", "4",
                    "--storage", db());
            assertThat(told.exitCode()).as(told.err()).isZero();
        }
        try (Storage store = new StorageOptions(db()).open()) {
            Study s = Studies.builder("sh").storage(store).load();
            Map<?, ?> population = (Map<?, ?>) s.systemAttrs().get("nsga2:population");
            assertThat(((Number) population.get("generation")).intValue()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void badInputIsOneLineWithExitCode2() {
        ask();
        CliRunner.Result wrongCount = CliRunner.run("tell", "--study", "sh", "--trial-number", "0", "--values", "1", "2",
                "--storage", db());
        assertThat(wrongCount.exitCode()).isEqualTo(2);
        assertThat(wrongCount.err()).contains("1 objective(s)").hasLineCount(1);
        assertThat(CliRunner.run("tell", "--study", "sh", "--trial-number", "0", "--values", "1", "--storage", db())
                .exitCode()).isZero();
        CliRunner.Result twice = CliRunner.run("tell", "--study", "sh", "--trial-number", "0", "--values", "1",
                "--storage", db());
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).contains("already finished").hasLineCount(1);
        assertThat(CliRunner.run("tell", "--study", "sh", "--trial-number", "9", "--values", "1", "--storage", db())
                .err()).contains("no trial number 9");
        assertThat(CliRunner.run("tell", "--study", "sh", "--trial-number", "0", "--state", "done", "--storage", db())
                .exitCode()).isEqualTo(2);
        CliRunner.Result badSpace = CliRunner.run("ask", "--study", "sh", "--search-space", "{\"x\": {\"name\": \"Foo\"}}",
                "--storage", db());
        assertThat(badSpace.exitCode()).isEqualTo(2);
        assertThat(badSpace.err()).hasLineCount(1);
        CliRunner.Result range = CliRunner.run("ask", "--study", "sh", "--search-space",
                "{\"x\": {\"type\": \"float\", \"low\": 2, \"high\": 1}}", "--storage", db());
        assertThat(range.exitCode()).isEqualTo(2);
    }

    @Test
    void anAskWhoseSpaceConflictsWithTheStudysLeavesNoTrialBehind() {
        ask();
        CliRunner.Result conflict = CliRunner.run("ask", "--study", "sh", "--search-space",
                "{\"x\": {\"name\": \"FloatDistribution\", \"attributes\": {\"low\": -5, \"high\": 10}}}",
                "--storage", db());
        assertThat(conflict.exitCode()).isEqualTo(2);
        assertThat(conflict.err().strip()).isEqualTo("nas: parameter 'x' was already suggested in study 'sh' as "
                + "float[-5.0, 5.0] and cannot now be float[-5.0, 10.0]; a study keeps one distribution per parameter "
                + "name (another range needs another name or study)");
        try (Storage store = new StorageOptions(db()).open()) {
            List<FrozenTrial> trials = Studies.builder("sh").storage(store).load().trials();
            assertThat(trials).extracting(FrozenTrial::number).containsExactly(0);
        }
        // the next ask of the study's own space takes the next number, 1
        assertThat(((Number) ask().get("number")).intValue()).isEqualTo(1);
    }

    @Test
    void aStudyWithRunningTrialsIsDeletedOnlyWithForce() {
        ask();
        // before: deleted at once, and a search running on it died with "no trial with id N"
        CliRunner.Result refused = CliRunner.run("delete-study", "--study", "sh", "--storage", db());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err().strip()).isEqualTo("nas: study 'sh' has 1 RUNNING trial: a search may be running "
                + "on it; stop it first, or add --force to delete the study anyway");
        try (Storage store = new StorageOptions(db()).open()) {
            assertThat(Studies.builder("sh").storage(store).load().trials()).hasSize(1);
        }
        CliRunner.Result forced = CliRunner.run("delete-study", "--study", "sh", "--force", "--storage", db());
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("deleted study 'sh'");
        try (Storage store = new StorageOptions(db()).open()) {
            assertThat(store.findStudy("sh")).isEmpty();
        }
    }
}
