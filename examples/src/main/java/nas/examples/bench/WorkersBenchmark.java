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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.sampler.RandomSampler;
import nas.storage.JdbcStorage;

/**
 * Throughput of several worker processes on one shared study: COMPLETE trials per second with 1,
 * 2 and 4 processes on an H2 file (AUTO_SERVER) and on PostgreSQL, random sampler, a trivial
 * objective (two floats, their squared sum), heartbeats off. Every worker opens the storage, warms
 * up for 3 s on a study of its own and loads the shared study; the clock starts when all are
 * ready, and each runs for a fixed time.
 *
 * <pre>
 * java -cp ... nas.examples.bench.WorkersBenchmark [seconds=8] [postgresUrl|""] [workers=1,2,4] [h2,postgres]
 * </pre>
 * The PostgreSQL URL defaults to {@code $NAS_TEST_POSTGRES_URL}; without one only H2 is measured
 * ({@code scripts/postgres.sh start} prints one).
 */
public final class WorkersBenchmark {

    private WorkersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--worker")) {
            worker(args[1], args[2], Double.parseDouble(args[3]), Long.parseLong(args[4]));
            return;
        }
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 8;
        String pg = args.length > 1 && !args[1].isBlank() ? args[1] : System.getenv("NAS_TEST_POSTGRES_URL");
        Path dir = Files.createTempDirectory("nas-workers-bench");
        System.out.printf(Locale.ROOT, "%-10s %7s %8s %10s %12s%n", "storage", "workers", "trials", "seconds",
                "trials/s");
        int[] counts = args.length > 2 ? java.util.Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt)
                .toArray() : new int[] {1, 2, 4};
        boolean h2 = args.length <= 3 || args[3].contains("h2");
        boolean postgres = args.length <= 3 || args[3].contains("postgres");
        for (int workers : h2 ? counts : new int[0]) {
            measure("H2", dir.resolve("h2-" + workers).toString(), workers, seconds);
        }
        if (!postgres) {
            return;
        }
        if (pg != null && !pg.isBlank()) {
            for (int workers : counts) {
                measure("PostgreSQL", freshSchema(pg, "bench_" + ProcessHandle.current().pid() + "_" + workers),
                        workers, seconds);
            }
        } else {
            System.out.println("(PostgreSQL skipped: pass its URL or set NAS_TEST_POSTGRES_URL)");
        }
    }

    private static void measure(String label, String url, int workers, double seconds) throws Exception {
        try (JdbcStorage storage = JdbcStorage.open(url)) {
            storage.createStudy("bench", List.of(StudyDirection.MINIMIZE));
        }
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<Process> processes = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    WorkersBenchmark.class.getName(), "--worker", url, "bench", String.valueOf(seconds),
                    String.valueOf(w)).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        for (Process p : processes) {
            String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
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
        for (Process p : processes) {
            if (p.waitFor() != 0) {
                throw new IllegalStateException("a worker failed with exit code " + p.exitValue());
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        try (JdbcStorage storage = JdbcStorage.open(url)) {
            long study = storage.findStudy("bench").getAsLong();
            int complete = storage.countTrials(study, Set.of(TrialState.COMPLETE));
            System.out.printf(Locale.ROOT, "%-10s %7d %8d %10.2f %12.1f%n", label, workers, complete, elapsed,
                    complete / elapsed);
        }
    }

    /** One worker process: open, load, say READY, wait for GO, run trials for the given time. */
    private static void worker(String url, String name, double seconds, long seed) throws Exception {
        try (JdbcStorage storage = JdbcStorage.open(url)) {
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
            study.optimize(WorkersBenchmark::objective, new OptimizeOptions(0, Duration.ofMillis(Math.round(seconds * 1000)), 1, List.of(), List.of()));
        }
    }

    private static double objective(nas.api.Trial t) {
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
