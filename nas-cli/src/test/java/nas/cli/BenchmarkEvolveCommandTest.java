package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nas benchmark evolve} on a tiny run: what it prints adds up, and its reference runs in a JVM of its own. */
class BenchmarkEvolveCommandTest {

    @TempDir
    Path dir;

    @Test
    void theOverheadIsTheStoredRunsCpuOverTheInMemoryRunInANewJvm() {
        Path where = dir.resolve("not/yet");
        CliRunner.Result r = CliRunner.run("benchmark", "evolve", "-p", "6", "-g", "12", "--checkpoint-every", "5",
                "--frame-top", "2", "--frame-random", "0", "--frame-bottom", "1", "--dir", where.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        // --dir names a directory that did not exist: made, and the database is kept there
        assertThat(where.resolve("bench.mv.db")).exists();
        Matcher run = Pattern.compile("CPU ([\\d.]+) s in nas evolve, ([\\d.]+) s in the storage server").matcher(r.out());
        Matcher memory = Pattern.compile("in memory, nothing stored \\(a JVM of its own\\): [\\d.]+ s wall, CPU ([\\d.]+) s; "
                + "storing, genomes and frames cost (-?\\d+)% CPU on top").matcher(r.out());
        assertThat(run.find()).as(r.out()).isTrue();
        assertThat(memory.find()).as(r.out()).isTrue();
        double stored = Double.parseDouble(run.group(1)) + Double.parseDouble(run.group(2));
        double inMemory = Double.parseDouble(memory.group(1));
        // a new JVM: it pays at least for starting its evaluator threads and compiling something
        assertThat(inMemory).isPositive();
        // the printed figures are rounded to 0.1 s: the percentage agrees with them to that precision
        double low = (stored - 0.1 - (inMemory + 0.05)) / (inMemory + 0.05);
        double high = (stored + 0.1 - (inMemory - 0.05)) / (inMemory - 0.05);
        assertThat(Integer.parseInt(memory.group(2)) / 100.0).isBetween(low - 0.005, high + 0.005);
        assertThat(r.out()).contains("resume: from the checkpoint before generation 10");
        // the frame options reach the run: 3 creatures of each of the 12 generations recorded
        assertThat(r.out()).contains("frames selective (top 2, random 0, bottom 1) at 15 fps", "(3 creatures, ");
        Matcher total = Pattern.compile("stored over the run: frames ([\\d.]+) MB \\((\\d+) recordings, ([\\d.]+) MB per "
                + "1,000 generations\\), genomes [\\d.]+ MB \\((\\d+)\\)").matcher(r.out());
        assertThat(total.find()).as(r.out()).isTrue();
        assertThat(Integer.parseInt(total.group(2))).isEqualTo(36);
        // per 1,000 generations: the run's 12 scaled, to the printed precision
        assertThat(Double.parseDouble(total.group(3)))
                .isCloseTo(Double.parseDouble(total.group(1)) * 1000 / 12, org.assertj.core.data.Offset.offset(0.5));
        // 6 genomes of generation 0, then at least the 3 new ones of every later generation, at most 6
        assertThat(Integer.parseInt(total.group(4))).isBetween(6 + 11 * 3, 12 * 6);
        assertThat(Files.isDirectory(where)).isTrue();
    }
}
