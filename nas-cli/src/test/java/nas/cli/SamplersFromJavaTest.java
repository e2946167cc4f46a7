package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.export.TrialTable;
import nas.api.objective.ObjectiveDefinition;
import nas.api.objective.ObjectiveOptions;
import nas.api.objective.ObjectivePlugins;
import nas.samplers.Samplers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Samplers.create} from Java gives trial for trial the study {@code nas search --sampler NAME} gives. */
class SamplersFromJavaTest {

    private static final long SEED = 5;
    private static final int TRIALS = 12;

    @TempDir
    Path dir;

    /** A sampler as the command line names it and as Java does. */
    private record Case(String name, List<String> flags, Map<String, String> options) {
    }

    @Test
    void everyNameTheCommandLineTakesGivesTheSameTrialsFromJava() {
        Map<String, String> grid = new LinkedHashMap<>();
        grid.put("x0", "-1,0,1.5");
        grid.put("x1", "0,2");
        List<Case> cases = List.of(
                new Case("auto", List.of(), Map.of()),
                new Case("random", List.of(), Map.of()),
                new Case("tpe", List.of("--tpe-startup-trials", "5", "--tpe-multivariate"),
                        Map.of("startup-trials", "5", "multivariate", "true")),
                new Case("gp", List.of("--gp-startup-trials", "8", "--gp-candidates", "128"),
                        Map.of("startup-trials", "8", "candidates", "128")),
                new Case("qmc", List.of("--qmc-type", "halton"), Map.of("type", "halton")),
                new Case("grid", List.of("--grid", "x0=-1,0,1.5", "--grid", "x1=0,2"), grid),
                new Case("nsga2", List.of("--population-size", "4", "--crossover", "sbx"),
                        Map.of("population-size", "4", "crossover", "sbx")),
                new Case("cmaes", List.of("--cma-popsize", "4", "--cma-restart", "ipop", "--cma-separable"),
                        Map.of("popsize", "4", "restart", "ipop", "separable", "true")));
        assertThat(cases.stream().map(Case::name)).as("a case for every sampler name")
                .containsExactlyElementsOf(Samplers.names());
        ObjectiveDefinition sphere = ObjectivePlugins.find("sphere").create(new ObjectiveOptions(Map.of("dim", "2")));
        // one file, a study per sampler: one storage server for all the searches
        String storage = dir.resolve("samplers").toString();
        for (Case c : cases) {
            String[] args = Stream.concat(Stream.of("search", "--study", c.name(), "--objective", "sphere", "--dim", "2",
                    "--n-trials", String.valueOf(TRIALS), "--seed", String.valueOf(SEED), "--quiet",
                    "--storage", storage, "--sampler", c.name()), c.flags().stream()).toArray(String[]::new);
            CliRunner.Result cli = CliRunner.run(args);
            assertThat(cli.exitCode()).as(c.name() + ": " + cli.err()).isZero();
            CliRunner.Result csv = CliRunner.run("trials", "--study", c.name(), "--format", "csv", "--storage", storage);

            Study java = Studies.builder(c.name()).directions(sphere.directions())
                    .sampler(Samplers.create(c.name(), c.options(), SEED, sphere.searchSpace(), null))
                    .seed(SEED).create();
            java.optimizeMulti(sphere.function(), OptimizeOptions.trials(TRIALS));
            StringWriter javaCsv = new StringWriter();
            TrialTable.writeCsv(java, Set.of(), javaCsv);

            List<String> fromCli = outcomes(csv.out());
            assertThat(fromCli).as(c.name()).hasSize(1 + (c.name().equals("grid") ? 6 : TRIALS))
                    .isEqualTo(outcomes(javaCsv.toString()));
        }
    }

    @Test
    void tpeIsWidthWeightedByDefaultAndNoTpeWidthWeightedGivesTheExactDensity() {
        ObjectiveDefinition sphere = ObjectivePlugins.find("sphere").create(new ObjectiveOptions(Map.of("dim", "2")));
        Map<String, List<String>> cliRuns = new LinkedHashMap<>();
        String storage = dir.resolve("tpe").toString();
        for (boolean widthWeighted : new boolean[] {true, false}) {
            String study = "tpe-" + widthWeighted;
            List<String> args = new java.util.ArrayList<>(List.of("search", "--study", study, "--objective", "sphere",
                    "--dim", "2", "--n-trials", "20", "--seed", String.valueOf(SEED), "--quiet", "--storage", storage,
                    "--sampler", "tpe"));
            if (!widthWeighted) {
                args.add("--no-tpe-width-weighted");
            }
            CliRunner.Result cli = CliRunner.run(args.toArray(String[]::new));
            assertThat(cli.exitCode()).as(cli.err()).isZero();
            List<String> fromCli = outcomes(CliRunner.run("trials", "--study", study, "--format", "csv", "--storage", storage).out());

            Study java = Studies.builder(study).directions(sphere.directions())
                    .sampler(new nas.samplers.tpe.TpeSampler(nas.samplers.tpe.TpeOptions.defaults().withSeed(SEED)
                            .withWidthWeighted(widthWeighted)))
                    .seed(SEED).create();
            java.optimizeMulti(sphere.function(), OptimizeOptions.trials(20));
            StringWriter javaCsv = new StringWriter();
            TrialTable.writeCsv(java, Set.of(), javaCsv);
            assertThat(fromCli).hasSize(21).isEqualTo(outcomes(javaCsv.toString()));
            cliRuns.put(String.valueOf(widthWeighted), fromCli);
        }
        // the 10 random start-up trials (and the header) agree; the scored ones do not
        assertThat(cliRuns.get("true").subList(0, 11)).isEqualTo(cliRuns.get("false").subList(0, 11));
        assertThat(cliRuns.get("true")).isNotEqualTo(cliRuns.get("false"));
    }

    /** Each CSV row without its times: number, state, value, last step and parameters. */
    static List<String> outcomes(String csv) {
        return csv.lines().map(l -> {
            List<String> cells = Arrays.asList(l.split(",", -1));
            return String.join(",", cells.subList(0, 3)) + "," + String.join(",", cells.subList(6, cells.size()));
        }).toList();
    }
}
