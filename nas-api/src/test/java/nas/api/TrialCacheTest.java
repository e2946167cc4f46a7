package nas.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import nas.api.storage.InMemoryStorage;
import nas.api.storage.Storage;
import org.junit.jupiter.api.Test;

class TrialCacheTest {

    /** A real in-memory storage that also records where each incremental read started. */
    private static final class Recording {
        final InMemoryStorage storage = new InMemoryStorage();
        final List<Integer> readsFrom = new ArrayList<>();
        final Storage view = (Storage) java.lang.reflect.Proxy.newProxyInstance(Storage.class.getClassLoader(),
                new Class<?>[] {Storage.class}, (proxy, method, args) -> {
                    if (method.getName().equals("trialsFrom")) {
                        readsFrom.add((Integer) args[2]);
                    }
                    try {
                        return method.invoke(storage, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static final List<Set<TrialState>> STATE_SETS = List.of(EnumSet.noneOf(TrialState.class),
            EnumSet.of(TrialState.COMPLETE), EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED),
            EnumSet.of(TrialState.RUNNING), EnumSet.of(TrialState.FAIL, TrialState.WAITING));

    @Test
    void answersLikeTheStorageWhileTrialsStartAndFinishOutOfOrder() {
        Recording r = new Recording();
        long study = r.storage.createStudy("s", List.of(StudyDirection.MINIMIZE));
        TrialCache cache = new TrialCache(r.view, study);
        Random random = new Random(7);
        List<FrozenTrial> running = new ArrayList<>();
        TrialState[] ends = {TrialState.COMPLETE, TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL};
        for (int step = 0; step < 400; step++) {
            if (running.isEmpty() || random.nextInt(3) > 0 && running.size() < 6) {
                running.add(r.storage.createTrial(study, null));
            } else {
                FrozenTrial t = running.remove(random.nextInt(running.size()));
                TrialState end = ends[random.nextInt(ends.length)];
                r.storage.setTrialStateValues(t.id(), end, end == TrialState.FAIL ? List.of() : List.of(step * 0.5));
            }
            Set<TrialState> states = STATE_SETS.get(random.nextInt(STATE_SETS.size()));
            assertThat(cache.trials(states)).isEqualTo(r.storage.trials(study, states));
        }
    }

    @Test
    void readsOnlyFromTheFirstTrialThatWasNotFinished() {
        Recording r = new Recording();
        long study = r.storage.createStudy("s", List.of(StudyDirection.MINIMIZE));
        TrialCache cache = new TrialCache(r.view, study);
        List<FrozenTrial> made = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            made.add(r.storage.createTrial(study, null));
        }
        for (int i : new int[] {0, 1, 2, 4, 5}) {
            r.storage.setTrialStateValues(made.get(i).id(), TrialState.COMPLETE, List.of((double) i));
        }
        assertThat(cache.trials(EnumSet.of(TrialState.COMPLETE))).extracting(FrozenTrial::number)
                .containsExactly(0, 1, 2, 4, 5);
        // 0..2 are finished for good: the next read starts at 3, the first still running
        assertThat(cache.trials(EnumSet.of(TrialState.COMPLETE))).hasSize(5);
        r.storage.setTrialStateValues(made.get(3).id(), TrialState.PRUNED, List.of(3.0));
        assertThat(cache.trials(EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED))).extracting(FrozenTrial::number)
                .containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(cache.trials(EnumSet.noneOf(TrialState.class))).hasSize(10);
        assertThat(r.readsFrom).containsExactly(0, 3, 3, 6);
    }

    @Test
    void anAnswerNeverChangesAfterwards() {
        Storage storage = new InMemoryStorage();
        long study = storage.createStudy("s", List.of(StudyDirection.MINIMIZE));
        TrialCache cache = new TrialCache(storage, study);
        FrozenTrial a = storage.createTrial(study, null);
        storage.setTrialStateValues(a.id(), TrialState.COMPLETE, List.of(1.0));
        FrozenTrial b = storage.createTrial(study, null);
        List<FrozenTrial> before = cache.trials(EnumSet.noneOf(TrialState.class));
        storage.setTrialStateValues(b.id(), TrialState.COMPLETE, List.of(2.0));
        for (int i = 0; i < 40; i++) {
            storage.setTrialStateValues(storage.createTrial(study, null).id(), TrialState.COMPLETE, List.of(3.0));
        }
        assertThat(cache.trials(EnumSet.of(TrialState.COMPLETE))).hasSize(42);
        assertThat(before).extracting(FrozenTrial::state).containsExactly(TrialState.COMPLETE, TrialState.RUNNING);
        assertThat(before).hasSize(2);
    }
}
