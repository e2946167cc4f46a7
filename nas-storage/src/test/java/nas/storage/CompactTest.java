package nas.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.FloatDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JdbcStorage#compact}: the file shrinks to its live data and holds the same trials, while writer threads of
 * the same storage go on meanwhile (their calls wait, none fails) and the storage serves on afterwards.
 */
class CompactTest {

    @TempDir
    Path dir;

    private static final FloatDistribution X = FloatDistribution.of(-1, 1);

    private static void trial(JdbcStorage s, long study, double x) {
        FrozenTrial t = s.startTrial(study, true);
        s.finishTrial(t.id(), Map.of("x", x), Map.of("x", X), TrialState.COMPLETE, List.of(x * x));
    }

    @Test
    void theFileShrinksKeepsEveryTrialAndWritersGoOnMeanwhile() throws Exception {
        Path file = dir.resolve("c.mv.db");
        try (JdbcStorage s = JdbcStorage.open("jdbc:h2:" + dir.resolve("c"))) {
            long kept = s.createStudy("kept", List.of(StudyDirection.MINIMIZE));
            long dropped = s.createStudy("dropped", List.of(StudyDirection.MINIMIZE));
            for (int i = 0; i < 3000; i++) {
                trial(s, kept, i / 3000.0);
                trial(s, dropped, -i / 3000.0);
            }
            // half the data gone: its space stays in the file
            s.deleteStudy(dropped);
            List<FrozenTrial> before = s.trials(kept, Set.of(TrialState.values()));
            long writing = s.createStudy("writing", List.of(StudyDirection.MINIMIZE));
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger written = new AtomicInteger();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                Thread t = new Thread(() -> {
                    try {
                        while (!stop.get()) {
                            trial(s, writing, 0.5);
                            written.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
                t.start();
                writers.add(t);
            }
            while (written.get() < 200) {
                Thread.sleep(5);
            }
            JdbcStorage.Compaction done = s.compact();
            int afterCompaction = written.get();
            while (written.get() < afterCompaction + 200 && failures.isEmpty()) {
                Thread.sleep(5);
            }
            stop.set(true);
            for (Thread t : writers) {
                t.join(60_000);
            }
            assertThat(failures).isEmpty();
            assertThat(done.bytesAfter()).as("%s", done).isLessThan(done.bytesBefore() * 2 / 3);
            assertThat(done.bytesNeeded()).isGreaterThan(done.bytesAfter());
            assertThat(s.trials(kept, Set.of(TrialState.values()))).isEqualTo(before);
            List<FrozenTrial> w = s.trials(writing, Set.of(TrialState.values()));
            assertThat(w).hasSize(written.get()).allMatch(t -> t.state() == TrialState.COMPLETE);
            assertThat(w.stream().mapToInt(FrozenTrial::number).distinct().count()).isEqualTo(written.get());
            assertThat(Files.exists(Path.of(file + JdbcStorage.COMPACT_TEMP_SUFFIX))).isFalse();
        }
        // closed and opened again: the same, and the mark beside it guards the compacted file
        try (JdbcStorage s = JdbcStorage.open("jdbc:h2:" + dir.resolve("c"), false)) {
            assertThat(s.countTrials(s.findStudy("kept").getAsLong(), Set.of(TrialState.COMPLETE))).isEqualTo(3000);
        }
    }

    /**
     * The heartbeats sent during a compaction waited for it: for one grace period after it no running trial is judged
     * stale, then the check works as before.
     */
    @Test
    void noTrialIsFailedAsStaleForOneGracePeriodAfterACompaction() throws Exception {
        try (JdbcStorage s = JdbcStorage.open("jdbc:h2:" + dir.resolve("h"))) {
            long study = s.createStudy("h", List.of(StudyDirection.MINIMIZE));
            FrozenTrial running = s.startTrial(study, true);
            java.time.Duration grace = java.time.Duration.ofMillis(400);
            Thread.sleep(600);
            s.compact();
            // its heartbeat is 600 ms old, older than the grace, but the compaction has just ended
            assertThat(s.failStaleTrials(study, grace)).isEmpty();
            Thread.sleep(500);
            assertThat(s.failStaleTrials(study, grace)).extracting(FrozenTrial::id).containsExactly(running.id());
        }
    }

    @Test
    void onlyAnH2FileOpenedForWritingIsCompacted() {
        try (JdbcStorage s = JdbcStorage.open("jdbc:h2:mem:compact-" + System.nanoTime())) {
            assertThatThrownBy(s::compact).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("only an H2 file opened for writing can be compacted");
        }
    }
}
