package nas.cli;

import nas.sim.evolution.FramesSetting;
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
 * (from a deleted study of the same name) is replaced, unless a live process is writing it. Each run is held
 * ({@link RunLease}) from its start to its last generation or its stop.
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
        RunLease.refuseIfRunning(name, runs.heartbeat(name), "replace");
        runs.deleteRun(name);
        long now = System.currentTimeMillis();
        RunLease lease = RunLease.create(runs, new RunStore.Run(name, configName, Json.write(config.toMap()), seed,
                generations, FramesSetting.NONE.key(), 15, 0, EvolutionState.CODE_VERSION, RunStore.RUNNING, now, now,
                0, null, -1, 0.0));
        RunRecorder recorder = new RunRecorder(config, seed, FramesSetting.NONE, 15, 0, null);
        return new Watch() {
            private long mark = System.nanoTime();

            @Override
            public String id() {
                return name;
            }

            @Override
            public void generation(Evolution e, GenerationStats stats, PopulationEvaluator evaluator) {
                lease.check();
                RunRecorder.Captured c = recorder.capture(e, stats, (System.nanoTime() - mark) / 1e9);
                runs.appendGeneration(name, recorder.batch(c, evaluator), lease.owner());
                mark = System.nanoTime();
                if (!c.status().equals(RunStore.RUNNING)) {
                    lease.close(); // its last generation
                }
            }

            @Override
            public void stopped(String why) {
                try {
                    runs.setStatus(name, why.equals("pruned") ? RunStore.PRUNED : RunStore.FAILED);
                } finally {
                    lease.close();
                }
            }
        };
    }
}
