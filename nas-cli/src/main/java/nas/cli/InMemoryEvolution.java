package nas.cli;

import java.util.Locale;
import nas.sim.config.LabConfig;
import nas.sim.config.Presets;
import nas.sim.evolution.EvolutionRun;
import nas.sim.evolution.PopulationEvaluator;

/**
 * The reference of {@code nas benchmark evolve}: an evolution in memory, nothing stored, in a JVM of its own, so
 * that it pays for compiling the simulator as the stored run does. Prints on one line its wall seconds, its CPU
 * seconds, and these split as {@code nas evolve} splits them: the evaluator's threads, the other threads (breeding),
 * the JVM's own (compiler, GC). Arguments: preset, population, generations, seed.
 */
final class InMemoryEvolution {

    private InMemoryEvolution() {
    }

    public static void main(String[] args) {
        int population = Integer.parseInt(args[1]);
        int generations = Integer.parseInt(args[2]);
        LabConfig lab = Presets.builder(args[0]).set("population_size", population)
                .set("stagnation_limit", generations + 1).build();
        ThreadCpu.Snapshot before = ThreadCpu.now();
        long t0 = System.nanoTime();
        ThreadCpu.Split cpu;
        try (PopulationEvaluator evaluator = PopulationEvaluator.allCores()) {
            new EvolutionRun(lab, evaluator).run(Long.parseLong(args[3]), generations, null);
            // before the evaluator's threads end, or their time would count as the JVM's
            cpu = ThreadCpu.between(before, ThreadCpu.now());
        }
        System.out.printf(Locale.ROOT, "%.3f %.3f %.3f %.3f %.3f%n", (System.nanoTime() - t0) / 1e9, cpu.process(),
                cpu.pool(), cpu.other() + cpu.commonPool(), cpu.jvm());
    }
}
