package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nas.samplers.pareto.Hypervolume;
import nas.api.Studies;
import nas.api.Study;
import nas.api.json.Json;
import nas.samplers.nsga2.Nsga2Sampler;
import nas.api.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ParetoCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private Run nas(String... args) {
        CommandLine cmd = Nas.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private String url() {
        return "jdbc:h2:" + dir.resolve("cli").toAbsolutePath();
    }

    @Test
    void searchWithNsga2ThenParetoPrintsTheFrontAndItsHypervolume() {
        Run search = nas("search", "--study", "z", "--objective", "zdt1", "-O", "dim=5", "--sampler", "nsga2",
                "--population-size", "5", "--crossover", "sbx", "--mutation-prob", "0.3", "--n-trials", "15",
                "--seed", "3", "--heartbeat-interval", "0", "--quiet", "--storage", url());
        assertThat(search.exit()).as(search.err()).isZero();

        Run json = nas("pareto", "--study", "z", "--reference-point", "1.1,10", "--format", "json", "--storage", url());
        assertThat(json.exit()).as(json.err()).isZero();
        Map<?, ?> doc = (Map<?, ?>) Json.read(json.out());
        List<?> front = (List<?>) doc.get("front");
        assertThat(front).isNotEmpty();
        assertThat(doc.get("reference_point")).isEqualTo(List.of(1.1, 10.0));
        // The hypervolume printed is the one of the printed front.
        double[][] points = front.stream().map(t -> ((List<?>) ((Map<?, ?>) t).get("values")).stream()
                .mapToDouble(v -> ((Number) v).doubleValue()).toArray()).toArray(double[][]::new);
        assertThat(((Number) doc.get("hypervolume")).doubleValue())
                .isPositive().isCloseTo(Hypervolume.of(points, new double[] {1.1, 10}), within(1e-12));

        // The sampler ran generations (15 trials, population 5: trials 10..14 are generation 2's children).
        try (Storage store = new StorageOptions(url()).open()) {
            Study s = Studies.builder("z").storage(store).load();
            assertThat(((Map<?, ?>) s.systemAttrs().get(Nsga2Sampler.POPULATION_KEY)).get("generation")).isEqualTo(2L);
        }

        Run table = nas("pareto", "--study", "z", "--storage", url());
        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains("Pareto front of study 'z': " + front.size() + " trial(s)")
                .contains("hypervolume ").contains(", default)");

        Run csv = nas("pareto", "--study", "z", "--format", "csv", "--storage", url());
        assertThat(csv.out().lines().count()).isEqualTo(front.size() + 1);
        assertThat(csv.out().lines().findFirst().orElseThrow()).startsWith("number,state,values_0,values_1");
    }

    @Test
    void theFrontIsListedByTheFirstObjectiveInItsDirectionThenTheNextThenTrialNumber() {
        // minimize, maximize, minimize; every trial is on the front (trials 1 and 3 are the same point)
        double[][] values = {{2, 5, 1}, {1, 1, 9}, {2, 7, 3}, {1, 1, 9}, {3, 9, 0}};
        String space = "{\"x\": {\"name\": \"FloatDistribution\", \"attributes\": {\"low\": 0, \"high\": 1}}}";
        for (int i = 0; i < values.length; i++) {
            assertThat(CliRunner.runOn(url(), "ask", "--study", "m", "--search-space", space, "--directions", "minimize",
                    "maximize", "minimize").exitCode()).isZero();
            assertThat(CliRunner.runOn(url(), "tell", "--study", "m", "--trial-number", String.valueOf(i), "--values",
                    TextTable.num(values[i][0]), TextTable.num(values[i][1]), TextTable.num(values[i][2])).exitCode())
                    .isZero();
        }
        // 1 and 3 (first objective 1, then equal: by number), 2 before 0 (first objective tied at 2, the second
        // maximized: 7 before 5), 4 (first objective 3)
        List<Integer> expected = List.of(1, 3, 2, 0, 4);
        Run table = nas("pareto", "--study", "m", "--storage", url());
        assertThat(table.out().lines().skip(3).limit(5).map(l -> Integer.parseInt(l.trim().split(" +")[0])).toList())
                .isEqualTo(expected);
        assertThat(table.out().lines().skip(3).findFirst().orElseThrow()).matches(" +1 +1 +1 +9 +x=.*");
        Run csv = nas("pareto", "--study", "m", "--format", "csv", "--storage", url());
        assertThat(csv.out().lines().skip(1).map(l -> Integer.parseInt(l.split(",")[0])).toList()).isEqualTo(expected);
        Map<?, ?> doc = (Map<?, ?>) Json.read(nas("pareto", "--study", "m", "--format", "json", "--storage", url()).out());
        assertThat(((List<?>) doc.get("front")).stream().map(t -> ((Number) ((Map<?, ?>) t).get("number")).intValue())
                .toList()).isEqualTo(expected);
        // nas best shows the same front in the same order
        Run best = nas("best", "--study", "m", "--format", "csv", "--storage", url());
        assertThat(best.out().lines().skip(1).map(l -> Integer.parseInt(l.split(",")[0])).toList()).isEqualTo(expected);

        // maximized first objective: largest first
        for (int i = 0; i < 3; i++) {
            CliRunner.runOn(url(), "ask", "--study", "max", "--search-space", space, "--directions", "maximize",
                    "minimize");
            CliRunner.runOn(url(), "tell", "--study", "max", "--trial-number", String.valueOf(i), "--values",
                    String.valueOf(i), String.valueOf(i));
        }
        Run max = nas("pareto", "--study", "max", "--format", "csv", "--storage", url());
        assertThat(max.out().lines().skip(1).map(l -> Integer.parseInt(l.split(",")[0])).toList())
                .containsExactly(2, 1, 0);
    }

    @Test
    void badInputExitsWith2AndOneLine() {
        assertThat(nas("search", "--study", "z", "--objective", "zdt1", "--n-trials", "3", "--quiet",
                "--storage", url()).exit()).isZero();
        Run wrongSize = nas("pareto", "--study", "z", "--reference-point", "1,2,3", "--storage", url());
        assertThat(wrongSize.exit()).isEqualTo(Nas.BAD_INPUT);
        assertThat(wrongSize.err()).contains("needs 2 value(s)");
        Run wrongOperator = nas("search", "--study", "y", "--objective", "zdt1", "--sampler", "nsga2",
                "--crossover", "pmx", "--n-trials", "1", "--quiet", "--storage", url());
        assertThat(wrongOperator.exit()).isEqualTo(Nas.BAD_INPUT);
        assertThat(wrongOperator.err()).contains("'pmx'");
        Run optionOfAnotherSampler = nas("search", "--study", "y", "--objective", "zdt1", "--sampler", "random",
                "--population-size", "10", "--n-trials", "1", "--quiet", "--storage", url());
        assertThat(optionOfAnotherSampler.exit()).isEqualTo(Nas.BAD_INPUT);
        assertThat(optionOfAnotherSampler.err()).contains("belong to --sampler nsga2");
    }

    @Test
    void historyGivesTheHypervolumeAfterEachCompleteTrialEndingAtTheFronts() {
        Run search = nas("search", "--study", "h", "--objective", "zdt1", "-O", "dim=5", "--sampler", "nsga2",
                "--population-size", "5", "--n-trials", "20", "--seed", "4", "--heartbeat-interval", "0", "--quiet",
                "--storage", url());
        assertThat(search.exit()).as(search.err()).isZero();
        Run front = nas("pareto", "--study", "h", "--reference-point", "1.1,10", "--format", "json", "--storage", url());
        double finalHypervolume = ((Number) ((Map<?, ?>) Json.read(front.out())).get("hypervolume")).doubleValue();

        Run csv = nas("pareto", "--study", "h", "--reference-point", "1.1,10", "--history", "--format", "csv",
                "--storage", url());
        assertThat(csv.exit()).as(csv.err()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("trial,hypervolume");
        assertThat(lines).hasSize(21);
        double previous = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            assertThat(Integer.parseInt(f[0])).isEqualTo(i - 1);
            double hv = Double.parseDouble(f[1]);
            // a trial can only add to the dominated region
            assertThat(hv).isGreaterThanOrEqualTo(previous);
            previous = hv;
        }
        assertThat(previous).isCloseTo(finalHypervolume, within(1e-12));

        Run json = nas("pareto", "--study", "h", "--history", "--format", "json", "--storage", url());
        List<?> history = (List<?>) ((Map<?, ?>) Json.read(json.out())).get("history");
        assertThat(history).hasSize(20);
        Run table = nas("pareto", "--study", "h", "--history", "--storage", url());
        assertThat(table.out()).contains("trial").contains("hypervolume");
    }
}
