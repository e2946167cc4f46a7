package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nas search --sampler tpe|qmc|grid} and their options. */
class MoreSamplersCliTest {

    @TempDir
    Path dir;

    private String db(String name) {
        return dir.resolve(name).toString();
    }

    private List<String> csvRows(String storage, String study) {
        CliRunner.Result csv = CliRunner.run("trials", "--study", study, "--format", "csv", "--storage", storage);
        assertThat(csv.exitCode()).isZero();
        return csv.out().lines().skip(1).toList();
    }

    @Test
    void tpeGpAndQmcSearchesAreReproducible() {
        // two files, each given the same studies in the same order (one storage server each)
        String a = db("a");
        String b = db("b");
        for (String[] sampler : List.of(new String[] {"tpe", "--tpe-startup-trials", "5", "--tpe-multivariate"},
                new String[] {"gp", "--gp-startup-trials", "5", "--gp-candidates", "256"},
                new String[] {"tpe"}, new String[] {"tpe", "--tpe-constant-liar", "--tpe-multivariate", "--jobs", "2"},
                new String[] {"tpe", "--tpe-group"},
                new String[] {"qmc", "--qmc-type", "halton"}, new String[] {"qmc"})) {
            String study = sampler[0] + sampler.length;
            String[] base = {"search", "--study", study, "--objective", "sphere", "--dim", "3", "--n-trials", "25",
                "--seed", "4", "--quiet", "--sampler"};
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(sampler))
                    .toArray(String[]::new);
            CliRunner.Result ra = CliRunner.run(concat(args, "--storage", a));
            CliRunner.Result rb = CliRunner.run(concat(args, "--storage", b));
            assertThat(ra.exitCode()).as(ra.err()).isZero();
            assertThat(ra.out()).isEqualTo(rb.out());
            assertThat(csvRows(a, study)).hasSize(25);
        }
    }

    @Test
    void autoIsTheDefaultSaysWhatItChoseAndMatchesThatSampler() {
        String[] sphere = {"search", "--objective", "sphere", "--dim", "2", "--n-trials", "14", "--seed", "3"};
        CliRunner.Result auto = CliRunner.run(concat(concat(sphere, "--study", "a"), "--storage", db("auto")));
        assertThat(auto.exitCode()).as(auto.err()).isZero();
        assertThat(auto.err()).contains("[a] sampler auto: gp (one objective, 2 numeric parameters)\n");
        CliRunner.Result gp = CliRunner.run(concat(concat(sphere, "--study", "a", "--sampler", "gp", "--quiet"),
                "--storage", db("gp")));
        assertThat(gp.exitCode()).as(gp.err()).isZero();
        assertThat(outcomes(db("auto"), "a")).hasSize(14).isEqualTo(outcomes(db("gp"), "a"));

        // resumed without --sampler: the study remembers "auto"
        CliRunner.Result resumed = CliRunner.run("search", "--study", "a", "--n-trials", "1", "--storage", db("auto"));
        assertThat(resumed.err()).contains("[a] sampler auto: gp (one objective, 2 numeric parameters)\n");

        CliRunner.Result mo = CliRunner.run("search", "--study", "z", "--objective", "zdt1", "--n-trials", "3",
                "--storage", db("zdt"));
        assertThat(mo.exitCode()).as(mo.err()).isZero();
        assertThat(mo.err()).contains("[z] sampler auto: tpe, multi-objective (2 objectives)\n");
        CliRunner.Result quiet = CliRunner.run("search", "--study", "q", "--objective", "sphere", "--n-trials", "2",
                "--quiet", "--storage", db("quiet"));
        assertThat(quiet.err()).doesNotContain("sampler auto");
    }

    /** number, state, value and parameters of every trial (timestamps and durations dropped). */
    private List<String> outcomes(String storage, String study) {
        return csvRows(storage, study).stream().map(l -> {
            String[] c = l.split(",");
            return String.join(",", java.util.Arrays.asList(c).subList(0, 3)) + ","
                    + String.join(",", java.util.Arrays.asList(c).subList(7, c.length));
        }).toList();
    }

    @Test
    void fourThreadsGiveTheSameStudyTwice() {
        for (String sampler : List.of("tpe", "random")) {
            List<List<String>> runs = new java.util.ArrayList<>();
            for (String run : List.of("a", "b")) {
                String storage = db("jobs-" + run); // a study per sampler in each of two files
                String study = "j-" + sampler;
                CliRunner.Result r = CliRunner.run("search", "--study", study, "--objective", "sphere", "--dim", "3",
                        "--sampler", sampler, "--jobs", "4", "--n-trials", "40", "--seed", "2", "--quiet", "--storage", storage);
                assertThat(r.exitCode()).as(r.err()).isZero();
                runs.add(outcomes(storage, study));
            }
            assertThat(runs.get(0)).as(sampler).hasSize(40).isEqualTo(runs.get(1));
        }
    }

    @Test
    void cmaesGivesTheSameStudyWithFourThreadsTwiceAndWithOneThread() {
        List<List<String>> runs = new java.util.ArrayList<>();
        String storage = db("jobs-cmaes"); // one file, a study per run
        for (String jobs : List.of("4", "4", "1")) {
            String study = "c" + runs.size();
            CliRunner.Result r = CliRunner.run("search", "--study", study, "--objective", "rastrigin", "--dim", "3",
                    "--sampler", "cmaes", "--cma-restart", "bipop", "--jobs", jobs, "--n-trials", "60", "--seed", "2",
                    "--quiet", "--storage", storage);
            assertThat(r.exitCode()).as(r.err()).isZero();
            runs.add(outcomes(storage, study));
        }
        assertThat(runs.get(0)).hasSize(60).isEqualTo(runs.get(1)).isEqualTo(runs.get(2));
    }

    @Test
    void gridSearchVisitsEveryPointOnceAndStops() {
        CliRunner.Result r = CliRunner.run("search", "--study", "g", "--objective", "sphere", "--dim", "2",
                "--sampler", "grid", "--grid", "x0=-1,0,1.5", "--grid", "x1=0,2", "--n-trials", "100", "--seed", "1",
                "--quiet", "--storage", db("g"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> rows = csvRows(db("g"), "g");
        assertThat(rows).hasSize(6);
        assertThat(rows.stream().map(l -> l.split(",")[2]).map(Double::parseDouble).sorted().toList())
                .containsExactly(0.0, 1.0, 2.25, 4.0, 5.0, 6.25);
    }

    @Test
    void badSamplerOptionsExitWithCode2() {
        CliRunner.Result wrongOwner = CliRunner.run("search", "--study", "x", "--objective", "sphere", "--sampler",
                "random", "--tpe-startup-trials", "3", "--storage", db("x"));
        assertThat(wrongOwner.exitCode()).isEqualTo(2);
        assertThat(wrongOwner.err()).contains("belong to --sampler tpe");
        CliRunner.Result badType = CliRunner.run("search", "--study", "x", "--objective", "sphere", "--sampler", "qmc",
                "--qmc-type", "lhs", "--storage", db("x"));
        assertThat(badType.exitCode()).isEqualTo(2);
        assertThat(badType.err()).contains("sobol or halton");
        CliRunner.Result noGrid = CliRunner.run("search", "--study", "x", "--objective", "sphere", "--sampler", "grid",
                "--storage", db("x"));
        assertThat(noGrid.exitCode()).isEqualTo(2);
        assertThat(noGrid.err()).contains("needs at least one --grid");
        CliRunner.Result badGrid = CliRunner.run("search", "--study", "x", "--objective", "sphere", "--sampler", "grid",
                "--grid", "x0", "--storage", db("x"));
        assertThat(badGrid.exitCode()).isEqualTo(2);
        assertThat(badGrid.err()).contains("NAME=V1,V2");
        CliRunner.Result negative = CliRunner.run("search", "--study", "x", "--objective", "sphere", "--sampler", "tpe",
                "--tpe-startup-trials", "-1", "--storage", db("x"));
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).isEqualTo("nas: --tpe-startup-trials must be >= 0, but got -1\n");
        CliRunner.Result gpOwner = CliRunner.run("search", "--study", "x", "--objective", "sphere", "--sampler", "tpe",
                "--gp-candidates", "64", "--storage", db("x"));
        assertThat(gpOwner.exitCode()).isEqualTo(2);
        assertThat(gpOwner.err()).contains("belong to --sampler gp");
        CliRunner.Result noCandidates = CliRunner.run("search", "--study", "x", "--objective", "sphere", "--sampler", "gp",
                "--gp-candidates", "0", "--storage", db("x"));
        assertThat(noCandidates.exitCode()).isEqualTo(2);
        assertThat(noCandidates.err()).isEqualTo("nas: --gp-candidates must be >= 1, but got 0\n");
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
