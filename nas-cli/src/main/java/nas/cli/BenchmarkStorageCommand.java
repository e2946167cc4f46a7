package nas.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import nas.api.benchmark.AskTellThroughput;
import nas.api.storage.InMemoryStorage;
import nas.storage.JdbcStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nas benchmark storage}: ask + tell overhead per trial, in memory and on a storage. */
@Command(name = "storage", sortOptions = false,
        description = "Ask + tell overhead: random sampler, 10 float parameters, trivial objective.")
public final class BenchmarkStorageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--memory-trials", paramLabel = "N", defaultValue = "200000", description = "Trials in memory (default 200000).")
    int memoryTrials;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "10000", description = "Trials on the storage (default 10000).")
    int trials;

    @Option(names = "--storage", paramLabel = "URL", description = "Storage to measure (default: a new H2 file in a "
            + "temporary directory). Its study 'nas-benchmark-<time>' is deleted afterwards.")
    String storage;

    @Override
    public Integer call() throws Exception {
        if (memoryTrials < 1 || trials < 1) {
            throw new Nas.BadInputException("--memory-trials and --trials must be >= 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        AskTellThroughput.measure(new InMemoryStorage(), "warm-up", Math.max(1, memoryTrials / 4));
        out.println("in-memory: " + AskTellThroughput.measure(new InMemoryStorage(), "m", memoryTrials));
        out.flush();
        java.nio.file.Path dir = storage == null ? java.nio.file.Files.createTempDirectory("nas-bench") : null;
        String url = storage != null ? storage : dir.resolve("bench").toString();
        String study = "nas-benchmark-" + System.currentTimeMillis();
        try (JdbcStorage s = new StorageOptions(url).openInProcess()) {
            // the JIT compiles the storage's code paths during the first thousands of trials: the
            // same number of trials first, shown apart as what a fresh process gets
            out.println(url.split(";")[0] + " (warm-up, fresh JVM): "
                    + AskTellThroughput.measure(s, study + "-warm-up", trials));
            out.flush();
            nas.api.Studies.delete(s, study + "-warm-up");
            out.println(url.split(";")[0] + ": " + AskTellThroughput.measure(s, study, trials));
            nas.api.Studies.delete(s, study);
        } finally {
            if (dir != null) {
                try (var files = java.nio.file.Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        out.flush();
        return Nas.OK;
    }
}
