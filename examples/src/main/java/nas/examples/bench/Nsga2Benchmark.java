package nas.examples.bench;

import static nas.api.Statistics.median;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import nas.samplers.pareto.Hypervolume;
import nas.api.FrozenTrial;
import nas.api.MultiObjective;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.StudyView;
import nas.api.TrialState;
import nas.api.objective.functions.TestFunctions;
import nas.api.distribution.Distribution;
import nas.api.sampler.Sampler;
import nas.samplers.nsga2.Nsga2Options;
import nas.samplers.nsga2.Nsga2Options.CrossoverKind;
import nas.samplers.nsga2.Nsga2Sampler;

/**
 * NSGA-II quality and speed on the problems {@code nas search} has: ZDT1, ZDT2, ZDT3 (Zitzler, Deb and
 * Thiele, "Comparison of multiobjective evolutionary algorithms: empirical results", Evolutionary
 * Computation 8(2), 2000; 30 variables) and DTLZ2 (3 objectives, 12 variables), all in [0, 1]:
 *
 * <ul>
 *   <li>quality: mean hypervolume (reference 1.1 on every objective) of the Pareto front of all
 *       trials, over 5 seeds, 5,000 trials, the default population (25), for each crossover operator, as a share
 *       of the optimum's; with {@code --deap}, next to DEAP's NSGA-II on the same problems and budget
 *       ({@code scripts/deap_nsga2.py}, run with Debian's {@code python3-deap});</li>
 *   <li>speed: time spent inside the sampler per trial on ZDT1 over 10,000 trials (in-memory
 *       storage), per block of 1,000 trials, to show it stays flat.</li>
 * </ul>
 *
 * <p>Run: {@code scripts/bench.sh Nsga2}; options {@code --crossover all|sbx|uniform|blx-alpha|spx},
 * {@code --problems zdt1,zdt2,zdt3,dtlz2}, {@code --seeds 5}, {@code --first-seed 0}, {@code --trials 5000},
 * {@code --population 25}, {@code --timing-trials 10000}, {@code --mutation-eta ETA}, {@code --sbx-eta ETA},
 * {@code --mutation-prob P}, {@code --crossover-prob P}, {@code --deap}.
 */
public final class Nsga2Benchmark {
    /**
     * One test problem: its function, dimension, objectives and the hypervolume of its Pareto front
     * (reference 1.1 on every objective). ZDT1: 1.21 - 1/3; ZDT2: 1.21 - 2/3; DTLZ2: 1.1^3 - pi/6 (the
     * octant of the unit sphere); ZDT3: the front f2 = 1 - sqrt(f1) - f1 sin(10 pi f1) reaches below
     * f2 = 0, its area was summed on 2,000,001 points of f1.
     */
    record Problem(String name, int variables, int objectives, Function<double[], double[]> function, double optimum) {
        MultiObjective objective() {
            return trial -> {
                double[] x = new double[variables];
                for (int i = 0; i < variables; i++) {
                    x[i] = trial.suggestFloat("x" + i, 0, 1);
                }
                return function.apply(x);
            };
        }
    }

    static final Map<String, Problem> PROBLEMS = Map.of(
            "zdt1", new Problem("zdt1", 30, 2, TestFunctions::zdt1, 1.21 - 1.0 / 3),
            "zdt2", new Problem("zdt2", 30, 2, TestFunctions::zdt2, 1.21 - 2.0 / 3),
            "zdt3", new Problem("zdt3", 30, 2, TestFunctions::zdt3, 1.331762),
            "dtlz2", new Problem("dtlz2", 12, 3, x -> TestFunctions.dtlz2(x, 3), 1.331 - Math.PI / 6));

    private Nsga2Benchmark() {}

    static double hypervolume(Study study) {
        List<FrozenTrial> front = study.bestTrials();
        double[][] points = new double[front.size()][];
        for (int i = 0; i < points.length; i++) {
            points[i] = front.get(i).values().stream().mapToDouble(Double::doubleValue).toArray();
        }
        double[] reference = new double[study.directions().size()];
        Arrays.fill(reference, 1.1);
        return Hypervolume.of(points, reference);
    }

    /** Mean hypervolume of NSGA-II with {@code options} on {@code problem} over seeds, and each seed's. */
    static double[] run(Problem problem, Nsga2Options options, int firstSeed, int seeds, int trials) {
        double[] hv = new double[seeds];
        for (int seed = 0; seed < seeds; seed++) {
            StudyDirection[] directions = new StudyDirection[problem.objectives()];
            Arrays.fill(directions, StudyDirection.MINIMIZE);
            Study study = Studies.builder(problem.name()).directions(directions)
                    .sampler(new Nsga2Sampler(options.withSeed((long) (firstSeed + seed))))
                    .seed(firstSeed + seed).create();
            study.optimizeMulti(problem.objective(), OptimizeOptions.trials(trials));
            hv[seed] = hypervolume(study);
        }
        return hv;
    }

    public static void main(String[] args) throws Exception {
        String crossover = "all";
        List<String> problems = List.of("zdt1", "zdt2", "zdt3", "dtlz2");
        int seeds = 5;
        int firstSeed = 0;
        int trials = 5000;
        int population = Nsga2Options.defaults().populationSize();
        int timingTrials = 10_000;
        boolean deap = false;
        Nsga2Options base = Nsga2Options.defaults();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--crossover" -> crossover = value;
                case "--problems" -> problems = List.of(value.split(","));
                case "--seeds" -> seeds = Integer.parseInt(value);
                case "--first-seed" -> firstSeed = Integer.parseInt(value);
                case "--trials" -> trials = Integer.parseInt(value);
                case "--population" -> population = Integer.parseInt(value);
                case "--timing-trials" -> timingTrials = Integer.parseInt(value);
                case "--mutation-eta" -> base = base.withMutationEta(Double.parseDouble(value));
                case "--sbx-eta" -> base = base.withSbxEta(Double.parseDouble(value));
                case "--mutation-prob" -> base = base.withMutationProb(Double.parseDouble(value));
                case "--crossover-prob" -> base = base.withCrossoverProb(Double.parseDouble(value));
                case "--deap" -> {
                    deap = true;
                    i--;
                }
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
            i++;
        }
        for (String p : problems) {
            if (!PROBLEMS.containsKey(p)) {
                System.err.println("unknown problem " + p + " (zdt1, zdt2, zdt3, dtlz2)");
                System.exit(2);
            }
        }
        base = base.withPopulationSize(population);
        List<CrossoverKind> kinds = new ArrayList<>();
        if (crossover.equals("all")) {
            kinds.addAll(List.of(CrossoverKind.values()));
        } else {
            kinds.add(CrossoverKind.parse(crossover));
        }
        System.out.printf(Locale.ROOT, "NSGA-II, %d trials, population %d, %d seeds from %d, reference 1.1 on every "
                + "objective, mutation eta %.0f, SBX eta %.0f; mean hypervolume (%% of the optimum's) [per seed]%n",
                trials, population, seeds, firstSeed, base.mutationEta(), base.sbxEta());
        Map<String, Map<String, double[]>> deapResults = deap
                ? deap(problems, seeds, firstSeed, trials, population) : Map.of();
        for (String name : problems) {
            Problem problem = PROBLEMS.get(name);
            System.out.printf(Locale.ROOT, "%s (optimum %.4f)%n", name, problem.optimum());
            for (CrossoverKind kind : kinds) {
                double[] hv = run(problem, base.withCrossover(kind), firstSeed, seeds, trials);
                print("nas " + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), hv, problem.optimum());
            }
            for (Map.Entry<String, double[]> e : deapResults.getOrDefault(name, Map.of()).entrySet()) {
                print("deap " + e.getKey(), e.getValue(), problem.optimum());
            }
        }
        if (timingTrials > 0) {
            // The default operator unless one was named.
            timing((kinds.size() == 1 ? base.withCrossover(kinds.get(0)) : base).withSeed(0L), timingTrials);
        }
    }

    private static void print(String label, double[] hv, double optimum) {
        System.out.printf(Locale.ROOT, "  %-20s %.4f (%5.1f%%)  %s%n", label, mean(hv), 100 * mean(hv) / optimum,
                format(hv));
    }

    /** Runs {@code scripts/deap_nsga2.py}: problem -> DEAP variant -> hypervolume per seed. */
    private static Map<String, Map<String, double[]>> deap(List<String> problems, int seeds, int firstSeed,
            int trials, int population) throws Exception {
        Process process = new ProcessBuilder("/usr/bin/python3", "scripts/deap_nsga2.py", "--problems",
                String.join(",", problems), "--seeds", "" + seeds, "--first-seed", "" + firstSeed,
                "--trials", "" + trials, "--population", "" + population)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
        try (var reader = process.inputReader()) {
            reader.readLine(); // header: problem,variant,seed,hypervolume,evaluations
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",");
                out.computeIfAbsent(f[0], k -> new LinkedHashMap<>())
                        .computeIfAbsent(f[1], k -> new double[seeds])[Integer.parseInt(f[2]) - firstSeed] =
                        Double.parseDouble(f[3]);
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("scripts/deap_nsga2.py failed (exit " + process.exitValue() + ")");
        }
        return out;
    }

    private static void timing(Nsga2Options options, int trials) {
        // Warm-up study first, so the JIT has compiled the hot paths before anything is measured.
        Studies.builder("warm-up").directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE)
                .sampler(new Nsga2Sampler(options)).seed(0).create()
                .optimizeMulti(PROBLEMS.get("zdt1").objective(), OptimizeOptions.trials(Math.min(trials, 3000)));
        TimedSampler sampler = new TimedSampler(new Nsga2Sampler(options), trials);
        Study study = Studies.builder("timing").directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE)
                .sampler(sampler).seed(0).create();
        long start = System.nanoTime();
        study.optimizeMulti(PROBLEMS.get("zdt1").objective(), OptimizeOptions.trials(trials));
        double wall = (System.nanoTime() - start) / 1e6;
        System.out.printf(Locale.ROOT, "%nsampler time per trial, ZDT1, %s crossover, %d trials, in-memory storage (wall %.0f ms, "
                + "all trials incl. objective and storage: %.3f ms/trial)%n",
                options.crossover().name().toLowerCase(Locale.ROOT), trials, wall, wall / trials);
        // Wall time is what a user waits; thread CPU time is the same work without the time the
        // thread waited for a core. On a shared machine both means are noisy (descheduling, GC),
        // so each block also shows the median trial.
        int block = Math.max(1, trials / 10);
        double total = 0;
        double totalCpu = 0;
        System.out.println("  trials         wall ms/trial (mean, median)   cpu ms/trial (mean, median)");
        for (int from = 0; from < trials; from += block) {
            int to = Math.min(trials, from + block);
            double[] wallMs = new double[to - from];
            double[] cpuMs = new double[to - from];
            for (int t = from; t < to; t++) {
                wallMs[t - from] = sampler.nanos.get(t) / 1e6;
                cpuMs[t - from] = sampler.cpuNanos.get(t) / 1e6;
            }
            total += mean(wallMs) * wallMs.length;
            totalCpu += mean(cpuMs) * cpuMs.length;
            System.out.printf(Locale.ROOT, "  %5d-%5d    %.4f  %.4f                 %.4f  %.4f%n", from, to - 1,
                    mean(wallMs), median(wallMs), mean(cpuMs), median(cpuMs));
        }
        System.out.printf(Locale.ROOT, "  all            %.4f                         %.4f%n", total / trials, totalCpu / trials);
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    private static String format(double[] a) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) {
            b.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.4f", a[i]));
        }
        return b.append(']').toString();
    }

    /** Adds the time spent in every sampler call to the trial it was made for. */
    private static final class TimedSampler implements Sampler {
        private final Sampler inner;
        final AtomicLongArray nanos;

        TimedSampler(Sampler inner, int trials) {
            this.inner = inner;
            this.nanos = new AtomicLongArray(trials);
            this.cpuNanos = new AtomicLongArray(trials);
        }

        private static final java.lang.management.ThreadMXBean THREADS =
                java.lang.management.ManagementFactory.getThreadMXBean();
        final AtomicLongArray cpuNanos;

        private void add(FrozenTrial trial, long since, long cpuSince) {
            if (trial.number() >= 0 && trial.number() < nanos.length()) {
                nanos.addAndGet(trial.number(), System.nanoTime() - since);
                cpuNanos.addAndGet(trial.number(), THREADS.getCurrentThreadCpuTime() - cpuSince);
            }
        }

        @Override
        public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
            long c = THREADS.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            Map<String, Distribution> r = inner.inferRelativeSearchSpace(study, trial);
            add(trial, t, c);
            return r;
        }

        @Override
        public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
            long c = THREADS.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            Map<String, Double> r = inner.sampleRelative(study, trial, space);
            add(trial, t, c);
            return r;
        }

        @Override
        public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
            long c = THREADS.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            double r = inner.sampleIndependent(study, trial, name, distribution);
            add(trial, t, c);
            return r;
        }

        @Override
        public void beforeTrial(StudyView study, FrozenTrial trial) {
            long c = THREADS.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            inner.beforeTrial(study, trial);
            add(trial, t, c);
        }

        @Override
        public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
            long c = THREADS.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            inner.afterTrial(study, trial, state, values);
            add(trial, t, c);
        }
    }
}
