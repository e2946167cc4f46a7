package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nas.sim.config.LabConfig;
import nas.sim.config.Presets;
import nas.sim.evolution.Evolution;
import nas.sim.evolution.GenerationStats;
import nas.sim.evolution.PopulationEvaluator;
import nas.sim.physics.FrameRecorder;
import nas.storage.RunStore;
import org.junit.jupiter.api.Test;

class RunRecorderTest {

    /** The frames three generations of a run store, recorded with {@code budget} bytes for recording while evaluating. */
    private static List<RunStore.GenerationBatch> batches(LabConfig config, long budget, boolean[] whileEvaluating) {
        RunRecorder recorder = new RunRecorder(config, 7, FramesSetting.selective(2, 2, 1), 15, 2, null);
        List<RunStore.GenerationBatch> out = new ArrayList<>();
        try (PopulationEvaluator evaluator = new PopulationEvaluator(2)) {
            recorder.recordWith(evaluator, budget);
            whileEvaluating[0] = evaluator.recordsWhileEvaluating();
            Evolution e = new Evolution(config, evaluator, 7, 3);
            while (e.hasNext()) {
                GenerationStats s = e.next();
                out.add(recorder.batch(recorder.capture(e, s, 0.0, false, evaluator), evaluator));
            }
        }
        return out;
    }

    @Test
    void framesRecordedWhileEvaluatingAreTheOnesSimulatedAgainWhenTheBuffersDoNotFit() {
        LabConfig config = Presets.get("pure_baseline").toBuilder().set("population_size", 12).build();
        // 15 fps at 1/30 s steps: 451 frames of 8 nodes' x, y, z and 4 more values, 4 bytes each
        long perCreature = FrameRecorder.maxBufferBytes(config, 15);
        assertThat(perCreature).isEqualTo(4L * 451 * 28);
        boolean[] during = new boolean[1];
        boolean[] again = new boolean[1];
        List<RunStore.GenerationBatch> recorded = batches(config, 12 * perCreature, during);
        List<RunStore.GenerationBatch> simulated = batches(config, 12 * perCreature - 1, again);
        assertThat(during[0]).isTrue();
        assertThat(again[0]).isFalse();
        for (int g = 0; g < 3; g++) {
            List<RunStore.Frames> a = recorded.get(g).frames();
            List<RunStore.Frames> b = simulated.get(g).frames();
            // top 2, random 2, bottom 1 of 12
            assertThat(a).hasSize(5);
            assertThat(b).hasSize(5);
            for (int k = 0; k < a.size(); k++) {
                assertThat(a.get(k).index()).isEqualTo(b.get(k).index());
                assertThat(a.get(k).data()).as("generation %d, creature %d", g, a.get(k).index())
                        .isEqualTo(b.get(k).data());
            }
        }
    }
}
