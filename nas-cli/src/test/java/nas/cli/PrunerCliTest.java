package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import nas.pruners.HyperbandPruner;
import nas.pruners.MedianPruner;
import nas.pruners.PatientPruner;
import nas.pruners.PercentilePruner;
import nas.pruners.SuccessiveHalvingPruner;
import nas.pruners.ThresholdPruner;
import nas.pruners.WilcoxonPruner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code nas search --pruner ...}: the options become the pruner records; a run shows what was pruned. */
class PrunerCliTest {

    private static PrunerOptions parse(String... args) {
        PrunerOptions o = new PrunerOptions();
        new CommandLine(o).parseArgs(args);
        return o;
    }

    @Test
    void everyPrunerAndItsOptionsParse() {
        assertThat(parse().create()).isInstanceOf(nas.api.pruner.NopPruner.class);
        assertThat(parse("--pruner", "median").create()).isEqualTo(MedianPruner.defaults());
        assertThat(parse("--pruner", "median", "--pruner-startup-trials", "3", "--pruner-warmup-steps", "10",
                "--pruner-interval-steps", "2", "--pruner-min-trials", "4").create()).isEqualTo(new MedianPruner(3, 10, 2, 4));
        assertThat(parse("--pruner", "percentile", "--pruner-percentile", "25").create())
                .isEqualTo(PercentilePruner.of(25));
        assertThat(parse("--pruner", "successive-halving", "--pruner-min-resource", "2", "--pruner-reduction-factor",
                "3", "--pruner-min-early-stopping-rate", "1", "--pruner-bootstrap-count", "1").create())
                .isEqualTo(new SuccessiveHalvingPruner(2, 3, 1, 1));
        assertThat(parse("--pruner", "hyperband", "--pruner-max-resource", "100").create())
                .isEqualTo(new HyperbandPruner(1, 100, 3, 0));
        assertThat(parse("--pruner", "threshold", "--pruner-lower", "0", "--pruner-upper", "2").create())
                .isEqualTo(ThresholdPruner.between(0, 2));
        assertThat(parse("--pruner", "patient", "--pruner-patience", "5", "--pruner-min-delta", "0.01",
                "--pruner-wrapped", "median", "--pruner-warmup-steps", "3").create())
                .isEqualTo(new PatientPruner(MedianPruner.defaults().withWarmupSteps(3), 5, 0.01));
        assertThat(parse("--pruner", "wilcoxon", "--pruner-p-threshold", "0.05", "--pruner-startup-steps", "3")
                .create()).isEqualTo(new WilcoxonPruner(0.05, 3));
    }

    @Test
    void everyOptionOfEveryPrunerHasItsFlag() {
        java.util.Set<String> flags = new java.util.TreeSet<>();
        for (picocli.CommandLine.Model.OptionSpec o : new CommandLine(new PrunerOptions()).getCommandSpec().options()) {
            flags.add(o.longestName());
        }
        java.util.Set<String> wanted = new java.util.TreeSet<>();
        for (String name : nas.pruners.Pruners.names()) {
            for (String option : nas.pruners.Pruners.options(name)) {
                wanted.add("--pruner-" + option);
            }
        }
        assertThat(wanted).contains("--pruner-p-threshold", "--pruner-startup-steps");
        assertThat(flags).containsAll(wanted);
    }

    @Test
    void aBadWilcoxonThresholdNamesItsFlag(@TempDir Path dir) {
        String storage = "jdbc:h2:" + dir.resolve("db").toAbsolutePath();
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "search", "--storage", storage, "--study", "w", "--objective", "curve",
                "--pruner", "wilcoxon", "--pruner-p-threshold", "1.5", "--n-trials", "1")).isEqualTo(Nas.BAD_INPUT);
        assertThat(err.toString().strip()).isEqualTo("nas: --pruner-p-threshold must lie in [0, 1], but got 1.5");
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cmd = Nas.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    @Test
    void badPrunerInputExitsWithTwoAndOneLine(@TempDir Path dir) {
        String storage = "jdbc:h2:" + dir.resolve("db").toAbsolutePath();
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "search", "--storage", storage, "--study", "s", "--objective", "curve",
                "--pruner", "median", "--pruner-percentile", "30", "--n-trials", "1")).isEqualTo(Nas.BAD_INPUT);
        assertThat(err.toString()).contains("pruner 'median' does not take option(s) [percentile]")
                .contains("--pruner-X");
        StringWriter err2 = new StringWriter();
        assertThat(run(new StringWriter(), err2, "search", "--storage", storage, "--study", "s", "--objective", "curve",
                "--pruner", "asha", "--n-trials", "1")).isEqualTo(Nas.BAD_INPUT);
        assertThat(err2.toString()).contains("unknown pruner 'asha'; known pruners: none, median, percentile");
    }

    @Test
    void aPrunedSearchReportsPrunedTrialsAndTheStepTheyStoppedAt(@TempDir Path dir) {
        String storage = "jdbc:h2:" + dir.resolve("db").toAbsolutePath();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "search", "--storage", storage, "--study", "p", "--objective", "curve", "-O",
                "steps=20", "--pruner", "median", "--pruner-startup-trials", "3", "--n-trials", "15", "--seed", "4",
                "--heartbeat-interval", "0");
        assertThat(code).as(err.toString()).isEqualTo(Nas.OK);
        assertThat(err.toString()).containsPattern("15/15 trials, \\d+ pruned");
        StringWriter csv = new StringWriter();
        assertThat(run(csv, new StringWriter(), "trials", "--storage", storage, "--study", "p", "--format", "csv"))
                .isEqualTo(Nas.OK);
        String[] lines = csv.toString().trim().split("\\R");
        java.util.List<String> header = java.util.List.of(lines[0].split(","));
        int state = header.indexOf("state");
        int lastStep = header.indexOf("last_step");
        int pruned = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",");
            if (cells[state].equals("PRUNED")) {
                pruned++;
                assertThat(Integer.parseInt(cells[lastStep])).isBetween(0, 19);
            } else {
                assertThat(cells[state]).isEqualTo("COMPLETE");
                assertThat(cells[lastStep]).isEqualTo("19");
            }
        }
        assertThat(pruned).isPositive();
        assertThat(err.toString()).contains(pruned + " pruned");
    }
}
