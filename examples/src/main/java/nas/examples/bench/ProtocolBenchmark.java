package nas.examples.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.storage.InMemoryStorage;
import nas.api.storage.Storage;
import nas.server.RemoteStorage;
import nas.server.ServerSecret;
import nas.server.StorageServer;
import nas.storage.JdbcStorage;

/**
 * What the storage server's protocol (HTTP/1.1 + JSON on the JDK's server, NAS's blocking client) costs per
 * call, next to what the calls cost the storage itself: microseconds per call of a read
 * ({@code trial}: one trial with 10 parameters) and of a worker's three writes for one trial
 * ({@code startTrial}, {@code setTrialParams}, {@code finishTrial}), on an in-memory storage
 * directly and through the server (the protocol alone), and on an H2 file directly and through
 * the server. With 1 and 4 client threads.
 *
 * <pre>
 * java -cp ... nas.examples.bench.ProtocolBenchmark [calls=5000]
 * </pre>
 */
public final class ProtocolBenchmark {

    private ProtocolBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        Path dir = Files.createTempDirectory("nas-protocol-bench");
        System.out.printf(Locale.ROOT, "%-22s %8s %16s %22s%n", "storage", "threads", "read us/call", "trial writes us/trial");
        for (int threads : new int[] {1, 4}) {
            measure("in-memory", new InMemoryStorage(), false, threads, calls);
            measure("in-memory via server", new InMemoryStorage(), true, threads, calls);
            measure("H2 file", JdbcStorage.open(dir.resolve("direct-" + threads).toString()), false, threads, calls / 5);
            measure("H2 file via server", JdbcStorage.openForServer(dir.resolve("served-" + threads).toString()), true, threads, calls / 5);
        }
    }

    private static void measure(String label, Storage backing, boolean served, int threads, int calls) throws Exception {
        ServerSecret secret = ServerSecret.random();
        StorageServer server = served ? StorageServer.start(backing, StorageServer.loopback(), 0, secret) : null;
        try (Storage storage = served ? RemoteStorage.connect(server.endpoint(secret)) : backing) {
            long study = storage.createStudy("p", List.of(StudyDirection.MINIMIZE));
            Map<String, Double> params = new LinkedHashMap<>();
            Map<String, Distribution> dists = new LinkedHashMap<>();
            for (int i = 0; i < 10; i++) {
                params.put("x" + i, 0.5);
                dists.put("x" + i, FloatDistribution.of(0, 1));
            }
            FrozenTrial sample = storage.startTrial(study, false);
            storage.finishTrial(sample.id(), params, dists, TrialState.COMPLETE, List.of(1.0));
            // warm-up, then the measured rounds
            perCall(threads, calls / 4, () -> storage.trial(sample.id()));
            perCall(threads, calls / 4, () -> oneTrial(storage, study, params, dists));
            double read = perCall(threads, calls, () -> storage.trial(sample.id()));
            double write = perCall(threads, calls, () -> oneTrial(storage, study, params, dists));
            System.out.printf(Locale.ROOT, "%-22s %8d %16.1f %22.1f%n", label, threads, read, write);
            System.out.flush();
        } finally {
            if (server != null) {
                server.close();
                backing.close();
            }
        }
    }

    private static void oneTrial(Storage storage, long study, Map<String, Double> params, Map<String, Distribution> dists) {
        FrozenTrial t = storage.startTrial(study, false);
        storage.setTrialParams(t.id(), params, dists);
        storage.finishTrial(t.id(), Map.of(), Map.of(), TrialState.COMPLETE, List.of(1.0));
    }

    /** Microseconds per call: {@code calls} calls shared by {@code threads} threads, wall time over calls. */
    private static double perCall(int threads, int calls, Runnable call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < calls / threads; i++) {
                        call.run();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return (System.nanoTime() - start) / 1e3 / calls;
        } finally {
            pool.shutdown();
        }
    }
}
