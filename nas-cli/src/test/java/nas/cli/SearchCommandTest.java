package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nas.api.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {

    @TempDir
    Path dir;

    private String db(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void searchThenTrialsAsCsvShowsEveryCompleteTrial() {
        CliRunner.Result search = CliRunner.run("search", "--study", "demo", "--objective", "sphere", "--sampler",
                "random", "--n-trials", "60", "--seed", "1", "--storage", db("a"), "--quiet");
        assertThat(search.exitCode()).isZero();
        assertThat(search.out()).startsWith("best trial ");
        CliRunner.Result csv = CliRunner.run("trials", "--study", "demo", "--format", "csv", "--storage", db("a"));
        assertThat(csv.exitCode()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0)).startsWith("number,state,value,datetime_start,datetime_complete,duration,last_step,"
                + "params_x0,params_x1,");
        assertThat(lines).hasSize(61);
        assertThat(lines.subList(1, 61)).allMatch(l -> l.split(",")[1].equals("COMPLETE"));
        // the value column is the sphere function of the ten params in that row
        String[] row = lines.get(5).split(",");
        double sum = 0;
        for (int i = 7; i < 17; i++) {
            double x = Double.parseDouble(row[i]);
            sum += x * x;
        }
        assertThat(Double.parseDouble(row[2])).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theSameCommandInAFreshStorageGivesTheSameBestValue() {
        String[] args = {"search", "--study", "demo", "--objective", "rastrigin", "--dim", "3", "--n-trials", "40",
            "--seed", "7", "--quiet", "--storage"};
        CliRunner.Result a = CliRunner.run(append(args, db("a")));
        CliRunner.Result b = CliRunner.run(append(args, db("b")));
        assertThat(a.exitCode()).isZero();
        assertThat(a.out()).isEqualTo(b.out());
        CliRunner.Result c = CliRunner.run("search", "--study", "demo", "--objective", "rastrigin", "--dim", "3",
                "--n-trials", "40", "--seed", "8", "--quiet", "--storage", db("c"));
        assertThat(c.out()).isNotEqualTo(a.out());
    }

    @Test
    void aSamplerNameInAnyCaseIsTheSameSampler() {
        String[] args = {"search", "--study", "demo", "--objective", "sphere", "--dim", "2", "--n-trials", "15",
            "--seed", "5", "--quiet", "--sampler"};
        CliRunner.Result lower = CliRunner.run(append(append(append(args, "tpe"), "--storage"), db("lower")));
        CliRunner.Result upper = CliRunner.run(append(append(append(args, " TPE"), "--storage"), db("upper")));
        assertThat(lower.exitCode()).isZero();
        assertThat(upper.exitCode()).as(upper.err()).isZero();
        assertThat(upper.out()).isEqualTo(lower.out());
        assertThat(valuesAndParams(db("upper"))).hasSize(16).isEqualTo(valuesAndParams(db("lower")));
    }

    /** The trials of 'demo' as CSV rows without their times: number, state, value, then the parameters. */
    private static List<String> valuesAndParams(String storage) {
        return CliRunner.run("trials", "--study", "demo", "--format", "csv", "--storage", storage).out().lines()
                .map(line -> line.split(","))
                .map(f -> String.join(",", f[0], f[1], f[2], f[7], f[8]))
                .toList();
    }

    /** Everything a user can see of a database: its studies and the trials of 'ok'. */
    private static String contents(String storage) {
        return CliRunner.run("studies", "--format", "csv", "--storage", storage).out()
                + CliRunner.run("trials", "--study", "ok", "--format", "csv", "--storage", storage).out();
    }

    private static String[] append(String[] a, String s) {
        String[] r = Arrays.copyOf(a, a.length + 1);
        r[a.length] = s;
        return r;
    }

    @Test
    void resumingRemembersTheObjectiveAndTheSeed() {
        CliRunner.run("search", "--study", "r", "--objective", "ellipsoid", "--dim", "4", "--n-trials", "10",
                "--seed", "3", "--quiet", "--storage", db("r"));
        CliRunner.Result resumed = CliRunner.run("search", "--study", "r", "--n-trials", "5", "--quiet", "--storage",
                db("r"));
        assertThat(resumed.exitCode()).isZero();
        CliRunner.Result json = CliRunner.run("trials", "--study", "r", "--format", "json", "--storage", db("r"));
        List<?> trials = (List<?>) Json.read(json.out());
        assertThat(trials).hasSize(15);
        assertThat(((Map<?, ?>) ((Map<?, ?>) trials.get(14)).get("params")).keySet().toString())
                .isEqualTo("[x0, x1, x2, x3]");
        // the same 15 trials as one uninterrupted run of 15
        CliRunner.run("search", "--study", "r", "--objective", "ellipsoid", "--dim", "4", "--n-trials", "15",
                "--seed", "3", "--quiet", "--storage", db("once"));
        CliRunner.Result once = CliRunner.run("trials", "--study", "r", "--format", "json", "--storage", db("once"));
        List<?> onceTrials = (List<?>) Json.read(once.out());
        for (int i = 0; i < 15; i++) {
            assertThat(((Map<?, ?>) onceTrials.get(i)).get("values")).isEqualTo(((Map<?, ?>) trials.get(i)).get("values"));
        }
    }

    @Test
    void maxTrialsStopsAtTheStudyTarget() {
        CliRunner.run("search", "--study", "m", "--objective", "sphere", "--dim", "2", "--n-trials", "7", "--quiet",
                "--storage", db("m"));
        CliRunner.Result r = CliRunner.run("search", "--study", "m", "--max-trials", "12", "--quiet", "--storage",
                db("m"));
        assertThat(r.exitCode()).isZero();
        CliRunner.Result csv = CliRunner.run("trials", "--study", "m", "--format", "csv", "--storage", db("m"));
        assertThat(csv.out().lines().count()).isEqualTo(13);
        // a target the study has passed: the message gives the study's count, not the target's
        CliRunner.Result passed = CliRunner.run("search", "--study", "m", "--max-trials", "10", "--storage", db("m"));
        assertThat(passed.exitCode()).isZero();
        assertThat(passed.err()).contains("[m] already holds 12 finished trials (--max-trials 10); nothing to do");
        assertThat(CliRunner.run("trials", "--study", "m", "--format", "csv", "--storage", db("m")).out().lines()
                .count()).isEqualTo(13);
    }

    @Test
    void multiObjectiveSearchPrintsTheParetoFront() {
        CliRunner.Result r = CliRunner.run("search", "--study", "z", "--objective", "zdt1", "--dim", "5",
                "--n-trials", "30", "--quiet", "--storage", db("z"), "--jobs", "2");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Pareto front of study 'z': ");
        CliRunner.Result best = CliRunner.run("best", "--study", "z", "--format", "json", "--storage", db("z"));
        List<?> front = (List<?>) Json.read(best.out());
        assertThat(front).isNotEmpty();
        // no member of the front dominates another
        for (Object a : front) {
            for (Object b : front) {
                List<?> va = (List<?>) ((Map<?, ?>) a).get("values");
                List<?> vb = (List<?>) ((Map<?, ?>) b).get("values");
                boolean dominates = ((Number) va.get(0)).doubleValue() <= ((Number) vb.get(0)).doubleValue()
                        && ((Number) va.get(1)).doubleValue() <= ((Number) vb.get(1)).doubleValue() && !va.equals(vb);
                assertThat(dominates).isFalse();
            }
        }
    }

    @Test
    void everySubcommandHasHelp() {
        for (String command : List.of("search", "trials", "best", "pareto", "importance", "screen", "studies",
                "create-study", "delete-study", "objectives", "configs", "run", "compare", "benchmark", "dashboard", "report")) {
            CliRunner.Result r = CliRunner.run(command, "--help");
            assertThat(r.exitCode()).as(command).isZero();
            assertThat(r.out()).as(command).startsWith("Usage: nas " + command);
        }
    }

    @Test
    void studiesCreateAndDelete() {
        assertThat(CliRunner.run("create-study", "--study", "s1", "--directions", "maximize", "minimize", "--storage",
                db("s")).exitCode()).isZero();
        CliRunner.Result dup = CliRunner.run("create-study", "--study", "s1", "--storage", db("s"));
        assertThat(dup.exitCode()).isEqualTo(2);
        assertThat(dup.err()).isEqualTo("nas: a study named 's1' already exists" + System.lineSeparator());
        CliRunner.Result list = CliRunner.run("studies", "--format", "csv", "--storage", db("s"));
        assertThat(list.out()).contains("s1,maximize minimize,0,0,0,0,0,0,front of 0");
        assertThat(CliRunner.run("delete-study", "--study", "s1", "--storage", db("s")).exitCode()).isZero();
        assertThat(CliRunner.run("studies", "--storage", db("s")).out()).startsWith("(no studies");
    }

    @Test
    void badInputIsExitCodeTwoWithOneLine() throws Exception {
        CliRunner.run("search", "--study", "ok", "--objective", "sphere", "--n-trials", "3", "--quiet", "--storage",
                db("bad"));
        String before = contents(db("bad"));
        String[][] cases = {
            {"search", "--study", "x", "--objective", "nope", "--storage", db("bad")},
            {"search", "--study", "x", "--objective", "sphere", "--sampler", "nope", "--storage", db("bad")},
            {"trials", "--study", "missing", "--storage", db("bad")},
            {"search", "--study", "x", "--objective", "sphere", "--n-trials", "-5", "--storage", db("bad")},
            {"search", "--study", "x", "--objective", "sphere", "--n-trials", "many", "--storage", db("bad")},
            {"search", "--study", "x", "--objective", "sphere", "--storage", "jdbc:nosuchdb:x"},
            {"search", "--study", "x", "--objective", "sphere", "--dim", "0", "--storage", db("bad")},
            {"search", "--study", "ok", "--objective", "rosenbrock", "--storage", db("bad")},
            {"search", "--study", "ok", "--direction", "maximize", "--storage", db("bad")},
            {"search", "--study", "x", "--objective", "sphere", "--bogus", "--storage", db("bad")},
            {"trials", "--study", "ok", "--storage", db("does-not-exist")},
        };
        for (String[] args : cases) {
            CliRunner.Result r = CliRunner.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).startsWith("nas: ").doesNotContain("\tat ");
            assertThat(r.out()).isEmpty();
        }
        assertThat(contents(db("bad"))).isEqualTo(before);
        assertThat(dir.resolve("does-not-exist.mv.db")).doesNotExist();
    }
}
