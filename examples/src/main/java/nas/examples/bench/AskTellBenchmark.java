package nas.examples.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import nas.api.Studies;
import nas.api.Study;
import nas.api.Trial;
import nas.api.sampler.RandomSampler;
import nas.api.storage.InMemoryStorage;
import nas.api.storage.Storage;
import nas.storage.JdbcStorage;

/**
 * Ask + tell overhead with the random sampler on a 10-parameter float space, in memory and on an
 * H2 file: what the framework itself costs per trial, objective excluded.
 *
 * <pre>java -cp ... nas.examples.bench.AskTellBenchmark [inMemoryTrials=200000] [h2Trials=10000]</pre>
 */
public final class AskTellBenchmark {

    private AskTellBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int memTrials = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int h2Trials = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;

        run("in-memory (warm-up)", new InMemoryStorage(), memTrials / 4);
        double mem = run("in-memory", new InMemoryStorage(), memTrials);

        Path dir = Files.createTempDirectory("nas-bench");
        try {
            double h2 = run("H2 file", JdbcStorage.open(dir.resolve("bench").toString()), h2Trials);
            System.out.printf(Locale.ROOT, "%nresult: in-memory %,.0f trials/s, H2 file %,.0f trials/s%n", mem, h2);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double run(String label, Storage storage, int trials) {
        Study study = Studies.builder("bench").storage(storage).sampler(new RandomSampler(1)).create();
        long t0 = System.nanoTime();
        for (int i = 0; i < trials; i++) {
            Trial t = study.ask();
            double s = 0;
            for (int p = 0; p < 10; p++) {
                s += t.suggestFloat("x" + p, -5, 5);
            }
            study.tell(t, s);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = trials / seconds;
        System.out.printf(Locale.ROOT, "%-20s %,9d trials in %6.2f s = %,10.0f trials/s (%.1f µs/trial)%n", label, trials,
                seconds, rate, 1e6 / rate);
        storage.close();
        return rate;
    }
}
