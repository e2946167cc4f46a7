package nas.sim.evolution;

import nas.sim.config.LabConfig;

/**
 * Watches the evolution runs something makes, generation by generation: {@code nas run --store-runs} and
 * {@code nas search --store-runs} keep them in the database this way, so the best trial of a study can be
 * replayed. Calls come from the thread that runs the evolution; an observer shared by parallel trials is called
 * from several threads, one run per thread.
 */
public interface RunObserver {

    /**
     * A run is about to start.
     *
     * @param name        names the run where it is kept, unique per run (e.g. study, trial number and seed)
     * @param config      what it evolves
     * @param seed        its seed
     * @param generations generations it runs unless stopped early
     * @return what sees its generations
     */
    Watch start(String name, LabConfig config, long seed, int generations);

    /** One run being watched. */
    interface Watch {

        /** Where the run is kept (e.g. its run id). */
        String id();

        /** Generation {@code stats} of {@code e} has just run; {@code evaluator} may record its frames. */
        void generation(Evolution e, GenerationStats stats, PopulationEvaluator evaluator);

        /** The run stopped before its end (a pruned trial, an error); not called after its last generation. */
        void stopped(String why);
    }
}
