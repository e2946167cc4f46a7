package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad configuration is bad input: exit 2 with one line, before the study or any trial is written. */
class BadConfigurationTest {

    @TempDir
    Path dir;

    private String db() {
        return dir.resolve("db").toString();
    }

    /** Runs a search that must be refused and checks that it wrote nothing; returns its message. */
    private String refused(String... args) {
        CliRunner.Result r = CliRunner.runOn(db(), args);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        CliRunner.Result trials = CliRunner.run("trials", "--study", "bad", "--storage", db());
        assertThat(trials.exitCode()).as("the study must not exist: " + trials.out()).isEqualTo(2);
        return r.err().strip();
    }

    @Test
    void aGridWithAWrongValueOrAMissingParameterIsRefusedBeforeAnyTrial() {
        String[] grid = {"search", "--study", "bad", "--objective", "sphere", "--dim", "2", "--sampler", "grid"};
        assertThat(refused(CliRunner.concat(grid, "--grid", "x0=a,b", "--grid", "x1=0")))
                .isEqualTo("nas: --grid value x0=a is not a value of float[-5.0, 5.0]");
        assertThat(refused(CliRunner.concat(grid, "--grid", "x0=-10,0", "--grid", "x1=0")))
                .isEqualTo("nas: --grid value x0=-10 is not a value of float[-5.0, 5.0]");
        assertThat(refused(CliRunner.concat(grid, "--grid", "x0=0,1")))
                .startsWith("nas: --grid misses parameter(s) [x1]");
        assertThat(refused(CliRunner.concat(grid, "--grid", "x0=0", "--grid", "x1=0", "--grid", "y=1")))
                .startsWith("nas: --grid names 'y', which is not a parameter of the objective");
        // a parameter held fixed needs no grid
        CliRunner.Result fixed = CliRunner.run(CliRunner.concat(grid, "--grid", "x0=0,1", "--param", "x1=0.5", "--storage", db(),
                "--quiet"));
        assertThat(fixed.exitCode()).as(fixed.err()).isZero();
        assertThat(fixed.out()).contains("value 0.25");
    }

    @Test
    void aSpaceFileWithAFractionalIntBoundOrADefaultOutsideItsRangeIsRefusedBeforeAnyTrial() throws Exception {
        Files.writeString(dir.resolve("frac.json"), "{\"params\": {\"n\": {\"type\": \"int\", \"low\": 1.5, \"high\": 4}}}");
        Files.writeString(dir.resolve("default.json"), "{\"params\": {\"lr\": {\"type\": \"float\", \"low\": 0.001, "
                + "\"high\": 0.1}}, \"defaults\": {\"lr\": 0.5}}");
        String[] ext = {"search", "--study", "bad", "--objective", "external", "-O", "command=true"};
        assertThat(refused(CliRunner.concat(ext, "-O", "space=" + dir.resolve("frac.json"))))
                .contains("parameter 'n'").contains("'low' must be a whole number, but got 1.5");
        Files.writeString(dir.resolve("syntax.json"), "{\"params\": {\"x\": {\"type\": \"float\", \"low\": 0, "
                + "\"high\": 1},}}");
        // before: "invalid JSON: Unexpected character ...", naming neither the file nor where
        assertThat(refused(CliRunner.concat(ext, "-O", "space=" + dir.resolve("syntax.json"))))
                .startsWith("nas: search space " + dir.resolve("syntax.json") + ": invalid JSON at line 1, column 57: ");
        assertThat(refused(CliRunner.concat(ext, "-O", "space=" + dir.resolve("default.json"))))
                .contains("the default of 'lr'").contains("0.5, is not a value of float[0.001, 0.1]");
    }

    @Test
    void aStorageThatNamesADirectoryIsRefusedAndNothingIsCreatedBesideIt() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("studies"));
        for (String storage : new String[] {dir.resolve("studies").toString(), "jdbc:h2:" + dir.resolve("studies")}) {
            CliRunner.Result r = CliRunner.run("search", "--study", "s", "--objective", "sphere", "--n-trials", "1",
                    "--storage", storage);
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err().strip()).isEqualTo("nas: --storage names the directory '" + dir.resolve("studies")
                    + "': give a database file inside it (e.g. " + dir.resolve("studies/nas-studies") + ") or a JDBC URL");
        }
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("studies");
        }
    }

    @Test
    void anUnbalancedQuoteInAnOptionPrintsOneLine() throws Exception {
        Files.writeString(dir.resolve("space.json"), "{\"params\": {\"x\": {\"type\": \"float\", \"low\": 0, \"high\": 1}}}");
        CliProcess.Result r = CliProcess.run(dir, "search", "--study", "bad", "--objective", "external",
                "-O", "command=\"python3 train.py", "-O", "space=space.json", "--storage", "./db");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("nas: unbalanced quote in command '\"python3 train.py'\n");
    }
}
