package nas.samplers.cmaes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nas.api.FrozenTrial;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.Trial;
import nas.api.TrialState;
import nas.api.sampler.RandomSampler;
import nas.api.storage.InMemoryStorage;
import nas.api.storage.Storage;
import nas.storage.JdbcStorage;
import org.junit.jupiter.api.Test;
import nas.api.testing.LogCapture;
import java.util.logging.Level;

class CmaEsSamplerTest {

    /** Four floats (one on a log scale) and an int; minimum 0 at x = 1, y = -2, lr = 1e-3, k = 7. */
    private static double mixed(Trial t) {
        double x = t.suggestFloat("x", -5, 5);
        double y = t.suggestFloat("y", -5, 5);
        double z = t.suggestFloat("z", -5, 5);
        double lr = t.suggestFloat("lr", 1e-5, 1, true);
        int k = t.suggestInt("k", 0, 20);
        double l = Math.log10(lr) + 3;
        return (x - 1) * (x - 1) + (y + 2) * (y + 2) + z * z + l * l + (k - 7) * (k - 7);
    }

    private static Study study(Storage storage, String name, CmaEsSampler sampler, long seed) {
        return Studies.builder(name).storage(storage).sampler(sampler).seed(seed).loadIfExists(true).create();
    }

    private static List<Map<String, Object>> params(Study s) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FrozenTrial t : s.trials()) {
            out.add(t.params());
        }
        return out;
    }

    @Test
    void optimizesAMixedSpaceFarBetterThanRandomSearch() {
        Study cma = study(new InMemoryStorage(), "cma", new CmaEsSampler(), 1);
        cma.optimize(CmaEsSamplerTest::mixed, 400);
        Study random = Studies.builder("random").sampler(new RandomSampler(1)).create();
        random.optimize(CmaEsSamplerTest::mixed, 400);
        assertThat(cma.bestValue()).isLessThan(1e-3);
        assertThat(cma.bestValue()).isLessThan(random.bestValue() / 100);
        assertThat(cma.bestParams().get("k")).isEqualTo(7);
    }

    @Test
    void stateAndTagsLiveInTheStudy() {
        CmaEsSampler sampler = new CmaEsSampler();
        Study s = study(new InMemoryStorage(), "tags", sampler, 3);
        s.optimize(CmaEsSamplerTest::mixed, 1 + 3 * 8); // trial 0 defines the space; λ = 8 for n = 5
        CmaState state = CmaStateCodec.fromJson((String) s.systemAttrs().get(CmaEsSampler.STATE_KEY));
        assertThat(state.dimension()).isEqualTo(5);
        assertThat(state.popsize()).isEqualTo(8);
        assertThat(state.generation()).isEqualTo(2); // the third generation is complete but told on the next ask
        assertThat((String) s.systemAttrs().get(CmaEsSampler.SPACE_KEY)).contains("\"k\"", "\"lr\"", "\"x\"");
        List<FrozenTrial> trials = s.trials();
        assertThat(trials.get(0).systemAttrs()).doesNotContainKey(CmaEsSampler.GENERATION_KEY);
        for (int k = 1; k < trials.size(); k++) {
            Map<String, Object> attrs = trials.get(k).systemAttrs();
            assertThat(attrs.get(CmaEsSampler.GENERATION_KEY)).isEqualTo((long) ((k - 1) / 8));
            assertThat(attrs.get(CmaEsSampler.RESTART_KEY)).isEqualTo(0L);
            assertThat((List<?>) attrs.get(CmaEsSampler.X_KEY)).hasSize(5);
        }
    }

    @Test
    void sameSeedSameTrialsDifferentSeedDifferentTrials() {
        Study a = study(new InMemoryStorage(), "a", new CmaEsSampler(), 5);
        a.optimize(CmaEsSamplerTest::mixed, 60);
        Study b = study(new InMemoryStorage(), "b", new CmaEsSampler(), 5);
        b.optimize(CmaEsSamplerTest::mixed, 60);
        Study c = study(new InMemoryStorage(), "c", new CmaEsSampler(), 6);
        c.optimize(CmaEsSamplerTest::mixed, 60);
        assertThat(params(a)).isEqualTo(params(b));
        assertThat(params(a).subList(1, 60)).isNotEqualTo(params(c).subList(1, 60));
        // the sampler's own seed overrides the study's
        Study d = study(new InMemoryStorage(), "d",
                new CmaEsSampler(CmaEsSampler.Options.defaults().withSeed(5L)), 99);
        d.optimize(CmaEsSamplerTest::mixed, 60);
        assertThat(params(d)).isEqualTo(params(a));
    }

    @Test
    void resumedStudyContinuesTheSameRunThroughH2() {
        // uninterrupted reference run in memory
        Study reference = study(new InMemoryStorage(), "ref", new CmaEsSampler(), 11);
        reference.optimize(CmaEsSamplerTest::mixed, 70);

        // the same study on H2, "crashing" after 33 trials (mid-generation): a new process opens the
        // database again with a new sampler and continues
        String url = "jdbc:h2:mem:cma-resume;DB_CLOSE_DELAY=-1";
        Study first = study(JdbcStorage.open(url), "resume", new CmaEsSampler(), 11);
        first.optimize(CmaEsSamplerTest::mixed, 33);
        Study second = study(JdbcStorage.open(url), "resume", new CmaEsSampler(), 11);
        second.optimize(CmaEsSamplerTest::mixed, 37);

        assertThat(params(second)).isEqualTo(params(reference));
        assertThat(second.systemAttrs().get(CmaEsSampler.STATE_KEY))
                .isEqualTo(reference.systemAttrs().get(CmaEsSampler.STATE_KEY));
    }

    /** {@code storage}, counting the writes of {@link CmaEsSampler#STATE_KEY} into {@code writes}. */
    private static Storage countingStateWrites(Storage storage, java.util.concurrent.atomic.AtomicInteger writes) {
        return (Storage) java.lang.reflect.Proxy.newProxyInstance(Storage.class.getClassLoader(),
                new Class<?>[] {Storage.class}, (proxy, method, args) -> {
                    if (method.getName().equals("setStudySystemAttr") && CmaEsSampler.STATE_KEY.equals(args[1])) {
                        writes.incrementAndGet();
                    }
                    try {
                        return method.invoke(storage, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aResumeTellsTheRunAgainButWritesItsStateOnce() {
        Study reference = study(new InMemoryStorage(), "ref", new CmaEsSampler(), 5);
        reference.optimize(CmaEsSamplerTest::mixed, 201);
        Storage storage = new InMemoryStorage();
        Study first = study(storage, "resume-writes", new CmaEsSampler(), 5);
        first.optimize(CmaEsSamplerTest::mixed, 200); // 25 generations of λ = 8 (5 coordinates)
        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        Study second = study(countingStateWrites(storage, writes), "resume-writes", new CmaEsSampler(), 5);
        second.optimize(CmaEsSamplerTest::mixed, 1);
        // trial 200 told all 25 generations again (a new sampler knows none) and wrote the newest state once
        assertThat(writes.get()).isEqualTo(1);
        assertThat(second.systemAttrs().get(CmaEsSampler.STATE_KEY))
                .isEqualTo(reference.systemAttrs().get(CmaEsSampler.STATE_KEY));
        assertThat(params(second)).isEqualTo(params(reference));
    }

    @Test
    void workersShareOneGeneration() {
        // two workers on one storage ask a whole generation before anyone tells
        Storage storage = new InMemoryStorage();
        Study w1 = study(storage, "shared", new CmaEsSampler(), 2);
        Study w2 = study(storage, "shared", new CmaEsSampler(), 2);
        Trial first = w1.ask();
        w1.tell(first, mixed(first));
        for (int g = 0; g < 3; g++) {
            List<Trial> open = new ArrayList<>();
            List<Study> owners = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                Study w = k % 2 == 0 ? w1 : w2;
                Trial t = w.ask();
                t.suggestFloat("x", -5, 5); // triggers the relative sample
                open.add(t);
                owners.add(w);
            }
            for (int k = 0; k < 8; k++) {
                owners.get(k).tell(open.get(k), mixed(open.get(k)));
            }
        }
        List<FrozenTrial> trials = w1.trials();
        for (int k = 1; k < trials.size(); k++) {
            assertThat(trials.get(k).systemAttrs().get(CmaEsSampler.GENERATION_KEY)).isEqualTo((long) ((k - 1) / 8));
        }
        // identical to one worker doing the same sequence
        Study solo = study(new InMemoryStorage(), "solo", new CmaEsSampler(), 2);
        solo.optimize(CmaEsSamplerTest::mixed, 25);
        assertThat(params(w1)).isEqualTo(params(solo));
    }

    @Test
    void failedTrialsAreToldAsTheirGenerationsWorst() {
        Study s = study(new InMemoryStorage(), "fail", new CmaEsSampler(), 4);
        int[] calls = {0};
        try (LogCapture log = LogCapture.start()) {
            s.optimize(t -> {
                double v = mixed(t);
                return ++calls[0] % 3 == 0 ? Double.NaN : v; // every third trial fails
            }, 1 + 24);
            assertThat(log.messages(Level.WARNING)).hasSize(8).allMatch(m -> m.matches(
                    "trial \\d+ of study 'fail' failed: objective returned \\[NaN\\], which is not finite"));
        }
        assertThat(s.trials(TrialState.FAIL)).hasSize(8);
        CmaState state = CmaStateCodec.fromJson((String) s.systemAttrs().get(CmaEsSampler.STATE_KEY));
        // generations are blocks of 8 trial numbers whatever fails: trials 1-8 and 9-16 are told
        // (17-24 on the next ask), each failed trial with its generation's worst value
        assertThat(state.generation()).isEqualTo(2);
        Set<Object> gens = new HashSet<>();
        for (FrozenTrial t : s.trials(TrialState.FAIL)) {
            gens.add(t.systemAttrs().get(CmaEsSampler.GENERATION_KEY));
        }
        assertThat(gens).containsOnly(0L, 1L, 2L);
    }

    @Test
    void freeRunningThreadsNeitherWaitNorStallBehindASlowTrial() {
        // without deterministic mode nobody waits: a trial whose previous block still runs is sampled
        // from the newest distribution, and a block is told once λ trials sampled from it finished
        // (a slow thread does not stall the run), so it converges as one thread does
        Study s = study(new InMemoryStorage(), "free", new CmaEsSampler(), 2);
        s.optimize(CmaEsSamplerTest::mixed, nas.api.OptimizeOptions.trials(400).withJobs(4).withDeterministic(false));
        assertThat(s.trials(TrialState.COMPLETE)).hasSize(400);
        assertThat(s.bestValue()).isLessThan(1e-2); // one thread: 1.2e-4
        CmaState state = CmaStateCodec.fromJson((String) s.systemAttrs().get(CmaEsSampler.STATE_KEY));
        assertThat(state.generation()).isGreaterThanOrEqualTo(45); // (400 − 1) / 8 blocks, the newest ones may still run
    }

    @Test
    void maximizationIsSupported() {
        Study s = Studies.builder("max").sampler(new CmaEsSampler()).seed(8).directions(StudyDirection.MAXIMIZE)
                .create();
        s.optimize(t -> -mixed(t), 400);
        assertThat(s.bestValue()).isGreaterThan(-1e-3);
    }

    @Test
    void categoricalParametersAreSampledIndependentlyWithOneWarning() {
        List<String> warnings = new ArrayList<>();
        try (nas.api.testing.LogCapture log = nas.api.testing.LogCapture.start()) {
            Study s = study(new InMemoryStorage(), "cat", new CmaEsSampler(), 9);
            s.optimize(t -> {
                String act = t.suggestCategorical("activation", "relu", "tanh", "gelu");
                return mixed(t) + (act.equals("tanh") ? 0 : 1);
            }, 60);
            Set<Object> seen = new HashSet<>();
            s.trials().forEach(t -> seen.add(t.param("activation")));
            assertThat(seen).containsExactlyInAnyOrder("relu", "tanh", "gelu");
            assertThat((String) s.systemAttrs().get(CmaEsSampler.SPACE_KEY)).doesNotContain("activation");
            log.messages(java.util.logging.Level.WARNING).stream().filter(m -> m.contains("categorical"))
                    .forEach(warnings::add);
        }
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("[activation]").contains("RandomSampler");
    }

    @Test
    void ipopRestartsInsideTheStudyWithDoubledPopulation() {
        // a flat objective trips TOL_FUN after 10 + ⌈30·2/6⌉ = 20 generations of λ = 6
        CmaEsSampler sampler = new CmaEsSampler(CmaEsSampler.Options.defaults()
                .withRestartStrategy(RestartStrategy.IPOP));
        Study s = study(new InMemoryStorage(), "ipop", sampler, 1);
        s.optimize(t -> {
            t.suggestFloat("a", 0, 1);
            t.suggestFloat("b", 0, 1);
            return 1.0;
        }, 1 + 20 * 6 + 1);
        FrozenTrial last = s.trials().get(s.trials().size() - 1);
        assertThat(last.systemAttrs().get(CmaEsSampler.RESTART_KEY)).isEqualTo(1L);
        assertThat(last.systemAttrs().get(CmaEsSampler.GENERATION_KEY)).isEqualTo(0L);
        CmaState state = CmaStateCodec.fromJson((String) s.systemAttrs().get(CmaEsSampler.STATE_KEY));
        assertThat(state.popsize()).isEqualTo(12);
        assertThat(state.restarts()).isEqualTo(1);
    }

    @Test
    void warmStartBeginsAtTheSourceStudysBestRegion() {
        Study source = Studies.builder("source").sampler(new RandomSampler(3)).create();
        source.optimize(CmaEsSamplerTest::mixed, 300);
        CmaEsSampler warm = new CmaEsSampler(CmaEsSampler.Options.defaults()
                .withWarmStartTrials(source.trials(TrialState.COMPLETE)));
        Study s = study(new InMemoryStorage(), "warm", warm, 3);
        s.optimize(CmaEsSamplerTest::mixed, 2);
        CmaState state = CmaStateCodec.fromJson((String) s.systemAttrs().get(CmaEsSampler.STATE_KEY));
        // columns in name order: k, lr, x, y, z; the best 10% of random trials cluster near the optimum
        double[] m = state.mean();
        double distance = Math.hypot(m[2] - 1, m[3] + 2);
        assertThat(distance).isLessThan(Math.hypot(1, 2) / 2); // the cold start (centre) is at √5
        assertThat(m[0]).isBetween(4.0, 10.0); // k, optimum 7
        // C comes from the top solutions: not the identity of a cold start
        assertThat(state.cov()[1]).isNotZero();
    }

    @Test
    void x0AndSigma0AreUsedForTheFirstGeneration() {
        CmaEsSampler sampler = new CmaEsSampler(CmaEsSampler.Options.defaults()
                .withX0(Map.of("x", 4.0, "lr", 1e-2, "k", 3L)).withSigma0(0.5).withPopsize(10));
        Study s = study(new InMemoryStorage(), "x0", sampler, 3);
        s.optimize(CmaEsSamplerTest::mixed, 2);
        CmaState state = CmaStateCodec.fromJson((String) s.systemAttrs().get(CmaEsSampler.STATE_KEY));
        assertThat(state.mean()).containsExactly(3, Math.log(1e-2), 4, 0, 0);
        assertThat(state.sigma()).isEqualTo(0.5);
        assertThat(state.popsize()).isEqualTo(10);
        assertThatThrownBy(() -> CmaEsSampler.Options.defaults().withPopsize(1))
                .hasMessageContaining("popsize must be 0 (default) or >= 2, got 1");
        assertThatThrownBy(() -> CmaEsSampler.Options.defaults().withSigma0(-1))
                .hasMessageContaining("sigma0 must be > 0 and finite (or NaN for the default), got -1.0");
    }
}
