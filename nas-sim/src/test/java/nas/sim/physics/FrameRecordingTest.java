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

    @Test
    void framesAreTakenEveryWholeNumberOfSteps() {
        // 30 steps a second (the presets' 1/30 s): 15 fps is every 2nd step, 1 fps every 30th, 30 fps every step
        assertThat(FrameRecording.stepsPerFrame(15, 1.0 / 30)).isEqualTo(2);
        assertThat(FrameRecording.stepsPerFrame(1, 1.0 / 30)).isEqualTo(30);
        assertThat(FrameRecording.stepsPerFrame(30, 1.0 / 30)).isEqualTo(1);
        assertThat(FrameRecording.stepsPerFrame(25, 0.01)).isEqualTo(4);
        // 14 fps would be taken every 2nd step (15 fps) yet replayed at 14; 60 fps is faster than the physics
        assertThatThrownBy(() -> FrameRecording.stepsPerFrame(14, 1.0 / 30))
                .hasMessageEndingWith("give one of 1, 2, 3, 5, 6, 10, 15, 30");
        assertThatThrownBy(() -> FrameRecording.stepsPerFrame(60, 1.0 / 30)).hasMessageContaining("frame rate 60");
        // a physics rate that is no whole number has no list of rates to offer
        assertThatThrownBy(() -> FrameRecording.stepsPerFrame(7, 0.03))
                .hasMessageEndingWith("frames are taken every whole number of steps");
    }


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
    void framesOfTheFirstFormatAreStillRead() throws Exception {
        // format 1, 15 fps, no nodes (4 values a frame), 2 frames: values 1 2 3 0 then 4 2 1 1, stored as
        // differences to the frame before, zig-zag coded: 2 4 6 0 then 6 0 3 2
        byte[] raw = {1, 15, 0, 2, 2, 4, 6, 0, 6, 0, 3, 2};
        java.util.zip.Deflater d = new java.util.zip.Deflater();
        d.setInput(raw);
        d.finish();
        byte[] buf = new byte[64];
        byte[] stored = java.util.Arrays.copyOf(buf, d.deflate(buf));
        d.end();
        FrameRecording back = FrameRecording.decode(stored);
        assertThat(back.frameCount()).isEqualTo(2);
        assertThat(back.values()).containsExactly(1, 2, 3, 0, 4, 2, 1, 1);
    }

    @Test
    void constantVelocityCostsNothingButItsStart() {
        // one node moving 7 mm a frame in x for 300 frames: after the first two frames every residual is 0
        int frames = 300;
        int[] values = new int[frames * 7];
        for (int f = 0; f < frames; f++) {
            values[f * 7] = 1000 + 7 * f;
            values[f * 7 + 1] = 250;
        }
        FrameRecording rec = new FrameRecording(15, 1, frames, values, null);
        byte[] stored = rec.encode();
        assertThat(FrameRecording.decode(stored).values()).containsExactly(values);
        assertThat(stored.length).isLessThan(40);
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
