package nas.api;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import nas.api.storage.Storage;

/**
 * A study's trials as this process last read them, brought up to date with one incremental read
 * per call: finished trials never change (the storage contract), so once every trial below some
 * number is finished, only trials from that number on need reading again. This is what keeps
 * samplers that look at the history on every trial (CMA-ES, TPE, NSGA-II) from reloading the
 * whole study each time.
 *
 * <p>Kept: the finished trials below {@code scanFrom} (the lowest number that was not finished at
 * the last read), one append-only list per set of states asked for. Each call reads the trials
 * numbered {@code scanFrom} and up ({@link Storage#trialsFrom}), moves the finished run at their
 * head into the kept lists and answers with a kept list plus the rest of what it read. The kept
 * lists are handed out as fixed-size views, so an answer costs no copy of the history. A trial
 * that stays unfinished for long (a worker killed without heartbeats) holds {@code scanFrom}
 * back, and calls then read from it on, as every call did before this cache.
 */
final class TrialCache {

    private final Storage storage;
    private final long studyId;
    private int scanFrom;
    /** Finished trials below {@code scanFrom}, in number order. */
    private final AppendOnly finished = new AppendOnly();
    /** The same, filtered by each set of states asked for so far. */
    private final Map<Set<TrialState>, AppendOnly> byStates = new java.util.HashMap<>();
    private boolean loaded;

    TrialCache(Storage storage, long studyId) {
        this.storage = storage;
        this.studyId = studyId;
    }

    /** Whether a read has happened (a first read loads the whole history). */
    synchronized boolean loaded() {
        return loaded;
    }

    /** The study's trials in {@code states} (all when empty), by number, as they are now. */
    synchronized List<FrozenTrial> trials(Set<TrialState> states) {
        List<FrozenTrial> fresh = storage.trialsFrom(studyId, Set.of(), scanFrom, Integer.MAX_VALUE);
        loaded = true;
        int head = 0;
        while (head < fresh.size() && fresh.get(head).state().isFinished()) {
            keep(fresh.get(head++));
        }
        if (head > 0) {
            scanFrom = fresh.get(head - 1).number() + 1;
        }
        AppendOnly kept = states.isEmpty() ? finished : byStates.computeIfAbsent(Set.copyOf(states), this::filtered);
        List<FrozenTrial> rest = new ArrayList<>();
        for (int i = head; i < fresh.size(); i++) {
            FrozenTrial t = fresh.get(i);
            if (states.isEmpty() || states.contains(t.state())) {
                rest.add(t);
            }
        }
        return kept.view(rest);
    }

    private void keep(FrozenTrial t) {
        finished.add(t);
        for (Map.Entry<Set<TrialState>, AppendOnly> e : byStates.entrySet()) {
            if (e.getKey().contains(t.state())) {
                e.getValue().add(t);
            }
        }
    }

    private AppendOnly filtered(Set<TrialState> states) {
        AppendOnly out = new AppendOnly();
        for (int i = 0; i < finished.size; i++) {
            if (states.contains(finished.items[i].state())) {
                out.add(finished.items[i]);
            }
        }
        return out;
    }

    /**
     * A list that only grows at its end. Growing replaces the array, so a view made earlier keeps
     * reading the array and length it was made with: it never changes.
     */
    private static final class AppendOnly {
        FrozenTrial[] items = new FrozenTrial[16];
        int size;

        void add(FrozenTrial t) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = t;
        }

        /** The current items followed by {@code tail}, as an immutable list. */
        List<FrozenTrial> view(List<FrozenTrial> tail) {
            return new Snapshot(items, size, tail);
        }
    }

    /** An immutable list: the first {@code size} items of an array that is only appended to, then a tail. */
    private static final class Snapshot extends AbstractList<FrozenTrial> implements RandomAccess {
        private final FrozenTrial[] items;
        private final int size;
        private final List<FrozenTrial> tail;

        Snapshot(FrozenTrial[] items, int size, List<FrozenTrial> tail) {
            this.items = items;
            this.size = size;
            this.tail = tail;
        }

        @Override
        public FrozenTrial get(int index) {
            if (index < 0 || index >= size + tail.size()) {
                throw new IndexOutOfBoundsException("index " + index + " of " + size());
            }
            return index < size ? items[index] : tail.get(index - size);
        }

        @Override
        public int size() {
            return size + tail.size();
        }
    }
}
