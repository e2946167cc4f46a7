package nas.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import nas.api.FrozenTrial;
import nas.api.Studies;
import nas.api.Study;
import nas.api.TrialState;
import nas.storage.JdbcStorage;

/**
 * How long the reads a user waits for take on a large study in an H2 file: the study list with
 * counts, the best trial, the trial count, a streamed export (pages of {@code trialsFrom}), the
 * first full read of a study's history and an incremental read after it. The study is grown with
 * {@link LargeStudy} first (kept in the file, so the CLI can be timed on it afterwards).
 *
 * <pre>scripts/bench.sh Reads [trials=200000] [file=./nas-reads-bench]</pre>
 */
public final class ReadsBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ReadsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path file = Path.of(args.length > 1 ? args[1].replaceFirst("\\.mv\\.db$", "") : "nas-reads-bench");
        time("grow the study (bulk SQL)", () -> LargeStudy.grow(file, "big", 1, trials));
        try (JdbcStorage storage = JdbcStorage.open(file.toString(), false)) {
            long id = storage.findStudy("big").orElseThrow();
            time("studies()", () -> storage.studies().size());
            time("bestTrial()", () -> storage.bestTrial(id).orElseThrow().number());
            time("countTrials(COMPLETE)", () -> storage.countTrials(id, EnumSet.of(TrialState.COMPLETE)));
            long[] rows = {0};
            double seconds = time("every trial in pages of 2,000", () -> {
                int from = 0;
                while (true) {
                    var page = storage.trialsFrom(id, Set.of(), from, 2_000);
                    if (page.isEmpty()) {
                        return rows[0];
                    }
                    rows[0] += page.size();
                    from = page.get(page.size() - 1).number() + 1;
                }
            });
            System.out.printf(Locale.ROOT, "  -> %.0f trials/s%n", rows[0] / seconds);
            Study study = Studies.builder("big").storage(storage).load();
            time("Study.trials(COMPLETE), first (whole history)", () -> study.trials(TrialState.COMPLETE).size());
            FrozenTrial t = storage.createTrial(id, null);
            storage.setTrialStateValues(t.id(), TrialState.COMPLETE, java.util.List.of(1.0));
            time("Study.trials(COMPLETE), next (one new trial)", () -> study.trials(TrialState.COMPLETE).size());
        }
    }

    private static double time(String what, Callable<Object> work) throws Exception {
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        Object result = work.call();
        double seconds = (System.nanoTime() - wall) / 1e9;
        System.out.printf(Locale.ROOT, "%-48s %9.3f s wall %9.3f s cpu  (%s)%n", what, seconds,
                (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9, result);
        return seconds;
    }
}
