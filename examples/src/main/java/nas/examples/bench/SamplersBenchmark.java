package nas.examples.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import nas.api.Objective;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.objective.functions.TestFunctions;
import nas.api.sampler.RandomSampler;
import nas.api.sampler.Sampler;
import nas.api.storage.InMemoryStorage;
import nas.samplers.cmaes.CmaEsSampler;
import nas.samplers.gp.GpOptions;
import nas.samplers.gp.GpSampler;
import nas.samplers.tpe.TpeOptions;
import nas.samplers.tpe.TpeSampler;

/**
 * Single-objective samplers compared on standard functions: best value found after 50, 100, 200
 * and 500 trials (median and quartiles over seeds), written as a CSV (one row per function,
 * sampler, seed and budget) and a markdown table; and, with {@code time=N}, the GP sampler's
 * CPU time per trial along an N-trial study.
 *
 * <p>Functions: Branin on [−5, 10]×[0, 15] (minimum 0.397887), Hartmann-6 on [0, 1]^6 (minimum
 * −3.32237), sphere-5, rosenbrock-5, rastrigin-5 and ellipsoid-5 on [−5, 5]^5, and {@code mixed}: four
 * floats in [−5, 5], a log float in [1e-5, 1], two ints in [0, 30] and a categorical of four
 * choices, {@code Σ (x_i − 1)² + (log10 lr + 3)² + ((n − 7)/4)² + ((m − 20)/6)² + penalty(act)}
 * (penalties 0, 0.5, 1, 2; minimum 0). Run only when named, variants of mixed that change one kind of
 * parameter: {@code mixed-no-categorical} (no categorical), {@code mixed-float-ints} (the ints as floats on
 * [0, 30]), {@code mixed-plain-lr} ({@code log10 lr} a plain float on [−5, 0]); and {@code shifted-sphere4}, the four
 * floats of mixed alone.
 *
 * <p>Arguments, all optional ({@code key=value}): {@code functions=branin,hartmann6,...},
 * {@code samplers=random,tpe,tpe-exact,tpe-mv,cmaes,gp} ({@code tpe-exact}: univariate TPE scoring by the exact
 * densities instead of the default width-weighted ones, {@link TpeOptions#withWidthWeighted(boolean)}),
 * {@code seeds=5}, {@code first-seed=1}, {@code trials=50,100,200,500},
 * {@code csv=target/samplers.csv}, {@code time=N} (the timing curve only), {@code optuna=FILE[,FILE...]} (CSVs
 * of another library's runs in this program's format, from {@code scripts/optuna-samplers.py}: a second
 * table puts the medians side by side with the one-sided Mann–Whitney p that NAS is worse, the two-sided p and
 * the Hodges–Lehmann shift with its 95% interval), {@code from=FILE[,FILE...]} (NAS's runs from this program's
 * earlier CSVs instead of running them again).
 * Run: {@code scripts/bench.sh Samplers functions=branin samplers=gp,tpe seeds=3 trials=20,40}.
 */
public final class SamplersBenchmark {

    private SamplersBenchmark() {
    }

    /** What {@link #mixed} changes in the mixed space: nothing, or one kind of parameter. */
    enum MixedVariant {
        /** 4 floats, a log float, 2 ints and a categorical. */
        AS_IS,
        /** The categorical left out (its best choice, penalty 0). */
        NO_CATEGORICAL,
        /** The two ints as continuous floats on [0, 30]. */
        FLOAT_INTS,
        /** log10(lr) a plain float on [−5, 0] instead of lr a log float. */
        PLAIN_LR
    }

    static final Objective MIXED = mixed(MixedVariant.AS_IS);

    /**
     * Σ (xᵢ − 1)² over 4 floats in [−5, 5], plus (log10 lr + 3)² for a log float lr in [1e-5, 1], ((n − 7)/4)²
     * and ((m − 20)/6)² for ints in [0, 30], plus the activation's penalty; minimum 0. The variants change one
     * kind of parameter, to tell which kind a sampler handles worse.
     */
    static Objective mixed(MixedVariant v) {
        return t -> {
            double s = 0;
            for (int i = 0; i < 4; i++) {
                double x = t.suggestFloat("x" + i, -5, 5);
                s += (x - 1) * (x - 1);
            }
            double a = (v == MixedVariant.PLAIN_LR ? t.suggestFloat("log10lr", -5, 0)
                    : Math.log10(t.suggestFloat("lr", 1e-5, 1, true))) + 3;
            boolean floats = v == MixedVariant.FLOAT_INTS;
            double n = ((floats ? t.suggestFloat("n", 0, 30) : t.suggestInt("n", 0, 30)) - 7) / 4.0;
            double m = ((floats ? t.suggestFloat("m", 0, 30) : t.suggestInt("m", 0, 30)) - 20) / 6.0;
            double pen = v == MixedVariant.NO_CATEGORICAL ? 0
                    : penalty(t.suggestCategorical("act", "relu", "tanh", "sigmoid", "linear"));
            return s + a * a + n * n + m * m + pen;
        };
    }

    /** The four floats of {@link #mixed} alone: Σ (xᵢ − 1)² over xᵢ in [−5, 5], minimum 0 at (1, 1, 1, 1). */
    static final Objective SHIFTED_SPHERE4 = t -> {
        double s = 0;
        for (int i = 0; i < 4; i++) {
            double x = t.suggestFloat("x" + i, -5, 5);
            s += (x - 1) * (x - 1);
        }
        return s;
    };

    static double penalty(String act) {
        return switch (act) {
            case "tanh" -> 0;
            case "relu" -> 0.5;
            case "sigmoid" -> 1;
            default -> 2;
        };
    }

    /**
     * A conditional space: a categorical picks one of two branches, each a Rosenbrock function of its
     * own four parameters in [−5, 5] (branch b shifted up by 1; minimum 0 in branch a).
     */
    static final Objective BRANCHES = t -> {
        String branch = t.suggestCategorical("branch", "a", "b");
        double[] x = new double[4];
        for (int i = 0; i < 4; i++) {
            x[i] = t.suggestFloat(branch + i, -5, 5);
        }
        return TestFunctions.rosenbrock(x) + (branch.equals("a") ? 0 : 1);
    };

    static Map<String, Objective> functions() {
        Map<String, Objective> f = new LinkedHashMap<>();
        f.put("branin", t -> TestFunctions.branin(t.suggestFloat("x0", -5, 10), t.suggestFloat("x1", 0, 15)));
        f.put("hartmann6", t -> {
            double[] x = new double[6];
            for (int i = 0; i < 6; i++) {
                x[i] = t.suggestFloat("x" + i, 0, 1);
            }
            return TestFunctions.hartmann6(x);
        });
        f.put("sphere5", TpeBenchmark.box(5, TestFunctions::sphere));
        f.put("rosenbrock5", TpeBenchmark.box(5, TestFunctions::rosenbrock));
        f.put("rastrigin5", TpeBenchmark.box(5, TestFunctions::rastrigin));
        f.put("ellipsoid5", TpeBenchmark.box(5, TestFunctions::ellipsoid));
        f.put("mixed", MIXED);
        f.put("branches", BRANCHES);
        return f;
    }

    /** The functions and, run only when named, the variants of mixed that change one kind of parameter. */
    static Map<String, Objective> functionsAndVariants() {
        Map<String, Objective> f = functions();
        f.put("mixed-no-categorical", mixed(MixedVariant.NO_CATEGORICAL));
        f.put("mixed-float-ints", mixed(MixedVariant.FLOAT_INTS));
        f.put("mixed-plain-lr", mixed(MixedVariant.PLAIN_LR));
        f.put("shifted-sphere4", SHIFTED_SPHERE4);
        return f;
    }

    static Map<String, LongFunction<Sampler>> samplers() {
        Map<String, LongFunction<Sampler>> s = new LinkedHashMap<>();
        s.put("random", RandomSampler::new);
        s.put("tpe", seed -> new TpeSampler(TpeOptions.defaults().withSeed(seed)));
        s.put("tpe-exact", seed -> new TpeSampler(TpeOptions.defaults().withSeed(seed).withWidthWeighted(false)));
        s.put("tpe-mv", seed -> new TpeSampler(TpeOptions.defaults().withSeed(seed).withMultivariate(true)));
        s.put("tpe-group", seed -> new TpeSampler(TpeOptions.defaults().withSeed(seed).withMultivariate(true).withGroup(true)));
        s.put("cmaes", seed -> new CmaEsSampler(CmaEsSampler.Options.defaults().withSeed(seed)));
        s.put("gp", seed -> new GpSampler(GpOptions.defaults().withSeed(seed)));
        return s;
    }

    /** {@code key=value} arguments by key. */
    static Map<String, String> keyValues(String[] args) {
        Map<String, String> a = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("arguments are key=value, but got '" + arg + "'");
            }
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return a;
    }

    /** {@code known.get(name)}, or a clear error naming the known {@code what}s. */
    static <T> T named(Map<String, T> known, String name, String what) {
        T t = known.get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown " + what + " '" + name + "'; known: " + known.keySet());
        }
        return t;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = keyValues(args);
        if (a.containsKey("time")) {
            timing(Integer.parseInt(a.get("time")));
            return;
        }
        List<String> fs = List.of(a.getOrDefault("functions", String.join(",", functions().keySet())).split(","));
        List<String> ss = List.of(a.getOrDefault("samplers", String.join(",", samplers().keySet())).split(","));
        int seeds = Integer.parseInt(a.getOrDefault("seeds", "5"));
        int firstSeed = Integer.parseInt(a.getOrDefault("first-seed", "1"));
        int[] at = Arrays.stream(a.getOrDefault("trials", "50,100,200,500").split(",")).mapToInt(Integer::parseInt).toArray();
        Path csv = Path.of(a.getOrDefault("csv", "target/samplers.csv"));
        Map<String, double[][]> runs = a.containsKey("from") ? fromCsv(readCsv(a.get("from")), at)
                : quality(fs, ss, firstSeed, seeds, at, csv);
        if (a.containsKey("optuna")) {
            System.out.println();
            System.out.print(comparison(runs, readCsv(a.get("optuna")), at));
        }
    }

    /**
     * Runs every function with every sampler and prints the table; returns the best values by
     * "function sampler": [budget index][seed].
     */
    static Map<String, double[][]> quality(List<String> fs, List<String> ss, int firstSeed, int seeds, int[] at,
            Path csv) throws IOException {
        Files.createDirectories(csv.toAbsolutePath().getParent());
        Map<String, double[][]> all = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder();
        table.append("| function | sampler |");
        for (int n : at) {
            table.append(' ').append(n).append(" trials |");
        }
        table.append("\n|---|---|").append("---:|".repeat(at.length)).append('\n');
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv))) {
            out.println("function,sampler,seed,trials,best,cpu_seconds");
            for (String f : fs) {
                Objective objective = named(functionsAndVariants(), f, "function");
                for (String s : ss) {
                    LongFunction<Sampler> sampler = named(samplers(), s, "sampler");
                    double[][] runs = new double[at.length][seeds];
                    for (int seed = firstSeed; seed < firstSeed + seeds; seed++) {
                        long t0 = System.nanoTime();
                        double[] best = TpeBenchmark.bestAfter(sampler.apply(seed), objective, at);
                        double secs = (System.nanoTime() - t0) / 1e9;
                        for (int k = 0; k < at.length; k++) {
                            runs[k][seed - firstSeed] = best[k];
                            out.printf(Locale.ROOT, "%s,%s,%d,%d,%.10g,%.3f%n", f, s, seed, at[k], best[k], secs);
                        }
                        out.flush();
                        System.err.printf(Locale.ROOT, "%s %s seed %d: %s (%.1f s)%n", f, s, seed, Arrays.toString(best), secs);
                    }
                    all.put(f + " " + s, runs);
                    table.append("| ").append(f).append(" | ").append(s).append(" |");
                    for (double[] r : runs) {
                        double[] q = quartiles(r);
                        table.append(String.format(Locale.ROOT, " %.4g [%.4g, %.4g] |", q[1], q[0], q[2]));
                    }
                    table.append('\n');
                }
            }
        }
        System.out.println("Best value found: median [lower quartile, upper quartile] over seeds " + firstSeed + ".."
                + (firstSeed + seeds - 1));
        System.out.println();
        System.out.print(table);
        System.out.println();
        System.out.println("CSV: " + csv);
        return all;
    }

    /** A CSV's runs as {@link #quality} returns them: by "function sampler", [budget index][run]. */
    static Map<String, double[][]> fromCsv(Map<String, Map<Integer, List<Double>>> csv, int[] at) {
        Map<String, double[][]> out = new LinkedHashMap<>();
        csv.forEach((key, byBudget) -> {
            double[][] runs = new double[at.length][];
            for (int k = 0; k < at.length; k++) {
                runs[k] = byBudget.getOrDefault(at[k], List.of()).stream().mapToDouble(Double::doubleValue).toArray();
            }
            out.put(key, runs);
        });
        return out;
    }

    /**
     * Best values of CSVs in this program's format (a comma-separated list of files, read in turn), by "function
     * sampler" and budget: the values over seeds.
     */
    static Map<String, Map<Integer, List<Double>>> readCsv(String files) throws IOException {
        Map<String, Map<Integer, List<Double>>> out = new LinkedHashMap<>();
        for (String file : files.split(",")) {
            List<String> lines = Files.readAllLines(Path.of(file));
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",");
                if (c.length < 5 || c[0].equals("function")) {
                    continue;
                }
                out.computeIfAbsent(c[0] + " " + c[1], k -> new LinkedHashMap<>())
                        .computeIfAbsent(Integer.parseInt(c[3]), k -> new ArrayList<>()).add(Double.parseDouble(c[4]));
            }
        }
        return out;
    }

    /**
     * NAS against another library's runs of the same functions (e.g. {@code scripts/optuna-samplers.py}'s
     * CSV): the medians side by side, the one-sided Mann–Whitney p that NAS's values are larger
     * (worse), the two-sided p, and the Hodges–Lehmann shift NAS − other with its 95% interval; bold where
     * NAS's median is the smaller.
     */
    static String comparison(Map<String, double[][]> nas, Map<String, Map<Integer, List<Double>>> other, int[] at) {
        StringBuilder t = new StringBuilder();
        StringBuilder budgets = new StringBuilder();
        for (int k = 0; k < at.length; k++) {
            budgets.append(k == 0 ? "" : " / ").append(at[k]);
        }
        t.append("| best value after ").append(budgets).append(" trials | seeds | NAS | Optuna | p (NAS worse) "
                + "| p (two-sided) | shift NAS − Optuna [95%] |\n");
        t.append("|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, double[][]> e : nas.entrySet()) {
            Map<Integer, List<Double>> theirs = other.get(e.getKey());
            if (theirs == null) {
                continue;
            }
            String[] cells = new String[6];
            Arrays.fill(cells, "");
            for (int k = 0; k < at.length; k++) {
                String sep = k == 0 ? "" : " / ";
                double[] mine = e.getValue()[k];
                List<Double> list = theirs.get(at[k]);
                double[] ref = list == null ? new double[0] : list.stream().mapToDouble(Double::doubleValue).toArray();
                if (mine.length == 0 || ref.length == 0) {
                    for (int c = 0; c < cells.length; c++) {
                        cells[c] += sep + (c == 1 && mine.length > 0 ? fmt(quartiles(mine)[1]) : "–");
                    }
                    continue;
                }
                double m = quartiles(mine)[1];
                double o = quartiles(ref)[1];
                double[] shift = MannWhitney.shift(mine, ref, 0.95);
                cells[0] += sep + mine.length + ", " + ref.length;
                cells[1] += sep + (m < o ? "**" + fmt(m) + "**" : fmt(m));
                cells[2] += sep + fmt(o);
                cells[3] += sep + String.format(Locale.ROOT, "%.3f", MannWhitney.pGreater(mine, ref));
                cells[4] += sep + String.format(Locale.ROOT, "%.3f", MannWhitney.pTwoSided(mine, ref));
                cells[5] += sep + fmt(shift[0]) + " [" + fmt(shift[1]) + ", " + fmt(shift[2]) + "]";
            }
            t.append("| ").append(e.getKey()).append(" | ").append(String.join(" | ", cells)).append(" |\n");
        }
        return t.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** {Q1, median, Q3} by linear interpolation between order statistics. */
    static double[] quartiles(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return new double[] {quantile(c, 0.25), quantile(c, 0.5), quantile(c, 0.75)};
    }

    private static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** GP sampler CPU time per trial (mean over blocks of 50 trials) along one sphere-5 study. */
    static void timing(int trials) {
        TpeBenchmark.TimedSampler timed = new TpeBenchmark.TimedSampler(new GpSampler(GpOptions.defaults().withSeed(1L)));
        Study s = Studies.builder("time").storage(new InMemoryStorage()).directions(StudyDirection.MINIMIZE)
                .sampler(timed).seed(0).create();
        System.out.println("GP sampler CPU time per trial, sphere-5, in memory");
        System.out.println();
        System.out.println("| trials | mean ms/trial in this block |");
        System.out.println("|---|---:|");
        Objective f = TpeBenchmark.box(5, TestFunctions::sphere);
        for (int done = 0; done < trials; done += 50) {
            long before = timed.nanos;
            int block = Math.min(50, trials - done);
            s.optimize(f, block);
            System.out.printf(Locale.ROOT, "| %d–%d | %.1f |%n", done + 1, done + block, (timed.nanos - before) / 1e6 / block);
        }
    }
}
