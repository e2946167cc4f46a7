package nas.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import nas.api.FrozenTrial;
import nas.api.exception.StudyNotFoundException;
import nas.api.storage.Storage;
import nas.api.storage.StudyInfo;

/**
 * The dashboard's per-study memory of a storage, so that a page of a 100,000-trial study does not read
 * every trial again. A snapshot older than the refresh interval is brought up to date on the next read
 * with {@link Storage#trialsFrom}: finished trials never change, so only the trials from the first one
 * still open (RUNNING or WAITING) onwards are read again. Derived results (importance, Pareto fronts) are
 * kept per snapshot version, computed once.
 */
final class StudyCache {

    private final Storage storage;
    private final long refreshNanos;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** One thread for slow analyses, so that they never take both cores of a small machine from the pages. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nas-dashboard-analysis");
        t.setDaemon(true);
        return t;
    });

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

    /**
     * Like {@link #derived}, for analyses too slow to hold a request (fANOVA on a large study): computed on the
     * cache's background thread; null until ready, after which the same value is returned for that version.
     */
    @SuppressWarnings("unchecked")
    <T> T derivedLater(StudySnapshot s, String key, Function<StudySnapshot, T> compute) {
        Entry e = entries.computeIfAbsent(s.name(), n -> new Entry());
        String k = key + "@" + s.id() + ":" + s.version();
        CompletableFuture<Object> f = e.pending.computeIfAbsent(k, x -> {
            e.pending.keySet().removeIf(old -> old.startsWith(key + "@") && !old.equals(k));
            return CompletableFuture.supplyAsync(() -> compute.apply(s), background);
        });
        if (!f.isDone()) {
            return null;
        }
        return (T) f.join(); // rethrows the analysis' failure (CompletionException) for the caller to report
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
        // finished trials never change: read again only from the first trial that was still open
        List<FrozenTrial> trials = old.trials();
        int from = trials.size();
        for (int i = 0; i < trials.size(); i++) {
            if (!trials.get(i).state().isFinished()) {
                from = i;
                break;
            }
        }
        int firstNumber = from < trials.size() ? trials.get(from).number() : trials.isEmpty() ? 0
                : trials.get(trials.size() - 1).number() + 1;
        List<FrozenTrial> fresh = storage.trialsFrom(id, Set.of(), firstNumber, Integer.MAX_VALUE);
        if (fresh.equals(trials.subList(from, trials.size()))) {
            return old;
        }
        List<FrozenTrial> merged = new ArrayList<>(trials.size() + fresh.size());
        merged.addAll(trials.subList(0, from));
        merged.addAll(fresh);
        return new StudySnapshot(id, name, old.directions(), merged, storage.studyUserAttrs(id),
                storage.studySystemAttrs(id), old.version() + 1);
    }

    private StudySnapshot read(long id, String name, long version) {
        return new StudySnapshot(id, name, storage.studyDirections(id), storage.trials(id, Set.of()),
                storage.studyUserAttrs(id), storage.studySystemAttrs(id), version);
    }

    private static final class Entry {
        StudySnapshot snapshot;
        long readAt;
        final Map<String, Optional<Object>> derived = new ConcurrentHashMap<>();
        final Map<String, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
    }
}
