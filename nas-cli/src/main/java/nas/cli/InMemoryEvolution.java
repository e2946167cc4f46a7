package nas.cli;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import nas.sim.config.LabConfig;
import nas.sim.config.Presets;
import nas.sim.evolution.EvolutionRun;
import nas.sim.evolution.PopulationEvaluator;

/**
 * The reference of {@code nas benchmark evolve}: an evolution in memory, nothing stored, in a JVM of its own, so
 * that it pays for compiling the simulator as the stored run does. Prints its wall and CPU seconds on one line.
 * Arguments: preset, population, generations, seed.
 */
final class InMemoryEvolution {

    private InMemoryEvolution() {
    }

    public static void main(String[] args) {
        int population = Integer.parseInt(args[1]);
        int generations = Integer.parseInt(args[2]);
        LabConfig lab = Presets.builder(args[0]).set("population_size", population)
                .set("stagnation_limit", generations + 1).build();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        try (PopulationEvaluator evaluator = PopulationEvaluator.allCores()) {
            new EvolutionRun(lab, evaluator).run(Long.parseLong(args[3]), generations, null);
        }
        System.out.printf(Locale.ROOT, "%.3f %.3f%n", (System.nanoTime() - t0) / 1e9,
                (os.getProcessCpuTime() - cpu0) / 1e9);
    }
}
