package nas.examples.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import nas.api.Statistics;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.distribution.IntDistribution;
import nas.dashboard.AccessToken;
import nas.dashboard.DashboardOptions;
import nas.dashboard.DashboardServer;
import nas.dashboard.Report;
import nas.storage.JdbcStorage;

/**
 * The dashboard on large studies, through its HTTP API as the study page calls it:
 * <ol>
 *   <li>first plots of a {@code trials}-trial study (100,000 by default), cold (a storage just opened, as the
 *       server owning the file has it after a start: the dashboard reads the study's first trials, then the
 *       rest in chunks), the time until every trial is read and drawn, and warm (a later visit): the study
 *       summary, then history, parameters, EDF, timeline, learning curves and the first table page, in parallel
 *       as the page asks for them;</li>
 *   <li>one trial-table page from the middle of the study, sorted by value, and one filtered by a parameter
 *       range (median of 21);</li>
 *   <li>reading the whole study at once through the storage alone, for comparison;</li>
 *   <li>{@code nas report} on a {@code report-trials}-trial study (10,000): time and file size.</li>
 * </ol>
 * Studies are created once in the H2 file {@code DIR/bench} (default target/bench-dashboard) and reused.
 *
 * <pre>
 * scripts/bench.sh Dashboard [trials=100000] [report-trials=10000] [DIR]
 * </pre>
 */
public final class DashboardBenchmark {

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int reportTrials = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Path dir = Path.of(args.length > 2 ? args[2] : "target/bench-dashboard");
        Files.createDirectories(dir);
        String big = "bench-" + trials;
        String small = "bench-" + reportTrials;
        String url = "jdbc:h2:" + dir.toAbsolutePath().resolve("bench");
        try (JdbcStorage storage = JdbcStorage.open(url)) {
            ensure(storage, big, trials);
            ensure(storage, small, reportTrials);
        }
        System.out.printf(Locale.ROOT, "load: %s%n", loadAverage());
        // a storage opened afresh, as the server that owns the file has it after a start: nothing cached
        try (JdbcStorage storage = JdbcStorage.open(url)) {
            AccessToken token = AccessToken.random();
            try (DashboardServer server = DashboardServer.start(storage, "127.0.0.1", 0, DashboardOptions.of(token))) {
                Api api = new Api(server.baseUrl() + "api/studies/" + big, token);
                new Api(server.baseUrl() + "api/studies/" + small, token).get(""); // warm-up: class loading, JIT
                long cpu0 = cpu();
                long t0 = System.nanoTime();
                double cold = firstPlots(api);
                System.out.printf(Locale.ROOT, "study page, first plots, %,d trials, cold (drawn from the first %,d trials read): "
                        + "%.0f ms (process CPU %.2f s, the reading of later chunks included)%n", trials, Api.loaded(), cold,
                        (cpu() - cpu0) / 1e9);
                while (api.loading()) {
                    firstPlots(api); // as the page does: it redraws as the trials arrive
                    Thread.sleep(200);
                }
                System.out.printf(Locale.ROOT, "study page, every trial read and drawn: %.0f ms after the first request "
                        + "(process CPU %.1f s)%n", (System.nanoTime() - t0) / 1e6, (cpu() - cpu0) / 1e9);
                double warm = firstPlots(api);
                System.out.printf(Locale.ROOT, "study page, first plots, %,d trials, warm: %.0f ms%n", trials, warm);
                long s0 = System.nanoTime();
                long sc0 = cpu();
                api.get("/trials?offset=0&limit=50&sort=value&order=asc");
                System.out.printf(Locale.ROOT, "trial table, first page in a new order (sorts %,d trials by value): %.1f ms "
                        + "(process CPU %.0f ms)%n", trials, (System.nanoTime() - s0) / 1e6, (cpu() - sc0) / 1e6);
                double page = median(21, () -> api.get("/trials?offset=" + trials / 2 + "&limit=50&sort=value&order=asc"));
                System.out.printf(Locale.ROOT, "trial table page (offset %,d, 50 rows, sorted by value): %.1f ms (median of 21)%n",
                        trials / 2, page);
                double filtered = median(21, () -> api.get("/trials?offset=0&limit=50&sort=param:x&order=desc"
                        + "&state=COMPLETE&param=x&param_min=0.2&param_max=0.4"));
                System.out.printf(Locale.ROOT, "trial table page (state + parameter range filter, sorted by x): %.1f ms (median of 21)%n",
                        filtered);
                System.out.printf(Locale.ROOT, "dashboard CPU time for the above: %.1f s%n", (cpu() - cpu0) / 1e9);
            }
        }
        try (JdbcStorage storage = JdbcStorage.open(url)) {
            long r0 = System.nanoTime();
            long c0 = cpu();
            int read = storage.trials(storage.findStudy(big).getAsLong(), java.util.Set.of()).size();
            System.out.printf(Locale.ROOT, "storage alone, afresh: reading the %,d trials at once (Storage.trials): %.0f ms, "
                    + "CPU %.1f s%n", read, (System.nanoTime() - r0) / 1e6, (cpu() - c0) / 1e9);
        }
        try (JdbcStorage storage = JdbcStorage.open(url)) {
            long t0 = System.nanoTime();
            long c1 = cpu();
            String html = Report.html(storage, small); // as nas report runs it: once, in a fresh process
            double ms = (System.nanoTime() - t0) / 1e6;
            System.out.printf(Locale.ROOT, "report of %,d trials: %.0f ms (CPU %.1f s), %.2f MB%n", reportTrials, ms,
                    (cpu() - c1) / 1e9, html.getBytes(StandardCharsets.UTF_8).length / 1e6);
        }
    }

    /** The study page's first requests: the summary, then its plot data and table page in parallel. */
    static double firstPlots(Api api) throws Exception {
        long t0 = System.nanoTime();
        api.get("");
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (String p : List.of("/history?objective=0", "/params", "/edf", "/timeline", "/intermediate",
                "/trials?offset=0&limit=50&sort=number&order=asc")) {
            all.add(CompletableFuture.runAsync(() -> api.get(p)));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        return (System.nanoTime() - t0) / 1e6;
    }

    static double median(int runs, Runnable r) {
        double[] t = new double[runs];
        r.run(); // warm-up
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        return Statistics.median(t);
    }

    /** A study of n trials (90% COMPLETE, 5% PRUNED with learning curves, 5% FAIL) over four parameters. */
    static void ensure(JdbcStorage storage, String name, int n) {
        if (storage.findStudy(name).isPresent()) {
            return;
        }
        System.err.printf(Locale.ROOT, "creating study %s with %,d trials (once; kept in the H2 file)...%n", name, n);
        long id = storage.createStudy(name, List.of(StudyDirection.MINIMIZE));
        Map<String, Distribution> d = Map.of("x", FloatDistribution.of(0, 1), "lr", FloatDistribution.logOf(1e-5, 1),
                "layers", IntDistribution.of(1, 8), "opt", CategoricalDistribution.of("sgd", "adam", "rmsprop"));
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < n; i++) {
            double x = random.nextDouble();
            double lr = Math.exp(Math.log(1e-5) + random.nextDouble() * Math.log(1e5));
            long layers = 1 + random.nextInt(8);
            String opt = List.of("sgd", "adam", "rmsprop").get(random.nextInt(3));
            double value = (x - 0.3) * (x - 0.3) + 0.01 * Math.abs(Math.log10(lr) + 3) + 0.02 * layers + random.nextDouble() * 0.05;
            int kind = random.nextInt(20);
            TrialState state = kind == 0 ? TrialState.FAIL : kind == 1 ? TrialState.PRUNED : TrialState.COMPLETE;
            FrozenTrial t = FrozenTrial.of(state, state == TrialState.COMPLETE ? List.of(value) : List.of(),
                    Map.of("x", x, "lr", lr, "layers", layers, "opt", opt), d);
            if (state == TrialState.PRUNED) {
                java.util.TreeMap<Integer, Double> steps = new java.util.TreeMap<>();
                for (int s = 0; s < 5; s++) {
                    steps.put(s, value + 1.0 / (s + 1));
                }
                t = new FrozenTrial(-1, -1, state, List.of(), t.datetimeStart(), t.datetimeComplete(), t.internalParams(),
                        t.distributions(), steps, Map.of(), Map.of());
            }
            storage.createTrial(id, t);
            if ((i + 1) % 10_000 == 0) {
                System.err.printf(Locale.ROOT, "  %,d / %,d%n", i + 1, n);
            }
        }
    }

    static String loadAverage() {
        return String.format(Locale.ROOT, "%.1f on %d cores",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    static long cpu() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** GETs under one study's API with the token. */
    record Api(String base, AccessToken token) {
        static final HttpClient CLIENT = HttpClient.newHttpClient();

        /** The study summary's {@code loading} part (null once every trial is read), as last fetched. */
        static final java.util.concurrent.atomic.AtomicReference<Object> LOADING = new java.util.concurrent.atomic.AtomicReference<>();

        boolean loading() {
            get("");
            return LOADING.get() != null;
        }

        /** Trials read when the summary was last fetched (-1: all of them). */
        static int loaded() {
            return LOADING.get() instanceof Map<?, ?> m ? ((Number) m.get("loaded")).intValue() : -1;
        }

        void get(String path) {
            try {
                HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token.value()).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(path + ": HTTP " + r.statusCode() + " " + r.body());
                }
                if (path.isEmpty()) {
                    LOADING.set(((Map<?, ?>) nas.api.json.Json.read(r.body())).get("loading"));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
