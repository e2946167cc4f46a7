package nas.examples.bench;

import static nas.api.Statistics.median;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import nas.api.FrozenTrial;
import nas.api.Objective;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.StudyView;
import nas.api.TrialState;
import nas.api.distribution.Distribution;
import nas.api.objective.functions.TestFunctions;
import nas.api.sampler.RandomSampler;
import nas.api.sampler.Sampler;
import nas.api.storage.InMemoryStorage;
import nas.samplers.qmc.QmcOptions;
import nas.samplers.qmc.QmcSampler;
import nas.samplers.tpe.TpeOptions;
import nas.samplers.tpe.TpeSampler;

/**
 * TPE against random search and QMC (scrambled Sobol).
 *
 * <ul>
 *   <li>Best value after 100 and 200 trials, median over seeds 1..5, on sphere-5 and
 *       rosenbrock-5 (box [-5, 5]^5) and a mixed space: a float x in [-5, 5], a log float lr in
 *       [1e-5, 1], an int n in [1, 64] and a categorical act of four choices,
 *       {@code f = (x − 1.5)² + (log10 lr + 3)² + ((n − 20)/8)² + penalty(act)} with penalties
 *       tanh 0, relu 0.5, sigmoid 1, linear 2 (minimum 0).</li>
 *   <li>TPE's sampler time per trial (CPU time of the calling thread inside the sampler's
 *       methods) over a 1,000-trial sphere-5 study in memory: mean over all trials and over the
 *       last 100.</li>
 * </ul>
 *
 * <p>Run: {@code scripts/bench.sh Tpe} (add {@code time} for the time table only).
 */
public final class TpeBenchmark {

    static final int SEEDS = 5;

    private TpeBenchmark() {
    }

    static Objective box(int dim, java.util.function.ToDoubleFunction<double[]> f) {
        return t -> {
            double[] x = new double[dim];
            for (int i = 0; i < dim; i++) {
                x[i] = t.suggestFloat("x" + i, -5, 5);
            }
            return f.applyAsDouble(x);
        };
    }

    static final Objective MIXED = t -> {
        double x = t.suggestFloat("x", -5, 5);
        double lr = t.suggestFloat("lr", 1e-5, 1, true);
        int n = t.suggestInt("n", 1, 64);
        String act = t.suggestCategorical("act", "relu", "tanh", "sigmoid", "linear");
        double pen = switch (act) {
            case "tanh" -> 0;
            case "relu" -> 0.5;
            case "sigmoid" -> 1;
            default -> 2;
        };
        double a = Math.log10(lr) + 3;
        double b = (n - 20) / 8.0;
        return (x - 1.5) * (x - 1.5) + a * a + b * b + pen;
    };

    /** Best value after each trial count in {@code at}. */
    static double[] bestAfter(Sampler sampler, Objective f, int[] at) {
        Study s = Studies.builder("bench").storage(new InMemoryStorage()).directions(StudyDirection.MINIMIZE)
                .sampler(sampler).seed(0).create();
        s.optimize(f, at[at.length - 1]);
        List<FrozenTrial> ts = s.trials();
        double[] out = new double[at.length];
        double best = Double.POSITIVE_INFINITY;
        int k = 0;
        for (int i = 0; i < ts.size(); i++) {
            if (ts.get(i).state() == TrialState.COMPLETE) {
                best = Math.min(best, ts.get(i).value());
            }
            if (k < at.length && i + 1 == at[k]) {
                out[k++] = best;
            }
        }
        return out;
    }

    /** Adds the calling thread's CPU time inside the wrapped sampler's methods. */
    static final class TimedSampler implements Sampler {
        private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
        final Sampler inner;
        long nanos;

        TimedSampler(Sampler inner) {
            this.inner = inner;
        }

        @Override
        public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
            long t0 = MX.getCurrentThreadCpuTime();
            try {
                return inner.inferRelativeSearchSpace(study, trial);
            } finally {
                nanos += MX.getCurrentThreadCpuTime() - t0;
            }
        }

        @Override
        public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
            long t0 = MX.getCurrentThreadCpuTime();
            try {
                return inner.sampleRelative(study, trial, space);
            } finally {
                nanos += MX.getCurrentThreadCpuTime() - t0;
            }
        }

        @Override
        public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution d) {
            long t0 = MX.getCurrentThreadCpuTime();
            try {
                return inner.sampleIndependent(study, trial, name, d);
            } finally {
                nanos += MX.getCurrentThreadCpuTime() - t0;
            }
        }

        @Override
        public void beforeTrial(StudyView study, FrozenTrial trial) {
            long t0 = MX.getCurrentThreadCpuTime();
            inner.beforeTrial(study, trial);
            nanos += MX.getCurrentThreadCpuTime() - t0;
        }

        @Override
        public void afterTrial(StudyView study, FrozenTrial trial, nas.api.TrialState state, List<Double> values) {
            long t0 = MX.getCurrentThreadCpuTime();
            inner.afterTrial(study, trial, state, values);
            nanos += MX.getCurrentThreadCpuTime() - t0;
        }
    }

    /** {mean ms per trial over all, mean ms per trial over the last 100}. */
    static double[] samplerTime(TpeOptions options, int trials) {
        TimedSampler timed = new TimedSampler(new TpeSampler(options));
        Study s = Studies.builder("time").storage(new InMemoryStorage()).directions(StudyDirection.MINIMIZE)
                .sampler(timed).seed(0).create();
        s.optimize(box(5, TestFunctions::sphere), trials - 100);
        long before = timed.nanos;
        s.optimize(box(5, TestFunctions::sphere), 100);
        return new double[] {timed.nanos / 1e6 / trials, (timed.nanos - before) / 1e6 / 100};
    }

    /** Arguments: none for everything, {@code time} for the sampler-time table only. */
    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("time")) {
            quality();
        }
        timing();
    }

    static void quality() {
        int[] at = {100, 200};
        Map<String, Objective> problems = new LinkedHashMap<>();
        problems.put("sphere-5", box(5, TestFunctions::sphere));
        problems.put("rosenbrock-5", box(5, TestFunctions::rosenbrock));
        problems.put("mixed (float, log float, int, categorical)", MIXED);
        Map<String, LongFunction<Sampler>> samplers = new LinkedHashMap<>();
        samplers.put("random", RandomSampler::new);
        samplers.put("qmc (sobol)", s -> new QmcSampler(QmcOptions.defaults().withSeed(s)));
        samplers.put("tpe", s -> new TpeSampler(TpeOptions.defaults().withSeed(s)));
        samplers.put("tpe multivariate", s -> new TpeSampler(TpeOptions.defaults().withSeed(s).withMultivariate(true)));

        System.out.println("Best value (median of seeds 1.." + SEEDS + ")");
        System.out.println();
        System.out.println("| problem | sampler | 100 trials | 200 trials |");
        System.out.println("|---|---|---:|---:|");
        for (Map.Entry<String, Objective> p : problems.entrySet()) {
            for (Map.Entry<String, LongFunction<Sampler>> s : samplers.entrySet()) {
                double[][] runs = new double[at.length][SEEDS];
                for (int seed = 1; seed <= SEEDS; seed++) {
                    double[] b = bestAfter(s.getValue().apply(seed), p.getValue(), at);
                    for (int k = 0; k < at.length; k++) {
                        runs[k][seed - 1] = b[k];
                    }
                }
                System.out.printf(Locale.ROOT, "| %s | %s | %.4g | %.4g |%n", p.getKey(), s.getKey(),
                        median(runs[0]), median(runs[1]));
            }
        }
    }

    static void timing() {
        System.out.println();
        System.out.println("TPE sampler CPU time per trial, sphere-5, 1,000 trials in memory");
        System.out.println();
        System.out.println("| variant | mean ms/trial (1..1000) | mean ms/trial (901..1000) |");
        System.out.println("|---|---:|---:|");
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"tpe (univariate)", samplerTime(TpeOptions.defaults().withSeed(1L), 1000)});
        rows.add(new Object[] {"tpe multivariate", samplerTime(TpeOptions.defaults().withSeed(1L).withMultivariate(true), 1000)});
        for (Object[] r : rows) {
            double[] t = (double[]) r[1];
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f |%n", r[0], t[0], t[1]);
        }
    }
}
