package nas.examples.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import nas.api.benchmark.AskTellThroughput;
import nas.api.storage.InMemoryStorage;
import nas.storage.JdbcStorage;

/**
 * Ask + tell overhead with the random sampler on a 10-parameter float space, in memory and on an
 * H2 file (also {@code nas benchmark storage}).
 *
 * <pre>scripts/bench.sh AskTell [inMemoryTrials=200000] [h2Trials=10000]</pre>
 */
public final class AskTellBenchmark {

    private AskTellBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int memTrials = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int h2Trials = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        System.out.println("in-memory warm-up: " + AskTellThroughput.measure(new InMemoryStorage(), "w", memTrials / 4));
        System.out.println("in-memory:         " + AskTellThroughput.measure(new InMemoryStorage(), "m", memTrials));
        Path dir = Files.createTempDirectory("nas-bench");
        try (JdbcStorage h2 = JdbcStorage.open(dir.resolve("bench").toString())) {
            // the JIT compiles H2's code paths during the first thousands of trials: as many
            // trials first, shown apart as what a fresh process gets
            System.out.println("H2 file warm-up:   " + AskTellThroughput.measure(h2, "w", h2Trials));
            System.out.println("H2 file:           " + AskTellThroughput.measure(h2, "h", h2Trials));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
