package nas.examples.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.sampler.RandomSampler;
import nas.api.storage.Storage;
import nas.server.RemoteStorage;
import nas.server.ServerEndpoint;
import nas.server.ServerSecret;
import nas.server.StorageServer;
import nas.storage.JdbcStorage;

/**
 * Throughput of several worker processes on one shared study: COMPLETE trials per second, random
 * sampler, a trivial objective (two floats, their squared sum), heartbeats off. Every worker opens
 * the storage, warms up for 3 s on a study of its own and loads the shared study; the clock starts
 * when all are ready, and each runs for a fixed time.
 *
 * <p>Storages (the fourth argument, comma-separated):
 * <ul>
 *   <li>{@code h2}: one worker process holding an H2 file itself (one owner: more processes cannot open it);</li>
 *   <li>{@code server}: the workers talk to a storage server owning the H2 file (group commit);</li>
 *   <li>{@code server-single}: the same, each write storing the file on its own (no group commit);</li>
 *   <li>{@code server-delayed}: the same, nothing stored before replying (H2's 500 ms background
 *       writer: not durable, the upper bound);</li>
 *   <li>{@code postgres}: every worker connects to PostgreSQL;</li>
 *   <li>{@code server-postgres}: the workers talk to a storage server in front of PostgreSQL, which
 *       holds at most 4 connections to it.</li>
 * </ul>
 * A storage may be listed more than once (e.g. {@code server,server-single,server,server-single}):
 * the measurements then alternate. Before the first server measurement, two workers run through a
 * server for the same time unmeasured, to warm up this process (which runs every server).
 *
 * <pre>
 * java -cp ... nas.examples.bench.WorkersBenchmark [seconds=8] [postgresUrl|""] [workers=1,2,4,8]
 *     [h2,server,postgres (also server-single, server-delayed, server-postgres)]
 *     [objectiveMs=0]
 * </pre>
 * With {@code objectiveMs} above 0 each evaluation also waits that long without using the CPU, as
 * an objective that waits for a program, a GPU or a simulation would: the workers' trials then
 * overlap, which is when group commit lets more workers finish more trials per second on a machine
 * whose cores cannot run them all at once.
 * The PostgreSQL URL defaults to {@code $NAS_TEST_POSTGRES_URL}; without one PostgreSQL is skipped
 * ({@code scripts/postgres.sh start} prints one). The server lines also give the writes per store
 * of the file (the average commit group). CPU ms per trial adds the workers' CPU time while they
 * ran and this process's (which runs the storage server); PostgreSQL's own processes are not
 * counted.
 */
public final class WorkersBenchmark {

    /** How long each evaluation waits besides computing (passed on to the worker processes). */
    private static long objectiveMillis;
    /** The server in front of PostgreSQL holds at most this many connections. */
    private static final int SERVER_CONNECTIONS = 4;
    /** Measurements made so far (each gets a database of its own). */
    private static int measured;
    /** False while warming up. */
    private static boolean printing = true;

    private WorkersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        nas.api.NasLogging.setLevel(System.Logger.Level.WARNING); // no line per trial
        if (args.length > 0 && args[0].equals("--worker")) {
            objectiveMillis = Long.parseLong(args[5]);
            worker(args[1], args[2], Double.parseDouble(args[3]), Long.parseLong(args[4]));
            return;
        }
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 8;
        String pg = args.length > 1 && !args[1].isBlank() ? args[1] : System.getenv("NAS_TEST_POSTGRES_URL");
        int[] counts = args.length > 2 ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 2, 4, 8};
        List<String> storages = List.of((args.length > 3 ? args[3] : "h2,server,postgres").split(","));
        objectiveMillis = args.length > 4 ? Long.parseLong(args[4]) : 0;
        Path dir = Files.createTempDirectory("nas-workers-bench");
        System.out.printf(Locale.ROOT, "%-18s %7s %8s %8s %10s %14s %12s %14s%n", "storage", "workers", "trials",
                "seconds", "trials/s", "writes/store", "CPU ms/trial", "store/wait ms");
        if (storages.stream().anyMatch(st -> st.startsWith("server"))) {
            // this process runs every server: warm its code up once, unmeasured, so that the first
            // variant measured does not run on a colder server than the others
            printing = false;
            measureServer("warm-up", "server", dir.resolve("warm-up").toString(), 0, 2, seconds);
            printing = true;
        }
        for (String storage : storages) {
            for (int workers : counts) {
                String name = storage + "-" + workers + "-" + (++measured);
                switch (storage) {
                    case "h2" -> {
                        if (workers == 1) {
                            measureDirect("H2 in-process", dir.resolve(name).toString(), workers, seconds);
                        }
                    }
                    case "server", "server-single", "server-delayed" -> measureServer("H2 " + storage, storage,
                            dir.resolve(name).toString(), 0, workers, seconds);
                    case "postgres", "server-postgres" -> {
                        if (pg == null || pg.isBlank()) {
                            System.out.println("(PostgreSQL skipped: pass its URL or set NAS_TEST_POSTGRES_URL)");
                            break;
                        }
                        String url = freshSchema(pg, "bench_" + ProcessHandle.current().pid() + "_" + measured);
                        if (storage.equals("postgres")) {
                            measureDirect("PostgreSQL", url, workers, seconds);
                        } else {
                            measureServer("PostgreSQL server", "server", url, SERVER_CONNECTIONS, workers, seconds);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown storage '" + storage + "'");
                }
            }
        }
    }

    private static void measureDirect(String label, String url, int workers, double seconds) throws Exception {
        try (JdbcStorage storage = JdbcStorage.open(url)) {
            storage.createStudy("bench", List.of(StudyDirection.MINIMIZE));
        }
        long cpu = processCpuNanos();
        Run run = run(url, workers, seconds);
        cpu = run.workerCpuNanos() + processCpuNanos() - cpu;
        try (JdbcStorage storage = JdbcStorage.open(url)) {
            print(label, workers, complete(storage), run.seconds(), "", cpu, "");
        }
    }

    /**
     * The storage server runs in this process, so its group-commit counters can be read.
     *
     * @param connections the server's connection limit (0: none)
     */
    private static void measureServer(String label, String variant, String url, int connections, int workers,
            double seconds) throws Exception {
        String commit = variant.equals("server") ? "group" : variant.substring("server-".length());
        System.setProperty("nas.storage.commit", commit);
        ServerSecret secret = ServerSecret.random();
        Path endpoint = Files.createTempFile("nas-workers-bench", ".endpoint");
        try (JdbcStorage storage = JdbcStorage.openForServer(url, connections);
                StorageServer server = StorageServer.start(storage, StorageServer.loopback(), 0, secret)) {
            storage.createStudy("bench", List.of(StudyDirection.MINIMIZE));
            server.endpoint(secret).write(endpoint);
            long[] before = storage.writesAndStores();
            long[] timesBefore = storage.storeAndDurableNanos();
            long cpu = processCpuNanos();
            Run run = run("server:" + endpoint, workers, seconds);
            cpu = run.workerCpuNanos() + processCpuNanos() - cpu;
            long[] after = storage.writesAndStores();
            long[] times = storage.storeAndDurableNanos();
            long writes = after[0] - before[0];
            long stores = after[1] - before[1];
            // the mean store, and the mean time a write waited beyond it (for a store under way, or a hand-off)
            double storeMs = (times[0] - timesBefore[0]) / 1e6 / Math.max(1, stores);
            double waitMs = (times[1] - timesBefore[1]) / 1e6 / Math.max(1, writes) - storeMs;
            print(label, workers, complete(storage), run.seconds(), stores == 0 ? "-"
                    : String.format(Locale.ROOT, "%.2f", writes / (double) stores), cpu,
                    stores == 0 ? "-" : String.format(Locale.ROOT, "%.2f/%.2f", storeMs, waitMs));
        } finally {
            System.clearProperty("nas.storage.commit");
            Files.deleteIfExists(endpoint);
        }
    }

    /** The CPU time this process has used so far. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static int complete(Storage storage) {
        return storage.countTrials(storage.findStudy("bench").getAsLong(), Set.of(TrialState.COMPLETE));
    }

    private static void print(String label, int workers, int complete, double elapsed, String writesPerStore,
            long cpuNanos, String storeAndWait) {
        if (!printing) {
            return;
        }
        System.out.printf(Locale.ROOT, "%-18s %7d %8d %8.2f %10.1f %14s %12.2f %14s%n", label, workers, complete,
                elapsed, complete / elapsed, writesPerStore, cpuNanos / 1e6 / Math.max(1, complete), storeAndWait);
        System.out.flush();
    }

    /** How long the workers ran, and the CPU time they used meanwhile. */
    private record Run(double seconds, long workerCpuNanos) {
    }

    /** Starts the workers, waits until all are warm, lets them run, and returns how long and at what CPU cost. */
    private static Run run(String spec, int workers, double seconds) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<Process> processes = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            processes.add(new ProcessBuilder(java, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    WorkersBenchmark.class.getName(), "--worker", spec, "bench", String.valueOf(seconds),
                    String.valueOf(w), String.valueOf(objectiveMillis)).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        List<BufferedReader> outputs = new ArrayList<>();
        for (Process p : processes) {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            outputs.add(out);
            String line = out.readLine();
            if (!"READY".equals(line)) {
                throw new IllegalStateException("a worker failed to start: " + line);
            }
        }
        long start = System.nanoTime();
        for (Process p : processes) {
            OutputStream in = p.getOutputStream();
            in.write("GO\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
        }
        long cpu = 0;
        for (int w = 0; w < workers; w++) {
            String line = outputs.get(w).readLine();
            if (processes.get(w).waitFor() != 0 || line == null || !line.startsWith("CPU ")) {
                throw new IllegalStateException("a worker failed with exit code " + processes.get(w).exitValue());
            }
            cpu += Long.parseLong(line.substring("CPU ".length()));
        }
        return new Run((System.nanoTime() - start) / 1e9, cpu);
    }

    private static Storage open(String spec) {
        if (spec.startsWith("server:")) {
            return RemoteStorage.connect(ServerEndpoint.read(Path.of(spec.substring("server:".length()))).orElseThrow());
        }
        return JdbcStorage.open(spec);
    }

    /** One worker process: open, load, say READY, wait for GO, run trials for the given time. */
    private static void worker(String spec, String name, double seconds, long seed) throws Exception {
        try (Storage storage = open(spec)) {
            // warm-up (class loading, JIT) on a study of its own, so that the clock measures the steady state
            Study warmup = Studies.builder(name + "-warmup-" + seed).storage(storage).sampler(new RandomSampler(seed))
                    .create();
            warmup.optimize(WorkersBenchmark::objective, new OptimizeOptions(0, Duration.ofSeconds(3), 1, List.of(),
                    List.of()));
            Study study = Studies.builder(name).storage(storage).sampler(new RandomSampler(seed)).loadIfExists(true)
                    .create();
            System.out.println("READY");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            long cpu = processCpuNanos();
            study.optimize(WorkersBenchmark::objective, new OptimizeOptions(0, Duration.ofMillis(Math.round(seconds * 1000)),
                    1, List.of(), List.of()));
            System.out.println("CPU " + (processCpuNanos() - cpu));
            System.out.flush();
        }
    }

    private static double objective(nas.api.Trial t) throws InterruptedException {
        if (objectiveMillis > 0) {
            Thread.sleep(objectiveMillis);
        }
        double x = t.suggestFloat("x", -5, 5);
        double y = t.suggestFloat("y", -5, 5);
        return x * x + y * y;
    }

    private static String freshSchema(String base, String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
