package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyTransferCommandsTest {

    @TempDir
    Path dir;

    private String db(String name) {
        return "jdbc:h2:" + dir.resolve(name).toAbsolutePath();
    }

    @Test
    void exportImportCopyRoundTripBetweenH2Files() throws Exception {
        CliRunner.Result search = CliRunner.run("search", "--study", "s", "--objective", "curve", "--pruner", "median",
                "--n-trials", "12", "--seed", "4", "--quiet", "--storage", db("a"));
        assertThat(search.exitCode()).as(search.err()).isZero();
        Path first = dir.resolve("s.json");
        CliRunner.Result export = CliRunner.run("export", "--study", "s", "--out", first.toString(), "--storage", db("a"));
        assertThat(export.exitCode()).as(export.err()).isZero();

        CliRunner.Result imported = CliRunner.run("import", first.toString(), "--storage", db("b"));
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported study 's'");
        CliRunner.Result again = CliRunner.run("export", "--study", "s", "--storage", db("b"));
        assertThat(again.out()).isEqualTo(Files.readString(first)); // byte for byte, through two H2 files

        CliRunner.Result copy = CliRunner.run("copy-study", "--study", "s", "--from", db("a"), "--to", db("b"),
                "--to-study", "s2");
        assertThat(copy.exitCode()).as(copy.err()).isZero();
        CliRunner.Result copied = CliRunner.run("export", "--study", "s2", "--storage", db("b"));
        assertThat(copied.out()).isEqualTo(Files.readString(first).replace("\"study_name\": \"s\"",
                "\"study_name\": \"s2\""));
        CliRunner.Result trials = CliRunner.run("trials", "--study", "s2", "--format", "csv", "--storage", db("b"));
        assertThat(trials.out().lines().count()).isEqualTo(13);
        // a copy within one storage
        assertThat(CliRunner.run("copy-study", "--study", "s", "--from", db("a"), "--to", db("a"), "--to-study", "s3")
                .exitCode()).isZero();
    }

    @Test
    void badInputIsOneLineWithExitCode2() throws Exception {
        CliRunner.run("search", "--study", "s", "--objective", "sphere", "--dim", "2", "--n-trials", "3", "--quiet",
                "--storage", db("a"));
        CliRunner.Result missing = CliRunner.run("export", "--study", "nope", "--storage", db("a"));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).hasLineCount(1);
        Path file = dir.resolve("s.json");
        CliRunner.run("export", "--study", "s", "--out", file.toString(), "--storage", db("a"));
        CliRunner.Result twice = CliRunner.run("import", file.toString(), "--storage", db("a"));
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err().strip())
                .isEqualTo("nas: a study named 's' already exists: import it under another name with --study NAME");
        CliRunner.Result twiceNamed = CliRunner.run("import", file.toString(), "--study", "s", "--storage", db("a"));
        assertThat(twiceNamed.err().strip())
                .isEqualTo("nas: a study named 's' already exists: give another name with --study");
        CliRunner.Result noFile = CliRunner.run("import", dir.resolve("none.json").toString(), "--storage", db("a"));
        assertThat(noFile.exitCode()).isEqualTo(2);
        Files.writeString(dir.resolve("other.json"), "{\"format\": \"other\"}");
        CliRunner.Result other = CliRunner.run("import", dir.resolve("other.json").toString(), "--storage", db("a"));
        assertThat(other.exitCode()).isEqualTo(2);
        assertThat(other.err()).contains("not a NAS study export");
        CliRunner.Result same = CliRunner.run("copy-study", "--study", "s", "--from", db("a"), "--to", db("a"));
        assertThat(same.exitCode()).isEqualTo(2);
        assertThat(same.err()).contains("--to-study");
        // a copy onto a study of that name: the message says where and what to do
        assertThat(CliRunner.run("copy-study", "--study", "s", "--from", db("a"), "--to", db("b")).exitCode()).isZero();
        CliRunner.Result again = CliRunner.run("copy-study", "--study", "s", "--from", db("a"), "--to", db("b"));
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err().strip()).isEqualTo("nas: a study named 's' already exists in " + db("b")
                + ": give the copy another name with --to-study NAME");
        CliRunner.Result sameTwice = CliRunner.run("copy-study", "--study", "s", "--from", db("a"), "--to", db("a"),
                "--to-study", "s");
        assertThat(sameTwice.err()).contains("--to-study");
        assertThat(CliRunner.run("copy-study", "--study", "s", "--from", db("a"), "--to", db("a"), "--to-study", "t")
                .exitCode()).isZero();
        CliRunner.Result sameTaken = CliRunner.run("copy-study", "--study", "s", "--from", db("a"), "--to", db("a"),
                "--to-study", "t");
        assertThat(sameTaken.err().strip()).isEqualTo("nas: a study named 't' already exists in " + db("a")
                + ": give the copy another name with --to-study NAME");
    }
}
