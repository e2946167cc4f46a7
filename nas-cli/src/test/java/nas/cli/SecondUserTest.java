package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import nas.api.TrialState;
import nas.api.storage.Storage;
import nas.server.ServerEndpoint;
import nas.server.ServerFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another OS user on the same machine, in a directory they can list, can neither read nor change
 * a study served by {@code nas server}: the database, the server file with the secret and the
 * lock are owner-only, and the port refuses requests without the secret. The test makes a
 * throwaway user ({@link OtherUser}: root only, skipped elsewhere except under CI=true).
 */
class SecondUserTest {

    @TempDir
    Path dir;

    @Test
    void anotherUserCannotReadOrChangeAStudy() throws Exception {
        OtherUser.assumeAvailable();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path db = dir.resolve("private");
        CliProcess.Result made = CliProcess.run(dir, "search", "--study", "secret", "--storage", db.toString(),
                "--objective", "sphere", "--dim", "2", "--n-trials", "5", "--quiet");
        assertThat(made.exitCode()).as(made.err()).isZero();
        ServerFiles files = new ServerFiles(dir.resolve("private.mv.db"));
        for (Path f : List.of(files.database(), files.endpoint(), files.lock(), files.log())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString()).isEqualTo("rw-------");
        }

        try (OtherUser user = OtherUser.create(dir.resolve("cp"))) {
            // the files themselves
            assertThat(user.asUser("cat", files.database().toString()).exitCode()).isNotZero();
            assertThat(user.asUser("cat", files.endpoint().toString()).exitCode()).isNotZero();
            // nas as that user: it cannot learn the secret, so cannot read or delete the study
            OtherUser.Run read = user.nas("trials", "--study", "secret", "--storage", db.toString());
            assertThat(read.exitCode()).as(read.output()).isNotZero();
            assertThat(read.output()).startsWith("nas: ")
                    .containsAnyOf("is not writable", "belongs to another user", "is not readable")
                    .doesNotContain("COMPLETE");
            OtherUser.Run delete = user.nas("delete-study", "--study", "secret", "--storage", db.toString());
            assertThat(delete.exitCode()).as(delete.output()).isNotZero();
            // straight to the port with a guessed secret: the port of the server as it runs now (the steps above
            // took 21 s at load 12, and the server stops after 60 s without a call)
            OtherUser.Run guess = user.asUser(user.javaCommand(ForeignClient.class.getName(),
                    String.valueOf(livePort(db, files))));
            assertThat(guess.output()).contains("REFUSED").contains("not authorized").doesNotContain("GOT");
        }
        try (Storage storage = new StorageOptions(db.toString()).openExisting()) {
            long study = storage.findStudy("secret").orElseThrow();
            assertThat(storage.countTrials(study, Set.of(TrialState.COMPLETE))).isEqualTo(5);
        }
    }

    /** The port of the file's storage server right after a call through it, so that it is not about to stop idle. */
    private static int livePort(Path db, ServerFiles files) {
        try (Storage storage = new StorageOptions(db.toString()).openExisting()) {
            assertThat(storage.findStudy("secret")).isPresent();
        }
        return ServerEndpoint.read(files.endpoint()).orElseThrow().port();
    }
}
