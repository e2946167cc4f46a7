package nas.examples.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import nas.api.Studies;
import nas.api.Study;
import nas.api.Statistics;
import nas.api.Trial;
import nas.api.TrialState;
import nas.api.objective.functions.TestFunctions;
import nas.api.sampler.RandomSampler;
import nas.api.sampler.Sampler;
import nas.samplers.cmaes.Cma;
import nas.samplers.cmaes.CmaEsSampler;
import nas.samplers.cmaes.CmaConfig;
import nas.samplers.cmaes.Generations;
import nas.samplers.cmaes.RestartStrategy;
import nas.samplers.cmaes.Restarts;

/**
 * CMA-ES quality and cost figures for issue 4.
 *
 * <ul>
 *   <li>Evaluations to reach f &lt; 1e-8 in 10 dimensions, box [-5, 5]^10, x0 uniform in the box
 *       (from the seed), σ0 = 10 / 6, median over seeds 1..5, on sphere, ellipsoid (condition
 *       1e6) and Rosenbrock.
 *   <li>Rastrigin-10: best value of a single run (until a termination criterion) against IPOP
 *       (and BIPOP) restarts within a budget of 200,000 evaluations.
 *   <li>Overhead: CPU time per trial of a 1,000-trial in-memory study with CmaEsSampler, against
 *       RandomSampler.
 * </ul>
 *
 * <p>Each figure is measured on the core alone ({@link Cma} ask/tell) and through the sampler
 * ({@link CmaEsSampler} on a {@link Study}; its trial 0 is sampled at random, because the search
 * space is known only after one trial).
 *
 * <p>Run: {@code scripts/bench.sh Cma}; {@code scripts/bench.sh Cma restarts [seeds] [budget] [sampler]} for the
 * restart strategies on Rastrigin-10; {@code scripts/bench.sh Cma single LAMBDA SIGMA0 [runs] [first] [cap]} for
 * single runs with a fixed λ and σ0; {@code scripts/bench.sh Cma jobs [trials] [J]} for the cost of
 * deterministic worker threads.
 */
public final class CmaBenchmark {

    static final int DIM = 10;
    static final double LOW = -5;
    static final double HIGH = 5;
    static final double SIGMA0 = (HIGH - LOW) / 6;
    static final double TARGET = 1e-8;
    static final int SEEDS = 5;
    static final long RASTRIGIN_BUDGET = 200_000;
    /** Smaller through the sampler: like Optuna's, it reads the study's trials on every sample. */
    static final long SAMPLER_RASTRIGIN_BUDGET = 50_000;

    private CmaBenchmark() {}

    static double[] randomStart(long seed) {
        SplittableRandom rng = new SplittableRandom(seed * 7919 + 17);
        double[] x0 = new double[DIM];
        for (int i = 0; i < DIM; i++) {
            x0[i] = LOW + (HIGH - LOW) * rng.nextDouble();
        }
        return x0;
    }

    static CmaConfig box() {
        double[] lo = new double[DIM];
        double[] hi = new double[DIM];
        Arrays.fill(lo, LOW);
        Arrays.fill(hi, HIGH);
        return CmaConfig.box(lo, hi);
    }

    /** Evaluations of the core until f &lt; target (or Long.MAX_VALUE if it stopped first). */
    static long coreEvaluationsToTarget(ToDoubleFunction<double[]> f, long seed) {
        Cma cma = Cma.start(randomStart(seed), SIGMA0, 0, false, box(), seed);
        int lambda = cma.popsize();
        double[][] xs = new double[lambda][];
        double[] fs = new double[lambda];
        long evals = 0;
        while (evals < 1_000_000) {
            for (int k = 0; k < lambda; k++) {
                xs[k] = cma.ask();
                fs[k] = f.applyAsDouble(xs[k]);
                evals++;
                if (fs[k] < TARGET) {
                    return evals;
                }
            }
            cma.tell(xs, fs);
            if (cma.shouldStop()) {
                return Long.MAX_VALUE;
            }
        }
        return Long.MAX_VALUE;
    }

    /** Best Rastrigin value of the core with the given restart strategy and budget. */
    static double coreRastrigin(RestartStrategy strategy, long seed, long budget) {
        Cma cma = Cma.start(randomStart(seed), SIGMA0, 0, false, box(), seed);
        SplittableRandom restartRng = new SplittableRandom(seed);
        while (cma.evaluations() < budget) {
            int lambda = cma.popsize();
            double[][] xs = new double[lambda][];
            double[] fs = new double[lambda];
            for (int k = 0; k < lambda; k++) {
                xs[k] = cma.ask();
                fs[k] = TestFunctions.rastrigin(xs[k]);
            }
            cma.tell(xs, fs);
            if (cma.bestValue() < TARGET) {
                break;
            }
            if (cma.shouldStop()) {
                if (strategy == RestartStrategy.NONE) {
                    break;
                }
                cma = Restarts.continueOrRestart(cma, strategy, restartRng);
            }
        }
        return cma.bestValue();
    }


    /** The objective through the API: ten floats x0..x9 in [-5, 5]. */
    static double evaluate(Trial trial, ToDoubleFunction<double[]> f) {
        double[] x = new double[DIM];
        for (int i = 0; i < DIM; i++) {
            x[i] = trial.suggestFloat("x" + i, LOW, HIGH);
        }
        return f.applyAsDouble(x);
    }

    static CmaEsSampler sampler(long seed, RestartStrategy strategy) {
        double[] x0 = randomStart(seed);
        Map<String, Object> start = new LinkedHashMap<>();
        for (int i = 0; i < DIM; i++) {
            start.put("x" + i, x0[i]);
        }
        return new CmaEsSampler(CmaEsSampler.Options.defaults().withX0(start).withSeed(seed)
                .withRestartStrategy(strategy));
    }

    /** Trials of a study (ask/tell through CmaEsSampler) until f &lt; target; trial 0 is random. */
    static long samplerEvaluationsToTarget(ToDoubleFunction<double[]> f, long seed) {
        Study study = Studies.builder("bench").sampler(sampler(seed, RestartStrategy.NONE)).seed(seed).create();
        for (long evals = 1; evals <= 200_000; evals++) {
            Trial t = study.ask();
            double v = evaluate(t, f);
            study.tell(t, v);
            if (v < TARGET) {
                return evals;
            }
            if (evals % 100 == 0 && stopped(study)) {
                return Long.MAX_VALUE; // the run met a termination criterion first (as in the core loop)
            }
        }
        return Long.MAX_VALUE;
    }

    /** Best Rastrigin value of a study with the given restart strategy and trial budget. */
    static double samplerRastrigin(RestartStrategy strategy, long seed, long budget) {
        return rastriginStudy(strategy, seed, budget, strategy == RestartStrategy.NONE).bestValue();
    }

    private static boolean stopped(Study study) {
        Object json = study.systemAttrs().get(CmaEsSampler.STATE_KEY);
        if (!(json instanceof String s)) {
            return false;
        }
        nas.samplers.cmaes.CmaState state = nas.samplers.cmaes.CmaStateCodec.fromJson(s);
        return Cma.restore(state, box()).shouldStop();
    }

    /**
     * Mean CPU time of this thread per trial of a {@code trials}-trial in-memory study on 10-D
     * sphere (ns). CPU rather than wall time, because the benchmark machine is shared.
     */
    static double nanosPerTrial(Sampler sampler, int trials) {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        Study study = Studies.builder("overhead").sampler(sampler).seed(1).create();
        long start = bean.getCurrentThreadCpuTime();
        for (int k = 0; k < trials; k++) {
            Trial t = study.ask();
            study.tell(t, evaluate(t, TestFunctions::sphere));
        }
        long elapsed = bean.getCurrentThreadCpuTime() - start;
        if (study.trials(TrialState.COMPLETE).size() != trials) {
            throw new IllegalStateException("expected " + trials + " complete trials");
        }
        return (double) elapsed / trials;
    }

    static long median(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static String fmt(long evals) {
        return evals == Long.MAX_VALUE ? "not reached" : String.format(Locale.ROOT, "%,d", evals);
    }

    /**
     * One restart run on Rastrigin-10 until f &lt; 1e-8 or the budget: {evaluations when f first
     * fell below 1.0, evaluations when it fell below 1e-8 (Long.MAX_VALUE when never), restarts}.
     * With {@code samplerStreams} the loop draws exactly as {@link CmaEsSampler} does on a study
     * (trial 0 is the sampler's random one and counts; trial n's sample from (seed, n); each
     * restart's draws from (seed, restart) by {@link Generations#restart}), otherwise from the
     * core's own streams ({@link Cma#ask()}, one restart generator seeded with the seed). With
     * {@code trace}, one line per run: λ, σ0, regime, evaluations, why it stopped, its best value.
     */
    static long[] restartRun(RestartStrategy strategy, long seed, long budget, boolean samplerStreams, boolean trace) {
        Cma cma = Cma.start(randomStart(seed), SIGMA0, 0, false, box(), seed);
        SplittableRandom restartRng = new SplittableRandom(seed);
        long belowOne = Long.MAX_VALUE;
        long evals = samplerStreams ? 1 : 0;
        double runBest = Double.POSITIVE_INFINITY;
        long runEvals = 0;
        while (evals < budget) {
            int lambda = cma.popsize();
            double[][] xs = new double[lambda][];
            double[] fs = new double[lambda];
            for (int k = 0; k < lambda; k++) {
                xs[k] = samplerStreams ? cma.ask(nas.api.Seeds.random(seed, evals, SAMPLER_STREAM)) : cma.ask();
                fs[k] = TestFunctions.rastrigin(xs[k]);
                evals++;
                runEvals++;
                runBest = Math.min(runBest, fs[k]);
                if (fs[k] < 1.0 && belowOne == Long.MAX_VALUE) {
                    belowOne = evals;
                }
                if (fs[k] < TARGET) {
                    if (trace) {
                        traceRun(cma, runEvals, "reached 1e-8", runBest);
                    }
                    return new long[] {belowOne, evals, cma.state().restarts()};
                }
            }
            cma.tell(xs, fs);
            java.util.Optional<nas.samplers.cmaes.Termination> stop = cma.termination();
            if (stop.isPresent()) {
                if (trace) {
                    traceRun(cma, runEvals, stop.get().toString(), runBest);
                }
                runEvals = 0;
                runBest = Double.POSITIVE_INFINITY;
                cma = samplerStreams ? Generations.restart(cma, strategy, seed)
                        : Restarts.continueOrRestart(cma, strategy, restartRng);
            }
        }
        if (trace) {
            traceRun(cma, runEvals, "budget", runBest);
        }
        return new long[] {belowOne, Long.MAX_VALUE, cma.state().restarts()};
    }

    /** The stream {@link CmaEsSampler} draws its samples from (with the seed and the trial number). */
    static final long SAMPLER_STREAM = nas.api.Seeds.hash("cmaes");

    private static void traceRun(Cma run, long evaluations, String why, double best) {
        nas.samplers.cmaes.CmaState s = run.state();
        System.out.printf(Locale.ROOT, "    run %2d  %-5s  lambda %4d  sigma0 %.3g  %,7d evaluations  %-15s best %.4g%n",
                s.restarts(), s.restarts() == 0 ? "first" : s.smallRegime() ? "small" : "large", s.popsize(),
                s.sigma0(), evaluations, why, best);
    }

    /** {@link #restartRun} through {@link CmaEsSampler} on an in-memory study (trial 0 is random). */
    static long[] samplerRestartRun(RestartStrategy strategy, long seed, long budget) {
        Study study = samplerStudy(strategy, seed, budget);
        long belowOne = Long.MAX_VALUE;
        long reached = Long.MAX_VALUE;
        for (nas.api.FrozenTrial t : study.trials()) {
            if (t.value() < 1.0 && belowOne == Long.MAX_VALUE) {
                belowOne = t.number() + 1L;
            }
            if (t.value() < TARGET) {
                reached = t.number() + 1L;
            }
        }
        Object json = study.systemAttrs().get(CmaEsSampler.STATE_KEY);
        int restarts = json instanceof String js ? nas.samplers.cmaes.CmaStateCodec.fromJson(js).restarts() : 0;
        return new long[] {belowOne, reached, restarts};
    }

    /** Trials (ask/tell) of a CmaEsSampler study on Rastrigin-10 until f &lt; 1e-8 or the budget. */
    static Study samplerStudy(RestartStrategy strategy, long seed, long budget) {
        return rastriginStudy(strategy, seed, budget, false);
    }

    /**
     * Trials (ask/tell) on Rastrigin-10 until f &lt; 1e-8 or the budget, and with {@code stopWhenTerminated}
     * also when the run met a termination criterion (checked every 1,000 trials).
     */
    private static Study rastriginStudy(RestartStrategy strategy, long seed, long budget, boolean stopWhenTerminated) {
        Study study = Studies.builder("bench").sampler(sampler(seed, strategy)).seed(seed).create();
        for (long evals = 1; evals <= budget; evals++) {
            Trial t = study.ask();
            double v = evaluate(t, TestFunctions::rastrigin);
            study.tell(t, v);
            if (v < TARGET || stopWhenTerminated && evals % 1000 == 0 && stopped(study)) {
                break;
            }
        }
        return study;
    }

    /**
     * {@code restarts [seeds] [budget] [core|streams|sampler] [first seed] [ipop|bipop|both]}: IPOP
     * and BIPOP (or one of them) on Rastrigin-10 on the core loop, on the core loop drawing from
     * the sampler's streams, or through the sampler on a study.
     */
    static void restarts(int seeds, long budget, String mode, int firstSeed, List<RestartStrategy> strategies) {
        System.out.printf(Locale.ROOT, "Rastrigin-10, box [-5, 5], sigma0 = 10/6, x0 uniform, budget %,d evaluations,"
                + " seeds %d..%d, %s%n", budget, firstSeed, firstSeed + seeds - 1, switch (mode) {
                    case "sampler" -> "CmaEsSampler on a study";
                    case "streams" -> "core loop with the sampler's random streams";
                    default -> "core loop";
                });
        for (RestartStrategy strategy : strategies) {
            long[] belowOne = new long[seeds];
            long[] target = new long[seeds];
            int reached = 0;
            StringBuilder runs = new StringBuilder();
            for (int s = 0; s < seeds; s++) {
                long seed = firstSeed + s;
                long[] r = mode.equals("sampler") ? samplerRestartRun(strategy, seed, budget)
                        : restartRun(strategy, seed, budget, mode.equals("streams"), false);
                belowOne[s] = r[0];
                target[s] = r[1];
                reached += r[1] != Long.MAX_VALUE ? 1 : 0;
                runs.append(String.format(Locale.ROOT, " %s/%s/%d", fmt(r[0]), fmt(r[1]), r[2]));
            }
            System.out.printf(Locale.ROOT, "  %-5s reached 1e-8 in %d of %d; median evaluations to f < 1: %s, to 1e-8: %s%n",
                    strategy, reached, seeds, fmt(median(belowOne)), fmt(median(target)));
            System.out.println("        per seed (to 1 / to 1e-8 / restarts):" + runs);
        }
    }

    /**
     * {@code single LAMBDA SIGMA0 [runs] [first seed] [cap]}: independent single runs on Rastrigin-10 (no restart),
     * each from a uniform point of the box (from the seed) with the given λ and σ0, on the core's own streams,
     * until a termination criterion, f &lt; 1e-8, or when the next generation would exceed {@code cap}
     * evaluations. Prints how many got below 1 and below 1e-8, the median evaluations and best value, how the
     * runs stopped, and one cell per run; {@code scripts/cmaes_reference.py --single} prints the same for the
     * {@code cmaes} library and {@code --compare} compares the two outputs.
     */
    static void single(int lambda, double sigma0, int runs, int firstSeed, long cap) {
        System.out.printf(Locale.ROOT, "single runs on Rastrigin-10, box [-5, 5], lambda %d, sigma0 %s, x0 uniform,"
                + " at most %,d evaluations a run, seeds %d..%d, NAS core%n", lambda, sigma0, cap, firstSeed,
                firstSeed + runs - 1);
        long[] belowOne = new long[runs];
        long[] target = new long[runs];
        long[] evaluations = new long[runs];
        double[] best = new double[runs];
        Map<String, Integer> stops = new java.util.TreeMap<>();
        StringBuilder cells = new StringBuilder();
        for (int r = 0; r < runs; r++) {
            long seed = firstSeed + r;
            Cma cma = Cma.start(randomStart(seed), sigma0, lambda, false, box(), seed);
            belowOne[r] = Long.MAX_VALUE;
            target[r] = Long.MAX_VALUE;
            best[r] = Double.POSITIVE_INFINITY;
            String stop = "cap";
            while (evaluations[r] + lambda <= cap) {
                double[][] xs = new double[lambda][];
                double[] fs = new double[lambda];
                for (int k = 0; k < lambda; k++) {
                    xs[k] = cma.ask();
                    fs[k] = TestFunctions.rastrigin(xs[k]);
                    evaluations[r]++;
                    best[r] = Math.min(best[r], fs[k]);
                    if (fs[k] < 1.0 && belowOne[r] == Long.MAX_VALUE) {
                        belowOne[r] = evaluations[r];
                    }
                    if (fs[k] < TARGET && target[r] == Long.MAX_VALUE) {
                        target[r] = evaluations[r];
                    }
                }
                if (target[r] != Long.MAX_VALUE) {
                    stop = "target";
                    break;
                }
                cma.tell(xs, fs);
                java.util.Optional<nas.samplers.cmaes.Termination> t = cma.termination();
                if (t.isPresent()) {
                    stop = t.get().toString();
                    break;
                }
            }
            stops.merge(stop, 1, Integer::sum);
            cells.append(String.format(Locale.ROOT, " %s/%s/%d/%s/%.4g", cell(belowOne[r]), cell(target[r]),
                    evaluations[r], stop, best[r]));
        }
        long hitsOne = Arrays.stream(belowOne).filter(v -> v != Long.MAX_VALUE).count();
        long hits = Arrays.stream(target).filter(v -> v != Long.MAX_VALUE).count();
        double[] sortedBest = best.clone();
        Arrays.sort(sortedBest);
        System.out.printf(Locale.ROOT, "  reached f < 1 in %d of %d, 1e-8 in %d; median evaluations %s, median best %.4g;"
                + " stops: %s%n", hitsOne, runs, hits, fmt(median(evaluations)), sortedBest[runs / 2],
                stops.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(java.util.stream.Collectors.joining(", ")));
        System.out.println("        per run (to 1 / to 1e-8 / evaluations / stop / best):" + cells);
    }

    private static String cell(long evals) {
        return evals == Long.MAX_VALUE ? "-" : Long.toString(evals);
    }

    /**
     * {@code trace SEED [budget]}: the sequence of runs of IPOP and BIPOP for one seed, on the core
     * loop and on the core loop with the sampler's streams, and the runs of the sampler on a study
     * (evaluations and best value per run, from the trials' tags).
     */
    static void trace(long seed, long budget) {
        for (RestartStrategy strategy : new RestartStrategy[] {RestartStrategy.IPOP, RestartStrategy.BIPOP}) {
            System.out.printf(Locale.ROOT, "%s, seed %d, Rastrigin-10, budget %,d%n  core loop:%n", strategy, seed, budget);
            restartRun(strategy, seed, budget, false, true);
            System.out.println("  core loop with the sampler's streams:");
            restartRun(strategy, seed, budget, true, true);
            System.out.println("  CmaEsSampler on a study (trial 0 at random):");
            Study study = samplerStudy(strategy, seed, budget);
            Map<Long, long[]> perRun = new java.util.TreeMap<>();
            Map<Long, Double> bestPerRun = new java.util.TreeMap<>();
            for (nas.api.FrozenTrial t : study.trials(TrialState.COMPLETE)) {
                if (t.systemAttrs().get(CmaEsSampler.RESTART_KEY) instanceof Number r) {
                    long[] c = perRun.computeIfAbsent(r.longValue(), k -> new long[2]);
                    c[0]++;
                    c[1] = Math.max(c[1], ((Number) t.systemAttrs().get(CmaEsSampler.GENERATION_KEY)).longValue() + 1);
                    bestPerRun.merge(r.longValue(), t.value(), Math::min);
                }
            }
            perRun.forEach((r, c) -> System.out.printf(Locale.ROOT,
                    "    run %2d  lambda %4d  %,7d evaluations  best %.4g%n", r, c[0] / c[1], c[0], bestPerRun.get(r)));
        }
    }

    /**
     * {@code jobs [trials] [J]}: trials/s of a CmaEsSampler study (10-D sphere, in memory) with J
     * worker threads, with an instant objective and with one sleeping 0–2 ms (from the trial number).
     */
    static void jobs(int trials, int threads) {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "CmaEsSampler, 10-D sphere in [-5, 5], %,d trials, --jobs %d, in memory%n", trials, threads);
        for (int warm = 0; warm < 2; warm++) {
            jobsRun(Math.min(trials, 1000), threads, false);
        }
        for (boolean sleeping : new boolean[] {false, true}) {
            long cpu0 = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
            long t0 = System.nanoTime();
            jobsRun(trials, threads, sleeping);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "  %-24s %,8.0f trials/s  (%.2f s wall, %.2f s CPU, %.3f ms CPU/trial)%n",
                    sleeping ? "objective sleeps 0-2 ms" : "instant objective", trials / seconds, seconds, cpu,
                    cpu * 1e3 / trials);
        }
    }

    private static void jobsRun(int trials, int threads, boolean sleeping) {
        Study study = Studies.builder("jobs").sampler(new CmaEsSampler()).seed(1).create();
        study.optimize(t -> {
            double v = evaluate(t, TestFunctions::sphere);
            if (sleeping) {
                Thread.sleep((nas.api.Seeds.derive(7, t.number()) >>> 1) % 3);
            }
            return v;
        }, nas.api.OptimizeOptions.trials(trials).withJobs(threads));
        if (study.trials(TrialState.COMPLETE).size() != trials) {
            throw new IllegalStateException("expected " + trials + " complete trials");
        }
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("jobs")) {
            jobs(args.length > 1 ? Integer.parseInt(args[1]) : 3000, args.length > 2 ? Integer.parseInt(args[2]) : 4);
            return;
        }
        if (args.length > 0 && args[0].equals("restarts")) {
            String which = args.length > 5 ? args[5] : "both";
            List<RestartStrategy> strategies = switch (which) {
                case "ipop" -> List.of(RestartStrategy.IPOP);
                case "bipop" -> List.of(RestartStrategy.BIPOP);
                case "both" -> List.of(RestartStrategy.IPOP, RestartStrategy.BIPOP);
                default -> throw new IllegalArgumentException("strategy must be ipop, bipop or both, got '" + which + "'");
            };
            restarts(args.length > 1 ? Integer.parseInt(args[1]) : 10, args.length > 2 ? Long.parseLong(args[2]) : 100_000,
                    args.length > 3 ? args[3] : "core", args.length > 4 ? Integer.parseInt(args[4]) : 1, strategies);
            return;
        }
        if (args.length > 2 && args[0].equals("single")) {
            single(Integer.parseInt(args[1]), Double.parseDouble(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 100,
                    args.length > 4 ? Integer.parseInt(args[4]) : 1, args.length > 5 ? Long.parseLong(args[5]) : 100_000);
            return;
        }
        if (args.length > 0 && args[0].equals("trace")) {
            trace(args.length > 1 ? Long.parseLong(args[1]) : 1, args.length > 2 ? Long.parseLong(args[2]) : 100_000);
            return;
        }
        System.out.println("CMA-ES benchmark: n = 10, box [-5, 5], sigma0 = 10/6, x0 uniform in box,"
                + " target f < 1e-8, seeds 1..5");
        Object[][] functions = {
            {"sphere", (ToDoubleFunction<double[]>) TestFunctions::sphere, 1_450},
            {"ellipsoid", (ToDoubleFunction<double[]>) TestFunctions::ellipsoid, 4_200},
            {"rosenbrock", (ToDoubleFunction<double[]>) TestFunctions::rosenbrock, 5_500},
        };
        System.out.println();
        System.out.println("core (Cma ask/tell): evaluations to target");
        for (Object[] fn : functions) {
            @SuppressWarnings("unchecked")
            ToDoubleFunction<double[]> f = (ToDoubleFunction<double[]>) fn[1];
            long[] evals = new long[SEEDS];
            for (int s = 0; s < SEEDS; s++) {
                evals[s] = coreEvaluationsToTarget(f, s + 1);
            }
            System.out.printf(Locale.ROOT, "  %-10s median %7s  (reference cmaes ~%,d)  runs %s%n",
                    fn[0], fmt(median(evals)), fn[2], runs(evals));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "core: Rastrigin-10, best value (budget %,d evaluations)%n",
                RASTRIGIN_BUDGET);
        double[] single = new double[SEEDS];
        double[] ipop = new double[SEEDS];
        double[] bipop = new double[SEEDS];
        for (int s = 0; s < SEEDS; s++) {
            single[s] = coreRastrigin(RestartStrategy.NONE, s + 1, RASTRIGIN_BUDGET);
            ipop[s] = coreRastrigin(RestartStrategy.IPOP, s + 1, RASTRIGIN_BUDGET);
            bipop[s] = coreRastrigin(RestartStrategy.BIPOP, s + 1, RASTRIGIN_BUDGET);
        }
        System.out.printf(Locale.ROOT, "  single run  median %.4g  runs %s%n", Statistics.median(single),
                Arrays.toString(single));
        System.out.printf(Locale.ROOT, "  IPOP        median %.4g  runs %s%n", Statistics.median(ipop),
                Arrays.toString(ipop));
        System.out.printf(Locale.ROOT, "  BIPOP       median %.4g  runs %s%n", Statistics.median(bipop),
                Arrays.toString(bipop));
        double[] ipopSmall = new double[SEEDS];
        for (int s = 0; s < SEEDS; s++) {
            ipopSmall[s] = coreRastrigin(RestartStrategy.IPOP, s + 1, SAMPLER_RASTRIGIN_BUDGET);
        }
        System.out.printf(Locale.ROOT, "  IPOP with the sampler's budget of %,d: median %.4g  runs %s%n",
                SAMPLER_RASTRIGIN_BUDGET, Statistics.median(ipopSmall), Arrays.toString(ipopSmall));

        System.out.println();
        System.out.println("sampler (CmaEsSampler on an in-memory Study, ask/tell): evaluations to target");
        for (Object[] fn : functions) {
            @SuppressWarnings("unchecked")
            ToDoubleFunction<double[]> f = (ToDoubleFunction<double[]>) fn[1];
            long[] evals = new long[SEEDS];
            for (int s = 0; s < SEEDS; s++) {
                evals[s] = samplerEvaluationsToTarget(f, s + 1);
            }
            System.out.printf(Locale.ROOT, "  %-10s median %7s  (reference cmaes ~%,d)  runs %s%n",
                    fn[0], fmt(median(evals)), fn[2], runs(evals));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "sampler: Rastrigin-10, best value (budget %,d trials)%n",
                SAMPLER_RASTRIGIN_BUDGET);
        double[] sSingle = new double[SEEDS];
        double[] sIpop = new double[SEEDS];
        for (int s = 0; s < SEEDS; s++) {
            sSingle[s] = samplerRastrigin(RestartStrategy.NONE, s + 1, SAMPLER_RASTRIGIN_BUDGET);
            sIpop[s] = samplerRastrigin(RestartStrategy.IPOP, s + 1, SAMPLER_RASTRIGIN_BUDGET);
        }
        System.out.printf(Locale.ROOT, "  single run  median %.4g  runs %s%n", Statistics.median(sSingle),
                Arrays.toString(sSingle));
        System.out.printf(Locale.ROOT, "  IPOP        median %.4g  runs %s%n", Statistics.median(sIpop),
                Arrays.toString(sIpop));

        System.out.println();
        System.out.println("overhead: 1,000 trials of 10-D sphere in memory, CPU time per trial"
                + " (ask + 10 suggestions + tell), best of 5 repetitions after warm-up");
        for (int warm = 0; warm < 3; warm++) {
            nanosPerTrial(new CmaEsSampler(), 1000);
            nanosPerTrial(new RandomSampler(1), 1000);
        }
        double cma = Double.POSITIVE_INFINITY;
        double random = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < 5; rep++) {
            cma = Math.min(cma, nanosPerTrial(new CmaEsSampler(), 1000));
            random = Math.min(random, nanosPerTrial(new RandomSampler(1), 1000));
        }
        System.out.printf(Locale.ROOT, "  CmaEsSampler   %.4f ms/trial%n", cma / 1e6);
        System.out.printf(Locale.ROOT, "  RandomSampler  %.4f ms/trial%n", random / 1e6);
        System.out.printf(Locale.ROOT, "  CMA-ES overhead over random sampling: %.4f ms/trial%n", (cma - random) / 1e6);
    }

    static String runs(long[] evals) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < evals.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(fmt(evals[i]));
        }
        return sb.append(']').toString();
    }
}
