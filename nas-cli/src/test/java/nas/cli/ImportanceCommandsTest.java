package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.Studies;
import nas.api.Study;
import nas.api.json.Json;
import nas.api.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nas importance}, {@code nas screen} and phase 2 of {@code nas search}, on the ellipsoid test function. */
class ImportanceCommandsTest {

    @TempDir
    Path dir;

    private String db() {
        return dir.resolve("db").toString();
    }

    // ellipsoid with dim 4: weights 1, 1e2, 1e4, 1e6 on x0..x3, so x3 >> x2 >> x1, x0.

    @Test
    void importanceRanksTheEllipsoidsParameters() {
        assertThat(CliRunner.run("search", "--study", "e", "--objective", "ellipsoid", "--dim", "4", "--n-trials", "40",
                "--seed", "3", "--quiet", "--storage", db()).exitCode()).isZero();
        CliRunner.Result csv = CliRunner.run("importance", "--study", "e", "--format", "csv", "--storage", db());
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("rank,parameter,importance,spread");
        assertThat(lines.get(1)).startsWith("1,x3,");
        assertThat(lines).hasSize(5); // x2's 1 % share is within the forest's noise at 40 trials: only x3 is asserted
        assertThat(Double.parseDouble(lines.get(1).split(",")[2])).isGreaterThan(0.9);

        CliRunner.Result ped = CliRunner.run("importance", "--study", "e", "--evaluator", "ped-anova",
                "--top-quantile", "0.2", "--format", "json", "--storage", db());
        assertThat(ped.exitCode()).as(ped.err()).isZero();
        assertThat(ped.out()).contains("\"evaluator\":\"ped-anova\"").contains("\"fraction\"");
        assertThat(ped.out().indexOf("\"x3\"")).isLessThan(ped.out().indexOf("\"x0\""));
        CliRunner.Result badQuantile = CliRunner.run("importance", "--study", "e", "--evaluator", "ped-anova",
                "--top-quantile", "1.5", "--storage", db());
        assertThat(badQuantile.exitCode()).isEqualTo(2);
        assertThat(badQuantile.err()).contains("--top-quantile").hasLineCount(1);

        CliRunner.Result table = CliRunner.run("importance", "--study", "e", "--top", "1", "--storage", db());
        assertThat(table.out()).contains("fANOVA importance of the objective (40 trials used, 0 left out)")
                .contains("   1  x3").contains("#".repeat(30)).doesNotContain("   2  ");

        CliRunner.Result json = CliRunner.run("importance", "--study", "e", "--evaluator", "mdi", "--format", "json",
                "--storage", db());
        Map<?, ?> parsed = (Map<?, ?>) Json.read(json.out());
        assertThat(parsed.get("evaluator")).isEqualTo("mdi");
        assertThat(((Map<?, ?>) ((List<?>) parsed.get("parameters")).get(0)).get("name")).isEqualTo("x3");
    }

    @Test
    void importanceErrorsAreOneLineWithExitCode2() {
        CliRunner.Result none = CliRunner.run("importance", "--study", "nope", "--storage", db());
        assertThat(none.exitCode()).isEqualTo(2);
        CliRunner.run("search", "--study", "few", "--objective", "sphere", "--dim", "2", "--n-trials", "2", "--quiet",
                "--storage", db());
        CliRunner.Result few = CliRunner.run("importance", "--study", "few", "--storage", db());
        assertThat(few.exitCode()).isEqualTo(2);
        assertThat(few.err()).contains("at least 4 completed trials").contains("has 2").hasLineCount(1);
        CliRunner.Result morris = CliRunner.run("importance", "--study", "few", "--evaluator", "morris", "--storage", db());
        assertThat(morris.exitCode()).isEqualTo(2);
        assertThat(morris.err()).contains("no Morris design");
        assertThat(CliRunner.run("importance", "--study", "few", "--evaluator", "shap", "--storage", db()).err())
                .contains("unknown evaluator 'shap'");
        // the forest's limits are named by their flags
        String[][] forest = {{"--trees", "0", "nas: --trees must be at least 1, got 0"},
            {"--max-depth", "1", "nas: --max-depth must be at least 2, got 1"},
            {"--min-samples", "0", "nas: --min-samples must be at least 1, got 0"}};
        for (String[] f : forest) {
            for (String evaluator : List.of("fanova", "mdi")) {
                CliRunner.Result r = CliRunner.run("importance", "--study", "few", "--evaluator", evaluator, f[0], f[1],
                        "--storage", db());
                assertThat(r.exitCode()).isEqualTo(2);
                assertThat(r.err().strip()).isEqualTo(f[2]);
            }
        }
    }

    @Test
    void screenThenSearchTheTopParameters() {
        CliRunner.Result screen = CliRunner.run("screen", "--study", "scr", "--objective", "ellipsoid", "--dim", "4",
                "--trajectories", "5", "--seed", "2", "--quiet", "--storage", db());
        assertThat(screen.exitCode()).as(screen.err()).isZero();
        assertThat(screen.out()).contains("25 of 25 design points completed");
        List<String> rows = screen.out().lines().filter(l -> l.matches("\\s+\\d+\\s+x\\d.*")).toList();
        assertThat(rows.get(0)).contains("x3");
        assertThat(rows.get(1)).contains("x2");

        // Running it again resumes a finished design: no new trial, same table.
        CliRunner.Result again = CliRunner.run("screen", "--study", "scr", "--quiet", "--storage", db());
        assertThat(again.out()).isEqualTo(screen.out());
        assertThat(CliRunner.run("screen", "--study", "scr", "--levels", "6", "--quiet", "--storage", db()).err())
                .contains("--levels 4, not 6");
        CliRunner.Result json = CliRunner.run("importance", "--study", "scr", "--evaluator", "morris", "--format", "json",
                "--storage", db());
        assertThat(((Map<?, ?>) ((List<?>) ((Map<?, ?>) Json.read(json.out())).get("parameters")).get(0)).get("name"))
                .isEqualTo("x3");

        CliRunner.Result phase2 = CliRunner.run("search", "--study", "p2", "--objective", "ellipsoid", "--dim", "4",
                "--space-from", "scr", "--top", "2", "--param", "x1=0.5", "--n-trials", "10", "--seed", "4",
                "--storage", db());
        assertThat(phase2.exitCode()).as(phase2.err()).isZero();
        assertThat(phase2.err()).contains("phase 2: searching 2 parameter(s) [x3, x2] from 'scr'; 2 held fixed");
        assertThat(CliRunner.run("search", "--study", "p2", "--n-trials", "5", "--quiet", "--storage", db()).exitCode())
                .isZero();
        try (Storage store = new StorageOptions(db()).openExisting()) {
            Study s = Studies.builder("p2").storage(store).load();
            List<FrozenTrial> trials = s.trials();
            assertThat(trials).hasSize(15);
            assertThat(trials).allMatch(t -> t.params().get("x0").equals(0.0) && t.params().get("x1").equals(0.5));
            assertThat(trials.stream().map(t -> t.params().get("x3")).distinct().count()).isEqualTo(15);
            Study screening = Studies.builder("scr").storage(store).load();
            assertThat(screening.trials()).hasSize(26); // baseline + 5 (4 + 1)
            assertThat(screening.trials().get(0).params()).containsEntry("x0", 0.0).containsEntry("x3", 0.0);
        }
        CliRunner.Result changed = CliRunner.run("search", "--study", "p2", "--space-from", "scr", "--top", "3",
                "--n-trials", "1", "--quiet", "--storage", db());
        assertThat(changed.exitCode()).isEqualTo(2);
        assertThat(changed.err()).contains("was created holding");
    }
}
