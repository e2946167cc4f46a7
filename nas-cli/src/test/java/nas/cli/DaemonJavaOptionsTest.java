package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nas.server.ServerEndpoint;
import nas.server.ServerFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An auto-started server runs with the launcher's JVM options and its own ({@code NAS_SERVER_JAVA_OPTS}). */
class DaemonJavaOptionsTest {

    @TempDir
    Path dir;

    @Test
    void withoutOptionsTwoCoresGetTheSerialCollectorAsFromTheLauncher() {
        assertThat(DaemonJavaOptions.of(Map.of(), 2)).containsExactly("-XX:+UseSerialGC");
        assertThat(DaemonJavaOptions.of(Map.of(), 1)).containsExactly("-XX:+UseSerialGC");
        assertThat(DaemonJavaOptions.of(Map.of(), 8)).isEmpty();
    }

    @Test
    void launcherOptionsReplaceTheDefaultAndServerOptionsFollowThem() {
        // set, even empty, NAS_JAVA_OPTS is what the launcher uses: no default is added
        assertThat(DaemonJavaOptions.of(Map.of("NAS_JAVA_OPTS", ""), 2)).isEmpty();
        assertThat(DaemonJavaOptions.of(Map.of("NAS_JAVA_OPTS", " -XX:+UseParallelGC  -Dx=1 "), 2))
                .containsExactly("-XX:+UseParallelGC", "-Dx=1");
        assertThat(DaemonJavaOptions.of(Map.of("NAS_SERVER_JAVA_OPTS", "-Xmx2g -Xms64m"), 2))
                .containsExactly("-XX:+UseSerialGC", "-Xmx2g", "-Xms64m");
        // the server's own options come last, so they win: e.g. the quick compiler alone
        assertThat(DaemonJavaOptions.of(Map.of("NAS_SERVER_JAVA_OPTS", "-XX:TieredStopAtLevel=1"), 2))
                .containsExactly("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    @Test
    void theLaunchersServerArchiveComesBeforeTheServerOptions() {
        assertThat(DaemonJavaOptions.of(Map.of("NAS_SERVER_ARCHIVE", "/opt/nas/nas-server.jsa",
                "NAS_SERVER_JAVA_OPTS", "-Xmx2g"), 2)).containsExactly("-XX:+UseSerialGC",
                "-XX:SharedArchiveFile=/opt/nas/nas-server.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Xmx2g");
        assertThat(DaemonJavaOptions.of(Map.of("NAS_SERVER_ARCHIVE", ""), 2)).containsExactly("-XX:+UseSerialGC");
    }

    @Test
    void theStartedServersCommandLineCarriesThem() throws Exception {
        String db = dir.resolve("s").toString();
        CliProcess.Result made = CliProcess.start(Map.of("NAS_JAVA_OPTS", "-XX:+UseSerialGC -Dnas.test.launcher=yes",
                "NAS_SERVER_JAVA_OPTS", "-Xmx200m"), dir, "search", "--study", "s", "--storage", db, "--objective",
                "sphere", "--n-trials", "2", "--quiet").await(120);
        assertThat(made.exitCode()).as(made.err()).isZero();
        ServerEndpoint server = ServerEndpoint.read(new ServerFiles(dir.resolve("s.mv.db")).endpoint()).orElseThrow();
        List<String> commandLine = List.of(new String(Files.readAllBytes(Path.of("/proc", String.valueOf(server.pid()),
                "cmdline")), StandardCharsets.UTF_8).split("\0"));
        // before the class or module path: JVM options, not arguments of the program
        int path = Math.max(commandLine.indexOf("-cp"), commandLine.indexOf("--module-path"));
        assertThat(path).isPositive();
        assertThat(commandLine.subList(0, path)).containsSubsequence("-XX:+UseSerialGC", "-Dnas.test.launcher=yes",
                "-Xmx200m");
        assertThat(commandLine).contains("server", "--daemon");
    }
}
