package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nas.server.ServerEndpoint;
import nas.server.ServerFiles;
import nas.server.ServerLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nas server}: one owner per file, an idle server exits, a dead one is replaced on demand. */
class ServerLifecycleTest {

    @TempDir
    Path dir;

    private ServerFiles files() {
        return new ServerFiles(dir.resolve("s.mv.db"));
    }

    private String db() {
        return dir.resolve("s").toString();
    }

    @Test
    void twoServersStartedAtOnceEndWithOneOwner() throws Exception {
        // idle longer than a starting server waits for the lock (5 s), so both run at the same time
        CliProcess a = CliProcess.start(dir, "server", "--storage", db(), "--idle-timeout", "10");
        CliProcess b = CliProcess.start(dir, "server", "--storage", db(), "--idle-timeout", "10");
        CliProcess.Result ra = a.await(120);
        CliProcess.Result rb = b.await(120);
        // one served until idle (exit 0), the other found the file owned (exit 2, one line)
        assertThat(List.of(ra.exitCode(), rb.exitCode())).containsExactlyInAnyOrder(0, 2);
        CliProcess.Result refused = ra.exitCode() == 2 ? ra : rb;
        assertThat(refused.err().strip()).startsWith("nas: another process owns").doesNotContain("\n");
        CliProcess.Result served = ra.exitCode() == 0 ? ra : rb;
        assertThat(served.err()).contains("serving " + files().database()).contains("stopping (idle for 10 s)");
        // an idle server leaves no endpoint behind
        assertThat(files().endpoint()).doesNotExist();
    }

    @Test
    void commandsStartAServerAndReplaceAKilledOne() throws Exception {
        CliRunner.Result made = CliRunner.run("search", "--study", "s", "--storage", db(), "--objective", "sphere",
                "--n-trials", "5", "--quiet");
        assertThat(made.exitCode()).as(made.err()).isZero();
        ServerEndpoint first = ServerEndpoint.read(files().endpoint()).orElseThrow();
        ProcessHandle server = ProcessHandle.of(first.pid()).orElseThrow();
        assertThat(server.pid()).isNotEqualTo(ProcessHandle.current().pid());
        server.destroyForcibly();
        server.onExit().get(30, TimeUnit.SECONDS);
        CliRunner.Result read = CliRunner.run("trials", "--study", "s", "--storage", db(), "--format", "csv");
        assertThat(read.exitCode()).as(read.err()).isZero();
        assertThat(read.out().lines().skip(1)).hasSize(5).allMatch(l -> l.contains("COMPLETE"));
        ServerEndpoint second = ServerEndpoint.read(files().endpoint()).orElseThrow();
        assertThat(second.pid()).isNotEqualTo(first.pid());
        assertThat(second.secret()).isNotEqualTo(first.secret());
        assertThat(Files.readString(files().log())).contains("serving " + files().database());
    }

    /**
     * A daemon killed by a signal while its client still waits for it to answer (a server killed right after it
     * started, before a loaded client's first ping came back) did not refuse to start: the client starts another
     * and uses it. It used to fail with "the storage server ... did not start", ending a worker of the kill loop.
     */
    @Test
    void aDaemonKilledWhileItsClientWaitsIsReplaced() throws Exception {
        Path firstStart = dir.resolve("first-start");
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c",
                "if mkdir '" + firstStart + "' 2>/dev/null; then kill -KILL $$; fi; exec \"$0\" \"$@\""));
        command.addAll(ThisJava.command(List.of(), Main.class));
        command.addAll(List.of("server", "--storage", db(), "--idle-timeout", "30", "--daemon"));
        try {
            ServerEndpoint endpoint = new ServerLauncher(files(), command).liveEndpoint();
            assertThat(firstStart).isDirectory();
            assertThat(ProcessHandle.of(endpoint.pid())).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
            assertThat(Files.readString(files().log())).contains("serving " + files().database() + " on ")
                    .contains("(pid " + endpoint.pid() + ";");
        } finally {
            StorageServers.stop(dir);
        }
    }

    /**
     * A new database in directories that do not exist yet: the command creates them, as H2 does for the file, and
     * the server's lock beside it comes first (it used to fail: "NoSuchFileException: ...nas-server.lock").
     */
    @Test
    void aSearchOnANewFileInMissingDirectoriesCreatesThem() throws Exception {
        Path nested = dir.resolve("new").resolve("deeper");
        String db = nested.resolve("s").toString();
        try {
            CliRunner.Result made = CliRunner.run("search", "--study", "s", "--storage", db, "--objective", "sphere",
                    "--n-trials", "3", "--quiet");
            assertThat(made.exitCode()).as(made.err()).isZero();
            assertThat(nested.resolve("s.mv.db")).isRegularFile();
            CliRunner.Result read = CliRunner.run("trials", "--study", "s", "--storage", db, "--format", "csv");
            assertThat(read.exitCode()).as(read.err()).isZero();
            assertThat(read.out().lines().skip(1)).hasSize(3).allMatch(l -> l.contains("COMPLETE"));
        } finally {
            StorageServers.stop(nested);
        }
        // a read of a database that does not exist creates nothing
        CliRunner.Result missing = CliRunner.run("trials", "--study", "s", "--storage",
                dir.resolve("absent").resolve("s").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("nas: no NAS database at");
        assertThat(dir.resolve("absent")).doesNotExist();
    }

    /**
     * {@code rm s.*} while the file's server idles, then a new search on the same path: the old server stops and
     * leaves nothing behind, and the new study starts at once. The old server used to write its high-water mark
     * as it stopped, beside the new file, which then read as damaged ("study 's' has no finished trial 19").
     */
    @Test
    void aFileRemovedUnderItsIdleServerIsMadeAfreshByTheNextSearch() throws Exception {
        try {
            CliRunner.Result first = CliRunner.run("search", "--study", "s", "--storage", db(), "--objective", "sphere",
                    "--n-trials", "20", "--quiet");
            assertThat(first.exitCode()).as(first.err()).isZero();
            ProcessHandle oldServer = ProcessHandle.of(ServerEndpoint.read(files().endpoint()).orElseThrow().pid())
                    .orElseThrow();
            try (var listing = Files.list(dir)) {
                for (Path f : listing.filter(f -> f.getFileName().toString().startsWith("s.")).toList()) {
                    Files.delete(f);
                }
            }
            CliRunner.Result again = CliRunner.run("search", "--study", "s", "--storage", db(), "--objective", "sphere",
                    "--n-trials", "5", "--quiet");
            assertThat(again.exitCode()).as(again.err()).isZero();
            oldServer.onExit().get(30, TimeUnit.SECONDS);
            CliRunner.Result read = CliRunner.run("trials", "--study", "s", "--storage", db(), "--format", "csv");
            assertThat(read.exitCode()).as(read.err()).isZero();
            assertThat(read.out().lines().skip(1)).hasSize(5).allMatch(l -> l.contains("COMPLETE"));
            Path mark = dir.resolve("s.hwm.json");
            if (Files.exists(mark)) {
                assertThat(mark).content().doesNotContain("\"lastFinished\":19");
            }
        } finally {
            StorageServers.stop(dir);
        }
    }

    @Test
    void aDatabaseSharedThroughH2sOwnServerModeIsRefused() {
        CliRunner.Result r = CliRunner.run("studies", "--storage", "jdbc:h2:" + db() + ";AUTO_SERVER=TRUE");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("AUTO_SERVER=TRUE is not supported");
    }
}
