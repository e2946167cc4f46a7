package nas.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.function.Function;
import nas.api.storage.Storage;
import nas.storage.RunStore;
import picocli.CommandLine;

/** Runs the {@code nas} command in-process, capturing stdout, stderr and the exit code. */
final class CliRunner {

    record Result(int exitCode, String out, String err) {
    }

    private CliRunner() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Nas.commandLine(args); // as Main builds it
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs {@code nas ARGS --storage STORAGE}. */
    static Result runOn(String storage, String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--storage";
        all[args.length + 1] = storage;
        return run(all);
    }

    /** {@code a} followed by {@code b}: a command line and more options. */
    static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Reads the evolution runs stored in {@code storage}, opened as the CLI opens it (an H2 file through its server). */
    static <T> T readRuns(String storage, Function<RunStore, T> read) {
        try (Storage store = new StorageOptions(storage).open()) {
            return read.apply(StorageOptions.runs(store));
        }
    }
}
