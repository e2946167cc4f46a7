package nas.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import nas.api.FrozenTrial;
import nas.api.MultiObjective;
import nas.api.Objective;
import nas.api.OptimizeOptions;
import nas.api.Seeds;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.sampler.RandomSampler;
import nas.api.sampler.Sampler;
import nas.api.storage.InMemoryStorage;
import nas.api.storage.Storage;
import nas.samplers.gp.GpOptions;
import nas.samplers.gp.GpSampler;
import nas.samplers.cmaes.CmaEsSampler;
import nas.samplers.cmaes.RestartStrategy;
import nas.samplers.grid.GridSampler;
import nas.samplers.morris.MorrisSampler;
import nas.samplers.nsga2.Nsga2Options;
import nas.samplers.nsga2.Nsga2Sampler;
import nas.samplers.qmc.QmcOptions;
import nas.samplers.qmc.QmcSampler;
import nas.samplers.tpe.TpeOptions;
import nas.samplers.tpe.TpeSampler;
import org.junit.jupiter.api.Test;

/**
 * Deterministic parallel runs: with several worker threads (lag = jobs, the default) every sampler
 * gives the same study twice, and the same study as one thread with that lag. Samplers that move in
 * generations (NSGA-II) make a generation of a block of trial numbers, bred once the previous block
 * has finished, so for them the number of threads does not matter at all. The Morris sampler runs
 * point n − first on trial n. The objectives sleep a pseudo-random 0–3 ms so the threads finish out of
 * order.
 */
class DeterministicParallelTest {

    static final Objective SHIFTED_SPHERE = t -> {
        double s = 0;
        for (int i = 0; i < 3; i++) {
            double x = t.suggestFloat("x" + i, -5, 5);
            s += (x - 0.5 * i) * (x - 0.5 * i);
        }
        try {
            Thread.sleep(Seeds.derive(7, t.number()) >>> 62);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return s;
    };

    /** Two objectives in conflict over three variables (a small ZDT1), sleeping as {@link #SHIFTED_SPHERE}. */
    static final MultiObjective TWO_OBJECTIVES = t -> {
        double f1 = t.suggestFloat("x0", 0, 1);
        double g = 1 + 4.5 * (t.suggestFloat("x1", 0, 1) + t.suggestFloat("x2", 0, 1));
        try {
            Thread.sleep(Seeds.derive(7, t.number()) >>> 62);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new double[] {f1, g * (1 - Math.sqrt(f1 / g))};
    };

    static Map<String, LongFunction<Sampler>> samplers() {
        Map<String, LongFunction<Sampler>> m = new LinkedHashMap<>();
        m.put("random", RandomSampler::new);
        m.put("qmc", s -> new QmcSampler(QmcOptions.defaults().withSeed(s)));
        m.put("tpe", s -> new TpeSampler(TpeOptions.defaults().withSeed(s).withNStartupTrials(5)));
        m.put("tpe multivariate", s -> new TpeSampler(TpeOptions.defaults().withSeed(s).withNStartupTrials(5).withMultivariate(true)));
        m.put("gp", s -> new GpSampler(GpOptions.defaults().withSeed(s).withNStartupTrials(5).withNCandidates(128).withNLocalSearches(2)));
        // numeric: the GP, then multivariate TPE from 12 complete trials
        m.put("auto", s -> new AutoSampler(s, 12));
        m.put("grid", s -> new GridSampler(Map.of("x0", List.<Object>of(-1.0, 0.0, 1.0), "x1", List.<Object>of(0.0, 2.0),
                "x2", List.<Object>of(-3.0, 3.0, 4.0, 5.0)), s));
        m.put("nsga2", s -> new Nsga2Sampler(Nsga2Options.defaults().withPopulationSize(6).withSeed(s)));
        m.put("cmaes", s -> new CmaEsSampler(CmaEsSampler.Options.defaults().withSeed(s)));
        return m;
    }

    /** CMA-ES with restarts and its separable variant, as {@code --cma-restart} and {@code --cma-separable} give. */
    static Map<String, LongFunction<Sampler>> cmaesSamplers() {
        Map<String, LongFunction<Sampler>> m = new LinkedHashMap<>();
        m.put("cmaes", s -> new CmaEsSampler(CmaEsSampler.Options.defaults().withSeed(s)));
        m.put("cmaes ipop", s -> new CmaEsSampler(CmaEsSampler.Options.defaults().withSeed(s)
                .withRestartStrategy(RestartStrategy.IPOP)));
        m.put("cmaes bipop", s -> new CmaEsSampler(CmaEsSampler.Options.defaults().withSeed(s)
                .withRestartStrategy(RestartStrategy.BIPOP)));
        m.put("cmaes separable bipop", s -> new CmaEsSampler(CmaEsSampler.Options.defaults().withSeed(s)
                .withSeparable(true).withRestartStrategy(RestartStrategy.BIPOP)));
        return m;
    }

    /**
     * The shifted sphere in steps of 0.5, and failing (NaN) on one trial in eleven: flat near the
     * optimum, so CMA-ES runs stop (TolFun) and restart within a few hundred trials.
     */
    static final Objective TERRACED_SPHERE = t -> {
        double v = SHIFTED_SPHERE.evaluate(t);
        return Seeds.derive(9, t.number()) % 11 == 0 ? Double.NaN : Math.floor(2 * v) / 2;
    };

    static List<String> runCma(Storage storage, Sampler sampler, OptimizeOptions options) {
        Study s = Studies.builder("c").storage(storage).directions(StudyDirection.MINIMIZE).sampler(sampler)
                .seed(11).loadIfExists(true).create();
        s.optimize(TERRACED_SPHERE, options);
        return s.trials().stream().map(t -> describe(t) + " run " + t.systemAttrs().get(CmaEsSampler.RESTART_KEY)
                + " generation " + t.systemAttrs().get(CmaEsSampler.GENERATION_KEY)).toList();
    }

    @Test
    void cmaesWithRestartsDoesNotDependOnTheThreadsOrTheLagAndResumesTheSameRun() {
        for (Map.Entry<String, LongFunction<Sampler>> e : cmaesSamplers().entrySet()) {
            int n = 400;
            List<String> threads = runCma(new InMemoryStorage(), e.getValue().apply(3), OptimizeOptions.trials(n).withJobs(4));
            List<String> again = runCma(new InMemoryStorage(), e.getValue().apply(3), OptimizeOptions.trials(n).withJobs(4));
            List<String> plain = runCma(new InMemoryStorage(), e.getValue().apply(3), OptimizeOptions.trials(n));
            // stopped after 150 trials (mid-generation), resumed by a new sampler with other threads
            Storage storage = new InMemoryStorage();
            runCma(storage, e.getValue().apply(3), OptimizeOptions.trials(150).withJobs(3));
            List<String> resumed = runCma(storage, e.getValue().apply(3), OptimizeOptions.trials(n - 150).withJobs(4));
            assertThat(threads).as(e.getKey()).hasSize(n).isEqualTo(again).isEqualTo(plain).isEqualTo(resumed);
            long runs = threads.stream().map(line -> line.replaceAll(".* run (\\S+) generation .*", "$1")).distinct().count();
            if (e.getKey().equals("cmaes")) {
                assertThat(runs).as(e.getKey()).isEqualTo(2); // "null" (trial 0, at random) and run 0
            } else {
                assertThat(runs).as(e.getKey()).isGreaterThanOrEqualTo(3); // at least one restart, with a new λ
            }
            assertThat(threads).as(e.getKey()).anyMatch(line -> line.contains(" FAIL "));
        }
    }

    static Map<String, LongFunction<Sampler>> multiObjectiveSamplers() {
        Map<String, LongFunction<Sampler>> m = new LinkedHashMap<>();
        m.put("nsga2", s -> new Nsga2Sampler(Nsga2Options.defaults().withPopulationSize(8).withSeed(s)));
        m.put("nsga2 sbx", s -> new Nsga2Sampler(Nsga2Options.defaults().withPopulationSize(8)
                .withCrossover(Nsga2Options.CrossoverKind.SBX).withSeed(s)));
        m.put("motpe", s -> new TpeSampler(TpeOptions.defaults().withSeed(s).withNStartupTrials(5)));
        // MOTPE for 12 complete trials, then NSGA-II (population 25) breeding from trial 25 on
        m.put("auto", s -> new AutoSampler(s, 12));
        return m;
    }

    static List<String> run(Sampler sampler, OptimizeOptions options) {
        Study s = Studies.builder("p").storage(new InMemoryStorage()).directions(StudyDirection.MINIMIZE)
                .sampler(sampler).seed(11).create();
        s.optimize(SHIFTED_SPHERE, options);
        return s.trials().stream().map(DeterministicParallelTest::describe).toList();
    }

    static String describe(FrozenTrial t) {
        return t.number() + " " + t.state() + " " + t.params() + " " + (t.state() == TrialState.COMPLETE ? t.value() : "");
    }

    @Test
    void everySamplerGivesTheSameStudyWithFourThreadsAndWithOneThreadAtTheSameLag() {
        for (Map.Entry<String, LongFunction<Sampler>> e : samplers().entrySet()) {
            int n = e.getKey().equals("gp") || e.getKey().equals("auto") ? 24 : e.getKey().equals("grid") ? 24 : 40;
            List<String> first = run(e.getValue().apply(3), OptimizeOptions.trials(n).withJobs(4));
            List<String> second = run(e.getValue().apply(3), OptimizeOptions.trials(n).withJobs(4));
            List<String> sequential = run(e.getValue().apply(3), OptimizeOptions.trials(n).withSamplerLag(4));
            assertThat(first).as(e.getKey()).hasSize(n).isEqualTo(second).isEqualTo(sequential);
        }
    }

    @Test
    void everyMultiObjectiveSamplerGivesTheSameStudyWithFourThreadsAndWithOneThread() {
        for (Map.Entry<String, LongFunction<Sampler>> e : multiObjectiveSamplers().entrySet()) {
            int n = e.getKey().equals("auto") ? 70 : 48;
            List<String> first = runMulti(e.getValue().apply(3), OptimizeOptions.trials(n).withJobs(4));
            List<String> second = runMulti(e.getValue().apply(3), OptimizeOptions.trials(n).withJobs(4));
            List<String> sequential = runMulti(e.getValue().apply(3), OptimizeOptions.trials(n).withSamplerLag(4));
            assertThat(first).as(e.getKey()).hasSize(n).isEqualTo(second).isEqualTo(sequential);
        }
    }

    @Test
    void nsga2DoesNotDependOnTheLagAtAll() {
        // its generations are blocks of trial numbers: one thread without lag gives the same study
        LongFunction<Sampler> nsga2 = multiObjectiveSamplers().get("nsga2");
        List<String> plain = runMulti(nsga2.apply(5), OptimizeOptions.trials(40));
        List<String> threads = runMulti(nsga2.apply(5), OptimizeOptions.trials(40).withJobs(3));
        assertThat(threads).isEqualTo(plain);
        assertThat(plain.get(39)).isNotEqualTo(runMulti(nsga2.apply(6), OptimizeOptions.trials(40)).get(39));
    }

    @Test
    void nsga2ResumedWithThreadsAfterAStopMidGenerationContinuesTheSameStudy() {
        // stopped at, just after, or mid a generation (population 8): the earlier run's newest trials are
        // within the lag of the resumed run's first trials, so the resumed sampler must not read the
        // blocks it did not see finish through the lagged view (before the fix, stops 9, 10, 15, 16, 24,
        // 25, 33 and 42 continued differently)
        for (String name : List.of("nsga2", "nsga2 sbx")) {
            LongFunction<Sampler> nsga2 = multiObjectiveSamplers().get(name);
            int n = 48;
            List<String> threads = runMulti(nsga2.apply(3), OptimizeOptions.trials(n).withJobs(4));
            for (int stop : new int[] {9, 10, 15, 16, 21, 24, 25, 33, 42}) {
                Storage storage = new InMemoryStorage();
                runMulti(storage, nsga2.apply(3), OptimizeOptions.trials(stop).withJobs(4));
                List<String> resumed = runMulti(storage, nsga2.apply(3), OptimizeOptions.trials(n - stop).withJobs(4));
                assertThat(resumed).as(name + " stopped at " + stop).hasSize(n).isEqualTo(threads);
            }
        }
    }

    static List<String> runMulti(Sampler sampler, OptimizeOptions options) {
        return runMulti(new InMemoryStorage(), sampler, options);
    }

    /** Runs (or resumes, on a storage that has it) the two-objective study "p" with a new {@link Study} object. */
    static List<String> runMulti(Storage storage, Sampler sampler, OptimizeOptions options) {
        Study s = Studies.builder("p").storage(storage).directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE)
                .sampler(sampler).seed(11).loadIfExists(true).create();
        s.optimizeMulti(TWO_OBJECTIVES, options);
        return s.trials().stream().map(t -> t.number() + " " + t.state() + " " + t.params() + " " + t.values()).toList();
    }

    /** {@link #SHIFTED_SPHERE} after a pseudo-random 0–3 ms of work before its first suggestion. */
    static final Objective SLOW_START_SPHERE = t -> {
        try {
            Thread.sleep(Seeds.derive(5, t.number()) >>> 62);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return SHIFTED_SPHERE.evaluate(t);
    };

    /**
     * Morris (6 trajectories over x0..x2: 24 points) on study "m": a baseline enqueued at the origin,
     * then the design, then random trials; each trial as number, state, parameters, value and point.
     */
    static List<String> runMorris(Storage storage, OptimizeOptions options) {
        MorrisSampler morris = MorrisSampler.builder().trajectories(6).seed(3).spaceOf(SHIFTED_SPHERE).build();
        Study s = Studies.builder("m").storage(storage).directions(StudyDirection.MINIMIZE).sampler(morris).seed(11)
                .loadIfExists(true).create();
        if (s.trials().isEmpty()) {
            s.enqueueTrial(Map.of("x0", 0.0, "x1", 0.0, "x2", 0.0));
        }
        s.optimize(SLOW_START_SPHERE, options);
        return s.trials().stream().map(t -> describe(t) + " point " + t.systemAttrs().get(MorrisSampler.POINT_ATTR))
                .toList();
    }

    @Test
    void morrisRunsTheSamePointOnTheSameTrialWithFourThreadsWithOneThreadAndResumed() {
        int n = 30;
        List<String> first = runMorris(new InMemoryStorage(), OptimizeOptions.trials(n).withJobs(4));
        List<String> second = runMorris(new InMemoryStorage(), OptimizeOptions.trials(n).withJobs(4));
        List<String> sequential = runMorris(new InMemoryStorage(), OptimizeOptions.trials(n).withSamplerLag(4));
        List<String> plain = runMorris(new InMemoryStorage(), OptimizeOptions.trials(n));
        Storage storage = new InMemoryStorage();
        runMorris(storage, OptimizeOptions.trials(11).withJobs(3));
        List<String> resumed = runMorris(storage, OptimizeOptions.trials(n - 11).withJobs(4));
        assertThat(first).hasSize(n).isEqualTo(second).isEqualTo(sequential).isEqualTo(plain).isEqualTo(resumed);
        // the enqueued baseline (trial 0) takes no point; trials 1..24 run points 0..23; then random trials
        for (int i = 0; i < n; i++) {
            assertThat(first.get(i)).as("trial " + i).endsWith(" point " + (i >= 1 && i <= 24 ? String.valueOf(i - 1) : "null"));
        }
        assertThat(first.get(0)).contains("{x0=0.0, x1=0.0, x2=0.0}");
    }

    @Test
    void lagOneIsTheOrdinarySequentialRun() {
        List<String> plain = run(new TpeSampler(TpeOptions.defaults().withSeed(2L)), OptimizeOptions.trials(30));
        List<String> lagged = run(new TpeSampler(TpeOptions.defaults().withSeed(2L)), OptimizeOptions.trials(30).withSamplerLag(1));
        assertThat(lagged).isEqualTo(plain);
    }

    @Test
    void theLagChangesWhatTheSamplerSees() {
        // lag 4 hides the three newest trials from TPE: a different (still valid) study than lag 1
        List<String> lag1 = run(new TpeSampler(TpeOptions.defaults().withSeed(2L)), OptimizeOptions.trials(30));
        List<String> lag4 = run(new TpeSampler(TpeOptions.defaults().withSeed(2L)), OptimizeOptions.trials(30).withSamplerLag(4));
        assertThat(lag4.subList(0, 10)).isEqualTo(lag1.subList(0, 10)); // random start-up: identical
        assertThat(lag4).isNotEqualTo(lag1);
    }
}
