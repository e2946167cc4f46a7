package nas.cli;

import nas.sim.evolution.FramesSetting;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import nas.api.Statistics;
import nas.api.storage.Storage;
import nas.server.ServerEndpoint;
import nas.server.ServerFiles;
import nas.sim.physics.FrameRecording;
import nas.storage.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nas benchmark evolve}: a whole {@code nas evolve} run on a fresh H2 file, as users run it (in a JVM of its
 * own, through the storage server the command starts), then a resume from its last checkpoint: wall and CPU time
 * (that process's and the server's), where the time went, the CPU the same evolution takes in memory (nothing
 * stored, in a JVM of its own), storage's CPU part by part, the database size, and how long the resume took to
 * start. With {@code --repeat N}, N stored and in-memory pairs, each on a new database, and their spread.
 */
@Command(name = "evolve", sortOptions = false,
        description = "Time a stored 'nas evolve' run on a new H2 file, its database size and a resume's start.",
        footer = {"", "Examples:", "  nas benchmark evolve -c pure_baseline -p 200 -g 1000 --frames selective",
            "  nas benchmark evolve -g 1000 --frame-top 3 --frame-random 0 --frame-bottom 0"})
public final class BenchmarkEvolveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "CONFIG", defaultValue = "pure_baseline",
            description = "Preset (see 'nas configs'). Default: ${DEFAULT-VALUE}.")
    String config;

    @Option(names = {"-p", "--population-size"}, paramLabel = "N", defaultValue = "200",
            description = "Population. Default: ${DEFAULT-VALUE}.")
    int population;

    @Option(names = {"-g", "--generations"}, paramLabel = "N", defaultValue = "1000",
            description = "Generations. Default: ${DEFAULT-VALUE}.")
    int generations;

    @picocli.CommandLine.Mixin
    FramesOptions frames;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "10",
            description = "Generations between checkpoints. Default: ${DEFAULT-VALUE}.")
    int checkpointEvery;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Run seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Directory of the database (default: a new temporary one, removed afterwards).")
    Path dir;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Run the stored and the in-memory evolution one after the other N times, each pair on a new "
                    + "database: every pair's figures, then their median, lowest and highest. Default: ${DEFAULT-VALUE}.")
    int repeat;

    @Option(names = "--warm", paramLabel = "N", defaultValue = "0",
            description = "Before each measured run, a stored run of N generations into the same database (deleted "
                    + "afterwards): the measured run finds the storage server started and compiled, as a second run "
                    + "within a minute of the first does. Default: ${DEFAULT-VALUE} (a cold server).")
    int warm;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (repeat < 1 || warm < 0) {
            throw new Nas.BadInputException("--repeat must be >= 1 and --warm >= 0, but got " + repeat + " and " + warm);
        }
        // bad frame options are refused before anything runs
        String recorded = FramesSetting.describe(frames.setting().key(), frames.rate());
        if (nas.sim.config.Presets.exists(config)) {
            nas.sim.physics.FrameRecording.stepsPerFrame(frames.rate(),
                    nas.sim.config.Presets.builder(config).build().timeStep());
        }
        boolean temporary = dir == null;
        Path where;
        try {
            where = temporary ? Files.createTempDirectory("nas-bench-evolve") : Files.createDirectories(dir);
        } catch (java.nio.file.FileSystemException e) {
            throw new Nas.BadInputException("--dir " + dir + ": " + nas.api.FileErrors.reason(e), e);
        }
        Path db = where.resolve("bench");
        try {
            String url = db.toString();
            List<String> args = new ArrayList<>(List.of("evolve", "--storage", url, "--run-id", "bench", "-c", config,
                    "-p", String.valueOf(population), "-g", String.valueOf(generations),
                    "--checkpoint-every", String.valueOf(checkpointEvery), "--seed", String.valueOf(seed),
                    "--every", String.valueOf(Math.max(1, generations / 10)),
                    // every generation runs: no early stop
                    "--set", "stagnation_limit=" + (generations + 1)));
            args.addAll(frames.args());
            out.printf(Locale.ROOT, "config %s, population %d, %d generations, frames %s, checkpoint every %d%n", config,
                    population, generations, recorded, checkpointEvery);
            List<StorageCpu> pairs = new ArrayList<>();
            for (int k = 1; k <= repeat; k++) {
                if (k > 1) {
                    removeDatabase(db);
                }
                double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                if (repeat > 1) {
                    out.printf(Locale.ROOT, "pair %d of %d (load %.1f at its start):%n", k, repeat, load);
                }
                pairs.add(pair(out, args, db, load));
                out.flush();
            }
            if (repeat > 1) {
                printSummary(out, pairs);
            }
            long[] storedGenomes = new long[2]; // count, bytes
            try (Storage store = new StorageOptions(url).open()) {
                // what one generation stores (the last one), compressed
                RunStore runs = StorageOptions.runs(store);
                int last = generations - 1;
                // survivors refer to genomes stored before: only the new ones count
                List<RunStore.Creature> bred = runs.creatures("bench", last).stream()
                        .filter(c -> c.genomeId() == RunStore.genomeId(last, c.index())).toList();
                long genomes = bred.stream().mapToLong(c -> c.genome().length).sum();
                List<Integer> framed = runs.framedCreatures("bench", last);
                List<byte[]> frames = framed.stream().map(i -> runs.frames("bench", last, i).orElseThrow().data()).toList();
                long frameBytes = frames.stream().mapToLong(f -> f.length).sum();
                long frameCount = frames.stream().mapToLong(f -> FrameRecording.decode(f).frameCount()).sum();
                // every generation's new genomes, read back as the run's readers read them (survivors' genomes from
                // the generations they were stored with)
                long readStart = System.nanoTime();
                for (int g = 0; g < generations; g++) {
                    for (RunStore.Creature c : runs.creatures("bench", g)) {
                        if (c.genomeId() == RunStore.genomeId(g, c.index())) {
                            storedGenomes[0]++;
                            storedGenomes[1] += c.genome().length;
                        }
                    }
                }
                out.printf(Locale.ROOT, "read back: every generation's creatures with their genomes in %.1f s%n",
                        (System.nanoTime() - readStart) / 1e9);
                out.printf(Locale.ROOT, "stored per generation (the last): genomes %.1f KB (%d new of %d), frames %.1f KB "
                        + "(%d creatures, %.1f bytes per frame)%n", genomes / 1e3, bred.size(), population,
                        frameBytes / 1e3, framed.size(), (double) frameBytes / Math.max(1, frameCount));
            }
            // a kill just before the last generations: back to the last checkpoint, then resume
            int resumedAt;
            double rerun;
            try (Storage store = new StorageOptions(url).open()) {
                RunStore runs = StorageOptions.runs(store);
                Optional<RunStore.Checkpoint> cp = runs.lastCheckpoint("bench");
                if (cp.isEmpty()) {
                    out.println("resume: no checkpoint to resume from");
                    out.flush();
                    return Nas.OK;
                }
                resumedAt = cp.get().generation();
                runs.rewind("bench", resumedAt, RunStore.RUNNING, runs.run("bench").orElseThrow().codeVersion());
            }
            Measured resume = measure(List.of("evolve", "--storage", url, "--resume", "bench", "-q"), db);
            try (Storage store = new StorageOptions(url).open()) {
                rerun = StorageOptions.runs(store).generations("bench", resumedAt).stream()
                        .mapToDouble(RunStore.Generation::seconds).sum();
            }
            out.printf(Locale.ROOT, "resume: from the checkpoint before generation %d: %.2f s to start (%.2f s wall, of "
                    + "which %.2f s ran the %d generations left)%n", resumedAt, resume.wall() - rerun, resume.wall(), rerun,
                    generations - resumedAt);
            stopServer(db);
            long bytes = Files.size(Path.of(db + ".mv.db"));
            // the file holds space H2 has not reclaimed yet; SHUTDOWN COMPACT rewrites it with the live data only
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:" + db);
                    java.sql.Statement st = c.createStatement()) {
                // what the whole run stores, as the database holds it (each value's bytes, without H2's overhead)
                long[] frameRows = sizes(st, "SELECT COUNT(*), SUM(OCTET_LENGTH(frames)) FROM evolution_frames");
                // a generation's creatures and new genomes are one block (schema V10): the genomes' share read back
                long[] genomeRows = {storedGenomes[0], storedGenomes[1]};
                long[] blocks = sizes(st, "SELECT COUNT(*), SUM(OCTET_LENGTH(creatures)) FROM evolution_generation_blocks");
                out.printf(Locale.ROOT, "stored over the run: frames %.2f MB (%d recordings, %.2f MB per 1,000 "
                        + "generations), genomes %.1f MB (%d), in %d rows of creatures with their new genomes, %.1f MB%n",
                        frameRows[1] / 1e6, frameRows[0], frameRows[1] / 1e6 * 1000 / generations, genomeRows[1] / 1e6,
                        genomeRows[0], blocks[0], blocks[1] / 1e6);
                st.execute("SHUTDOWN COMPACT");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot compact " + db + ": " + e.getMessage(), e);
            }
            long compact = Files.size(Path.of(db + ".mv.db"));
            out.printf(Locale.ROOT, "database file: %.1f MB as the server left it%s, %.1f MB compacted (%.1f MB per "
                    + "1,000 generations)%n", bytes / 1e6, warm > 0 ? " (with the deleted warm-up run's space)" : "",
                    compact / 1e6, compact / 1e6 * 1000 / generations);
            out.flush();
        } finally {
            stopServer(db);
            if (temporary) {
                deleteTree(where);
            }
        }
        return Nas.OK;
    }

    /**
     * One stored run and the same evolution in memory: their totals, the difference of the totals, and storage's
     * parts measured where they are spent.
     */
    private StorageCpu pair(PrintWriter out, List<String> args, Path db, double load) throws IOException {
        if (warm > 0) {
            List<String> first = new ArrayList<>(args);
            first.set(first.indexOf("--run-id") + 1, "warm");
            first.set(first.indexOf("-g") + 1, String.valueOf(warm));
            measure(first, db);
            try (Storage store = new StorageOptions(db.toString()).open()) {
                StorageOptions.runs(store).deleteRun("warm");
            }
            out.printf(Locale.ROOT, "warm server: a stored run of %d generations first (deleted); the server's CPU "
                    + "below is what it spent during the measured run%n", warm);
        }
        Measured run = measure(args, db);
        out.printf(Locale.ROOT, "run:    %.1f s wall, %.0f creatures/s; CPU %.1f s in nas evolve, %.1f s in the "
                + "storage server%n", run.wall(), (double) population * generations / run.wall(), run.cpu(),
                run.serverCpu());
        out.print(run.phases());
        // the same evolution in memory, nothing stored: what the simulation and breeding cost alone
        StorageCpu.Memory memory = inMemory();
        double overhead = (run.cpu() + run.serverCpu() - memory.process()) / memory.process();
        out.printf(Locale.ROOT, "in memory, nothing stored (a JVM of its own): %.1f s wall, CPU %.1f s; storing, "
                + "genomes and frames cost %.0f%% CPU on top (nas evolve and the server over the in-memory run)%n",
                memory.wall(), memory.process(), 100 * overhead);
        StorageCpu.Stored split = StorageCpu.Stored.find(run.messages());
        if (split == null) {
            throw new IllegalStateException("nas evolve printed no CPU split: " + run.messages());
        }
        StorageCpu cpu = new StorageCpu(split, run.cpu(), run.serverCpu(), memory);
        out.printf(Locale.ROOT, "storage's CPU part by part, measured where it is spent (load %.1f at the start; %% of "
                + "the in-memory run's %.2f s):%n", load, memory.process());
        double[] parts = cpu.parts();
        for (int i = 0; i < parts.length; i++) {
            out.printf(Locale.ROOT, "  %-52s %7.2f s %6.1f%%%n", StorageCpu.PARTS.get(i), parts[i],
                    100 * parts[i] / memory.process());
        }
        out.printf(Locale.ROOT, "  %-52s %7.2f s %6.1f%%%n", "sum", cpu.partsSum(), 100 * cpu.partsOnTop());
        // the work both runs do should cost the same: what it does not is the noise in the difference of the totals
        out.printf(Locale.ROOT, "check, the same work in both runs: evaluation %.2f s stored, %.2f s in memory (%+.1f%%); "
                + "breeding and the rest %.2f s, %.2f s. The difference of the totals, %.2f s (%.1f%%), is the sum of "
                + "the parts plus evaluation's difference (%+.2f s) and breeding's (%+.2f s)%n", split.evaluation(), memory.evaluation(),
                100 * cpu.evaluationDifference() / memory.evaluation(), split.rest(), memory.rest(),
                run.cpu() + run.serverCpu() - memory.process(), 100 * cpu.onTop(), cpu.evaluationDifference(),
                cpu.restDifference());
        out.printf(Locale.ROOT, "the sum of the parts over the stored run's own simulation (its evaluation and breeding, "
                + "measured alongside them, with the in-memory run's JVM time: %.2f s): %.1f%%, the figure a busy "
                + "machine moves least%n", cpu.ownSimulation(), 100 * cpu.partsOnOwnSimulation());
        return cpu;
    }

    /** Median, lowest and highest over the pairs: of the difference of the totals, of each part and of their sum. */
    private static void printSummary(PrintWriter out, List<StorageCpu> pairs) {
        out.printf(Locale.ROOT, "over %d pairs (median, lowest, highest; %% of each pair's in-memory run):%n", pairs.size());
        summaryRow(out, "on top, difference of the totals", pairs.stream().mapToDouble(StorageCpu::onTop).toArray(),
                null);
        for (int i = 0; i < StorageCpu.PARTS.size(); i++) {
            int part = i;
            summaryRow(out, StorageCpu.PARTS.get(i),
                    pairs.stream().mapToDouble(p -> p.parts()[part] / p.memory().process()).toArray(),
                    pairs.stream().mapToDouble(p -> p.parts()[part]).toArray());
        }
        summaryRow(out, "sum of the parts", pairs.stream().mapToDouble(StorageCpu::partsOnTop).toArray(),
                pairs.stream().mapToDouble(StorageCpu::partsSum).toArray());
        summaryRow(out, "sum of the parts over the stored run's own simulation",
                pairs.stream().mapToDouble(StorageCpu::partsOnOwnSimulation).toArray(), null);
        summaryRow(out, "in-memory run's CPU (s)", null, pairs.stream().mapToDouble(p -> p.memory().process()).toArray());
        summaryRow(out, "evaluation stored less in memory (s)", null,
                pairs.stream().mapToDouble(StorageCpu::evaluationDifference).toArray());
    }

    /** One row of the summary: shares in % and/or seconds, each as median, lowest, highest. */
    private static void summaryRow(PrintWriter out, String label, double[] shares, double[] seconds) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-52s", label));
        if (shares != null) {
            DoubleSummaryStatistics s = Arrays.stream(shares).summaryStatistics();
            row.append(String.format(Locale.ROOT, " %6.1f%% %6.1f%% %6.1f%%", 100 * Statistics.median(shares),
                    100 * s.getMin(), 100 * s.getMax()));
        }
        if (seconds != null) {
            DoubleSummaryStatistics s = Arrays.stream(seconds).summaryStatistics();
            // seconds in their own columns, after the shares' (24 characters)
            row.append(String.format(Locale.ROOT, "%s %7.2f s %7.2f s %7.2f s", shares != null ? "  " : " ".repeat(26),
                    Statistics.median(seconds), s.getMin(), s.getMax()));
        }
        out.println(row);
    }

    /** Stops the server on {@code db} and removes the database and the server's files beside it. */
    private static void removeDatabase(Path db) throws IOException {
        stopServer(db);
        String prefix = db.getFileName() + ".";
        try (var files = Files.list(db.getParent())) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** A count and a sum in one row (a sum over no rows is 0). */
    private static long[] sizes(java.sql.Statement st, String sql) throws java.sql.SQLException {
        try (java.sql.ResultSet r = st.executeQuery(sql)) {
            r.next();
            return new long[] {r.getLong(1), r.getLong(2)};
        }
    }

    /** A command's wall and CPU seconds, the server's CPU seconds, its "time:" and "cpu:" lines, its messages. */
    private record Measured(double wall, double cpu, double serverCpu, String phases, String messages) {
    }

    /**
     * The benchmark's evolution without storing anything, in a new JVM with this one's options: wall and CPU time.
     * A JVM of its own pays for compiling the simulator as the stored run did; in this process it would find the
     * simulator compiled already.
     */
    private StorageCpu.Memory inMemory() throws IOException {
        List<String> command = new ArrayList<>(ThisJava.command(jvmOptions(), InMemoryEvolution.class));
        command.addAll(List.of(config, String.valueOf(population), String.valueOf(generations), String.valueOf(seed)));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        if (waitFor(p) != 0) {
            throw new IllegalStateException("the in-memory evolution failed (exit " + p.exitValue() + "): " + out);
        }
        String[] v = out.split(" ");
        return new StorageCpu.Memory(Double.parseDouble(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]),
                Double.parseDouble(v[3]), Double.parseDouble(v[4]));
    }

    /**
     * Runs a nas command in a JVM of its own with this one's options ({@link TimedCommand}): wall time, that process's
     * CPU time over the command, the server's; the command's "time:" and "cpu:" lines and its messages.
     */
    private Measured measure(List<String> args, Path db) throws IOException {
        List<String> command = new ArrayList<>(ThisJava.command(jvmOptions(), TimedCommand.class));
        command.addAll(args);
        double serverBefore = serverCpu(db);
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int code = waitFor(p);
        List<String> timed = err.lines().filter(l -> l.startsWith(TimedCommand.PREFIX)).toList();
        String refused = err.lines().filter(l -> l.startsWith("nas: ")).findFirst().orElse(null);
        if (code == Nas.BAD_INPUT && refused != null) {
            // the measured command refused an option this one passed on to it: the user's bad input
            throw new Nas.BadInputException(refused.substring("nas: ".length()));
        }
        if (code != Nas.OK || timed.isEmpty()) {
            throw new IllegalStateException("nas " + String.join(" ", args) + " failed (exit " + code + "): " + err);
        }
        String[] wallCpu = timed.get(timed.size() - 1).substring(TimedCommand.PREFIX.length()).split(" ");
        double server = serverCpu(db) - serverBefore;
        StringBuilder phases = new StringBuilder();
        err.lines().filter(l -> l.startsWith("time:") || l.startsWith("cpu:"))
                .forEach(l -> phases.append("        ").append(l).append('\n'));
        return new Measured(Double.parseDouble(wallCpu[0]), Double.parseDouble(wallCpu[1]), server, phases.toString(),
                err);
    }

    /** The CPU seconds of the storage server running on {@code db} so far, 0 if none runs. */
    private static double serverCpu(Path db) {
        return ServerEndpoint.read(new ServerFiles(Path.of(db + ".mv.db")).endpoint())
                .flatMap(e -> ProcessHandle.of(e.pid())).flatMap(h -> h.info().totalCpuDuration())
                .map(Duration::toMillis).orElse(0L) / 1e3;
    }

    /** This JVM's options for the JVMs the benchmark starts, without recording or agent options. */
    private static List<String> jvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(o -> !o.startsWith("-XX:StartFlightRecording") && !o.startsWith("-XX:ArchiveClassesAtExit")
                        && !o.startsWith("-agent"))
                .toList();
    }

    private static int waitFor(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops the storage server the commands started on {@code db} and waits for it to exit. */
    private static void stopServer(Path db) {
        ServerEndpoint.read(new ServerFiles(Path.of(db + ".mv.db")).endpoint()).flatMap(e -> ProcessHandle.of(e.pid()))
                .ifPresent(server -> {
                    server.destroy();
                    server.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> null).join();
                });
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
