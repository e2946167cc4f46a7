package nas.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import nas.api.MultiObjective;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.objective.functions.TestFunctions;
import nas.api.sampler.RandomSampler;
import nas.api.sampler.Sampler;
import nas.samplers.cmaes.CmaEsSampler;
import nas.samplers.nsga2.Nsga2Sampler;
import nas.samplers.tpe.TpeSampler;
import nas.storage.JdbcStorage;

/**
 * The per-trial cost of a sampler as its study grows, on an H2 file as {@code nas search} uses it.
 * For each sampler one study is grown from size to size with {@link LargeStudy} (COMPLETE trials
 * over the same ten parameters, by bulk SQL, untimed). At each size a fresh process-side study and
 * sampler open it, as a resume does, and run
 * <ol>
 *   <li>one trial, timed alone: the resume, in which the sampler reads the history into this
 *       process (CMA-ES also replays its run's generations since the run began, at the first size);</li>
 *   <li>{@code window − 1} trials, untimed: the JIT and the sampler's caches warm up;</li>
 *   <li>{@code window} trials, timed: the per-trial figures.</li>
 * </ol>
 * Before all of it each sampler runs {@value #WARM_UP} trials on a throwaway study, so that the JIT
 * has compiled the paths the rows time. A row gives the study's size before these trials, the first trial's wall and CPU ms, and per
 * trial of the timed window the wall ms, the CPU ms of the thread that runs the trials (sampler,
 * objective, storage calls; robust to load on a shared machine) and the CPU ms of the whole process
 * (adds H2's background writer, GC and the JIT; counted in the OS's 10 ms ticks). {@code random} gives the floor: the loop and the
 * storage alone. The objective is 10-D Rastrigin, or a 10-D ZDT1 for NSGA-II, so it costs nothing.
 *
 * <pre>scripts/bench.sh SamplerCurve [random,cmaes,tpe,nsga2] [1000,10000,100000] [window=60] [--csv]</pre>
 */
public final class SamplerCurveBenchmark {

    /** Trials each sampler runs before anything is timed, on a study of as many: the JIT's warm-up. */
    private static final int WARM_UP = 500;

    private SamplerCurveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        boolean csv = false;
        for (String a : args) {
            if (a.equals("--csv")) {
                csv = true;
            } else if (a.startsWith("--") || positional.size() == 3) {
                usage("unexpected argument '" + a + "'");
            } else {
                positional.add(a);
            }
        }
        String[] samplers = (positional.size() > 0 ? positional.get(0) : "random,cmaes,tpe,nsga2").split(",");
        String[] sizes = (positional.size() > 1 ? positional.get(1) : "1000,10000,100000").split(",");
        int window = positional.size() > 2 ? count("window", positional.get(2)) : 60;
        for (String name : samplers) {
            if (!List.of("random", "cmaes", "tpe", "nsga2").contains(name)) {
                usage("unknown sampler '" + name + "' (random, cmaes, tpe, nsga2)");
            }
        }
        for (String size : sizes) {
            count("size", size);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.err.printf(Locale.ROOT, "load %s at the start%n", load());
        warmUp(samplers);
        if (csv) {
            System.out.println("sampler,trials,first_ms,first_cpu_ms,ms_per_trial,cpu_ms_per_trial,"
                    + "process_cpu_ms_per_trial");
        } else {
            System.out.printf(Locale.ROOT, "%-7s %8s  %21s  %24s%n", "", "", "first trial (resume)",
                    "per trial of the window");
            System.out.printf(Locale.ROOT, "%-7s %8s  %10s %10s  %7s %7s %8s%n", "sampler", "trials", "wall ms",
                    "cpu ms", "wall ms", "cpu ms", "proc cpu");
        }
        for (String name : samplers) {
            Path dir = Files.createTempDirectory("nas-curve");
            try {
                Path file = dir.resolve("curve");
                int objectives = name.equals("nsga2") ? 2 : 1;
                for (String size : sizes) {
                    int n = count("size", size);
                    long growWall = System.nanoTime();
                    int added = LargeStudy.grow(file, "curve", objectives, n);
                    System.err.printf(Locale.ROOT, "%s: grew the study by %d trials to %d in %.1f s%n", name, added,
                            n, (System.nanoTime() - growWall) / 1e9);
                    try (JdbcStorage storage = JdbcStorage.open(file.toString())) {
                        Study study = Studies.builder("curve").storage(storage).sampler(sampler(name)).seed(42).load();
                        MultiObjective objective = objective(name);
                        long wall = System.nanoTime();
                        long cpu = threads.getCurrentThreadCpuTime();
                        study.optimizeMulti(objective, OptimizeOptions.trials(1));
                        double firstMs = (System.nanoTime() - wall) / 1e6;
                        double firstCpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
                        if (window > 1) {
                            study.optimizeMulti(objective, OptimizeOptions.trials(window - 1));
                        }
                        wall = System.nanoTime();
                        cpu = threads.getCurrentThreadCpuTime();
                        long process = processCpu();
                        study.optimizeMulti(objective, OptimizeOptions.trials(window));
                        double wallMs = (System.nanoTime() - wall) / 1e6 / window;
                        double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / window;
                        double processMs = (processCpu() - process) / 1e6 / window;
                        System.out.printf(Locale.ROOT, csv ? "%s,%d,%.1f,%.1f,%.3f,%.3f,%.3f%n"
                                : "%-7s %8d  %10.1f %10.1f  %7.3f %7.3f %8.3f%n",
                                name, n, firstMs, firstCpuMs, wallMs, cpuMs, processMs);
                    }
                }
            } finally {
                try (var files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        System.err.printf(Locale.ROOT, "load %s at the end%n", load());
    }

    /**
     * Runs {@value #WARM_UP} trials of each sampler on a throwaway H2 study of {@value #WARM_UP} trials,
     * untimed, so that the first rows are not those of a cold JVM.
     */
    private static void warmUp(String[] samplers) throws Exception {
        for (String name : samplers) {
            Path dir = Files.createTempDirectory("nas-curve-warm");
            try {
                Path file = dir.resolve("warm");
                LargeStudy.grow(file, "warm", name.equals("nsga2") ? 2 : 1, WARM_UP);
                try (JdbcStorage storage = JdbcStorage.open(file.toString())) {
                    Study study = Studies.builder("warm").storage(storage).sampler(sampler(name)).seed(42).load();
                    study.optimizeMulti(objective(name), OptimizeOptions.trials(WARM_UP));
                }
            } finally {
                try (var files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static Sampler sampler(String name) {
        switch (name) {
            case "random": return new RandomSampler();
            case "cmaes": return new CmaEsSampler();
            case "tpe": return new TpeSampler();
            case "nsga2": return new Nsga2Sampler();
            default: throw new IllegalArgumentException("unknown sampler '" + name + "': random, cmaes, tpe or nsga2");
        }
    }

    /** {@code text} as a count of at least 1 ({@code _} allowed between digits), or the usage line and exit 2. */
    private static int count(String what, String text) {
        try {
            int n = Integer.parseInt(text.replace("_", ""));
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the usage line below
        }
        usage(what + " must be a whole number of at least 1, got '" + text + "'");
        return 0; // not reached
    }

    private static void usage(String problem) {
        System.err.println("SamplerCurve: " + problem + "; usage: scripts/bench.sh SamplerCurve "
                + "[random,cmaes,tpe,nsga2] [1000,10000,100000] [window=60] [--csv]");
        System.exit(2);
    }

    private static String load() {
        return String.format(Locale.ROOT, "%.2f on %d cores", ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    }

    /** CPU time of the whole process in ns, or 0 where the JVM does not tell. */
    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static MultiObjective objective(String name) {
        return trial -> {
            double[] x = new double[LargeStudy.DIMENSION];
            for (int i = 0; i < x.length; i++) {
                x[i] = trial.suggestFloat("x" + i, -5, 5);
            }
            if (name.equals("nsga2")) {
                double[] u = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    u[i] = (x[i] + 5) / 10;
                }
                return TestFunctions.zdt1(u);
            }
            return new double[] {TestFunctions.rastrigin(x)};
        };
    }
}
