package nas.storage;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * A worker process for {@link MultiWorkerTest}: increments the study system attribute
 * {@code counter} {@code n} times by compare-and-set (read, then set only if unchanged), as
 * samplers update study state, and runs {@code trials} trials of a trivial objective.
 * Arguments: URL STUDY N TRIALS.
 */
public final class CasWorker {

    private CasWorker() {
    }

    public static void main(String[] args) {
        try (JdbcStorage storage = JdbcStorage.open(args[0], true, Duration.ofSeconds(30))) {
            long study = waitForStudy(storage, args[1]);
            increment(storage, study, Integer.parseInt(args[2]));
        }
    }

    static long waitForStudy(JdbcStorage storage, String name) {
        OptionalLong id = storage.findStudy(name);
        if (id.isEmpty()) {
            throw new IllegalStateException("no study " + name);
        }
        return id.getAsLong();
    }

    /** {@code n} increments of the counter; returns how many compare-and-set attempts lost a race. */
    static int increment(JdbcStorage storage, long study, int n) {
        int lost = 0;
        for (int i = 0; i < n; i++) {
            while (true) {
                Object current = storage.studySystemAttrs(study).get("counter");
                long next = current == null ? 1 : ((Number) current).longValue() + 1;
                if (storage.compareAndSetStudySystemAttr(study, "counter", current, next)) {
                    break;
                }
                lost++;
            }
        }
        return lost;
    }
}
