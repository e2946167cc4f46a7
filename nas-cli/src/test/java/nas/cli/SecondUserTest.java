package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
 * throwaway user (useradd) and runs their commands with runuser, so it needs root; elsewhere it is
 * skipped, except under CI=true, where it must run.
 */
class SecondUserTest {

    @TempDir
    Path dir;

    @Test
    void anotherUserCannotReadOrChangeAStudy() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI runs as root: the second-user test must run there");
        }
        assumeThat(root).as("needs root to create a second user").isTrue();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path db = dir.resolve("private");
        CliProcess.Result made = CliProcess.run(dir, "search", "--study", "secret", "--storage", db.toString(),
                "--objective", "sphere", "--dim", "2", "--n-trials", "5", "--quiet");
        assertThat(made.exitCode()).as(made.err()).isZero();
        ServerFiles files = new ServerFiles(dir.resolve("private.mv.db"));
        for (Path f : List.of(files.database(), files.endpoint(), files.lock(), files.log())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString()).isEqualTo("rw-------");
        }

        String user = "nas" + HexFormat.of().formatHex(randomBytes(6));
        run("useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", user);
        try {
            String classpath = readableCopyOfClasspath(dir.resolve("cp"));
            String java = ProcessHandle.current().info().command().orElseThrow();
            // the files themselves
            assertThat(asUser(user, "cat", files.database().toString()).exitCode()).isNotZero();
            assertThat(asUser(user, "cat", files.endpoint().toString()).exitCode()).isNotZero();
            // nas as that user: it cannot learn the secret, so cannot read or delete the study
            Run read = asUser(user, java, "-cp", classpath, Main.class.getName(), "trials", "--study", "secret",
                    "--storage", db.toString());
            assertThat(read.exitCode()).as(read.output()).isNotZero();
            assertThat(read.output()).startsWith("nas: ").containsAnyOf("is not writable", "belongs to another user")
                    .doesNotContain("COMPLETE");
            Run delete = asUser(user, java, "-cp", classpath, Main.class.getName(), "delete-study", "--study",
                    "secret", "--storage", db.toString());
            assertThat(delete.exitCode()).as(delete.output()).isNotZero();
            // straight to the port with a guessed secret: the port of the server as it runs now (the steps above
            // took 21 s at load 12, and the server stops after 60 s without a call)
            Run guess = asUser(user, java, "-cp", classpath, ForeignClient.class.getName(),
                    String.valueOf(livePort(db, files)));
            assertThat(guess.output()).contains("REFUSED").contains("not authorized").doesNotContain("GOT");
        } finally {
            run("userdel", user);
        }
        try (Storage storage = new StorageOptions(db.toString()).openExisting()) {
            long study = storage.findStudy("secret").orElseThrow();
            assertThat(storage.countTrials(study, Set.of(TrialState.COMPLETE))).isEqualTo(5);
        }
    }

    private record Run(int exitCode, String output) {
    }

    /** The port of the file's storage server right after a call through it, so that it is not about to stop idle. */
    private static int livePort(Path db, ServerFiles files) {
        try (Storage storage = new StorageOptions(db.toString()).openExisting()) {
            assertThat(storage.findStudy("secret")).isPresent();
        }
        return ServerEndpoint.read(files.endpoint()).orElseThrow().port();
    }

    private static Run asUser(String user, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", user, "--"));
        full.addAll(List.of(command));
        return run(full.toArray(String[]::new));
    }

    private static Run run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    /** The test class path copied where any user can read it (the build's may be in root's home). */
    private static String readableCopyOfClasspath(Path target) throws IOException {
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path from = Path.of(entry);
            if (!Files.exists(from)) {
                continue;
            }
            Path to = target.resolve(String.valueOf(i++));
            try (var files = Files.walk(from)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Path dest = Files.isDirectory(from) ? to.resolve(from.relativize(p).toString()) : to.resolve(from.getFileName());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.createDirectories(dest.getParent());
                        Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            entries.add(Files.isDirectory(from) ? to.toString() : to.resolve(from.getFileName()).toString());
        }
        try (var files = Files.walk(target)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        Files.setPosixFilePermissions(target.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        return String.join(File.pathSeparator, entries);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
