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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway second OS user on this machine (useradd, removed on close), to run commands and {@code nas} as. It
 * needs root; elsewhere the test is skipped, except under CI=true, where it must run. {@code nas} runs from a copy
 * of the test class path that any user can read (the build's may be in root's home).
 */
final class OtherUser implements AutoCloseable {

    /** A finished command: exit code, stdout and stderr together. */
    record Run(int exitCode, String output) {
    }

    final String name;
    private final String classpath;

    private OtherUser(String name, String classpath) {
        this.name = name;
        this.classpath = classpath;
    }

    /** Whether this process may create users (it runs as root). */
    static boolean available() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Skips the test unless this process is root; under CI=true, fails it instead. */
    static void assumeAvailable() {
        if (!available() && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI runs as root: the second-user tests must run there");
        }
        assumeThat(available()).as("needs root to create a second user").isTrue();
    }

    /** A new user; the class path copy goes to {@code copyDir} (made readable by all, as its parent). */
    static OtherUser create(Path copyDir) throws IOException, InterruptedException {
        String name = "nas" + HexFormat.of().formatHex(randomBytes(6));
        String classpath = readableCopyOfClasspath(copyDir);
        Run added = run("useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", name);
        assertThat(added.exitCode()).as(added.output()).isZero();
        return new OtherUser(name, classpath);
    }

    /** Runs {@code command} as this user. */
    Run asUser(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", name, "--"));
        full.addAll(List.of(command));
        return run(full.toArray(String[]::new));
    }

    /** Runs {@code nas args...} as this user. */
    Run nas(String... args) throws IOException, InterruptedException {
        return asUser(javaCommand(Main.class.getName(), args));
    }

    /** Starts {@code nas args...} as this user, stdout and stderr to {@code output}. */
    Process startNas(Path output, String... args) throws IOException {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", name, "--"));
        full.addAll(List.of(javaCommand(Main.class.getName(), args)));
        return new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** The command line of {@code java -cp <readable copy> mainClass args...}. */
    String[] javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                classpath, mainClass));
        command.addAll(List.of(args));
        return command.toArray(String[]::new);
    }

    /** Makes this user the owner of {@code file}. */
    void own(Path file) throws IOException, InterruptedException {
        Run chown = run("chown", name, file.toString());
        assertThat(chown.exitCode()).as(chown.output()).isZero();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("userdel", name);
    }

    static Run run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

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
