package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nas.sim.experiment.ResultsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nas run}'s results file when the run is stopped part-way, with a real process and real signals: the file
 * is rewritten only as it grows (not after every generation), yet Ctrl-C leaves it up to the last generation
 * printed, and SIGKILL leaves a whole, readable document of consecutive generations.
 */
class RunResultsFileTest {

    private static final Pattern GEN = Pattern.compile("\\[seed 1/1\\] gen \\d+ \\| (\\d+)/\\d+ done");

    @TempDir
    Path dir;

    @Test
    void ctrlCLeavesTheResultsFileUpToTheLastGenerationPrinted() throws Exception {
        CliProcess run = start();
        int printed = awaitGeneration(run, 120); // past the first 50, which are written one by one
        run.signal("INT");
        CliProcess.Result r = run.await(60);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(130);
        int last = lastGeneration(r.err());
        assertThat(last).isGreaterThanOrEqualTo(printed);
        List<?> curve = curve("running");
        // the shutdown hook wrote what was done when the signal came: every printed generation, maybe one more
        assertThat(curve.size()).isBetween(last, last + 1);
    }

    @Test
    void sigkillLeavesAWholeReadableResultsFile() throws Exception {
        CliProcess run = start();
        awaitGeneration(run, 150);
        CliProcess.Result r = run.kill();
        int last = lastGeneration(r.err());
        List<?> curve = curve("running");
        // at most 1/50 of the generations behind, never a torn document
        assertThat(curve.size()).isBetween(last - last / 50 - 1, last + 1);
    }

    @Test
    void theNextRunIntoTheDirectoryRemovesThePartialFileAKilledWriteLeftAndNothingElse() throws Exception {
        // as a SIGKILL during a write left it (a real 'nas run'), two hours ago; and one a live writer writes now
        Path results = Files.createDirectories(dir.resolve("results"));
        Path killed = Files.createFile(results.resolve("pure_baseline_20261206_092853.json1224206286895089840.tmp"));
        Files.setLastModifiedTime(killed, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofHours(2))));
        Path writing = Files.createFile(results.resolve("pure_baseline_20261206_092854.json.partial-5.tmp"));
        CliRunner.Result r = CliRunner.run("run", "--config", "pure_baseline", "--generations", "1", "--seeds", "1",
                "--population-size", "4", "--threads", "1", "--results-dir", results.toString(), "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("nas run: removed " + killed + ", a partial results file a killed run left behind"
                + System.lineSeparator());
        assertThat(killed).doesNotExist();
        assertThat(writing).exists();
    }

    private CliProcess start() throws Exception {
        return CliProcess.start(dir, "run", "--config", "pure_baseline", "--generations", "100000", "--seeds", "1",
                "--population-size", "4", "--threads", "1", "--set", "stagnation_limit=1000000", "--results-dir",
                "results");
    }

    /** Waits (up to 2 minutes) until generation {@code g} or a later one is printed; returns the last printed. */
    private static int awaitGeneration(CliProcess run, int g) throws Exception {
        for (int i = 0; i < 1200; i++) {
            int last = lastGeneration(run.errorOutput());
            if (last >= g) {
                return last;
            }
            assertThat(run.isAlive()).as(run.errorOutput()).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("generation " + g + " not reached in 2 minutes: " + run.errorOutput());
    }

    private static int lastGeneration(String err) {
        Matcher m = GEN.matcher(err);
        int last = 0;
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        return last;
    }

    /** The one results file's curve, after checking its status and that its rows are generations 0, 1, 2, ... */
    private List<?> curve(String status) throws Exception {
        Path file;
        try (var files = Files.list(dir.resolve("results"))) {
            file = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        Map<String, Object> doc = ResultsFile.read(file);
        assertThat(doc.get("status")).isEqualTo(status);
        List<?> curve = (List<?>) ((Map<?, ?>) ((List<?>) doc.get("runs")).get(0)).get("curve");
        for (int k = 0; k < curve.size(); k++) {
            assertThat(((Number) ((List<?>) curve.get(k)).get(0)).intValue()).isEqualTo(k);
        }
        return curve;
    }
}
