package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nas.sim.experiment.ResultsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvolutionLabCommandsTest {

    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        CommandLine cmd = Nas.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void configsListsThePresetsAndShowsOne() {
        Outcome list = run("configs");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("pure_baseline", "pure_optimal", "hybrid_baseline", "neat_baseline");
        Outcome one = run("configs", "pure_optimal");
        assertThat(one.code()).isZero();
        assertThat(one.out()).containsPattern("cull_percentage\\s+0\\.78\\s+\\*");
        Outcome bad = run("configs", "nope");
        assertThat(bad.code()).isEqualTo(Nas.BAD_INPUT);
        assertThat(bad.err()).contains("unknown config 'nope'");
    }

    @Test
    void runWritesResultsAndCompareSummarisesThem() throws Exception {
        Outcome r = run("run", "-c", "pure_baseline", "-g", "3", "-s", "2", "-p", "10", "--set", "mutation_rate=0.4",
                "--results-dir", dir.toString(), "-t", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("[seed 1/2] gen 0 | 1/3 done | best: ", "[seed 2/2] gen 2 | 3/3 done | best: ");
        assertThat(r.out()).containsPattern("Config: pure_baseline \\| Seeds: 2 \\| Final: [0-9.]+ ± [0-9.]+ \\| Time: ");
        Path file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.filter(p -> p.getFileName().toString().startsWith("pure_baseline_")).findFirst().orElseThrow();
        }
        Map<String, Object> doc = ResultsFile.read(file);
        assertThat(doc.get("status")).isEqualTo("complete");
        assertThat(((Map<?, ?>) doc.get("config")).get("mutation_rate")).isEqualTo(0.4);
        assertThat((List<?>) doc.get("runs")).hasSize(2);

        Outcome c = run("compare", "pure_baseline", "--results-dir", dir.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("pure_baseline", "complete");
        Outcome missing = run("compare", "pure_baseline", "hybrid_baseline", "--results-dir", dir.toString());
        assertThat(missing.code()).isEqualTo(Nas.BAD_INPUT);
        assertThat(missing.err()).contains("no results for config 'hybrid_baseline'");
    }

    @Test
    void runRejectsBadInput() {
        assertThat(run("run", "-c", "nope").code()).isEqualTo(Nas.BAD_INPUT);
        Outcome badSet = run("run", "-g", "1", "-s", "1", "-p", "4", "--set", "mutation_rate=lots", "--results-dir",
                dir.toString());
        assertThat(badSet.code()).isEqualTo(Nas.BAD_INPUT);
        assertThat(badSet.err()).contains("config key 'mutation_rate' must be a number");
    }

    @Test
    void benchmarkSimReportsThroughput() {
        Outcome b = run("benchmark", "sim", "-c", "hybrid_baseline", "-p", "8", "-g", "1", "-w", "0", "-t", "1");
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.out()).contains("config hybrid_baseline, population 8, 1 generations")
                .containsPattern("creatures/s \\| [0-9.]+ ms/generation");
    }
}
