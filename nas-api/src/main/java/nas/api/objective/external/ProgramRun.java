package nas.api.objective.external;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import nas.api.Trial;
import nas.api.exception.TrialPrunedException;
import nas.api.objective.external.ProgramFailure.Kind;

/**
 * One run of the program in its directory: starts it, copies its stdout to {@code stdout.log} and its stderr
 * to {@code stderr.log}, passes its progress to the trial ({@code nas:report} lines and the log it appends
 * to) and stops it when the pruner says so or the time-out passes, then reads its values from its
 * {@code nas:result} line or its result file.
 */
final class ProgramRun {

    /** What a line pump hands over when the program's stdout has ended. */
    private static final String END = new String("end of output");

    /** How often the program's log is read while it runs. */
    private static final long POLL_MILLIS = 200;

    private final List<String> command;
    private final Path startDir;
    private final Path runDir;
    private final Map<String, String> environment;
    private final double timeout;

    ProgramRun(List<String> command, Path startDir, Path runDir, Map<String, String> environment, double timeout) {
        this.command = command;
        this.startDir = startDir;
        this.runDir = runDir;
        this.environment = environment;
        this.timeout = timeout;
    }

    /**
     * Runs the program to its end.
     *
     * @param trial      receives the intermediate values when {@code report} is true
     * @param log        the program's own progress log, or null
     * @param resultFile where its values are, or null for its {@code nas:result} line
     * @throws ProgramFailure       when it gives no usable value
     * @throws TrialPrunedException when the pruner stopped it
     */
    double[] run(Trial trial, boolean report, ProgressLog log, ResultFile resultFile)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(startDir.toFile())
                .redirectError(runDir.resolve("stderr.log").toFile());
        pb.environment().putAll(environment);
        Process process;
        try {
            process = ProgramStarts.start(pb);
        } catch (IOException e) {
            throw new ProgramFailure(Kind.START, "cannot start " + command + ": " + e.getMessage());
        }
        ProcessTimeout watchdog = timeout > 0 ? ProcessTimeout.start(process, timeout) : null;
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread pump = new Thread(() -> pump(process, lines), "nas-external-stdout");
        pump.setDaemon(true);
        pump.start();
        double[] printed = null;
        long nextLogRead = System.nanoTime();
        try {
            while (true) {
                String line = lines.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                boolean ended = line == END;
                if (line != null && !ended) {
                    String t = line.trim();
                    if (t.startsWith("nas:report ") && report) {
                        String[] f = t.split("\\s+");
                        reportAndCheck(trial, (int) number(f, 1, line), number(f, 2, line));
                    } else if (t.startsWith("nas:result ")) {
                        String[] f = t.split("\\s+");
                        printed = new double[f.length - 1];
                        for (int k = 1; k < f.length; k++) {
                            printed[k - 1] = number(f, k, line);
                        }
                    }
                }
                if (log != null && report && (ended || System.nanoTime() - nextLogRead >= 0)) {
                    nextLogRead = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS);
                    for (ProgressLog.Point p : log.poll()) {
                        reportAndCheck(trial, p.step(), p.value());
                    }
                }
                if (ended) {
                    break;
                }
            }
        } catch (TrialPrunedException | ProgramFailure e) {
            stop(process);
            throw e;
        } catch (InterruptedException e) {
            stop(process);
            throw e;
        } finally {
            if (watchdog != null) {
                watchdog.cancel();
            }
        }
        int exit = process.waitFor();
        if (watchdog != null && watchdog.fired()) {
            throw new ProgramFailure(Kind.TIMEOUT, "program ran longer than " + timeout + " s and was stopped");
        }
        if (exit != 0) {
            String tail = tail(runDir.resolve("stderr.log"));
            throw new ProgramFailure(outOfMemory(exit, tail) ? Kind.OOM : Kind.EXIT_CODE,
                    "program exited with code " + exit + ": " + tail, exit);
        }
        if (resultFile != null) {
            return resultFile.read(runDir);
        }
        if (printed == null) {
            throw new ProgramFailure(Kind.NO_RESULT, "program printed no 'nas:result' line (see "
                    + runDir.resolve("stdout.log") + ")");
        }
        for (double v : printed) {
            if (!Double.isFinite(v)) {
                throw new ProgramFailure(Kind.NAN, "program printed the result " + java.util.Arrays.toString(printed));
            }
        }
        return printed;
    }

    /** Copies stdout to {@code stdout.log} and hands each line over; {@link #END} when it ends. */
    private void pump(Process process, BlockingQueue<String> lines) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); var copy = Files.newBufferedWriter(runDir.resolve("stdout.log"))) {
            String line;
            while ((line = out.readLine()) != null) {
                copy.write(line);
                copy.newLine();
                copy.flush();
                lines.add(line);
            }
        } catch (IOException e) {
            // the stream closed because the program was stopped (time-out or pruned): its output ends here
        } finally {
            lines.add(END);
        }
    }

    private static void reportAndCheck(Trial trial, int step, double value) {
        if (!Double.isFinite(value)) {
            return; // a NaN step is the final value's business, not the pruner's
        }
        trial.report(value, step);
        if (trial.shouldPrune()) {
            throw new TrialPrunedException("pruned at step " + step);
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * Out of memory: the runtime said so on stderr (Python's MemoryError, the JVM's OutOfMemoryError, CUDA's
     * "out of memory"), or the kernel's OOM killer sent SIGKILL (exit 137 through a shell).
     */
    static boolean outOfMemory(int exit, String stderrTail) {
        String t = stderrTail.toLowerCase(Locale.ROOT);
        return exit == 137 || t.contains("memoryerror") || t.contains("outofmemoryerror")
                || t.contains("out of memory");
    }

    private static double number(String[] fields, int i, String line) {
        try {
            return Double.parseDouble(fields[i]);
        } catch (RuntimeException e) {
            throw new ProgramFailure(Kind.MALFORMED, "malformed line from the program: '" + line + "'");
        }
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        List<String> last = lines.subList(Math.max(0, lines.size() - 3), lines.size());
        return last.isEmpty() ? "(no stderr)" : String.join(" | ", last);
    }
}
