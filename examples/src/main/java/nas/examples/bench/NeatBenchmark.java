package nas.examples.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import nas.neat.NeatGenome;
import nas.sim.config.Activation;
import nas.sim.config.LabConfig;
import nas.sim.config.Presets;
import nas.sim.control.FixedBrainGenome;
import nas.sim.control.NeuralNetwork;
import nas.sim.control.SensorLayout;
import nas.sim.evolution.BrainOperatorsFactory;
import nas.sim.evolution.EvolutionRun;
import nas.sim.evolution.PopulationEvaluator;
import nas.sim.evolution.RunResult;
import nas.sim.genetics.BrainOperators;
import nas.sim.genetics.Evolver;
import nas.sim.genome.CreatureGenome;
import nas.sim.genome.GenomeFactory;
import nas.sim.neat.LayeredNeat;
import nas.sim.neat.NeatBrain;
import nas.sim.neat.NeatNetwork;
import nas.sim.physics.CreatureSimulator;

/**
 * Throughput of NEAT evolution (spec 8.3 counts whole generations: every creature simulated for the full
 * duration, plus breeding) with the figures needed to judge it on a shared machine.
 *
 * <ol>
 *   <li>Whole generations through {@link EvolutionRun} on all threads: wall-clock creatures/s, and the
 *       process CPU time per creature (all JVM threads, JIT and GC included), which other processes' load
 *       hardly inflates; min(threads, cores) / that time is the throughput on idle cores.</li>
 *   <li>The split on one thread: evaluation and breeding CPU milliseconds per creature, so the unloaded
 *       wall figure on T cores can be estimated as 1 / (eval / T + breed) (breeding is sequential).</li>
 *   <li>Network size at the end: mean hidden neurons and enabled connections.</li>
 *   <li>Forward pass: nanoseconds per call of the compiled NEAT network and of the fixed-topology network
 *       on the same layered topology and weights ({@link LayeredNeat}; their outputs are identical).</li>
 * </ol>
 *
 * <p>Usage: {@code NeatBenchmark [-c CONFIG[,CONFIG...]] [-p POP] [-g GENS] [-t THREADS] [-w WARMUP] [-s SEED]}.
 * Defaults: neat_baseline, population 500, 10 generations, all cores, 3 warm-up generations, seed 42.
 */
public final class NeatBenchmark {

    private NeatBenchmark() {
    }

    public static void main(String[] args) {
        List<String> configs = List.of("neat_baseline");
        int population = 500;
        int generations = 10;
        int warmup = 3;
        int threads = Runtime.getRuntime().availableProcessors();
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "-c" -> configs = List.of(v.split(","));
                case "-p" -> population = Integer.parseInt(v);
                case "-g" -> generations = Integer.parseInt(v);
                case "-t" -> threads = Integer.parseInt(v);
                case "-w" -> warmup = Integer.parseInt(v);
                case "-s" -> seed = Long.parseLong(v);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use -c CONFIGS -p POP -g GENS -t THREADS -w WARMUP -s SEED)");
            }
            i++;
        }
        forwardComparison(new int[][] {{7, 8, 15}, {27, 8, 17}, {59, 8, 15}});
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "threads=%d cores=%d population=%d generations=%d (+%d warm-up) load=%.2f%n",
                threads, Runtime.getRuntime().availableProcessors(), population, generations, warmup,
                os.getSystemLoadAverage());
        try (PopulationEvaluator evaluator = new PopulationEvaluator(threads)) {
            for (String name : configs) {
                LabConfig config = Presets.builder(name).set("population_size", population).build();
                if (warmup > 0) {
                    new EvolutionRun(config, evaluator).run(seed + 1, warmup, null);
                }
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                RunResult r = new EvolutionRun(config, evaluator).run(seed, generations, null);
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
                double creatures = (double) r.generations().size() * population;
                System.out.printf(Locale.ROOT,
                        "%-18s whole generations: %.0f creatures/s wall (%.2f s for %d x %d, %.1f ms/generation),"
                                + " %.3f process-CPU-ms/creature (all JVM threads) = %.0f creatures/s on %d idle"
                                + " cores, best %.1f%n",
                        name, creatures / wall, wall, r.generations().size(), population,
                        1000.0 * wall / r.generations().size(), 1000.0 * cpu / creatures,
                        Math.min(threads, Runtime.getRuntime().availableProcessors()) * creatures / cpu,
                        Math.min(threads, Runtime.getRuntime().availableProcessors()), r.bestFitness());
                split(name, config, Math.min(4, generations), seed, threads);
                structure(name, r.finalPopulation());
            }
        }
    }

    /** Evaluation and breeding CPU time per creature on one thread. */
    private static void split(String name, LabConfig config, int generations, long seed, int threads) {
        com.sun.management.ThreadMXBean bean =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        BrainOperators brains = BrainOperatorsFactory.create(config);
        Evolver evolver = new Evolver(config, brains, nas.sim.neat.LabSpeciationControl.of(config));
        int inputs = SensorLayout.inputCount(config);
        SplittableRandom init = new SplittableRandom(seed);
        List<CreatureGenome> pop = new ArrayList<>();
        for (int i = 0; i < config.populationSize(); i++) {
            pop.add(GenomeFactory.random(config, (m, r) -> brains.create(inputs, m, r), init));
        }
        CreatureSimulator sim = new CreatureSimulator();
        long eval = 0;
        long breed = 0;
        for (int g = 0; g < generations; g++) {
            long a = bean.getCurrentThreadCpuTime();
            double[] fitness = new double[pop.size()];
            for (int i = 0; i < fitness.length; i++) {
                fitness[i] = PopulationEvaluator.evaluate(sim, pop.get(i), config,
                        EvolutionRun.pelletSeed(seed, g, i)).fitness();
            }
            long b = bean.getCurrentThreadCpuTime();
            pop = evolver.evolve(pop, fitness, g, 1.0, new SplittableRandom(seed * 31 + g));
            long c = bean.getCurrentThreadCpuTime();
            eval += b - a;
            breed += c - b;
        }
        double n = (double) generations * config.populationSize();
        double evalMs = eval / 1e6 / n;
        double breedMs = breed / 1e6 / n;
        System.out.printf(Locale.ROOT,
                "%-18s one thread: evaluation %.3f CPU-ms/creature, breeding %.3f CPU-ms/creature;"
                        + " unloaded estimate on %d threads: %.0f creatures/s%n",
                name, evalMs, breedMs, threads, 1000.0 / (evalMs / threads + breedMs));
    }

    /** ns per forward call, NEAT compiled vs fixed network, for each {inputs, hidden, outputs}. */
    private static void forwardComparison(int[][] shapes) {
        SplittableRandom rng = new SplittableRandom(1);
        // Thread CPU time, not wall time: other processes' load does not inflate it.
        com.sun.management.ThreadMXBean bean =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int[] shape : shapes) {
            FixedBrainGenome fixed = FixedBrainGenome.random(shape[0], shape[1], shape[2], Activation.TANH, -0.1, rng);
            NeuralNetwork a = fixed.newNetwork();
            NeuralNetwork b = NeatNetwork.compile(LayeredNeat.of(fixed), shape[2]);
            double[] x = new double[shape[0]];
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextDouble(-1, 1);
            }
            double[] out = new double[shape[2]];
            double sink = 0;
            double[] ns = new double[2];
            for (int round = 0; round < 3; round++) {
                for (int k = 0; k < 2; k++) {
                    NeuralNetwork net = k == 0 ? a : b;
                    int calls = 400_000;
                    long t = bean.getCurrentThreadCpuTime();
                    for (int c = 0; c < calls; c++) {
                        x[c % x.length] = (c & 1023) * 1e-3;
                        net.forward(x, out);
                        sink += out[0];
                    }
                    ns[k] = (bean.getCurrentThreadCpuTime() - t) / (double) calls;
                }
            }
            System.out.printf(Locale.ROOT, "forward %d-%d-%d: fixed %.0f CPU-ns/call, NEAT compiled %.0f CPU-ns/call%s%n",
                    shape[0], shape[1], shape[2], ns[0], ns[1], sink == 42 ? " " : "");
        }
    }

    private static void structure(String name, List<CreatureGenome> population) {
        double hidden = 0;
        double enabled = 0;
        int neat = 0;
        for (CreatureGenome g : population) {
            if (g.brain() instanceof NeatBrain b) {
                NeatGenome genome = b.genome();
                hidden += genome.hiddenCount();
                enabled += genome.enabledConnectionCount();
                neat++;
            }
        }
        if (neat > 0) {
            System.out.printf(Locale.ROOT, "%-18s final networks: %.2f hidden neurons, %.1f enabled connections%n",
                    name, hidden / neat, enabled / neat);
        }
    }
}
