package nas.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import nas.api.FrozenTrial;
import nas.api.TrialState;
import nas.api.exception.StudyNotFoundException;
import nas.api.storage.Storage;
import nas.api.storage.StudyInfo;

/**
 * The dashboard's per-study memory of a storage, so that a page of a 100,000-trial study does not read
 * every trial again. A snapshot older than the refresh interval is brought up to date on the next read:
 * when the trial counts by state did not change only the RUNNING trials are read again (their
 * intermediate values move); otherwise the study is read anew. Derived results (importance, Pareto
 * fronts) are kept per snapshot version, computed once.
 */
final class StudyCache {

    private static final Set<TrialState> LIVE = EnumSet.of(TrialState.RUNNING);

    private final Storage storage;
    private final long refreshNanos;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    StudyCache(Storage storage, Duration refresh) {
        this.storage = storage;
        this.refreshNanos = refresh.toNanos();
    }

    /** Every study as the storage lists it now (with counts; cheap). */
    List<StudyInfo> studies() {
        return storage.studies();
    }

    /**
     * The study as of at most the refresh interval ago.
     *
     * @throws StudyNotFoundException when the storage has no such study
     */
    StudySnapshot snapshot(String name) {
        Entry e = entries.computeIfAbsent(name, n -> new Entry());
        synchronized (e) {
            long now = System.nanoTime();
            if (e.snapshot == null || now - e.readAt >= refreshNanos) {
                e.snapshot = refresh(name, e.snapshot);
                e.readAt = System.nanoTime();
            }
            return e.snapshot;
        }
    }

    /**
     * A value derived from the current snapshot, computed once per snapshot version.
     */
    @SuppressWarnings("unchecked")
    <T> T derived(StudySnapshot s, String key, Function<StudySnapshot, T> compute) {
        Entry e = entries.computeIfAbsent(s.name(), n -> new Entry());
        String k = key + "@" + s.id() + ":" + s.version();
        Optional<Object> v = e.derived.get(k);
        if (v == null) {
            v = Optional.ofNullable(compute.apply(s));
            e.derived.keySet().removeIf(old -> old.startsWith(key + "@") && !old.equals(k));
            e.derived.put(k, v);
        }
        return (T) v.orElse(null);
    }

    /** Forgets a study (after it was deleted). */
    void forget(String name) {
        entries.remove(name);
    }

    private StudySnapshot refresh(String name, StudySnapshot old) {
        OptionalLong found = storage.findStudy(name);
        if (found.isEmpty()) {
            throw new StudyNotFoundException("no study named '" + name + "'");
        }
        long id = found.getAsLong();
        if (old == null || old.id() != id) {
            return read(id, name, old == null ? 1 : old.version() + 1);
        }
        boolean sameCounts = true;
        Map<TrialState, Integer> counts = old.counts();
        for (TrialState state : TrialState.values()) {
            if (storage.countTrials(id, EnumSet.of(state)) != counts.get(state)) {
                sameCounts = false;
                break;
            }
        }
        if (!sameCounts) {
            return read(id, name, old.version() + 1);
        }
        if (counts.get(TrialState.RUNNING) == 0) {
            return old;
        }
        List<FrozenTrial> running = storage.trials(id, LIVE);
        List<FrozenTrial> merged = new ArrayList<>(old.trials());
        boolean changed = false;
        for (FrozenTrial t : running) {
            int at = indexOf(merged, t.number());
            if (at >= 0 && !merged.get(at).equals(t)) {
                merged.set(at, t);
                changed = true;
            }
        }
        return changed ? new StudySnapshot(id, name, old.directions(), merged, old.userAttrs(), old.systemAttrs(),
                old.version() + 1) : old;
    }

    private static int indexOf(List<FrozenTrial> trials, int number) {
        if (number < trials.size() && trials.get(number).number() == number) {
            return number;
        }
        for (int i = 0; i < trials.size(); i++) {
            if (trials.get(i).number() == number) {
                return i;
            }
        }
        return -1;
    }

    private StudySnapshot read(long id, String name, long version) {
        return new StudySnapshot(id, name, storage.studyDirections(id), storage.trials(id, Set.of()),
                storage.studyUserAttrs(id), storage.studySystemAttrs(id), version);
    }

    private static final class Entry {
        StudySnapshot snapshot;
        long readAt;
        final Map<String, Optional<Object>> derived = new ConcurrentHashMap<>();
    }
}
