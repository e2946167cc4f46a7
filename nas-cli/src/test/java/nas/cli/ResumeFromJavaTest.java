package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nas.api.Studies;
import nas.api.StudyDirection;
import nas.api.storage.Storage;
import nas.samplers.ResumedStudy;
import nas.samplers.StudySettings;
import nas.server.RemoteStorage;
import nas.server.SharedStorage;
import nas.storage.JdbcStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study {@code nas search} created goes on from Java ({@link ResumedStudy}) with the objective, options,
 * sampler, sampler options, pruner, pruner options and seed it remembers: 20 trials from the command line and
 * 20 from Java are the 40 trials one command-line run gives.
 */
class ResumeFromJavaTest {

    private static final List<String> SEARCH = List.of("search", "--study", "r", "--objective", "sphere", "--dim", "2",
            "--seed", "3", "--sampler", "tpe", "--tpe-ei-candidates", "4", "--tpe-multivariate", "--quiet");

    @TempDir
    Path dir;

    /** A median pruner that starts after 3 trials, on 20-step learning curves sampled at random. */
    private static final List<String> PRUNED = List.of("search", "--study", "r", "--objective", "curve", "-O",
            "steps=20", "--seed", "4", "--sampler", "random", "--pruner", "median", "--pruner-startup-trials", "3");

    private CliRunner.Result search(String storage, String... more) {
        return run(SEARCH, storage, more);
    }

    private static CliRunner.Result run(List<String> base, String storage, String... more) {
        CliRunner.Result r = CliRunner.run(Stream.concat(base.stream(), Stream.concat(Stream.of("--storage", storage),
                Stream.of(more))).toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    private List<String> outcomes(String storage) {
        CliRunner.Result csv = CliRunner.run("trials", "--study", "r", "--format", "csv", "--storage", storage);
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        return SamplersFromJavaTest.outcomes(csv.out());
    }

    @Test
    void twentyTrialsFromTheCommandLineAndTwentyFromJavaAreOneFortyTrialRun() throws IOException {
        String whole = dir.resolve("whole").toString();
        search(whole, "--n-trials", "40");

        String halves = dir.resolve("halves").toString();
        search(halves, "--n-trials", "20");
        // the storage server the command started owns the file: the program goes through it
        try (Storage storage = SharedStorage.open("jdbc:h2:" + halves)) {
            assertThat(storage).isInstanceOf(RemoteStorage.class);
            ResumedStudy resumed = ResumedStudy.resume(storage, "r");
            assertThat(resumed.settings()).isEqualTo(new StudySettings("sphere", Map.of("dim", "2"), 3, "tpe",
                    Map.of("ei-candidates", "4", "multivariate", "true"), Map.of(), "none", Map.of()));
            assertThat(resumed.objective().searchSpace()).containsOnlyKeys("x0", "x1");
            resumed.optimize(20);
            assertThat(resumed.study().trials()).hasSize(40);
        }
        assertThat(outcomes(halves)).hasSize(41).isEqualTo(outcomes(whole));

        // the command line resumes it the same way: the sampler's options are remembered too
        String resumedByCli = dir.resolve("cli").toString();
        search(resumedByCli, "--n-trials", "20");
        CliRunner.Result more = CliRunner.run("search", "--study", "r", "--n-trials", "20", "--quiet",
                "--storage", resumedByCli);
        assertThat(more.exitCode()).as(more.err()).isZero();
        assertThat(outcomes(resumedByCli)).isEqualTo(outcomes(whole));
    }

    @Test
    void aPrunedStudyResumedFromJavaOrTheCommandLinePrunesAsOneRun() throws IOException {
        String whole = dir.resolve("whole").toString();
        run(PRUNED, whole, "--n-trials", "30", "--quiet");
        List<String> reference = outcomes(whole);
        // the median pruner stops some trials and lets others finish: a run without it would differ
        assertThat(reference.stream().filter(t -> t.contains(",PRUNED,")).count()).isBetween(5L, 26L);
        assertThat(reference.stream().filter(t -> t.contains(",COMPLETE,")).count()).isGreaterThanOrEqualTo(4);

        String halves = dir.resolve("halves").toString();
        run(PRUNED, halves, "--n-trials", "15", "--quiet");
        try (Storage storage = SharedStorage.open("jdbc:h2:" + halves)) {
            ResumedStudy resumed = ResumedStudy.resume(storage, "r");
            assertThat(resumed.settings().pruner()).isEqualTo("median");
            assertThat(resumed.settings().prunerOptions()).isEqualTo(Map.of("startup-trials", "3"));
            resumed.optimize(15);
        }
        assertThat(outcomes(halves)).isEqualTo(reference);

        // the command line without --pruner runs the remembered one, and says so
        String resumedByCli = dir.resolve("cli").toString();
        run(PRUNED, resumedByCli, "--n-trials", "15", "--quiet");
        CliRunner.Result more = CliRunner.run("search", "--study", "r", "--n-trials", "15", "--storage", resumedByCli);
        assertThat(more.exitCode()).as(more.err()).isZero();
        assertThat(more.err()).contains("[r] resumed with pruner median {startup-trials=3} (remembered; --pruner "
                + "overrides)");
        assertThat(outcomes(resumedByCli)).isEqualTo(reference);
    }

    @Test
    void aStudyCreatedBeforeThePrunerWasRememberedResumesWithoutOne() throws IOException {
        List<String> unpruned = Stream.concat(PRUNED.subList(0, 11).stream(), Stream.of("--pruner", "none")).toList();
        String whole = dir.resolve("whole").toString();
        run(unpruned, whole, "--n-trials", "20", "--quiet");
        List<String> reference = outcomes(whole);
        assertThat(reference).hasSize(21).noneMatch(t -> t.contains(",PRUNED,"));

        // a study as an earlier 'nas search' left it: its settings, but no cli:pruner
        String old = dir.resolve("old").toString();
        try (Storage storage = SharedStorage.open("jdbc:h2:" + old)) {
            nas.api.Study study = Studies.builder("r").storage(storage).directions(StudyDirection.MINIMIZE).create();
            study.setSystemAttr(StudySettings.OBJECTIVE_ATTR, "curve");
            study.setSystemAttr(StudySettings.OBJECTIVE_OPTIONS_ATTR, Map.of("steps", "20"));
            study.setSystemAttr(StudySettings.SEED_ATTR, 4L);
            study.setSystemAttr(StudySettings.SAMPLER_ATTR, "random");
            study.setSystemAttr(StudySettings.SAMPLER_OPTIONS_ATTR, Map.of());
        }
        CliRunner.Result first = CliRunner.run("search", "--study", "r", "--n-trials", "10", "--storage", old);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).contains("[r] resumed with pruner none (the study remembers none)");
        try (Storage storage = SharedStorage.open("jdbc:h2:" + old)) {
            ResumedStudy resumed = ResumedStudy.resume(storage, "r");
            assertThat(resumed.settings().pruner()).isNull();
            assertThat(resumed.settings().createPruner()).isInstanceOf(nas.api.pruner.NopPruner.class);
            resumed.optimize(10);
        }
        assertThat(outcomes(old)).isEqualTo(reference);
    }

    @Test
    void aStudyThatRemembersNoObjectiveIsRefusedSayingSo() {
        // no server owns this file: the program opens it itself
        try (Storage storage = SharedStorage.open("jdbc:h2:" + dir.resolve("plain"))) {
            assertThat(storage).isInstanceOf(JdbcStorage.class);
            Studies.builder("plain").storage(storage).directions(StudyDirection.MINIMIZE).create();
            assertThatThrownBy(() -> ResumedStudy.resume(storage, "plain"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("study 'plain' remembers no objective: it was not made by 'nas search' or 'nas screen' "
                            + "(a study made in code resumes with Studies.builder(name).storage(storage).load() and "
                            + "your objective)");
            assertThatThrownBy(() -> ResumedStudy.resume(storage, "nowhere"))
                    .isInstanceOf(nas.api.exception.StudyNotFoundException.class);
        }
    }
}
