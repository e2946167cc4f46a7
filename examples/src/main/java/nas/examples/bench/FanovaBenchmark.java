package nas.examples.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import nas.analysis.importance.Fanova;
import nas.analysis.importance.FanovaImportance;
import nas.analysis.importance.ImportanceResult;
import nas.api.Studies;
import nas.api.Study;
import nas.api.sampler.RandomSampler;
import nas.analysis.importance.ForestOptions;
import nas.analysis.importance.PedAnovaImportance;
import nas.analysis.importance.SmileForest;

/**
 * Times fANOVA on a study-sized problem: {@code n} trials x {@code k} parameters (1,000 x 30 by default),
 * 64 trees. The target is a sum of a few main effects and one interaction on the first five parameters, so
 * the ranking can be checked by eye. Fitting the forest and decomposing it are timed separately; each is
 * run {@code repeats} times after one warm-up and the median is reported. Last, the same size through the
 * study-level {@link FanovaImportance} (an in-memory study of random trials), which adds reading the trials.
 *
 * <pre>
 * mvn -B -q -pl examples -am compile
 * mvn -B -q -pl examples dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp "examples/target/classes:nas-analysis/target/classes:nas-samplers/target/classes:nas-api/target/classes:$(cat /tmp/cp.txt)" \
 *     nas.examples.bench.FanovaBenchmark [trials=1000] [parameters=30] [trees=64] [repeats=5]
 * </pre>
 */
public final class FanovaBenchmark {

    private FanovaBenchmark() {
    }

    /** CPU time of the whole process (all threads), or -1 where the JVM does not report it. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int trees = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        SplittableRandom random = new SplittableRandom(2014L);
        double[][] x = new double[n][k];
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < k; i++) {
                x[r][i] = random.nextDouble();
            }
            double[] p = x[r];
            y[r] = 10 * p[0] + 5 * Math.sin(Math.PI * p[1]) + 4 * p[2] * p[3] + p[4] + 0.1 * random.nextGaussian();
        }
        double[] lower = new double[k];
        double[] upper = new double[k];
        Arrays.fill(upper, 1.0);
        int[] features = IntStream.range(0, k).toArray();
        ForestOptions options = ForestOptions.defaults().withTrees(trees).withSeed(7L);

        long[] fit = new long[repeats];
        long[] decompose = new long[repeats];
        long[] cpu = new long[repeats];
        Fanova.Result result = null;
        int leaves = 0;
        for (int rep = -1; rep < repeats; rep++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            SmileForest forest = SmileForest.fit(x, y, options);
            long t1 = System.nanoTime();
            result = Fanova.decompose(forest.trees(), lower, upper, features, false);
            long t2 = System.nanoTime();
            if (rep >= 0) {
                fit[rep] = t1 - t0;
                decompose[rep] = t2 - t1;
                cpu[rep] = processCpuNanos() - c0;
            }
            leaves = forest.trees().stream().mapToInt(t -> (t.nodeCount() + 1) / 2).sum() / trees;
        }
        Arrays.sort(fit);
        Arrays.sort(decompose);
        Arrays.sort(cpu);
        System.out.printf("fANOVA benchmark: %d trials x %d parameters, %d trees (mean %d leaves), %d cores%n",
                n, k, trees, leaves, Runtime.getRuntime().availableProcessors());
        System.out.printf("forest fit   median %.0f ms (min %.0f, max %.0f)%n", fit[repeats / 2] / 1e6, fit[0] / 1e6,
                fit[repeats - 1] / 1e6);
        System.out.printf("decompose    median %.0f ms (min %.0f, max %.0f)%n", decompose[repeats / 2] / 1e6,
                decompose[0] / 1e6, decompose[repeats - 1] / 1e6);
        System.out.printf("total        median %.0f ms; CPU time of fit + decompose median %.0f ms "
                + "(independent of other load; the fit runs on all cores)%n",
                (fit[repeats / 2] + decompose[repeats / 2]) / 1e6, cpu[repeats / 2] / 1e6);
        Study study = Studies.builder("bench").sampler(new RandomSampler(2014L)).create();
        study.optimize(trial -> {
            double[] p = new double[k];
            for (int i = 0; i < k; i++) {
                p[i] = trial.suggestFloat("x" + i, 0, 1);
            }
            return 10 * p[0] + 5 * Math.sin(Math.PI * p[1]) + 4 * p[2] * p[3] + p[4];
        }, n);
        FanovaImportance evaluator = FanovaImportance.builder().trees(trees).seed(7L).build();
        long[] studyTimes = new long[repeats];
        ImportanceResult viaStudy = null;
        for (int rep = -1; rep < repeats; rep++) {
            long t0 = System.nanoTime();
            viaStudy = evaluator.evaluate(study);
            if (rep >= 0) {
                studyTimes[rep] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(studyTimes);
        System.out.printf("FanovaImportance.evaluate on an in-memory study: median %.0f ms (min %.0f, max %.0f); top %s%n",
                studyTimes[repeats / 2] / 1e6, studyTimes[0] / 1e6, studyTimes[repeats - 1] / 1e6,
                viaStudy.parameters().subList(0, Math.min(3, k)).stream().map(p -> p.name()).toList());
        // PED-ANOVA on the same study: no forest, one pass over the trials per parameter
        PedAnovaImportance ped = PedAnovaImportance.defaults();
        long[] pedTimes = new long[repeats];
        ImportanceResult viaPed = null;
        for (int rep = -1; rep < repeats; rep++) {
            long t0 = System.nanoTime();
            viaPed = ped.evaluate(study);
            if (rep >= 0) {
                pedTimes[rep] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(pedTimes);
        System.out.printf("PedAnovaImportance.evaluate on the same study: median %.1f ms (min %.1f, max %.1f); top %s%n",
                pedTimes[repeats / 2] / 1e6, pedTimes[0] / 1e6, pedTimes[repeats - 1] / 1e6,
                viaPed.parameters().subList(0, Math.min(3, k)).stream().map(p -> p.name()).toList());
        Integer[] order = IntStream.range(0, k).boxed().toArray(Integer[]::new);
        double[] imp = result.importance();
        Arrays.sort(order, (a, b) -> Double.compare(imp[b], imp[a]));
        System.out.println("top parameters (importance +- spread):");
        for (int i = 0; i < Math.min(8, k); i++) {
            System.out.printf("  x%-3d %.4f +- %.4f%n", order[i], imp[order[i]], result.spread()[order[i]]);
        }
    }
}
