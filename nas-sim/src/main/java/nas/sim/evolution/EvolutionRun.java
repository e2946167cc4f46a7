package nas.sim.evolution;

import nas.sim.config.LabConfig;

/**
 * In-memory evolution runs of a configuration ({@code run_evolution}, spec 8.2); see {@link Evolution} for
 * one generation's steps and the derivation of every random stream from the seed.
 */
public final class EvolutionRun {

    /** The reference's seed list (the NAS plan); runs of N seeds use the first N. */
    public static final long[] DEFAULT_SEEDS = {42, 123, 456, 789, 1337};

    /** Receives every generation's statistics as soon as it is known. */
    @FunctionalInterface
    public interface Listener {
        void onGeneration(GenerationStats stats);
    }

    private final LabConfig config;
    private final PopulationEvaluator evaluator;

    public EvolutionRun(LabConfig config, PopulationEvaluator evaluator) {
        this.config = config;
        this.evaluator = evaluator;
    }

    /** The first n of {@link #DEFAULT_SEEDS}, continued by 1337 + k for more. */
    public static long[] seeds(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("seeds must be >= 1, got " + n);
        }
        nas.api.Limits.requireAtMost("seeds", n, nas.api.Limits.MAX_SEEDS);
        long[] s = new long[n];
        for (int i = 0; i < n; i++) {
            s[i] = i < DEFAULT_SEEDS.length ? DEFAULT_SEEDS[i] : DEFAULT_SEEDS[DEFAULT_SEEDS.length - 1] + i;
        }
        return s;
    }

    /** The pellet-stream seed of creature {@code index} in {@code generation}. */
    public static long pelletSeed(long seed, int generation, int index) {
        return Streams.derive(seed, Streams.EVALUATE, generation, index);
    }

    /** Runs one seed to the end and returns its result. */
    public RunResult run(long seed, int generations, Listener listener) {
        Evolution evolution = new Evolution(config, evaluator, seed, generations);
        while (evolution.hasNext()) {
            GenerationStats s = evolution.next();
            if (listener != null) {
                listener.onGeneration(s);
            }
        }
        return evolution.result();
    }
}
