package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The external objective and concurrent workers as a user starts them: real {@code nas} processes. */
class ExternalObjectiveProcessTest {

    @TempDir
    Path dir;

    @Test
    void relativePathsInTheCommandResolveAgainstTheDirectorySearchWasStartedIn() throws Exception {
        Files.createDirectories(dir.resolve("prog/data"));
        Files.writeString(dir.resolve("prog/data/offset.txt"), "0.25\n");
        // the program reads a file by a path relative to where 'nas search' was started
        Files.writeString(dir.resolve("prog/quad.sh"), "x=$(sed 's/.*\"x\":\\([-0-9.eE]*\\).*/\\1/' \"$NAS_PARAMS_FILE\")\n"
                + "o=$(cat prog/data/offset.txt)\n"
                + "echo made > \"$NAS_TRIAL_DIR/artifact.txt\"\n"
                + "awk -v x=\"$x\" -v o=\"$o\" 'BEGIN { printf \"nas:result %.12f\\n\", (x - o) * (x - o) }'\n");
        Files.writeString(dir.resolve("space.json"),
                "{\"params\": {\"x\": {\"type\": \"float\", \"low\": 0, \"high\": 1}}}");

        CliProcess.Result r = CliProcess.run(dir, "search", "--study", "ext", "--objective", "external",
                "-O", "command=sh prog/quad.sh", "-O", "space=space.json", "--n-trials", "4", "--quiet");

        assertThat(r.exitCode()).as(r.err()).isZero();
        CliProcess.Result csv = CliProcess.run(dir, "trials", "--study", "ext", "--format", "csv");
        assertThat(csv.out().lines().skip(1)).hasSize(4).allSatisfy(line -> assertThat(line).contains(",COMPLETE,"));
        for (int n = 0; n < 4; n++) {
            Path trialDir = dir.resolve(String.format("nas-runs/ext/trial-%05d", n));
            assertThat(trialDir.resolve("artifact.txt")).hasContent("made");
            assertThat(trialDir.resolve("params.json")).exists();
        }
        assertThat(dir.resolve("artifact.txt")).doesNotExist();
    }

    @Test
    void twoWorkersStartedTogetherBothRunEvenIfOnlyOneNamesTheObjective() throws Exception {
        CliProcess first = CliProcess.start(dir, "search", "--study", "demo", "--objective", "sphere", "--n-trials", "20",
                "--storage", "./studies", "--heartbeat-interval", "0");
        CliProcess second = CliProcess.start(dir, "search", "--study", "demo", "--n-trials", "20",
                "--storage", "./studies", "--heartbeat-interval", "0");
        CliProcess.Result a = first.await(300);
        CliProcess.Result b = second.await(300);
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        CliProcess.Result csv = CliProcess.run(dir, "trials", "--study", "demo", "--storage", "./studies",
                "--format", "csv");
        assertThat(csv.out().lines().skip(1).map(l -> l.split(",")[0]).distinct()).hasSize(40);
    }
}
