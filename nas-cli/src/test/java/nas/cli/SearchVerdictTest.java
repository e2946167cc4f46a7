package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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

    private long storedTrials() {
        CliRunner.Result csv = CliRunner.run("trials", "--study", "broken", "--format", "csv", "--storage",
                dir.resolve("db").toString());
        return csv.out().lines().skip(1).filter(l -> l.contains(",FAIL,")).count();
    }

    @Test
    void aMisconfiguredSearchStopsAfterTwentyFailuresInARowAndExitsOne() throws Exception {
        CliRunner.Result r = CliRunner.run(search("--n-trials", "500"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("nas: stopped after 20 failed trials in a row (--max-consecutive-fails)")
                .contains("nas: no trial completed: 20 of 20 failed; last reason: ")
                .contains("program exited with code");
        assertThat(r.out()).contains("study 'broken' has no COMPLETE trial yet");
        assertThat(storedTrials()).isEqualTo(20);
    }

    @Test
    void theGuardCanBeTurnedOffAndAllFailedStillExitsOne() throws Exception {
        CliRunner.Result r = CliRunner.run(search("--n-trials", "25", "--max-consecutive-fails", "0"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("in a row").contains("no trial completed: 25 of 25 failed");
        assertThat(storedTrials()).isEqualTo(25);
        assertThat(CliRunner.run(search("--max-consecutive-fails", "-1")).exitCode()).isEqualTo(2);
    }

    @Test
    void aSearchWithSomeCompleteTrialsSucceeds() {
        CliRunner.Result r = CliRunner.run("search", "--study", "ok", "--objective", "sphere", "--n-trials", "5",
                "--storage", dir.resolve("db").toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }
}
