package nas.cli;

import java.util.Locale;

/**
 * How {@code nas benchmark evolve} runs {@code nas evolve}: in a JVM of its own, as users run it, so that every
 * stored run of a benchmark starts as cold as its in-memory reference. Timed from just before the command to just
 * after it (the JVM's own start is left out, as the reference leaves it out); the command's output goes to this
 * process's, and the last line on stderr is {@code timed: WALL CPU} in seconds. Exits with the command's code.
 */
final class TimedCommand {

    static final String PREFIX = "timed: ";

    private TimedCommand() {
    }

    public static void main(String[] args) {
        picocli.CommandLine cmd = Nas.commandLine(args);
        long cpu0 = ThreadCpu.process();
        long t0 = System.nanoTime();
        int code = cmd.execute(args);
        System.err.printf(Locale.ROOT, "%s%.3f %.3f%n", PREFIX, (System.nanoTime() - t0) / 1e9,
                (ThreadCpu.process() - cpu0) / 1e9);
        System.exit(code);
    }
}
