package nas.api.export;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import nas.api.FrozenTrial;
import nas.api.TrialState;
import nas.api.storage.Storage;

/**
 * A study's trials in number order, read a page at a time ({@link Storage#trialsFrom}): an export
 * of any size holds one page in memory, and its first rows come out before the last are read.
 */
final class TrialPages implements Iterable<FrozenTrial> {

    /** Trials per read: large enough that a page's queries cost little per row, small enough for flat memory. */
    static final int PAGE_SIZE = 2_000;

    private final Storage storage;
    private final long studyId;
    private final Set<TrialState> states;

    TrialPages(Storage storage, long studyId, Set<TrialState> states) {
        this.storage = storage;
        this.studyId = studyId;
        this.states = states;
    }

    @Override
    public Iterator<FrozenTrial> iterator() {
        return new Iterator<>() {
            private List<FrozenTrial> page = storage.trialsFrom(studyId, states, 0, PAGE_SIZE);
            private int next;

            @Override
            public boolean hasNext() {
                if (next == page.size() && page.size() == PAGE_SIZE) {
                    page = storage.trialsFrom(studyId, states, page.get(page.size() - 1).number() + 1, PAGE_SIZE);
                    next = 0;
                }
                return next < page.size();
            }

            @Override
            public FrozenTrial next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(next++);
            }
        };
    }
}
