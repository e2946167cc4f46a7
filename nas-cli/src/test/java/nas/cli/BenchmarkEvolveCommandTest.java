package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
        assertThat(r.out()).contains("frames selective: top 2, random 0, bottom 1, 15 fps", "(3 creatures, ");
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

    @Test
    void storagesPartsAreMeasuredWhereSpentAndWithTheCommonWorkMakeTheDifferenceOfTheTotals() {
        CliRunner.Result r = CliRunner.run("benchmark", "evolve", "-p", "20", "-g", "5", "--checkpoint-every", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String out = r.out();
        double stored = number(out, "CPU ([\\d.]+) s in nas evolve");
        double server = number(out, "([\\d.]+) s in the storage server");
        double memory = number(out, "in memory, nothing stored \\(a JVM of its own\\): [\\d.]+ s wall, CPU ([\\d.]+) s");
        // nas evolve's own split, printed with the phases: its parts make its process's CPU, to rounding (8 x 0.005 s)
        StorageCpu.Stored split = StorageCpu.Stored.find(out);
        assertThat(split).as(out).isNotNull();
        double splitGap = split.evaluation() + split.recording() + split.rest() + split.runThread() + split.writer()
                + split.helpers() + split.jvm() - split.process();
        assertThat(splitGap).isCloseTo(0, within(0.0401));
        // measured inside the command's run, against the whole command: less, to the rounding of both figures
        // (0.005 s, and 0.05 s of a figure read to 0.001 s: 0.0555 s)
        assertThat(split.process()).isLessThanOrEqualTo(stored + 0.056);
        // 20 creatures, top 10 + random 10 + bottom 5: every creature of every generation recorded, so simulated again
        assertThat(split.recording()).isPositive();
        assertThat(split.evaluation()).isPositive();
        double[] parts = new double[StorageCpu.PARTS.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = number(out, "  " + Pattern.quote(StorageCpu.PARTS.get(i)) + " +(-?[\\d.]+) s +-?[\\d.]+%");
        }
        // measured parts are CPU spent, never negative; the JVM's part (index 5) is a difference of two JVMs' compiler
        // and GC time and may be
        for (int i = 0; i < parts.length; i++) {
            if (i != 5) {
                assertThat(parts[i]).as(StorageCpu.PARTS.get(i)).isGreaterThanOrEqualTo(0);
            }
        }
        assertThat(parts[0]).isEqualTo(split.recording());
        // the run line prints the server's CPU to 0.1 s
        assertThat(parts[4]).isCloseTo(server, within(0.051));
        double sum = number(out, "  sum +(-?[\\d.]+) s");
        assertThat(Arrays.stream(parts).sum()).isCloseTo(sum, within(0.04));
        // the check line: difference of the totals = sum of the parts + evaluation's and breeding's differences
        Matcher check = Pattern.compile("evaluation ([\\d.]+) s stored, ([\\d.]+) s in memory \\(.*?\\); breeding and "
                + "the rest (-?[\\d.]+) s, (-?[\\d.]+) s. The difference of the totals, (-?[\\d.]+) s \\((-?[\\d.]+)%\\), "
                + "is the sum of the parts plus evaluation's difference \\(([-+][\\d.]+) s\\) and breeding's \\(([-+][\\d.]+) s\\)")
                .matcher(out);
        assertThat(check.find()).as(out).isTrue();
        double evaluationDiff = Double.parseDouble(check.group(7));
        double restDiff = Double.parseDouble(check.group(8));
        assertThat(evaluationDiff).isCloseTo(Double.parseDouble(check.group(1)) - Double.parseDouble(check.group(2)),
                within(0.011));
        assertThat(restDiff).isCloseTo(Double.parseDouble(check.group(3)) - Double.parseDouble(check.group(4)),
                within(0.011));
        double difference = Double.parseDouble(check.group(5));
        // the totals are printed to 0.1 s (three of them: 0.15 s), the difference to 0.01 s
        assertThat(difference).isCloseTo(stored + server - memory, within(0.16));
        // exactly, the parts and the two differences make the difference of the totals, but for the gap between the
        // split's printed parts and its printed process (they are computed from it) and the in-memory split's, read to
        // 0.001 s (four figures: 0.002 s); here four figures printed to 0.01 s (0.02 s)
        assertThat(sum + evaluationDiff + restDiff - splitGap).isCloseTo(difference, within(0.0221));
        // the parts over the stored run's own simulation: its evaluation and breeding plus the reference's JVM time
        Matcher own = Pattern.compile("stored run's own simulation \\(.*?: ([\\d.]+) s\\): (-?[\\d.]+)%").matcher(out);
        assertThat(own.find()).as(out).isTrue();
        double ownSimulation = Double.parseDouble(own.group(1));
        assertThat(ownSimulation).isGreaterThanOrEqualTo(split.evaluation() + split.rest() - 0.01);
        // the printed sum is 0.05 s from the exact one at most (nine rounded parts), the printed simulation 0.005 s,
        // the share 0.05 points; on a run this short the simulation's rounding alone moves the share by points
        assertThat(Double.parseDouble(own.group(2))).isBetween(100 * (sum - 0.05) / (ownSimulation + 0.005) - 0.06,
                100 * (sum + 0.05) / (ownSimulation - 0.005) + 0.06);
        assertThat(out).doesNotContain("pair 1 of", "over 1 pairs");
    }

    @Test
    void repeatRunsInterleavedPairsAndSummarisesThem() {
        CliRunner.Result r = CliRunner.run("benchmark", "evolve", "-p", "6", "-g", "4", "--repeat", "2",
                "--frame-top", "1", "--frame-random", "0", "--frame-bottom", "0", "--checkpoint-every", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String out = r.out();
        // stored, in memory, stored, in memory
        int first = out.indexOf("pair 1 of 2 (load ");
        int second = out.indexOf("pair 2 of 2 (load ");
        int summary = out.indexOf("over 2 pairs (median, lowest, highest");
        assertThat(first).as(out).isNotNegative();
        assertThat(second).isGreaterThan(out.indexOf("in memory, nothing stored", first));
        assertThat(out.indexOf("in memory, nothing stored", second)).isGreaterThan(second).isLessThan(summary);
        assertThat(out.indexOf("run:    ", second)).isBetween(second, summary);
        // each pair's on-top figure; the median of two is their mean, lowest and highest are theirs
        Matcher onTop = Pattern.compile("frames cost (-?\\d+)% CPU on top").matcher(out);
        double[] pairs = new double[2];
        for (int k = 0; k < 2; k++) {
            assertThat(onTop.find()).as(out).isTrue();
            pairs[k] = Integer.parseInt(onTop.group(1));
        }
        assertThat(onTop.find()).isFalse();
        Matcher row = Pattern.compile("  on top, difference of the totals +(-?[\\d.]+)% +(-?[\\d.]+)% +(-?[\\d.]+)%")
                .matcher(out);
        assertThat(row.find()).as(out).isTrue();
        // pairs print whole percentages, the summary tenths
        assertThat(Double.parseDouble(row.group(1))).isCloseTo((pairs[0] + pairs[1]) / 2, within(0.55));
        assertThat(Double.parseDouble(row.group(2))).isCloseTo(Math.min(pairs[0], pairs[1]), within(0.55));
        assertThat(Double.parseDouble(row.group(3))).isCloseTo(Math.max(pairs[0], pairs[1]), within(0.55));
        assertThat(out.substring(summary)).contains("  sum of the parts over the stored run's own simulation");
        for (String part : StorageCpu.PARTS) {
            assertThat(out.substring(summary)).contains("  " + part);
        }
        // the second pair ran on a new database: the last pair's run is the one resumed and measured
        assertThat(out).contains("resume: from the checkpoint before generation 2", "(1 creatures, ");
        assertThat(CliRunner.run("benchmark", "evolve", "--repeat", "0").exitCode()).isEqualTo(2);
    }

    @Test
    void thePartsAreTheStoredRunsOwnAndTheirSumWithTheCommonWorkIsTheDifferenceOfTheTotals() {
        StorageCpu.Stored stored = StorageCpu.Stored.find("time: ...\ncpu: evaluation 50.00 s, frames simulated again "
                + "6.00 s, breeding and the rest 3.00 s, storing on the run's thread 1.00 s, writer 4.00 s, parallel "
                + "helpers 2.00 s, JVM (compiler, GC) 10.00 s; process 76.00 s\n");
        assertThat(stored).isEqualTo(new StorageCpu.Stored(50, 6, 3, 1, 4, 2, 10, 76));
        StorageCpu cpu = new StorageCpu(stored, 76.5, 16, new StorageCpu.Memory(40, 62, 49, 3.5, 9.5));
        // frames 6, writer 4, helpers 2, run's thread 1, server 16, JVM 10 - 9.5, start and end 76.5 - 76
        assertThat(cpu.parts()).containsExactly(6, 4, 2, 1, 16, 0.5, 0.5);
        assertThat(cpu.partsSum()).isEqualTo(30.0);
        assertThat(cpu.partsOnTop()).isCloseTo(30.0 / 62, within(1e-12));
        // 76.5 + 16 - 62 = 30.5 = 30 + (50 - 49) + (3 - 3.5)
        assertThat(cpu.onTop()).isCloseTo(30.5 / 62, within(1e-12));
        assertThat(cpu.evaluationDifference()).isEqualTo(1.0);
        assertThat(cpu.restDifference()).isEqualTo(-0.5);
        // the stored run's own evaluation and breeding (50 + 3) with the reference's JVM time (9.5)
        assertThat(cpu.ownSimulation()).isEqualTo(62.5);
        assertThat(cpu.partsOnOwnSimulation()).isCloseTo(30 / 62.5, within(1e-12));
        assertThat(StorageCpu.Stored.find("time: simulation and breeding 1.0 s")).isNull();
    }

    @Test
    void aWarmServerMeasuresTheSecondRunAndKeepsOnlyItsRows() {
        CliRunner.Result r = CliRunner.run("benchmark", "evolve", "-p", "6", "-g", "4", "--warm", "3",
                "--frame-top", "1", "--frame-random", "0", "--frame-bottom", "0", "--checkpoint-every", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("warm server: a stored run of 3 generations first (deleted)");
        // the warm-up run is gone: one recording for each of the measured run's 4 generations
        assertThat(r.out()).contains("frames 0.00 MB (4 recordings");
        // its space is still in the file until compacted, and the size as left says so
        assertThat(r.out()).containsPattern("database file: [\\d.]+ MB as the server left it \\(with the deleted "
                + "warm-up run's space\\), [\\d.]+ MB compacted");
        assertThat(number(r.out(), "([\\d.]+) s in the storage server")).isNotNegative();
        assertThat(CliRunner.run("benchmark", "evolve", "--warm", "-1").exitCode()).isEqualTo(2);
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in " + text).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
