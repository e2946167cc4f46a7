package nas.samplers.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nas.api.FrozenTrial;
import nas.api.Objective;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.storage.InMemoryStorage;
import org.junit.jupiter.api.Test;
import nas.api.testing.LogCapture;
import java.util.logging.Level;

class GridSamplerTest {

    static final Map<String, List<Object>> GRID = Map.of(
            "x", List.of(1.0, 2.5, 4.0),
            "n", List.of(1, 2, 4, 8),
            "c", List.of("a", "b"));

    static final Objective F = t -> t.suggestFloat("x", 0, 5) * t.suggestInt("n", 1, 8)
            + (t.suggestCategorical("c", "a", "b", "z").equals("a") ? 0 : 100);

    static Study study(GridSampler sampler) {
        return Studies.builder("grid").storage(new InMemoryStorage()).directions(StudyDirection.MINIMIZE)
                .sampler(sampler).seed(9).create();
    }

    private static List<Map<String, Object>> points(Study s, TrialState... states) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FrozenTrial t : s.trials(states)) {
            out.add(t.params());
        }
        return out;
    }

    @Test
    void visitsEveryCombinationOnceThenStopsTheStudy() {
        Study s = study(new GridSampler(GRID, 1L));
        s.optimize(F, 1000);
        assertThat(s.trials()).hasSize(24);
        assertThat(new HashSet<>(points(s))).hasSize(24);
        assertThat(s.bestValue()).isEqualTo(1.0);
        assertThat(s.bestParams()).isEqualTo(Map.of("x", 1.0, "n", 1, "c", "a"));
        // sequential trials follow the seeded order exactly
        int[] order = new GridSpace(GRID).order(1L);
        for (FrozenTrial t : s.trials()) {
            assertThat(((Number) t.systemAttrs().get(GridSampler.GRID_ID)).intValue()).isEqualTo(order[t.number()]);
        }
    }

    @Test
    void theOrderDependsOnTheSeedOnly() {
        Study a = study(new GridSampler(GRID, 1L));
        Study b = study(new GridSampler(GRID, 1L));
        Study c = study(new GridSampler(GRID, 2L));
        for (Study s : List.of(a, b, c)) {
            s.optimize(F, 1000);
        }
        assertThat(points(b)).isEqualTo(points(a));
        assertThat(points(c)).isNotEqualTo(points(a));
        assertThat(new HashSet<>(points(c))).isEqualTo(new HashSet<>(points(a)));
    }

    @Test
    void concurrentWorkersCoverTheGridWithoutRepeatingWhilePointsAreFree() {
        for (int rep = 0; rep < 5; rep++) {
            Study s = study(new GridSampler(GRID, (long) rep));
            Objective slowish = t -> {
                double v = F.evaluate(t);
                Thread.onSpinWait();
                return v;
            };
            // free-running workers: the claim protocol alone keeps points unique (the deterministic mode's
            // lagged view would see the last claims up to 4 trials late and repeat a few points before stopping)
            try (LogCapture log = LogCapture.start()) {
                s.optimize(slowish, OptimizeOptions.trials(1000).withJobs(4).withDeterministic(false));
                List<Map<String, Object>> ps = points(s);
                assertThat(new HashSet<>(ps)).hasSize(24);
                // at most the 3 other workers may have started a trial between the last claim and the stop
                assertThat(ps.size()).isBetween(24, 27);
                // each of them said it repeats a point; its number can be any: a worker descheduled between
                // creating its trial and sampling it finds the grid taken by the others when it wakes
                assertThat(log.messages(Level.WARNING)).hasSize(ps.size() - 24).allMatch(m -> m.matches(
                        "every point of the grid of study 'grid' is taken; trial \\d+ repeats point \\{.*\\}"));
            }
        }
    }

    @Test
    void twoProcessesOnOneDatabaseShareTheGrid() throws Exception {
        // two Study objects on one H2 database stand for two processes; each has its own stop flag
        String url = "jdbc:h2:mem:grid-shared;DB_CLOSE_DELAY=-1";
        Study a = Studies.builder("shared").storage(nas.storage.JdbcStorage.open(url)).directions(StudyDirection.MINIMIZE)
                .sampler(new GridSampler(GRID, 6L)).seed(9).loadIfExists(true).create();
        Study b = Studies.builder("shared").storage(nas.storage.JdbcStorage.open(url)).directions(StudyDirection.MINIMIZE)
                .sampler(new GridSampler(GRID, 6L)).seed(9).loadIfExists(true).create();
        try (LogCapture log = LogCapture.start()) {
            Thread other = new Thread(() -> b.optimize(F, 1000));
            other.start();
            a.optimize(F, 1000);
            other.join();
            List<Map<String, Object>> ps = points(a);
            assertThat(new HashSet<>(ps)).hasSize(24);
            assertThat(ps.size()).isBetween(24, 25);
            // resuming the finished study starts at most one more trial (a repeat) and stops again
            a.optimize(F, 1000);
            assertThat(a.trials().size()).isLessThanOrEqualTo(ps.size() + 1);
            // every repeat was announced
            assertThat(log.messages(Level.WARNING)).hasSize(a.trials().size() - 24).allMatch(m -> m.startsWith(
                    "every point of the grid of study 'shared' is taken; trial 2"));
        }
    }

    @Test
    void aFailedTrialsPointIsVisitedAgain() {
        Set<Map<String, Object>> failedOnce = new HashSet<>();
        Objective flaky = t -> {
            double v = F.evaluate(t);
            if (t.number() == 3) {
                throw new IllegalStateException("flaky");
            }
            return v;
        };
        Study s = study(new GridSampler(GRID, 4L));
        try (LogCapture log = LogCapture.start()) {
            s.optimize(flaky, 1000);
            assertThat(log.messages(Level.WARNING))
                    .containsExactly("trial 3 of study 'grid' failed: java.lang.IllegalStateException: flaky");
        }
        assertThat(s.trials(TrialState.FAIL)).hasSize(1);
        assertThat(s.trials(TrialState.COMPLETE)).hasSize(24);
        assertThat(new HashSet<>(points(s, TrialState.COMPLETE))).hasSize(24);
        failedOnce.add(s.trials(TrialState.FAIL).get(0).params());
        assertThat(points(s, TrialState.COMPLETE)).containsAll(failedOnce);
    }

    @Test
    void parametersOutsideTheGridOrItsDistributionFailTheTrial() {
        Study s = study(new GridSampler(Map.of("x", List.of(1.0)), 1L));
        try (LogCapture log = LogCapture.start()) {
            s.optimize(t -> t.suggestFloat("x", 0, 5) + t.suggestFloat("y", 0, 1), 1);
            assertThat(log.messages(Level.WARNING)).containsExactly("trial 0 of study 'grid' failed: "
                    + "java.lang.IllegalArgumentException: parameter 'y' is not in the grid; grid parameters: [x]");
        }
        assertThat(s.trials().get(0).state()).isEqualTo(TrialState.FAIL);
        assertThat((String) s.trials().get(0).systemAttrs().get(FrozenTrial.FAIL_REASON)).contains("'y' is not in the grid");
        Study t = study(new GridSampler(Map.of("x", List.of(7.0)), 1L));
        try (LogCapture log = LogCapture.start()) {
            t.optimize(tr -> tr.suggestFloat("x", 0, 5), 1);
            assertThat(log.messages(Level.WARNING)).containsExactly("trial 0 of study 'grid' failed: "
                    + "java.lang.IllegalArgumentException: grid value 7.0 of 'x' lies outside float[0.0, 5.0]");
        }
        assertThat((String) t.trials().get(0).systemAttrs().get(FrozenTrial.FAIL_REASON)).contains("lies outside");
    }

    @Test
    void gridSpaceNumbersPointsInMixedRadixAndValidates() {
        GridSpace g = new GridSpace(GRID);
        assertThat(g.size()).isEqualTo(24);
        assertThat(g.names()).containsExactly("c", "n", "x");
        assertThat(g.point(0)).isEqualTo(Map.of("c", "a", "n", 1, "x", 1.0));
        assertThat(g.point(1)).isEqualTo(Map.of("c", "a", "n", 1, "x", 2.5));
        assertThat(g.point(3)).isEqualTo(Map.of("c", "a", "n", 2, "x", 1.0));
        assertThat(g.point(23)).isEqualTo(Map.of("c", "b", "n", 8, "x", 4.0));
        int[] order = g.order(5);
        assertThat(java.util.Arrays.stream(order).sorted().toArray()).isEqualTo(java.util.stream.IntStream.range(0, 24).toArray());
        assertThatThrownBy(() -> new GridSpace(Map.of())).hasMessageContaining("at least one parameter");
        assertThatThrownBy(() -> new GridSpace(Map.of("x", List.of()))).hasMessageContaining("'x' needs at least one value");
        assertThatThrownBy(() -> new GridSpace(Map.of("x", List.of(new Object())))).hasMessageContaining("strings, numbers or booleans");
        assertThatThrownBy(() -> g.point(24)).hasMessageContaining("[0, 24)");
    }
}
