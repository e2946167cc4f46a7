package nas.cli;

import nas.api.json.Json;
import nas.sim.config.LabConfig;
import nas.sim.evolution.Evolution;
import nas.sim.evolution.EvolutionState;
import nas.sim.evolution.GenerationStats;
import nas.sim.evolution.PopulationEvaluator;
import nas.sim.evolution.RunObserver;
import nas.storage.RunStore;

/**
 * {@code --store-runs}: keeps each evolution run of {@code nas run} or of the evolution-lab objective in the
 * run tables as {@code nas evolve} does (statistics, every creature, each genome once), so that it can be
 * listed, exported and replayed ({@code nas replay RUN --generation G --rank 1}). No frames and no checkpoints:
 * a replay re-simulates the stored genome, and these runs are not resumed. A run left over under the same name
 * (from a deleted study of the same name) is replaced.
 */
final class StoringRunObserver implements RunObserver {

    private final RunStore runs;
    private final String configName;

    /** @param configName the preset the runs' configurations come from */
    StoringRunObserver(RunStore runs, String configName) {
        this.runs = runs;
        this.configName = configName;
    }

    @Override
    public Watch start(String name, LabConfig config, long seed, int generations) {
        runs.deleteRun(name);
        long now = System.currentTimeMillis();
        runs.createRun(new RunStore.Run(name, configName, Json.write(config.toMap()), seed, generations,
                FramesSetting.NONE.key(), 15, 0, EvolutionState.CODE_VERSION, RunStore.RUNNING, now, now, 0,
                null, -1, 0.0));
        RunRecorder recorder = new RunRecorder(config, seed, FramesSetting.NONE, 15, 0, null);
        return new Watch() {
            private long mark = System.nanoTime();

            @Override
            public String id() {
                return name;
            }

            @Override
            public void generation(Evolution e, GenerationStats stats, PopulationEvaluator evaluator) {
                RunRecorder.Captured c = recorder.capture(e, stats, (System.nanoTime() - mark) / 1e9);
                runs.appendGeneration(name, recorder.batch(c, evaluator));
                mark = System.nanoTime();
            }

            @Override
            public void stopped(String why) {
                runs.setStatus(name, why.equals("pruned") ? RunStore.PRUNED : RunStore.FAILED);
            }
        };
    }
}
