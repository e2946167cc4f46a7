package nas.examples.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import nas.api.FrozenTrial;
import nas.api.MultiObjective;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.objective.functions.TestFunctions;
import nas.api.sampler.RandomSampler;
import nas.api.sampler.Sampler;
import nas.api.storage.InMemoryStorage;
import nas.samplers.nsga2.Nsga2Options;
import nas.samplers.nsga2.Nsga2Sampler;
import nas.samplers.pareto.Hypervolume;
import nas.samplers.tpe.TpeOptions;
import nas.samplers.tpe.TpeSampler;

/**
 * Multi-objective samplers at small budgets: hypervolume of the trials' Pareto front after each
 * budget (one run per seed, measured at its prefixes), median and quartiles over seeds, as a CSV
 * and a markdown table, with the sampler's CPU time per trial.
 *
 * <p>Problems as {@code nas search} has them: ZDT1 and ZDT2 with 30 variables (reference point
 * (1.1, 1.1); optimum 0.8767 and 0.5433; after 200 trials no sampler has a point inside it, so their
 * hypervolume with reference (11, 11) is given too, optimum 120.67 and 120.33) and DTLZ2 with 12 variables and 3 objectives (reference
 * (1.1, 1.1, 1.1); optimum 1.331 − π/6 = 0.8074). Samplers: {@code tpe} (MOTPE, one estimator per
 * parameter), {@code tpe-mv} (multivariate MOTPE with the constant liar, what {@code --sampler auto}
 * uses for several objectives), {@code nsga2} (defaults, population 25) and {@code random}.
 *
 * <p>Arguments ({@code key=value}, all optional): {@code problems=zdt1,zdt2,dtlz2},
 * {@code samplers=tpe,tpe-mv,nsga2,random}, {@code seeds=5}, {@code first-seed=1},
 * {@code trials=200,1000}, {@code csv=target/motpe.csv}. Run:
 * {@code scripts/bench.sh Motpe problems=zdt1 seeds=3 trials=100,200}.
 */
public final class MotpeBenchmark {

    private MotpeBenchmark() {
    }

    /**
     * @param wideReference a second reference point, far enough out for the fronts of small budgets
     *                      (ZDT's f2 starts near 5, beyond 1.1), or 0 for none
     */
    record Problem(int variables, int objectives, java.util.function.Function<double[], double[]> f, double optimum,
            double wideReference) {
        MultiObjective objective() {
            return t -> {
                double[] x = new double[variables];
                for (int i = 0; i < variables; i++) {
                    x[i] = t.suggestFloat("x" + i, 0, 1);
                }
                return f.apply(x);
            };
        }

        double[] reference(double value) {
            double[] r = new double[objectives];
            Arrays.fill(r, value);
            return r;
        }
    }

    static Map<String, Problem> problems() {
        Map<String, Problem> p = new LinkedHashMap<>();
        // ZDT1: ∫(1.1 − (1 − √f1)) over [0, 1] plus 0.1 × 1.1; ZDT2 likewise with 1 − f1²;
        // DTLZ2: the cube 1.1³ minus the unit sphere's octant π/6
        p.put("zdt1", new Problem(30, 2, TestFunctions::zdt1, 0.1 + 2.0 / 3 + 0.11, 11));
        p.put("zdt2", new Problem(30, 2, TestFunctions::zdt2, 0.1 + 1.0 / 3 + 0.11, 11));
        p.put("dtlz2", new Problem(12, 3, x -> TestFunctions.dtlz2(x, 3), 1.331 - Math.PI / 6, 0));
        return p;
    }

    static Map<String, LongFunction<Sampler>> samplers() {
        Map<String, LongFunction<Sampler>> s = new LinkedHashMap<>();
        s.put("tpe", seed -> new TpeSampler(TpeOptions.defaults().withSeed(seed)));
        s.put("tpe-mv", seed -> new TpeSampler(TpeOptions.defaults().withSeed(seed).withMultivariate(true)
                .withConstantLiar(true)));
        s.put("nsga2", seed -> new Nsga2Sampler(Nsga2Options.defaults().withSeed(seed)));
        s.put("random", RandomSampler::new);
        return s;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = SamplersBenchmark.keyValues(args);
        List<String> ps = List.of(a.getOrDefault("problems", String.join(",", problems().keySet())).split(","));
        List<String> ss = List.of(a.getOrDefault("samplers", String.join(",", samplers().keySet())).split(","));
        int seeds = Integer.parseInt(a.getOrDefault("seeds", "5"));
        int firstSeed = Integer.parseInt(a.getOrDefault("first-seed", "1"));
        int[] at = Arrays.stream(a.getOrDefault("trials", "200,1000").split(",")).mapToInt(Integer::parseInt).toArray();
        Path csv = Path.of(a.getOrDefault("csv", "target/motpe.csv"));
        Files.createDirectories(csv.toAbsolutePath().getParent());

        StringBuilder table = new StringBuilder("| problem (optimum) | sampler |");
        for (int n : at) {
            table.append(' ').append(n).append(" trials |");
        }
        table.append(" CPU ms/trial |\n|---|---|").append("---:|".repeat(at.length)).append("---:|\n");
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv))) {
            out.println("problem,sampler,seed,trials,hypervolume,hypervolume_wide,sampler_cpu_ms_per_trial");
            for (String pName : ps) {
                Problem problem = SamplersBenchmark.named(problems(), pName, "problem");
                for (String sName : ss) {
                    LongFunction<Sampler> sampler = SamplersBenchmark.named(samplers(), sName, "sampler");
                    double[][] hv = new double[at.length][seeds];
                    double[][] wide = new double[at.length][seeds];
                    double cpu = 0;
                    for (int seed = firstSeed; seed < firstSeed + seeds; seed++) {
                        TpeBenchmark.TimedSampler timed = new TpeBenchmark.TimedSampler(sampler.apply(seed));
                        double[][] h = run(problem, timed, at);
                        double msPerTrial = timed.nanos / 1e6 / at[at.length - 1];
                        cpu += msPerTrial / seeds;
                        for (int k = 0; k < at.length; k++) {
                            hv[k][seed - firstSeed] = h[0][k];
                            wide[k][seed - firstSeed] = h[1][k];
                            out.printf(Locale.ROOT, "%s,%s,%d,%d,%.6f,%.6f,%.3f%n", pName, sName, seed, at[k], h[0][k],
                                    h[1][k], msPerTrial);
                        }
                        out.flush();
                        System.err.printf(Locale.ROOT, "%s %s seed %d: %s, wide %s (%.2f ms/trial in the sampler)%n",
                                pName, sName, seed, Arrays.toString(h[0]), Arrays.toString(h[1]), msPerTrial);
                    }
                    table.append(String.format(Locale.ROOT, "| %s (%.4f) | %s |", pName, problem.optimum(), sName));
                    for (int k = 0; k < at.length; k++) {
                        double[] q = SamplersBenchmark.quartiles(hv[k]);
                        table.append(String.format(Locale.ROOT, " %.4f [%.4f, %.4f]", q[1], q[0], q[2]));
                        if (problem.wideReference() > 0) {
                            table.append(String.format(Locale.ROOT, "; ref %.0f: %.2f", problem.wideReference(),
                                    SamplersBenchmark.quartiles(wide[k])[1]));
                        }
                        table.append(" |");
                    }
                    table.append(String.format(Locale.ROOT, " %.2f |%n", cpu));
                }
            }
        }
        System.out.println("Hypervolume of the Pareto front: median [lower quartile, upper quartile] over seeds "
                + firstSeed + ".." + (firstSeed + seeds - 1));
        System.out.println();
        System.out.print(table);
        System.out.println();
        System.out.println("CSV: " + csv);
    }

    /**
     * One study of {@code at}'s largest budget: the hypervolume of its first {@code at[k]} trials,
     * with the reference 1.1 (row 0) and the wide one (row 1; 0 without one).
     */
    static double[][] run(Problem problem, Sampler sampler, int[] at) {
        List<StudyDirection> directions = java.util.Collections.nCopies(problem.objectives(), StudyDirection.MINIMIZE);
        Study s = Studies.builder("motpe").storage(new InMemoryStorage())
                .directions(directions.toArray(StudyDirection[]::new)).sampler(sampler).create();
        double[][] out = new double[2][at.length];
        int done = 0;
        for (int k = 0; k < at.length; k++) {
            s.optimizeMulti(problem.objective(), OptimizeOptions.trials(at[k] - done));
            done = at[k];
            List<FrozenTrial> trials = s.trials();
            double[][] points = trials.stream().map(t -> t.values().stream().mapToDouble(Double::doubleValue).toArray())
                    .toArray(double[][]::new);
            out[0][k] = Hypervolume.of(points, problem.reference(1.1));
            out[1][k] = problem.wideReference() > 0 ? Hypervolume.of(points, problem.reference(problem.wideReference())) : 0;
        }
        return out;
    }
}
