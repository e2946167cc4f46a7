package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import nas.api.Studies;
import nas.api.StudyDirection;
import nas.server.ServerFiles;
import nas.server.ServerSecret;
import nas.server.StorageServer;
import nas.storage.JdbcStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A storage server started by an older NAS version lacks methods this nas calls ('server.compact', the run store's):
 * every such call is one line naming the server, saying it is older and what to do, exit 2, nothing changed.
 */
class OlderServerTest {

    @TempDir
    Path dir;

    @Test
    void aCallTheServerDoesNotKnowSaysTheServerIsOlderInOneLine() throws Exception {
        String url = dir.resolve("db").toString();
        Path file = dir.resolve("db.mv.db");
        // an older server: the storage methods and ping, but neither 'server.compact' nor the run store's methods
        try (JdbcStorage served = JdbcStorage.openForServer(url)) {
            Studies.builder("s").storage(served).directions(StudyDirection.MINIMIZE).create();
            ServerSecret secret = ServerSecret.random();
            StorageServer server = StorageServer.start(served, StorageServer.loopback(), 0, secret);
            try {
                server.endpoint(secret).write(new ServerFiles(file).endpoint());
                long pid = ProcessHandle.current().pid();
                String what = "stop it (kill " + pid + "; one a command started also exits after 60 s without requests) "
                        + "and run the command again, which starts one of this version\n";
                long size = Files.size(file);

                CliRunner.Result compact = CliRunner.run("compact", "--storage", url, "-q");
                assertThat(compact.exitCode()).isEqualTo(Nas.BAD_INPUT);
                assertThat(compact.err()).isEqualTo("nas: the storage server of " + file.toAbsolutePath() + " (pid "
                        + pid + ") was started by an older NAS version and has no 'server.compact': " + what);
                assertThat(Files.size(file)).isEqualTo(size);

                // the run store's methods came later too: the same line for them
                CliRunner.Result runs = CliRunner.run("runs", "--storage", url);
                assertThat(runs.exitCode()).isEqualTo(Nas.BAD_INPUT);
                assertThat(runs.err()).matches("nas: the storage server of " + java.util.regex.Pattern.quote(
                        file.toAbsolutePath().toString()) + " \\(pid " + pid + "\\) was started by an older NAS "
                        + "version and has no 'runs\\.[a-zA-Z]+': " + java.util.regex.Pattern.quote(what));

                // what it has still works
                CliRunner.Result studies = CliRunner.run("studies", "--storage", url, "--format", "csv");
                assertThat(studies.exitCode()).as(studies.err()).isZero();
                assertThat(studies.out()).contains("\ns,minimize,0,");
            } finally {
                server.close();
            }
        }
    }
}
