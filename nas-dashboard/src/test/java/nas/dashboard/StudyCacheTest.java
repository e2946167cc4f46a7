package nas.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.FloatDistribution;
import nas.api.storage.InMemoryStorage;
import nas.api.storage.Storage;
import org.junit.jupiter.api.Test;

/** The cache reads only what may have changed: trials from the first open one on. */
class StudyCacheTest {

    final InMemoryStorage memory = new InMemoryStorage();
    final List<Integer> readFrom = new ArrayList<>();
    final Storage counted = (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
            (proxy, method, args) -> {
                if (method.getName().equals("trialsFrom")) {
                    readFrom.add((Integer) args[2]);
                }
                try {
                    return method.invoke(memory, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });

    FrozenTrial complete(double v) {
        return FrozenTrial.of(TrialState.COMPLETE, List.of(v), Map.of("x", v), Map.of("x", FloatDistribution.of(0, 10)));
    }

    @Test
    void refreshesReadOnlyFromTheFirstOpenTrialAndKeepsUnchangedSnapshots() {
        long id = memory.createStudy("s", List.of(StudyDirection.MINIMIZE));
        memory.createTrial(id, complete(1));
        memory.createTrial(id, complete(2));
        FrozenTrial running = memory.createTrial(id, null); // number 2, RUNNING
        memory.createTrial(id, complete(3));
        StudyCache cache = new StudyCache(counted, Duration.ZERO, true);
        StudySnapshot first = cache.snapshot("s");
        assertThat(first.trials()).hasSize(4);

        StudySnapshot same = cache.snapshot("s");
        assertThat(same).isSameAs(first);
        assertThat(readFrom).containsExactly(2);

        memory.setTrialIntermediateValue(running.id(), 0, 5.0);
        StudySnapshot moved = cache.snapshot("s");
        assertThat(moved.version()).isEqualTo(first.version() + 1);
        assertThat(moved.trial(2).intermediateValues()).containsEntry(0, 5.0);

        memory.setTrialStateValues(running.id(), TrialState.COMPLETE, List.of(0.5));
        memory.createTrial(id, complete(4));
        StudySnapshot grown = cache.snapshot("s");
        assertThat(grown.trials()).hasSize(5);
        assertThat(grown.complete()).extracting(FrozenTrial::value).containsExactly(1.0, 2.0, 0.5, 3.0, 4.0);
        // every trial finished: the next refresh asks only for numbers after the last
        cache.snapshot("s");
        assertThat(readFrom).containsExactly(2, 2, 2, 5);
    }

    @Test
    void aStudyDeletedAndCreatedAgainIsReadAnew() {
        long id = memory.createStudy("s", List.of(StudyDirection.MINIMIZE));
        memory.createTrial(id, complete(1));
        StudyCache cache = new StudyCache(memory, Duration.ZERO, true);
        assertThat(cache.snapshot("s").trials()).hasSize(1);
        memory.deleteStudy(id);
        long again = memory.createStudy("s", List.of(StudyDirection.MAXIMIZE));
        memory.createTrial(again, complete(7));
        memory.createTrial(again, complete(8));
        StudySnapshot s = cache.snapshot("s");
        assertThat(s.directions()).containsExactly(StudyDirection.MAXIMIZE);
        assertThat(s.complete()).extracting(FrozenTrial::value).containsExactly(7.0, 8.0);
    }

    @Test
    void aLargeStudyIsReadInGrowingChunksAndAnsweredFromTheFirstOneMeanwhile() throws InterruptedException {
        long id = memory.createStudy("big", List.of(StudyDirection.MINIMIZE));
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            memory.createTrial(id, complete(i % 97 / 10.0));
        }
        StudyCache cache = new StudyCache(counted, Duration.ZERO, true);
        StudySnapshot first = cache.snapshot("big");
        assertThat(first.trials()).hasSize(StudyCache.FIRST_CHUNK);
        assertThat(first.loadingOf()).isEqualTo(n);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        StudySnapshot s = first;
        while (s.loading() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            s = cache.snapshot("big");
        }
        assertThat(s.loading()).isFalse();
        assertThat(s.trials()).extracting(FrozenTrial::number).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, n).boxed().toList());
        assertThat(s.complete()).extracting(FrozenTrial::value).startsWith(0.0, 0.1, 0.2).endsWith((n - 1) % 97 / 10.0);
        // 2,000 first, then chunks of 4,000 and 8,000 (the last one came back short: the end)
        assertThat(readFrom).startsWith(0, 2_000, 6_000);
        assertThat(s.version()).isEqualTo(first.version() + 2);
        assertThat(PlotData.summary(s, null).get("loading")).isNull();
        assertThat(PlotData.summary(first, null).get("loading")).isEqualTo(java.util.Map.of("loaded", 2_000, "of", n));
    }
}
