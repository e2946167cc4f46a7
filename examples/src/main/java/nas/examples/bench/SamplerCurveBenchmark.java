package nas.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import nas.api.MultiObjective;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.objective.functions.TestFunctions;
import nas.api.sampler.Sampler;
import nas.samplers.cmaes.CmaEsSampler;
import nas.samplers.nsga2.Nsga2Sampler;
import nas.samplers.tpe.TpeSampler;
import nas.storage.JdbcStorage;

/**
 * The per-trial cost of a sampler as its study grows, on an H2 file as {@code nas search} uses it:
 * at each size the study is first grown with {@link LargeStudy} (COMPLETE trials over the same ten
 * parameters), then the sampler runs a window of trials on it, and the mean wall and CPU time per
 * trial of that window is printed. A sampler whose reads scale with what is new keeps the curve
 * flat; one that reloads the history on every trial climbs with the study. The objective is
 * 10-D Rastrigin (CMA-ES, TPE) or a 10-D ZDT1 (NSGA-II), so the objective itself costs nothing.
 *
 * <pre>scripts/bench.sh SamplerCurve [cmaes,tpe,nsga2] [1000,10000,100000] [window=300]</pre>
 */
public final class SamplerCurveBenchmark {

    private SamplerCurveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String[] samplers = (args.length > 0 ? args[0] : "cmaes,tpe,nsga2").split(",");
        String[] sizes = (args.length > 1 ? args[1] : "1000,2000,5000,10000,20000,50000,100000").split(",");
        int window = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "%-7s %8s %12s %12s %10s%n", "sampler", "trials", "ms/trial", "cpu ms/trial",
                "trials/s");
        for (String name : samplers) {
            Path dir = Files.createTempDirectory("nas-curve");
            try {
                Path file = dir.resolve("curve");
                int objectives = name.equals("nsga2") ? 2 : 1;
                for (String size : sizes) {
                    int n = Integer.parseInt(size.replace("_", ""));
                    LargeStudy.grow(file, "curve", objectives, n);
                    try (JdbcStorage storage = JdbcStorage.open(file.toString())) {
                        Study study = Studies.builder("curve").storage(storage).sampler(sampler(name)).seed(42).load();
                        MultiObjective objective = objective(name);
                        // untimed: the first trials read the history into this process (as a resume does)
                        study.optimizeMulti(objective, OptimizeOptions.trials(Math.min(50, window)));
                        long wall = System.nanoTime();
                        long cpu = threads.getCurrentThreadCpuTime();
                        study.optimizeMulti(objective, OptimizeOptions.trials(window));
                        double wallMs = (System.nanoTime() - wall) / 1e6 / window;
                        double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / window;
                        System.out.printf(Locale.ROOT, "%-7s %8d %12.3f %12.3f %10.0f%n", name, n, wallMs, cpuMs,
                                1000 / wallMs);
                    }
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
            case "cmaes": return new CmaEsSampler();
            case "tpe": return new TpeSampler();
            case "nsga2": return new Nsga2Sampler();
            default: throw new IllegalArgumentException("unknown sampler '" + name + "': cmaes, tpe or nsga2");
        }
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
