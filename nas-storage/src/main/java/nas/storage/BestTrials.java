package nas.storage;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import nas.api.StudyDirection;

/**
 * The best COMPLETE trial of each single-objective study, for the process that owns an H2 file:
 * nobody else writes to it, so once a study's best is read (one query over all its trials), every
 * trial finished here keeps it current and later asks cost nothing. The query runs under this
 * object's lock, and a finish offers its trial only after its commit, so a trial committed while
 * the query runs is either seen by the query or offered after it: none is missed. Several
 * storages of this process on the same file share one (H2 lets them in; no other process is):
 * {@link #acquire} and {@link #release} count them, and the last to close forgets it, so a new
 * file at the same path starts afresh.
 */
final class BestTrials {

    private static final Map<Path, BestTrials> OPEN = new HashMap<>();

    private int users;

    /** The best trials of the H2 file {@code database}, shared by this process's storages on it. */
    static BestTrials acquire(Path database) {
        Path key = database.toAbsolutePath().normalize();
        synchronized (OPEN) {
            BestTrials b = OPEN.computeIfAbsent(key, k -> new BestTrials());
            b.users++;
            return b;
        }
    }

    /** A storage that used {@link #acquire}'s result closed. */
    static void release(Path database) {
        Path key = database.toAbsolutePath().normalize();
        synchronized (OPEN) {
            BestTrials b = OPEN.get(key);
            if (b != null && --b.users == 0) {
                OPEN.remove(key);
            }
        }
    }

    /** A study's best: the lowest number among equal values wins, as in the query. */
    record Best(long trialId, int number, double value, StudyDirection direction) {

        boolean beatenBy(int otherNumber, double otherValue) {
            return direction.isBetter(otherValue, value) || (otherValue == value && otherNumber < number);
        }
    }

    /** The query for a study's best, or null when it has no COMPLETE trial. */
    @FunctionalInterface
    interface Query {
        Best run();
    }

    private final Map<Long, Best> byStudy = new HashMap<>();

    /**
     * The study's best trial id, or null when it has none: from memory once read (a study without
     * a COMPLETE trial is queried again, which costs little).
     */
    synchronized Long bestTrialId(long studyId, Query query) {
        Best best = byStudy.get(studyId);
        if (best == null) {
            best = query.run();
            if (best != null) {
                byStudy.put(studyId, best);
            }
        }
        return best == null ? null : best.trialId();
    }

    /** A trial of the study has just been committed COMPLETE with this first value. */
    synchronized void offer(long studyId, long trialId, int number, double value) {
        Best best = byStudy.get(studyId);
        if (best != null && best.beatenBy(number, value)) {
            byStudy.put(studyId, new Best(trialId, number, value, best.direction()));
        }
    }

    synchronized void forget(long studyId) {
        byStudy.remove(studyId);
    }
}
