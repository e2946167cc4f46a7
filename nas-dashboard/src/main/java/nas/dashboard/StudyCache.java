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
 *
 * <p>A study first seen with more than {@link #FIRST_CHUNK} trials is read in chunks of growing size on a
 * background thread: the first page of a 100,000-trial study is drawn from its first trials while the rest
 * arrive, each chunk a new version (the page redraws), instead of after the whole study was read.
 */
final class StudyCache {

    /** Trials read before a large study's first answer; later chunks double up to {@link #MAX_CHUNK}. */
    static final int FIRST_CHUNK = 2_000;
    static final int MAX_CHUNK = 25_000;

    private static final System.Logger LOG = System.getLogger(StudyCache.class.getName());

    private final Storage storage;
    private final long refreshNanos;
    private final boolean inChunks;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** One thread for slow analyses, so that they never take both cores of a small machine from the pages. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nas-dashboard-analysis");
        t.setDaemon(true);
        return t;
    });

    /** One thread reads the rest of large studies, one chunk after another. */
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nas-dashboard-load");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param refresh  how old a snapshot may get before a read brings it up to date
     * @param inChunks whether large studies are read in chunks (the live dashboard) or whole (a report)
     */
    StudyCache(Storage storage, Duration refresh, boolean inChunks) {
        this.storage = storage;
        this.refreshNanos = refresh.toNanos();
        this.inChunks = inChunks;
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
            if (e.snapshot == null || (!e.snapshot.loading() && now - e.readAt >= refreshNanos)) {
                e.snapshot = refresh(name, e.snapshot);
                e.readAt = System.nanoTime();
                if (e.snapshot.loading()) {
                    StudySnapshot first = e.snapshot;
                    loader.execute(() -> readRest(e, first));
                }
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
        Entry e = entries.remove(name);
        if (e != null) {
            synchronized (e) {
                e.snapshot = null; // stops its loader
            }
        }
    }

    private StudySnapshot refresh(String name, StudySnapshot old) {
        OptionalLong found = storage.findStudy(name);
        if (found.isEmpty()) {
            throw new StudyNotFoundException("named '" + name + "'");
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
                storage.studySystemAttrs(id), old.version() + 1, 0);
    }

    /** The whole study, or only its first chunk when it is large (the loader reads the rest). */
    private StudySnapshot read(long id, String name, long version) {
        int stored = inChunks ? storage.countTrials(id, Set.of()) : 0;
        List<FrozenTrial> trials = stored > FIRST_CHUNK ? storage.trialsFrom(id, Set.of(), 0, FIRST_CHUNK)
                : storage.trials(id, Set.of());
        return new StudySnapshot(id, name, storage.studyDirections(id), trials, storage.studyUserAttrs(id),
                storage.studySystemAttrs(id), version, stored > FIRST_CHUNK ? stored : 0);
    }

    /**
     * Reads the trials after those of {@code partial}, in chunks twice as large each time, publishing each as a
     * new version; the last chunk (shorter than asked) ends the loading. If reading fails, the loading ends with
     * what was read, and the next refresh reads the rest in one go.
     */
    private void readRest(Entry e, StudySnapshot partial) {
        StudySnapshot at = partial;
        int chunk = FIRST_CHUNK;
        try {
            while (true) {
                chunk = Math.min(MAX_CHUNK, chunk * 2);
                List<FrozenTrial> have = at.trials();
                int next = have.isEmpty() ? 0 : have.get(have.size() - 1).number() + 1;
                List<FrozenTrial> more = storage.trialsFrom(at.id(), Set.of(), next, chunk);
                List<FrozenTrial> merged = new ArrayList<>(have.size() + more.size());
                merged.addAll(have);
                merged.addAll(more);
                boolean last = more.size() < chunk;
                synchronized (e) {
                    if (e.snapshot != at) {
                        return; // the study was forgotten or replaced meanwhile
                    }
                    e.snapshot = new StudySnapshot(at.id(), at.name(), at.directions(), merged, at.userAttrs(),
                            at.systemAttrs(), at.version() + 1, last ? 0 : at.loadingOf());
                    e.readAt = System.nanoTime();
                    at = e.snapshot;
                }
                if (last) {
                    return;
                }
            }
        } catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, "reading study '" + at.name() + "' in chunks failed ("
                    + Dashboard.describe(failure) + "); the next refresh reads the rest");
            LOG.log(System.Logger.Level.DEBUG, "the failure", failure);
            synchronized (e) {
                if (e.snapshot == at) {
                    e.snapshot = new StudySnapshot(at.id(), at.name(), at.directions(), at.trials(), at.userAttrs(),
                            at.systemAttrs(), at.version(), 0);
                    e.readAt = System.nanoTime() - refreshNanos;
                }
            }
        }
    }

    private static final class Entry {
        StudySnapshot snapshot;
        long readAt;
        final Map<String, Optional<Object>> derived = new ConcurrentHashMap<>();
        final Map<String, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
    }
}
