package nas.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import nas.sim.config.LabConfig;
import nas.sim.config.Presets;
import nas.sim.evolution.PopulationEvaluator;
import nas.sim.experiment.Throughput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nas benchmark sim}: whole generations of an Evolution Lab preset (every creature simulated for
 * the full duration, plus breeding): creatures per second and ms per generation, and the CPU time per
 * creature, which does not depend on the machine's load.
 */
@Command(name = "sim", sortOptions = false,
        description = "Creatures per second and ms per generation of an Evolution Lab preset.",
        footer = {"", "Example:", "  nas benchmark sim -c hybrid_baseline -p 500 -g 10"})
public final class BenchmarkSimCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "CONFIG", defaultValue = "pure_baseline",
            description = "Preset (see 'nas configs'). Default: ${DEFAULT-VALUE}.")
    String config;

    @Option(names = {"-p", "--population-size"}, paramLabel = "N", defaultValue = "500",
            description = "Population. Default: ${DEFAULT-VALUE}.")
    int population;

    @Option(names = {"-g", "--generations"}, paramLabel = "N", defaultValue = "10",
            description = "Measured generations. Default: ${DEFAULT-VALUE}.")
    int generations;

    @Option(names = {"-w", "--warmup"}, paramLabel = "N", defaultValue = "3",
            description = "Unmeasured warm-up generations (JIT). Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Threads (at most 1024). Default: all cores.")
    Integer threads;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Run seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        if (!Presets.exists(config)) {
            throw new Nas.BadInputException("unknown config '" + config + "'; available: " + Presets.names());
        }
        if (generations < 1 || warmup < 0) {
            throw new Nas.BadInputException("--generations must be >= 1 and --warmup >= 0, got " + generations + ", "
                    + warmup);
        }
        LabConfig lab = Presets.builder(config).set("population_size",
                Nas.requireAtMost("--population-size", population, nas.api.Limits.MAX_POPULATION)).build();
        int n = Nas.requireAtMost("--threads", threads != null ? threads : Runtime.getRuntime().availableProcessors(),
                nas.api.Limits.MAX_THREADS);
        PrintWriter out = spec.commandLine().getOut();
        Throughput.Result r;
        try (PopulationEvaluator evaluator = new PopulationEvaluator(n)) {
            r = Throughput.measure(lab, generations, warmup, seed, evaluator);
        }
        out.printf(Locale.ROOT, "config %s, population %d, %d generations (+%d warm-up), %d threads, %d steps/creature%n",
                config, population, r.generations(), warmup, n, lab.numSteps());
        out.printf(Locale.ROOT, "total %.2f s | %.0f creatures/s | %.1f ms/generation%n", r.wallSeconds(),
                r.creaturesPerSecond(), r.msPerGeneration());
        out.printf(Locale.ROOT, "CPU %.3f ms/creature | %.0f creatures/s with a free core per thread%n",
                r.cpuMsPerCreature(), r.idleMachineCreaturesPerSecond());
        out.flush();
        return Nas.OK;
    }
}
