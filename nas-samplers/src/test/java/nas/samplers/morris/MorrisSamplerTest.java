package nas.samplers.morris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nas.api.FrozenTrial;
import nas.api.Studies;
import nas.api.Study;
import nas.api.Trial;
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.distribution.IntDistribution;
import nas.api.storage.InMemoryStorage;
import nas.api.storage.Storage;
import org.junit.jupiter.api.Test;

public class MorrisSamplerTest {

    public static Map<String, Distribution> space() {
        Map<String, Distribution> s = new LinkedHashMap<>();
        s.put("a", FloatDistribution.of(0, 1));
        s.put("b", FloatDistribution.logOf(1e-3, 1e1));
        s.put("c", new IntDistribution(0, 3, false, 1));
        s.put("d", CategoricalDistribution.of("x", "y", "z"));
        return s;
    }

    public static double objective(Trial t) {
        double a = t.suggestFloat("a", 0, 1);
        double b = t.suggestFloat("b", 1e-3, 1e1, true);
        int c = t.suggestInt("c", 0, 3);
        String d = t.suggestCategorical("d", "x", "y", "z");
        return a + Math.log10(b) + c + d.length();
    }

    @Test
    void trialsWalkTheDesignThroughTheTransform() {
        MorrisSampler sampler = new MorrisSampler(space(), 4, 3, 0, 5L);
        assertThat(sampler.parameters()).containsExactly("a", "b", "c", "d");
        Study study = Studies.builder("m").sampler(sampler).create();
        study.optimize(MorrisSamplerTest::objective, sampler.designSize());
        assertThat(sampler.remaining(study)).isZero();
        List<FrozenTrial> trials = study.trials();
        for (FrozenTrial t : trials) {
            int index = ((Number) t.systemAttrs().get(MorrisSampler.POINT_ATTR)).intValue();
            assertThat(index).isEqualTo(t.number());
            double[] x = sampler.design().point(index);
            // a: linear; b: log-uniform between 1e-3 and 1e1; c: floor(4x) capped at 3; d: floor(3x) capped at 2.
            assertThat((Double) t.params().get("a")).isCloseTo(x[0], org.assertj.core.api.Assertions.within(1e-12));
            assertThat(Math.log10((Double) t.params().get("b"))).isCloseTo(-3 + 4 * x[1],
                    org.assertj.core.api.Assertions.within(1e-9));
            assertThat(t.params().get("c")).isEqualTo(Math.min(3, (int) Math.floor(4 * x[2])));
            assertThat(t.params().get("d")).isEqualTo(List.of("x", "y", "z").get(Math.min(2, (int) Math.floor(3 * x[3]))));
        }
        // Past the design, trials are random and carry no point.
        study.optimize(MorrisSamplerTest::objective, 2);
        assertThat(study.trials().get(sampler.designSize()).systemAttrs()).doesNotContainKey(MorrisSampler.POINT_ATTR);
    }

    @Test
    void workersShareTheDesignAndAResumedStudyContinuesIt() {
        Storage storage = new InMemoryStorage();
        Study first = Studies.builder("shared").storage(storage).sampler(new MorrisSampler(space(), 4, 4, 10, 9L)).create();
        Study second = Studies.builder("shared").storage(storage).sampler(new MorrisSampler(space(), 4, 4, 10, 9L)).load();
        for (int i = 0; i < 10; i++) {
            (i % 2 == 0 ? first : second).optimize(MorrisSamplerTest::objective, 1);
        }
        Study resumed = Studies.builder("shared").storage(storage).sampler(new MorrisSampler(space(), 4, 4, 10, 9L)).load();
        resumed.optimize(MorrisSamplerTest::objective, 10);
        Set<Long> points = new HashSet<>();
        for (FrozenTrial t : resumed.trials()) {
            points.add((Long) t.systemAttrs().get(MorrisSampler.POINT_ATTR));
        }
        assertThat(points).hasSize(20);

        // The same design run in one go gives the same parameters point by point.
        Study single = Studies.builder("single").sampler(new MorrisSampler(space(), 4, 4, 10, 9L)).create();
        single.optimize(MorrisSamplerTest::objective, 20);
        for (int i = 0; i < 20; i++) {
            assertThat(resumed.trials().get(i).params()).isEqualTo(single.trials().get(i).params());
        }
    }

    @Test
    void concurrentWorkersOnADatabaseClaimEveryPointOnce() throws Exception {
        // Two processes' worth of workers: separate Study objects over one H2 database, on two threads.
        try (nas.storage.JdbcStorage storage = nas.storage.JdbcStorage.open("jdbc:h2:mem:morris-workers;DB_CLOSE_DELAY=-1")) {
            MorrisSampler sampler = new MorrisSampler(space(), 4, 4, 0, 3L);
            Studies.builder("w").storage(storage).sampler(sampler).create();
            Thread[] workers = new Thread[2];
            for (int w = 0; w < 2; w++) {
                Study study = Studies.builder("w").storage(storage).sampler(new MorrisSampler(space(), 4, 4, 0, 3L)).load();
                int n = 10;
                workers[w] = new Thread(() -> study.optimize(MorrisSamplerTest::objective, n));
                workers[w].start();
            }
            for (Thread t : workers) {
                t.join();
            }
            Study done = Studies.builder("w").storage(storage).sampler(sampler).load();
            Set<Long> points = new HashSet<>();
            for (FrozenTrial t : done.trials()) {
                points.add((Long) t.systemAttrs().get(MorrisSampler.POINT_ATTR));
                double[] x = sampler.design().point(((Long) t.systemAttrs().get(MorrisSampler.POINT_ATTR)).intValue());
                assertThat((Double) t.params().get("a")).isEqualTo(x[0]);
            }
            assertThat(points).hasSize(20);
            assertThat(sampler.remaining(done)).isZero();
        }
    }

    static Object point(FrozenTrial t) {
        return t.systemAttrs().get(MorrisSampler.POINT_ATTR);
    }

    @Test
    void theDesignStartsAtTheFirstTrialThatReachesItAfterEarlierTrials() {
        Storage storage = new InMemoryStorage();
        Studies.builder("p").storage(storage).sampler(new nas.api.sampler.RandomSampler(1L)).create()
                .optimize(MorrisSamplerTest::objective, 2);
        MorrisSampler sampler = new MorrisSampler(space(), 4, 3, 0, 5L);
        Study study = Studies.builder("p").storage(storage).sampler(sampler).load();
        assertThat(sampler.remaining(study)).isEqualTo(15);
        study.optimize(MorrisSamplerTest::objective, nas.api.OptimizeOptions.trials(6).withJobs(2));
        assertThat(study.systemAttrs().get(MorrisSampler.DESIGN_ATTR)).asString().contains("first_trial=2");
        assertThat(study.trials()).extracting(MorrisSamplerTest::point).containsExactly(null, null, 0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(sampler.remaining(study)).isEqualTo(9);
        for (FrozenTrial t : study.trials().subList(2, 8)) {
            assertThat((Double) t.params().get("a")).isEqualTo(sampler.design().point(t.number() - 2)[0]);
        }
    }

    @Test
    void aLowerTrialStillRunningWithoutParametersInAnotherProcessIsTheDesignsFirst() {
        Storage storage = new InMemoryStorage();
        MorrisSampler sampler = new MorrisSampler(space(), 4, 3, 0, 5L);
        Study one = Studies.builder("two").storage(storage).sampler(sampler).create();
        Study other = Studies.builder("two").storage(storage).sampler(new MorrisSampler(space(), 4, 3, 0, 5L)).load();
        Trial zero = one.ask();
        Trial first = other.ask();
        double y1 = objective(first); // trial 1 reaches the design first, while trial 0 has suggested nothing
        other.tell(first, y1);
        one.tell(zero, objective(zero));
        assertThat(one.trials()).extracting(MorrisSamplerTest::point).containsExactly(0L, 1L);
        assertThat((Double) one.trials().get(0).params().get("a")).isEqualTo(sampler.design().point(0)[0]);
    }

    @Test
    void aTrialWithFixedParametersTakesNoPointAndItsNumbersPointIsNotRun() {
        MorrisSampler sampler = new MorrisSampler(space(), 4, 3, 0, 5L);
        Study study = Studies.builder("f").sampler(sampler).create();
        study.optimize(MorrisSamplerTest::objective, 2);
        study.enqueueTrial(Map.of("a", 0.25)); // b, c and d are left to the sampler
        study.optimize(MorrisSamplerTest::objective, 3);
        List<FrozenTrial> trials = study.trials();
        assertThat(trials).extracting(MorrisSamplerTest::point).containsExactly(0L, 1L, null, 3L, 4L);
        assertThat(trials.get(2).params().get("a")).isEqualTo(0.25);
        assertThat(sampler.remaining(study)).isEqualTo(sampler.designSize() - 5);
        // every recorded point carries the design's own values
        for (FrozenTrial t : trials) {
            if (point(t) instanceof Long index) {
                assertThat((Double) t.params().get("a")).isEqualTo(sampler.design().point(index.intValue())[0]);
            }
        }
    }

    @Test
    void aStudyBegunByTheClaimCounterKeepsClaimingItsNextPoint() {
        MorrisSampler sampler = new MorrisSampler(space(), 4, 3, 0, 5L);
        Study study = Studies.builder("old").sampler(sampler).create();
        // as the earlier version stored it after handing out points 0..3 (their trials are not needed here)
        study.setSystemAttr(MorrisSampler.DESIGN_ATTR, sampler.settings());
        study.setSystemAttr(MorrisSampler.NEXT_ATTR, 4L);
        assertThat(sampler.remaining(study)).isEqualTo(sampler.designSize() - 4);
        study.optimize(MorrisSamplerTest::objective, 3);
        assertThat(study.trials()).extracting(MorrisSamplerTest::point).containsExactly(4L, 5L, 6L);
        assertThat(study.systemAttrs().get(MorrisSampler.NEXT_ATTR)).isEqualTo(7L);
        assertThat(study.systemAttrs().get(MorrisSampler.DESIGN_ATTR)).isEqualTo(sampler.settings());
        assertThat(sampler.remaining(study)).isEqualTo(sampler.designSize() - 7);
    }

    @Test
    void refusesAStudyRunningAnotherDesign() {
        Storage storage = new InMemoryStorage();
        Studies.builder("s").storage(storage).sampler(new MorrisSampler(space(), 4, 4, 0, 1L)).create()
                .optimize(MorrisSamplerTest::objective, 1);
        Study other = Studies.builder("s").storage(storage).sampler(new MorrisSampler(space(), 6, 4, 0, 1L)).load();
        Trial trial = other.ask();
        assertThatThrownBy(() -> objective(trial)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already runs the Morris design");
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new MorrisSampler(Map.of(), 4, 4, 0, 1L)).hasMessageContaining("at least one parameter");
        assertThatThrownBy(() -> new MorrisSampler(space(), 3, 4, 0, 1L)).hasMessageContaining("even");
    }
}
