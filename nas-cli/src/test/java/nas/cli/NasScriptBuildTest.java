package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first {@code ./nas} call builds NAS: the real script, run as a process, says how long the first build
 * usually takes and shows which module Maven is on (a stand-in {@code mvn} on the PATH plays Maven, printing
 * Maven's "Building" lines, so the test does not run a real build).
 */
class NasScriptBuildTest {

    @TempDir
    Path dir;

    private Process run(String mvnBody) throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path checkout = Files.createDirectories(dir.resolve("nas"));
        Files.copy(root.resolve("nas"), checkout.resolve("nas"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\n" + mvnBody + "\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder("bash", checkout.resolve("nas").toString(), "--version")
                .directory(dir.toFile()).redirectErrorStream(false)
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        return pb.start();
    }

    @Test
    void aFailedFirstBuildShowsItsProgressAndWhereItsLogIs() throws Exception {
        // each module's stage lasts until the script has shown it (at most 20 s): the script looks at the log once a
        // second, and a stage of a fixed 2 s could pass between two looks on a loaded machine
        Process p = run("echo '[INFO] Building NAS 0.1.0-SNAPSHOT                 [1/3]'\n"
                + "echo '[INFO] Building nas-api 0.1.0-SNAPSHOT             [2/3]'\n" + untilShown("nas-api (2/3)")
                + "echo '[INFO] Building nas-cli 0.1.0-SNAPSHOT             [3/3]'\n" + untilShown("nas-cli (3/3)")
                + "echo '[ERROR] COMPILATION ERROR'; exit 1");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        List<String> err = Files.readAllLines(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertThat(err.get(0)).startsWith("nas: building NAS (first use or sources changed)")
                .contains("usually takes 1-3 minutes");
        assertThat(err).anySatisfy(l -> assertThat(l).matches("nas: building nas-api \\(2/3\\)  \\d+s"))
                .anySatisfy(l -> assertThat(l).matches("nas: building nas-cli \\(3/3\\)  \\d+s"));
        assertThat(err.get(err.size() - 1)).isEqualTo("nas: build failed; see " + dir.resolve("nas/.nas-build.log"));
        assertThat(dir.resolve("nas/.nas-build.log")).content().contains("COMPILATION ERROR");
    }

    /** Shell lines that wait until the script has said on stderr that it is building {@code module}, at most 20 s. */
    private String untilShown(String module) {
        return "end=$(($(date +%s) + 20)); until grep -qF 'nas: building " + module + "' '" + dir.resolve("err.txt")
                + "' || [ $(date +%s) -ge $end ]; do sleep 0.1; done\n";
    }

    @Test
    void aSuccessfulBuildSaysHowLongItTook() throws Exception {
        Process p = run("echo '[INFO] Building nas-cli 0.1.0-SNAPSHOT             [1/1]'; sleep 1\n"
                + "mkdir -p nas-cli/target && echo 'not a jar' > nas-cli/target/nas.jar");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> err = Files.readAllLines(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertThat(err).anySatisfy(l -> assertThat(l).matches("nas: built in \\d+s"));
        assertThat(dir.resolve("nas/nas-cli/target/nas.jar")).exists();
    }
}
