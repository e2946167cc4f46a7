package nas.api.export;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import nas.api.FrozenTrial;
import nas.api.TrialState;
import nas.api.storage.Storage;

/**
 * A study's trials in number order, read a page at a time ({@link Storage#trialsFrom}): an export
 * of any size holds two pages in memory, and its first rows come out before the last are read. The
 * next page is read on a thread of its own while the caller writes the current one, so reading
 * and writing share the cores.
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

    /** Starts reading the page from {@code fromNumber} on a new daemon thread (one per page: none outlives it). */
    private CompletableFuture<List<FrozenTrial>> read(int fromNumber) {
        return CompletableFuture.supplyAsync(() -> storage.trialsFrom(studyId, states, fromNumber, PAGE_SIZE), task -> {
            Thread t = new Thread(task, "nas-trial-pages");
            t.setDaemon(true);
            t.start();
        });
    }

    /** The page read, or what reading it threw, as thrown. */
    private static List<FrozenTrial> await(CompletableFuture<List<FrozenTrial>> page) {
        try {
            return page.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Override
    public Iterator<FrozenTrial> iterator() {
        return new Iterator<>() {
            private List<FrozenTrial> page = List.of();
            private CompletableFuture<List<FrozenTrial>> coming = read(0);
            private int next;

            @Override
            public boolean hasNext() {
                if (next == page.size() && coming != null) {
                    page = await(coming);
                    next = 0;
                    coming = page.size() == PAGE_SIZE ? read(page.get(page.size() - 1).number() + 1) : null;
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
