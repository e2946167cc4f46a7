package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resumed study keeps its seed and sampler; another one is refused unless --override-settings says so. It keeps
 * its pruner too, unless --pruner is given again.
 */
class ResumeSettingsTest {

    @TempDir
    Path dir;

    private CliRunner.Result search(String study, String... more) {
        String[] base = {"search", "--study", study, "--storage", dir.resolve("db").toString(), "--quiet"};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return CliRunner.run(all);
    }

    @Test
    void anotherSeedOrSamplerIsRefusedNamingTheStudysOwn() {
        assertThat(search("r", "--objective", "sphere", "--dim", "2", "--sampler", "tpe", "--seed", "1",
                "--n-trials", "12").exitCode()).isZero();

        CliRunner.Result seed = search("r", "--seed", "2", "--n-trials", "5");
        assertThat(seed.exitCode()).isEqualTo(2);
        assertThat(seed.err().strip()).isEqualTo("nas: study 'r' uses seed 1 (--seed 2 given): resume it without them, "
                + "or add --override-settings to run this search with the new ones");
        CliRunner.Result sampler = search("r", "--sampler", "random", "--n-trials", "5");
        assertThat(sampler.exitCode()).isEqualTo(2);
        assertThat(sampler.err()).contains("study 'r' uses sampler tpe (--sampler random given)");
        assertThat(trials("r")).isEqualTo(12);
        CliRunner.Result objective = search("r", "--objective", "rosenbrock", "--n-trials", "5");
        assertThat(objective.exitCode()).isEqualTo(2);
        assertThat(objective.err().strip()).isEqualTo("nas: study 'r' runs objective 'sphere', not 'rosenbrock' (omit "
                + "the objective to resume it, or name a new study)");
        assertThat(trials("r")).isEqualTo(12);

        CliRunner.Result forced = search("r", "--seed", "2", "--sampler", "random", "--override-settings", "--n-trials", "3");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.err()).contains("nas: warning: study 'r' uses seed 1 (--seed 2 given) and sampler tpe "
                + "(--sampler random given)");
        assertThat(trials("r")).isEqualTo(15);
        // the same seed and sampler, given again, are no change
        assertThat(search("r", "--seed", "1", "--sampler", "tpe", "--n-trials", "1").exitCode()).isZero();
    }

    @Test
    void aStudyResumedWithoutOptionsKeepsItsSampler() {
        // 10 + 10 TPE trials resumed without --sampler are the 20 TPE trials of one run
        assertThat(search("once", "--objective", "sphere", "--dim", "2", "--sampler", "tpe", "--seed", "3",
                "--n-trials", "20").exitCode()).isZero();
        assertThat(search("twice", "--objective", "sphere", "--dim", "2", "--sampler", "tpe", "--seed", "3",
                "--n-trials", "10").exitCode()).isZero();
        assertThat(search("twice", "--n-trials", "10").exitCode()).isZero();
        assertThat(params("twice")).isEqualTo(params("once"));
    }

    @Test
    void aPrunerGivenAgainOnResumeOverridesTheRemembered() {
        assertThat(search("p", "--objective", "curve", "-O", "steps=20", "--sampler", "random", "--seed", "4",
                "--pruner", "median", "--pruner-startup-trials", "2", "--n-trials", "12").exitCode()).isZero();
        long prunedBefore = states("p").stream().filter("PRUNED"::equals).count();
        assertThat(prunedBefore).isPositive();

        String[] again = {"search", "--study", "p", "--storage", dir.resolve("db").toString(), "--n-trials", "12",
            "--pruner", "none"};
        CliRunner.Result unpruned = CliRunner.run(again);
        assertThat(unpruned.exitCode()).as(unpruned.err()).isZero();
        assertThat(unpruned.err()).contains("[p] resumed with pruner none (--pruner given)");
        // without a pruner the 12 new trials all run to the end
        assertThat(states("p")).hasSize(24).filteredOn("PRUNED"::equals).hasSize((int) prunedBefore);

        // the study keeps the pruner it was created with for the runs after
        CliRunner.Result remembered = CliRunner.run("search", "--study", "p", "--storage",
                dir.resolve("db").toString(), "--n-trials", "12");
        assertThat(remembered.exitCode()).as(remembered.err()).isZero();
        assertThat(remembered.err()).contains("[p] resumed with pruner median {startup-trials=2} (remembered; "
                + "--pruner overrides)");
        assertThat(states("p").subList(24, 36)).contains("PRUNED");
    }

    /** Each trial's state, in trial order. */
    private java.util.List<String> states(String study) {
        java.util.List<?> trials = (java.util.List<?>) nas.api.json.Json.read(CliRunner.run("trials", "--study", study,
                "--format", "json", "--storage", dir.resolve("db").toString()).out());
        return trials.stream().map(t -> String.valueOf(((java.util.Map<?, ?>) t).get("state"))).toList();
    }

    private long trials(String study) {
        return CliRunner.run("trials", "--study", study, "--format", "csv", "--storage", dir.resolve("db").toString())
                .out().lines().count() - 1;
    }

    /** Each trial's number, value and parameters (no timestamps). */
    private java.util.List<String> params(String study) {
        java.util.List<?> trials = (java.util.List<?>) nas.api.json.Json.read(CliRunner.run("trials", "--study", study,
                "--format", "json", "--storage", dir.resolve("db").toString()).out());
        return trials.stream().map(t -> {
            java.util.Map<?, ?> m = (java.util.Map<?, ?>) t;
            return m.get("number") + " " + m.get("values") + " " + m.get("params");
        }).toList();
    }
}
