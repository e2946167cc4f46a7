package nas.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code nas} in a process of its own ({@code java -cp <test classpath> nas.cli.Main ...}), as users run it. */
final class CliProcess {

    /** A finished run: exit code and what it printed. */
    record Result(int exitCode, String out, String err) {
    }

    private final Process process;
    private final Path out;
    private final Path err;

    private CliProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code nas args...} in {@code workDir}; stdout and stderr go to files. */
    static CliProcess start(Path workDir, String... args) throws IOException {
        return start(DEFAULT_SIGNALS, workDir, args);
    }

    /** Starts {@code nas args...} in {@code workDir} with {@code env} added to its environment. */
    static CliProcess start(java.util.Map<String, String> env, Path workDir, String... args) throws IOException {
        List<String> prefix = new ArrayList<>(DEFAULT_SIGNALS);
        env.forEach((k, v) -> prefix.add(k + "=" + v));
        return start(prefix, workDir, args);
    }

    /**
     * A process started in the background by a shell without job control inherits SIGINT ignored, and one
     * started under nohup SIGHUP; the JVM then never handles them (no handler can be installed); the build may
     * run so. The CLI under test gets both back at their default, as a program started from a terminal has them.
     */
    private static final List<String> DEFAULT_SIGNALS = List.of("env", "--default-signal=INT,HUP");

    /**
     * Starts {@code nas args...} as the leader of a process group of its own, as a shell starts a
     * foreground job: {@link #signalGroup} then reaches it and the programs it started, as a terminal's
     * Ctrl-C does.
     */
    static CliProcess startAsJob(Path workDir, String... args) throws IOException {
        return start(List.of("setsid", "env", "--default-signal=INT,HUP"), workDir, args);
    }

    /** {@link #startAsJob} under {@code nohup}: SIGHUP ignored, as {@code nohup nas ...} at a terminal has it. */
    static CliProcess startAsNohupJob(Path workDir, String... args) throws IOException {
        return start(List.of("setsid", "env", "--default-signal=INT,HUP", "nohup"), workDir, args);
    }

    /**
     * Starts {@code nas args...} with {@code env} in a pid namespace of its own ({@code unshare --pid --fork
     * --mount-proc}, as a container runs it: same host name, its own process numbers), where its pid is {@code pid};
     * {@link #kill} ends the whole namespace.
     */
    static CliProcess startInPidNamespace(java.util.Map<String, String> env, Path workDir, long pid, String... args)
            throws IOException {
        List<String> prefix = new ArrayList<>(List.of("unshare", "--pid", "--fork", "--mount-proc", "--kill-child",
                "sh", "-c", "echo " + (pid - 1) + " > /proc/sys/kernel/ns_last_pid || exit 1; \"$@\" & wait $!", "sh"));
        prefix.addAll(DEFAULT_SIGNALS);
        env.forEach((k, v) -> prefix.add(k + "=" + v));
        return start(prefix, workDir, args);
    }

    private static CliProcess start(List<String> prefix, Path workDir, String... args) throws IOException {
        return start(prefix, List.of(), workDir, args);
    }

    private static CliProcess start(List<String> prefix, List<String> javaOptions, Path workDir, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.addAll(javaOptions);
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "nas-out", ".txt");
        Path err = Files.createTempFile(workDir, "nas-err", ".txt");
        Process p = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new CliProcess(p, out, err);
    }

    /** The process's id, e.g. to send it a signal. */
    long pid() {
        return process.pid();
    }

    /** Sends a signal ("INT", "TERM", ...) with kill(1), as a terminal's Ctrl-C or a service manager would. */
    void signal(String name) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " exited with " + exit);
        }
    }

    /**
     * The pid, on this host, of the JVM that runs nas: the process's own, or, under {@link #startInPidNamespace}, that
     * of its descendant running java.
     */
    long javaPid() {
        return process.toHandle().info().command().orElse("").endsWith("/java") ? process.pid()
                : process.descendants().filter(h -> h.info().command().orElse("").endsWith("/java")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no java under pid " + process.pid())).pid();
    }

    /** Sends a signal to the JVM that runs nas ({@link #javaPid}). */
    void signalJava(String name) throws IOException, InterruptedException {
        long pid = javaPid();
        int exit = new ProcessBuilder("kill", "-" + name, String.valueOf(pid)).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + name + " " + pid + " exited with " + exit);
        }
    }

    /** Sends a signal to its whole process group (see {@link #startAsJob}). */
    void signalGroup(String name) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + name, "--", "-" + process.pid()).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + name + " -- -" + process.pid() + " exited with " + exit);
        }
    }

    /** Whether it is still running. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** What it has printed on stdout so far. */
    String output() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** What it has printed on stderr so far. */
    String errorOutput() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    /** Runs {@code nas args...} to the end. */
    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        return start(workDir, args).await(120);
    }

    /** Runs {@code nas args...} to the end in a JVM given {@code javaOptions} (e.g. "-Xmx64m"). */
    static Result runWithJavaOptions(Path workDir, List<String> javaOptions, String... args)
            throws IOException, InterruptedException {
        return start(DEFAULT_SIGNALS, javaOptions, workDir, args).await(120);
    }

    Result await(int seconds) throws IOException, InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("nas did not finish in " + seconds + " s; stderr: " + Files.readString(err));
        }
        return result();
    }

    /** Waits until the process has printed {@code lines} lines on stdout, or has ended. */
    void awaitOutputLines(int lines, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (process.isAlive() && System.nanoTime() < deadline) {
            if (Files.readString(out, StandardCharsets.UTF_8).lines().count() >= lines) {
                return;
            }
            Thread.sleep(10);
        }
    }

    /** How many lines it has printed on stdout so far. */
    long outputLines() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8).lines().count();
    }

    /** SIGKILL (on Linux {@link Process#destroyForcibly()} sends it), then what it had printed. */
    Result kill() throws IOException, InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        return result();
    }

    private Result result() throws IOException {
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
