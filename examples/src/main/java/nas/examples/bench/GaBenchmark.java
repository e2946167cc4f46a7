package nas.examples.bench;

import static nas.api.Statistics.median;

import java.awt.Color;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nas.ga.AdamBaseline;
import nas.ga.Crossover;
import nas.ga.GaResult;
import nas.ga.GaSettings;
import nas.ga.GenerationRecord;
import nas.ga.Genome;
import nas.ga.GenomeBuilder;
import nas.ga.GeneticAlgorithm;
import nas.ga.MemorizationTask;
import nas.ga.MutationScheme;
import nas.ga.NoiseTable;
import nas.ga.Operators;
import nas.ga.Seeds;
import nas.ga.TaskSpec;
import nas.ga.plot.LineChart;
import nas.ga.plot.RunCurves;

/**
 * The neuroevolution GA's figures.
 *
 * <p>{@code GaBenchmark throughput [-g GENS] [-w WARMUP] [-t THREADS] [--depth D]}: children evaluated per
 * second for an MLP of ~100k parameters (256-256-128-10) on 64 points (P 8, C 32), wall and process CPU
 * time; then the cost of decoding a child of a lineage D mutations deep with the per-worker cache (one copy
 * and one mutation) and without it (a replay of the whole seed chain).
 *
 * <p>{@code GaBenchmark study [--budget N] [--seeds N] [--sigma S] [--fitness KIND] [-t THREADS] [--plots DIR]}:
 * the notes' first hypothesis — at the same evaluation budget, 1/16 against 8/32 parents/children, with fixed,
 * self-adaptive and norm-preserving mutation, memorising 64 points (MLP 32-64-10): median over seeds of the
 * points memorised, the final loss and the interference, plus 8/32 fixed with momentum, crossover or one-layer
 * mutation, and Adam on the same network and data. With {@code --plots DIR}, the hypothesis settings' median
 * curves per generation (best fitness, interference) are written there as PNG. Runs are spread over the
 * threads (each run single-threaded; a run's result does not depend on threads).
 */
public final class GaBenchmark {

    private GaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("throughput") || args[0].equals("study"))) {
            throw new IllegalArgumentException("usage: GaBenchmark throughput|study [options]");
        }
        Options o = new Options(Arrays.copyOfRange(args, 1, args.length));
        System.out.printf(Locale.ROOT, "load average %.2f on %d cores%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        if (args[0].equals("throughput")) {
            throughput(o);
        } else {
            study(o);
        }
    }

    private static void throughput(Options o) {
        MemorizationTask task = new MemorizationTask(64, 256, new int[] {256, 128}, 10,
                MemorizationTask.Fitness.CROSS_ENTROPY, 1);
        GaSettings settings = GaSettings.of(8, 32, 0.02);
        int gens = o.integer("-g", 20);
        int warmup = o.integer("-w", 5);
        int threads = o.integer("-t", Runtime.getRuntime().availableProcessors());
        new GeneticAlgorithm(task, settings, threads, 1).run(warmup, r -> { });
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        GaResult r = new GeneticAlgorithm(task, settings, threads, 2).run(gens, x -> { });
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        long evals = r.evaluations();
        System.out.printf(Locale.ROOT, "MLP 256-256-128-10 (%d parameters), 64 points, P 8, C 32, %d generations, "
                + "%d threads%n", task.layout().size(), gens, threads);
        System.out.printf(Locale.ROOT, "%d evaluations in %.2f s: %.0f children/s | process CPU %.2f s: %.2f ms CPU "
                + "per child (%.0f children/s per free core) | %d decoding operations (%.2f per evaluation)%n",
                evals, wall, evals / wall, cpu, cpu * 1e3 / evals, evals / cpu, r.operations(),
                (double) r.operations() / evals);
        int depth = o.integer("--depth", 500);
        Operators ops = new Operators(task.layout(), NoiseTable.forSlices(task.layout().size(), 3), settings);
        long[] seeds = new long[depth + 1];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = Seeds.mix(9, i);
        }
        Genome parent = Genome.fromSeeds(seeds);
        GenomeBuilder cached = new GenomeBuilder(ops, 4);
        cached.build(parent);
        int children = 200;
        double withCache = perChildMs(cached, parent, children, true);
        GenomeBuilder none = new GenomeBuilder(ops, 0);
        double withoutCache = perChildMs(none, parent, Math.max(2, children * 20 / depth), false);
        System.out.printf(Locale.ROOT, "decoding a child of a lineage %d mutations deep (thread CPU): %.3f ms with the cache, "
                + "%.1f ms without (replaying %d operations): %.0fx%n", depth, withCache, withoutCache, depth + 2,
                withoutCache / withCache);
    }

    /**
     * Mean thread CPU ms to decode a child of {@code parent} (CPU time: a loaded machine does not inflate it);
     * with a cache the parent is kept recently used, as a worker's parents are.
     */
    private static double perChildMs(GenomeBuilder builder, Genome parent, int children, boolean cache) {
        builder.build(parent.mutate(-1)); // warm-up
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long t0 = bean.getCurrentThreadCpuTime();
        for (int k = 0; k < children; k++) {
            builder.build(parent.mutate(k));
            if (cache) {
                builder.build(parent); // a cache hit
            }
        }
        return (bean.getCurrentThreadCpuTime() - t0) / 1e6 / children;
    }

    /** One row of the study: a population shape, a scheme and the optional operators. */
    private record Setting(int parents, int children, MutationScheme scheme, double momentum, Crossover crossover,
            boolean oneLayer) {
        static Setting of(int parents, int children, MutationScheme scheme) {
            return new Setting(parents, children, scheme, 0, Crossover.NONE, false);
        }

        boolean hypothesis() {
            return momentum == 0 && crossover == Crossover.NONE && !oneLayer;
        }

        String label() {
            return parents + "/" + children;
        }

        String schemeLabel() {
            return scheme.key() + (momentum > 0 ? ", momentum " + momentum : "")
                    + (crossover != Crossover.NONE ? ", crossover " + crossover.key() : "")
                    + (oneLayer ? ", one layer" : "");
        }

        GaSettings settings(double sigma) {
            return GaSettings.of(parents, children, sigma).withScheme(scheme).withMomentum(momentum)
                    .withCrossover(crossover).withOneLayer(oneLayer);
        }
    }

    private record Outcome(Setting setting, long seed, GaResult result, double interference, int generations) {
        int memorised() {
            return result.last().bestCorrect();
        }

        double loss() {
            return result.last().bestLoss();
        }
    }

    private static void study(Options o) throws Exception {
        long budget = o.integer("--budget", 10_000);
        int seeds = o.integer("--seeds", 5);
        double sigma = o.real("--sigma", 0.02);
        MemorizationTask.Fitness fitness = MemorizationTask.Fitness.parse(o.text("--fitness", "cross-entropy"));
        int threads = o.integer("-t", Runtime.getRuntime().availableProcessors());
        String plots = o.text("--plots", "");
        TaskSpec spec = new TaskSpec("memorize", 64, 32, new int[] {64}, 10, fitness, 1);
        MemorizationTask task = (MemorizationTask) spec.build();
        List<Setting> settings = new ArrayList<>();
        for (int[] pc : new int[][] {{1, 16}, {8, 32}}) {
            for (MutationScheme s : MutationScheme.values()) {
                settings.add(Setting.of(pc[0], pc[1], s));
            }
        }
        // the notes' other operators, each added alone to 8/32 with fixed sigma
        settings.add(new Setting(8, 32, MutationScheme.FIXED, 0.5, Crossover.NONE, false));
        settings.add(new Setting(8, 32, MutationScheme.FIXED, 0, Crossover.UNIT, false));
        settings.add(new Setting(8, 32, MutationScheme.FIXED, 0, Crossover.NONE, true));
        System.out.printf(Locale.ROOT, "%s (%d parameters), fitness %s, sigma %s, %d evaluations per run, %d seeds, "
                + "%d threads%n", spec, task.layout().size(), fitness.key(), sigma, budget, seeds, threads);
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (Setting s : settings) {
            for (long seed = 1; seed <= seeds; seed++) {
                long runSeed = seed;
                futures.add(pool.submit(() -> run(task, s, sigma, budget, runSeed)));
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> f : futures) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        System.out.println();
        System.out.println("| P/C | scheme | generations | memorised /64 (median, min–max) | final loss (median) "
                + "| interference, mean over the run (median) | interference, last generation (median) |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Setting s : settings) {
            List<Outcome> mine = outcomes.stream().filter(x -> x.setting.equals(s)).toList();
            double[] memorised = mine.stream().mapToDouble(Outcome::memorised).toArray();
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %s (%s–%s) | %.2g | %.3f | %.3f |%n", s.label(),
                    s.schemeLabel(), mine.get(0).generations, num(median(memorised)),
                    num(Arrays.stream(memorised).min().orElse(0)), num(Arrays.stream(memorised).max().orElse(0)),
                    median(mine.stream().mapToDouble(Outcome::loss).toArray()),
                    median(mine.stream().mapToDouble(Outcome::interference).toArray()),
                    median(mine.stream().mapToDouble(x -> x.result.last().interference()).toArray()));
        }
        for (double lr : new double[] {1e-3, 1e-2}) {
            double[] params = Operators.initialWeights(task.layout(), NoiseTable.forSlices(task.layout().size(), 1), 1);
            List<AdamBaseline.Epoch> adam = new AdamBaseline(task, 32, lr).train(params, 100, 1, e -> { });
            AdamBaseline.Epoch last = adam.get(adam.size() - 1);
            System.out.printf(Locale.ROOT, "| Adam lr %s, batch 32 | gradient | 100 epochs (200 steps) | %d | %.2g | | |%n",
                    lr, last.correct(), last.loss());
        }
        System.out.printf(Locale.ROOT, "%nper-run values (setting, seed, memorised, loss, mean interference):%n");
        for (Outcome x : outcomes) {
            System.out.printf(Locale.ROOT, "%s %s seed %d: %d, %.3g, %.4f%n", x.setting.label(), x.setting.schemeLabel(),
                    x.seed, x.memorised(), x.loss(), x.interference);
        }
        if (!plots.isEmpty()) {
            plot(Path.of(plots), fitness, seeds, budget, sigma,
                    outcomes.stream().filter(x -> x.setting.hypothesis()).toList());
        }
        System.out.printf(Locale.ROOT, "%nwall %.1f s, process CPU %.1f s%n", wall, cpu);
    }

    private static Outcome run(MemorizationTask task, Setting s, double sigma, long budget, long seed) {
        GaSettings settings = s.settings(sigma);
        int gens = settings.generationsFor(budget);
        GaResult r = new GeneticAlgorithm(task, settings, 1, seed).run(gens, x -> { });
        double sum = 0;
        int n = 0;
        for (GenerationRecord g : r.history()) {
            if (!Double.isNaN(g.interference())) {
                sum += g.interference();
                n++;
            }
        }
        return new Outcome(s, seed, r, n == 0 ? Double.NaN : sum / n, gens);
    }

    /** Generations over which each run's interference is averaged before the median over seeds is drawn. */
    private static final int INTERFERENCE_WINDOW = 25;

    /**
     * Writes {@code ga-study-FITNESS-best.png} (the median best per generation: cross-entropy on a log axis, or
     * points memorised) and {@code ga-study-FITNESS-interference.png} into {@code dir}; colour is the scheme,
     * a dashed line 8/32.
     */
    private static void plot(Path dir, MemorizationTask.Fitness fitness, int seeds, long budget, double sigma,
            List<Outcome> outcomes) throws IOException {
        boolean crossEntropy = fitness == MemorizationTask.Fitness.CROSS_ENTROPY;
        String setup = String.format(Locale.ROOT, "memorising 64 points, %s fitness, sigma %s, median of %d seeds",
                crossEntropy ? "cross-entropy" : "no-grad (accuracy)", sigma, seeds);
        LineChart best = crossEntropy
                ? new LineChart("Best cross-entropy: " + setup, "evaluations", "best individual's cross-entropy", true)
                : new LineChart("Points memorised: " + setup, "evaluations", "best individual's points memorised /64",
                        false);
        LineChart interference = new LineChart("Interference: " + setup, "evaluations",
                "children's lost share of parent's points (" + INTERFERENCE_WINDOW + "-gen. mean)", false);
        for (Setting s : outcomes.stream().map(Outcome::setting).distinct().toList()) {
            List<GaResult> runs = outcomes.stream().filter(x -> x.setting.equals(s)).map(Outcome::result).toList();
            double[] x = RunCurves.evaluations(runs);
            String name = s.label() + " " + s.scheme.key();
            Color color = SCHEME_COLORS[s.scheme.ordinal()];
            boolean dashed = s.parents > 1;
            best.add(new LineChart.Series(name, color, dashed, x, RunCurves.median(runs,
                    crossEntropy ? GenerationRecord::bestLoss : g -> g.bestCorrect())));
            interference.add(new LineChart.Series(name, color, dashed, x,
                    RunCurves.smoothedMedian(runs, GenerationRecord::interference, INTERFERENCE_WINDOW)));
        }
        String stem = "ga-study-" + fitness.key();
        best.write(dir.resolve(stem + "-best.png"), 1000, 520);
        interference.write(dir.resolve(stem + "-interference.png"), 1000, 520);
        System.out.printf(Locale.ROOT, "%nplots (%d evaluations per run): %s, %s%n", budget,
                dir.resolve(stem + "-best.png"), dir.resolve(stem + "-interference.png"));
    }

    private static final Color[] SCHEME_COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c)};

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** {@code --name value} pairs. */
    private record Options(String[] args) {
        String text(String name, String fallback) {
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + args[i] + " needs a value");
                }
                if (args[i].equals(name)) {
                    return args[i + 1];
                }
            }
            return fallback;
        }

        int integer(String name, int fallback) {
            return Integer.parseInt(text(name, String.valueOf(fallback)));
        }

        double real(String name, double fallback) {
            return Double.parseDouble(text(name, String.valueOf(fallback)));
        }
    }
}
