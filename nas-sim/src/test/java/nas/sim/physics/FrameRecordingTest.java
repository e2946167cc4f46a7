package nas.sim.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import nas.sim.config.LabConfig;
import nas.sim.config.Presets;
import nas.sim.evolution.EvolutionRun;
import nas.sim.evolution.FrameSelection;
import nas.sim.evolution.PopulationEvaluator;
import nas.sim.genome.CreatureGenome;
import nas.sim.genome.GenomeFactory;
import nas.sim.evolution.BrainOperatorsFactory;
import nas.sim.control.SensorLayout;
import nas.sim.genetics.BrainOperators;
import org.junit.jupiter.api.Test;

class FrameRecordingTest {

    private static CreatureGenome genome(LabConfig c, long seed) {
        BrainOperators brains = BrainOperatorsFactory.create(c);
        int inputs = SensorLayout.inputCount(c);
        return GenomeFactory.random(c, (m, r) -> brains.create(inputs, m, r), new SplittableRandom(seed));
    }

    @Test
    void recordingReSimulatesToTheEvaluatedResultAndRoundTrips() {
        LabConfig c = Presets.get("pure_baseline");
        for (long seed = 1; seed <= 4; seed++) {
            CreatureGenome g = genome(c, seed);
            long pellets = EvolutionRun.pelletSeed(9, 3, (int) seed);
            EvaluationResult evaluated = PopulationEvaluator.evaluate(new CreatureSimulator(), g, c, pellets);
            FrameRecording rec = FrameRecording.record(new CreatureSimulator(), g, c, pellets, 15);
            assertThat(rec.result()).isEqualTo(evaluated);
            // a frame every 1/15 s (time_step 1/30 here: every 2 steps), plus the first
            assertThat(c.timeStep()).isEqualTo(1.0 / 30);
            assertThat(rec.frameCount()).isEqualTo(c.numSteps() / 2 + 1);
            assertThat(rec.value(rec.frameCount() - 1, rec.stride() - 1)).isEqualTo(evaluated.pelletsCollected());
            FrameRecording back = FrameRecording.decode(rec.encode());
            assertThat(back.values()).containsExactly(rec.values());
            assertThat(back.frameRate()).isEqualTo(15);
            assertThat(back.nodes()).isEqualTo(rec.nodes());
            // compressed well below 4 bytes a value
            assertThat(rec.encode().length).isLessThan(rec.values().length);
        }
    }

    @Test
    void damagedFramesAreRefused() {
        assertThatThrownBy(() -> FrameRecording.decode(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void selectionTakesTopBottomAndADeterministicSampleOfTheMiddle() {
        double[] fitness = new double[40];
        for (int i = 0; i < fitness.length; i++) {
            fitness[i] = (i * 7) % 40; // a permutation of 0..39
        }
        int[] a = FrameSelection.choose(fitness, 10, 10, 5, new SplittableRandom(1));
        int[] b = FrameSelection.choose(fitness, 10, 10, 5, new SplittableRandom(1));
        assertThat(a).hasSize(25).containsExactly(b).isSorted();
        for (int i = 0; i < fitness.length; i++) {
            boolean top = fitness[i] >= 30;
            boolean bottom = fitness[i] < 5;
            if (top || bottom) {
                assertThat(a).contains(i);
            }
        }
        assertThat(FrameSelection.choose(new double[] {3, 1, 2}, 10, 10, 5, new SplittableRandom(1)))
                .containsExactly(0, 1, 2);
        assertThat(FrameSelection.ranking(new double[] {1, 5, 5, 0})).containsExactly(1, 2, 0, 3);
    }
}
