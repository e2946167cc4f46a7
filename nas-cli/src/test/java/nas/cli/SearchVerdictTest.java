package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import nas.api.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search whose trials all fail is a failure (exit 1), and a run of failures stops it early. */
class SearchVerdictTest {

    @TempDir
    Path dir;

    private String[] search(String... more) throws Exception {
        Files.writeString(dir.resolve("space.json"), "{\"params\": {\"x\": {\"type\": \"float\", \"low\": 0, \"high\": 1}}}");
        String[] base = {"search", "--study", "broken", "--objective", "external", "-O", "command=sh missing-script.sh",
            "-O", "space=" + dir.resolve("space.json"), "-O", "workdir=" + dir.resolve("runs"),
            "--storage", dir.resolve("db").toString(), "--quiet"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    /** Runs {@code nas search} in this JVM, asserting one WARNING line per failed trial, {@code failures} in all. */
    private static CliRunner.Result runFailing(int failures, String... args) {
        try (LogCapture log = LogCapture.start()) {
            CliRunner.Result r = CliRunner.run(args);
            assertThat(log.messages(Level.WARNING)).hasSize(failures).allMatch(m -> m.matches("(?s)trial \\d+ of study "
                    + "'broken' failed: program exited with code \\d+: .*missing-script.*"));
            return r;
        }
    }

    private long storedTrials() {
        CliRunner.Result csv = CliRunner.run("trials", "--study", "broken", "--format", "csv", "--storage",
                dir.resolve("db").toString());
        return csv.out().lines().skip(1).filter(l -> l.contains(",FAIL,")).count();
    }

    @Test
    void aMisconfiguredSearchStopsAfterTwentyFailuresInARowAndExitsOne() throws Exception {
        CliRunner.Result r = runFailing(20, search("--n-trials", "500"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("nas: stopped after 20 failed trials in a row (--max-consecutive-fails)")
                .contains("nas: no trial completed: 20 of 20 failed; last reason: ")
                .contains("program exited with code");
        assertThat(r.out()).contains("study 'broken' has no COMPLETE trial yet");
        assertThat(storedTrials()).isEqualTo(20);
        // the reason is in the table and the CSV too, not only in JSON
        String db = dir.resolve("db").toString();
        List<String> csv = CliRunner.run("trials", "--study", "broken", "--format", "csv", "--storage", db).out()
                .lines().toList();
        assertThat(csv.get(0)).endsWith(",params_x,user_attrs_failure,user_attrs_trial_dir,system_attrs_fail_reason");
        assertThat(csv.get(1)).contains(",FAIL,").contains(",exit-code,").contains("program exited with code");
        String table = CliRunner.run("trials", "--study", "broken", "--storage", db).out();
        assertThat(table.lines().findFirst().orElseThrow()).contains("fail_reason");
        assertThat(table).contains("program exited with code");
    }

    @Test
    void theGuardCanBeTurnedOffAndAllFailedStillExitsOne() throws Exception {
        CliRunner.Result r = runFailing(25, search("--n-trials", "25", "--max-consecutive-fails", "0"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("in a row").contains("no trial completed: 25 of 25 failed");
        assertThat(storedTrials()).isEqualTo(25);
        assertThat(CliRunner.run(search("--max-consecutive-fails", "-1")).exitCode()).isEqualTo(2);
    }

    @Test
    void aGridSearchCountsToTheGridsSizeAndSaysWhenItIsExhausted() {
        CliRunner.Result r = CliRunner.run("search", "--study", "g", "--objective", "sphere", "--dim", "2", "--sampler",
                "grid", "--grid", "x0=-1,0,1", "--grid", "x1=-0.5,0.5", "--storage", dir.resolve("db").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("[g] 6/6 trials").doesNotContain("/100")
                .contains("[g] grid exhausted: every one of its 6 points is evaluated");
        assertThat(r.out()).contains("value 0.25");
    }

    @Test
    void aSearchWithSomeCompleteTrialsSucceeds() {
        CliRunner.Result r = CliRunner.run("search", "--study", "ok", "--objective", "sphere", "--n-trials", "5",
                "--storage", dir.resolve("db").toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }
}
