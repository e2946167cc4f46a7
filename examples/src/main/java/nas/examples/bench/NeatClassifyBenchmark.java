package nas.examples.bench;

import static nas.api.Statistics.median;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import nas.neat.Activation;
import nas.neat.BiasMode;
import nas.neat.InnovationTracker;
import nas.neat.NeatConnectivity;
import nas.neat.NeatEvolution;
import nas.neat.NeatGenome;
import nas.neat.NeatMutation;
import nas.neat.NeatMutationParams;
import nas.neat.NeatSettings;
import nas.neat.data.Datasets;
import nas.neat.data.Split;
import nas.neat.learn.BackpropFitness;
import nas.neat.learn.BackpropSettings;
import nas.neat.learn.DagNetwork;
import nas.neat.learn.Mlp;
import nas.neat.learn.NeatClassifier;
import nas.neat.learn.Trainer;

/**
 * NEAT that learns, measured: two spirals (validation accuracy per seed and the median), a fixed-topology MLP of
 * the same parameter count trained by the same optimizer for the same number of steps, XOR (generations to
 * 100% per seed) and throughput (genome evaluations of 40 steps on 200 training rows per second, 1 and N threads).
 *
 * <p>Usage: {@code NeatClassifyBenchmark [--sections spirals,xor,throughput] [--seeds 5] [--generations 100]
 * [--population 150] [--threads 2] [--xor-generations 50] [--lr R] [--picture FILE]}; the MLP comparison runs
 * with the spirals section. Every figure is printed with the load average and the process CPU time, since the
 * machine may be shared.
 */
public final class NeatClassifyBenchmark {

    private NeatClassifyBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Set<String> sections = Set.of("spirals", "xor", "throughput");
        int seeds = 5;
        int generations = 100;
        int population = 150;
        int threads = Runtime.getRuntime().availableProcessors();
        int xorGenerations = 50;
        Double lr = null;
        Path picture = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--sections" -> sections = Set.of(v.split(","));
                case "--seeds" -> seeds = Integer.parseInt(v);
                case "--generations" -> generations = Integer.parseInt(v);
                case "--population" -> population = Integer.parseInt(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--xor-generations" -> xorGenerations = Integer.parseInt(v);
                case "--lr" -> lr = Double.parseDouble(v);
                case "--picture" -> picture = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        NeatClassifier classifier = classifier(population, lr);
        System.out.printf(Locale.ROOT, "settings: population %d, %d backprop steps (lr %.3g, l2 %.0e, %s, %s), "
                + "refine top %d with %d steps, alpha_nodes %.0e, alpha_edges %.0e, %d threads; %s%n", population,
                classifier.backprop().steps(), classifier.backprop().learningRate(), classifier.backprop().l2(),
                classifier.backprop().optimizer(), classifier.backprop().inheritance(), classifier.neat().refineTop(),
                classifier.refineSteps(), classifier.backprop().alphaNodes(), classifier.backprop().alphaEdges(),
                threads, load());
        if (sections.contains("spirals")) {
            spirals(classifier, seeds, generations, threads, picture);
        }
        if (sections.contains("xor")) {
            xor(classifier, seeds, xorGenerations, threads);
        }
        if (sections.contains("throughput")) {
            throughput(classifier.backprop(), threads);
        }
    }

    static NeatClassifier classifier(int population, Double lr) {
        NeatClassifier d = NeatClassifier.defaults();
        NeatSettings n = d.neat();
        NeatSettings s = new NeatSettings(population, n.connectivity(), n.biasMode(), n.outputActivation(),
                n.mutation(), n.weightMutationRate(), n.activationMutationRate(), n.activations(), n.crossoverRate(),
                n.distance(), n.compatibilityThreshold(), n.minSpeciesSize(), n.survivalRate(), n.speciesTarget(),
                n.stagnationLimit(), n.refineTop());
        BackpropSettings b = d.backprop();
        if (lr != null) {
            b = new BackpropSettings(b.steps(), lr, b.l2(), b.optimizer(), b.inheritance(), b.alphaNodes(),
                    b.alphaEdges());
        }
        return new NeatClassifier(s, b, d.refineSteps());
    }

    private static void spirals(NeatClassifier classifier, int seeds, int generations, int threads, Path picture)
            throws IOException {
        Split data = Datasets.builtIn("spirals", 0);
        System.out.printf(Locale.ROOT, "%nTwo spirals: %d training points, %d validation points (halfway between)%n",
                data.train().size(), data.validation().size());
        System.out.println("seed  neat_acc  gens  hidden  conns  params  seconds  cpu_s | mlp_layers  mlp_params"
                + "  mlp_steps  mlp_tanh_acc  mlp_sin_acc");
        double[] neat = new double[seeds];
        double[] mlpTanh = new double[seeds];
        double[] mlpSin = new double[seeds];
        NeatGenome bestOfAll = null;
        double bestAcc = -1;
        for (int s = 0; s < seeds; s++) {
            long seed = s + 1;
            double cpu0 = cpuSeconds();
            long t0 = System.nanoTime();
            NeatEvolution.Result r = classifier.run(data, generations, threads, seed, g -> { });
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = cpuSeconds() - cpu0;
            neat[s] = r.bestScore();
            if (r.bestScore() > bestAcc) {
                bestAcc = r.bestScore();
                bestOfAll = r.best();
            }
            int params = Mlp.parameterCount(r.best());
            // Same parameter count: two hidden layers of width h, h^2 + 6h + 2 parameters for 2 inputs, 2 outputs.
            int h = Math.max(1, (int) Math.round(-3 + Math.sqrt(7 + params)));
            int steps = r.history().size() * (classifier.backprop().steps() + classifier.refineSteps());
            mlpTanh[s] = mlp(data, h, Activation.TANH, classifier.backprop(), steps, seed);
            mlpSin[s] = mlp(data, h, Activation.SIN, classifier.backprop(), steps, seed);
            System.out.printf(Locale.ROOT, "%4d  %8.4f  %4d  %6d  %5d  %6d  %7.1f  %5.1f | %10s  %10d  %9d  %12.4f  %11.4f%n",
                    seed, r.bestScore(), r.history().size(), r.best().hiddenCount(), r.best().enabledConnectionCount(),
                    params, wall, cpu, "2x" + h, h * h + 6 * h + 2, steps, mlpTanh[s], mlpSin[s]);
        }
        System.out.printf(Locale.ROOT, "median validation accuracy: NEAT %.4f | MLP tanh %.4f | MLP sin %.4f; %s%n",
                median(neat), median(mlpTanh), median(mlpSin), load());
        if (picture != null && bestOfAll != null) {
            nas.neat.learn.DecisionBoundary.of(bestOfAll, data).write(picture, 600);
            System.out.println("decision boundary of the best network (" + bestAcc + "): " + picture);
        }
    }

    /** Validation accuracy of a 2-layer MLP trained for {@code steps} full-batch steps with the same optimizer. */
    static double mlp(Split data, int width, Activation activation, BackpropSettings b, int steps, long seed) {
        NeatGenome g = Mlp.genome(data.train().featureCount(), new int[] {width, width}, data.train().classCount(),
                activation, seed);
        DagNetwork net = DagNetwork.compile(g);
        if (!new Trainer(net, b.optimizer(), b.learningRate(), b.l2()).train(data.train(), steps)) {
            return 0.0;
        }
        return net.correct(data.validation()) / (double) data.validation().size();
    }

    private static void xor(NeatClassifier classifier, int seeds, int generations, int threads) {
        Split data = Datasets.builtIn("xor", 0);
        System.out.printf(Locale.ROOT, "%nXOR: up to %d generations, population %d%n", generations,
                classifier.neat().populationSize());
        int solved = 0;
        for (int s = 0; s < seeds; s++) {
            NeatEvolution.Result r = classifier.run(data, generations, threads, s + 1, g -> { });
            boolean ok = r.bestScore() == 1.0;
            solved += ok ? 1 : 0;
            System.out.printf(Locale.ROOT, "seed %d: accuracy %.2f after %d generations (hidden %d, connections %d)%n",
                    s + 1, r.bestScore(), r.history().size(), r.best().hiddenCount(), r.best().enabledConnectionCount());
        }
        System.out.printf(Locale.ROOT, "XOR solved in %d of %d seeds; %s%n", solved, seeds, load());
    }

    /** Evaluations of 150 grown genomes (40 steps on 200 training rows each), 1 thread and then N threads. */
    private static void throughput(BackpropSettings b, int threads) {
        Split data = Split.of(Datasets.circles(400, 0.5, 0.08, 1), 0.5, 1);
        BackpropFitness fitness = new BackpropFitness(data, b.withSteps(40));
        SplittableRandom rng = new SplittableRandom(7);
        InnovationTracker tracker = new InnovationTracker();
        NeatMutationParams grow = new NeatMutationParams(0.5, 0.8, 0.05, 0.02, 0.5, 40, 0.3, 0.2, false);
        List<NeatGenome> genomes = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            NeatGenome g = NeatGenome.createMinimal(2, 2, BiasMode.NODE, NeatConnectivity.FULL, 0.0, tracker, rng);
            for (int k = 0; k < 20; k++) {
                g = NeatMutation.mutate(g, grow, 0.1, tracker, rng);
            }
            genomes.add(g);
        }
        double hidden = genomes.stream().mapToInt(NeatGenome::hiddenCount).average().orElse(0);
        double conns = genomes.stream().mapToInt(NeatGenome::enabledConnectionCount).average().orElse(0);
        System.out.printf(Locale.ROOT, "%nThroughput: 150 genomes (mean %.1f hidden, %.1f connections), 40 steps on %d "
                + "training rows + validation on %d%n", hidden, conns, data.train().size(), data.validation().size());
        double single = 0;
        for (int t : threads == 1 ? new int[] {1} : new int[] {1, threads}) {
            ForkJoinPool pool = new ForkJoinPool(t);
            try {
                measure(pool, fitness, genomes, 2); // warm-up
                double cpu0 = cpuSeconds();
                long t0 = System.nanoTime();
                int rounds = 5;
                measure(pool, fitness, genomes, rounds);
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpu = cpuSeconds() - cpu0;
                double rate = rounds * genomes.size() / wall;
                if (t == 1) {
                    single = rate;
                }
                System.out.printf(Locale.ROOT, "%d thread(s): %.0f evaluations/s (%.2f ms CPU per evaluation)%s; %s%n",
                        t, rate, 1000 * cpu / (rounds * genomes.size()),
                        t == 1 ? "" : String.format(Locale.ROOT, ", speed-up %.2fx over 1 thread", rate / single), load());
            } finally {
                pool.shutdown();
            }
        }
    }

    private static void measure(ForkJoinPool pool, BackpropFitness f, List<NeatGenome> genomes, int rounds) {
        for (int r = 0; r < rounds; r++) {
            pool.submit(() -> IntStream.range(0, genomes.size()).parallel()
                    .forEach(i -> f.evaluate(genomes.get(i), i))).join();
        }
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static String load() {
        try {
            String[] l = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return "load average " + l[0] + " " + l[1] + " " + l[2];
        } catch (IOException | RuntimeException e) {
            return "load average unknown";
        }
    }
}
