package nas.examples.bench;

import static nas.api.Statistics.median;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import nas.samplers.pareto.Hypervolume;
import nas.api.FrozenTrial;
import nas.api.MultiObjective;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.StudyView;
import nas.api.TrialState;
import nas.api.distribution.Distribution;
import nas.api.sampler.Sampler;
import nas.samplers.nsga2.Nsga2Options;
import nas.samplers.nsga2.Nsga2Options.CrossoverKind;
import nas.samplers.nsga2.Nsga2Sampler;

/**
 * NSGA-II quality and speed on ZDT1 and ZDT2 (Zitzler, Deb and Thiele, "Comparison of
 * multiobjective evolutionary algorithms: empirical results", Evolutionary Computation 8(2), 2000),
 * 30 variables in [0, 1]:
 *
 * <ul>
 *   <li>quality: mean hypervolume (reference point (1.1, 1.1)) of the Pareto front of all
 *       trials, over 5 seeds, 5,000 trials, population 50, for each crossover operator;</li>
 *   <li>speed: time spent inside the sampler per trial on ZDT1 over 10,000 trials (in-memory
 *       storage), per block of 1,000 trials, to show it stays flat.</li>
 * </ul>
 *
 * <p>Run: {@code mvn -q -pl examples -am package -DskipTests} then
 * {@code java -cp "examples/target/classes:$(cat examples/target/cp.txt)" nas.examples.bench.Nsga2Benchmark}
 * or with {@code exec:java}; options {@code --crossover all|sbx|uniform|blx-alpha|spx},
 * {@code --seeds 5}, {@code --first-seed 0}, {@code --trials 5000}, {@code --population 50}, {@code --timing-trials 10000},
 * {@code --mutation-eta 5}, {@code --sbx-eta 20}.
 */
public final class Nsga2Benchmark {
    private static final int VARIABLES = 30;
    private static final double[] REFERENCE = {1.1, 1.1};

    private Nsga2Benchmark() {}

    /** ZDT1 (convex front f2 = 1 - sqrt(f1)) or ZDT2 (concave front f2 = 1 - f1^2). */
    static MultiObjective zdt(int which) {
        return trial -> {
            double sum = 0;
            double f1 = trial.suggestFloat("x0", 0, 1);
            for (int i = 1; i < VARIABLES; i++) {
                sum += trial.suggestFloat("x" + i, 0, 1);
            }
            double g = 1 + 9 * sum / (VARIABLES - 1);
            double ratio = f1 / g;
            double h = which == 1 ? 1 - Math.sqrt(ratio) : 1 - ratio * ratio;
            return new double[] {f1, g * h};
        };
    }

    static double hypervolume(Study study) {
        List<FrozenTrial> front = study.bestTrials();
        double[][] points = new double[front.size()][];
        for (int i = 0; i < points.length; i++) {
            points[i] = new double[] {front.get(i).values().get(0), front.get(i).values().get(1)};
        }
        return Hypervolume.of(points, REFERENCE);
    }

    public static void main(String[] args) {
        String crossover = "all";
        int seeds = 5;
        int firstSeed = 0;
        int trials = 5000;
        int population = 50;
        int timingTrials = 10_000;
        Nsga2Options base = Nsga2Options.defaults();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--crossover" -> crossover = value;
                case "--seeds" -> seeds = Integer.parseInt(value);
                case "--first-seed" -> firstSeed = Integer.parseInt(value);
                case "--trials" -> trials = Integer.parseInt(value);
                case "--population" -> population = Integer.parseInt(value);
                case "--timing-trials" -> timingTrials = Integer.parseInt(value);
                case "--mutation-eta" -> base = base.withMutationEta(Double.parseDouble(value));
                case "--sbx-eta" -> base = base.withSbxEta(Double.parseDouble(value));
                case "--mutation-prob" -> base = base.withMutationProb(Double.parseDouble(value));
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
            i++;
        }
        base = base.withPopulationSize(population);
        List<CrossoverKind> kinds = new ArrayList<>();
        if (crossover.equals("all")) {
            kinds.addAll(List.of(CrossoverKind.values()));
        } else {
            kinds.add(CrossoverKind.parse(crossover));
        }
        System.out.printf(Locale.ROOT, "NSGA-II on ZDT1/ZDT2, %d variables, %d trials, population %d, %d seeds, "
                + "reference (1.1, 1.1), mutation eta %.0f, SBX eta %.0f%n", VARIABLES, trials, population, seeds,
                base.mutationEta(), base.sbxEta());
        System.out.println("crossover   ZDT1 mean  ZDT2 mean  (per seed)");
        for (CrossoverKind kind : kinds) {
            Nsga2Options options = base.withCrossover(kind);
            double[][] hv = new double[2][seeds];
            for (int problem = 1; problem <= 2; problem++) {
                for (int seed = 0; seed < seeds; seed++) {
                    Study study = Studies.builder("zdt" + problem)
                            .directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE)
                            .sampler(new Nsga2Sampler(options.withSeed((long) (firstSeed + seed))))
                            .seed(firstSeed + seed).create();
                    study.optimizeMulti(zdt(problem), OptimizeOptions.trials(trials));
                    hv[problem - 1][seed] = hypervolume(study);
                }
            }
            System.out.printf(Locale.ROOT, "%-10s  %.4f     %.4f     ZDT1 %s  ZDT2 %s%n", kind.name().toLowerCase(Locale.ROOT),
                    mean(hv[0]), mean(hv[1]), format(hv[0]), format(hv[1]));
        }
        if (timingTrials > 0) {
            // The default operator unless one was named.
            timing((kinds.size() == 1 ? base.withCrossover(kinds.get(0)) : base).withSeed(0L), timingTrials);
        }
    }

    private static void timing(Nsga2Options options, int trials) {
        // Warm-up study first, so the JIT has compiled the hot paths before anything is measured.
        Studies.builder("warm-up").directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE)
                .sampler(new Nsga2Sampler(options)).seed(0).create()
                .optimizeMulti(zdt(1), OptimizeOptions.trials(Math.min(trials, 3000)));
        TimedSampler sampler = new TimedSampler(new Nsga2Sampler(options), trials);
        Study study = Studies.builder("timing").directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE)
                .sampler(sampler).seed(0).create();
        long start = System.nanoTime();
        study.optimizeMulti(zdt(1), OptimizeOptions.trials(trials));
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
