package nas.sim.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import nas.sim.config.LabConfig;
import nas.sim.config.Presets;
import nas.sim.control.SensorLayout;
import nas.sim.genetics.BrainOperators;
import nas.sim.genome.CreatureGenome;
import nas.sim.genome.GenomeFactory;
import nas.sim.physics.CreatureSimulator;
import nas.sim.physics.EvaluationResult;
import nas.sim.physics.FrameRecorder;
import nas.sim.physics.FrameRecording;
import org.junit.jupiter.api.Test;

/** Frames recorded while evaluating are the frames simulating again records, and the results are the evaluation's. */
class RecordWhileEvaluatingTest {

    private static List<CreatureGenome> population(LabConfig c, long seed, int n) {
        BrainOperators brains = BrainOperatorsFactory.create(c);
        int inputs = SensorLayout.inputCount(c);
        SplittableRandom r = new SplittableRandom(seed);
        List<CreatureGenome> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(GenomeFactory.random(c, (m, rr) -> brains.create(inputs, m, rr), r));
        }
        return out;
    }

    private static long[] seeds(int g, int n) {
        long[] s = new long[n];
        for (int i = 0; i < n; i++) {
            s[i] = EvolutionRun.pelletSeed(11, g, i);
        }
        return s;
    }

    @Test
    void framesRecordedWhileEvaluatingEqualTheReSimulatedOnesForAnyThreadCount() {
        LabConfig c = Presets.get("pure_baseline");
        List<CreatureGenome> first = population(c, 1, 12);
        List<CreatureGenome> second = population(c, 2, 12);
        for (int threads : new int[] {1, 2}) {
            try (PopulationEvaluator plain = new PopulationEvaluator(threads);
                    PopulationEvaluator recording = new PopulationEvaluator(threads)) {
                recording.recordWhileEvaluating(15);
                EvaluationResult[] expected = plain.evaluate(first, c, seeds(0, 12));
                assertThat(recording.evaluate(first, c, seeds(0, 12))).containsExactly(expected);
                List<FrameRecording> kept = new ArrayList<>();
                for (int i = 0; i < first.size(); i++) {
                    FrameRecording again = FrameRecording.record(new CreatureSimulator(), first.get(i), c, seeds(0, 12)[i],
                            15);
                    FrameRecording during = recording.recorded(i);
                    assertThat(during.values()).as("creature %d, %d threads", i, threads).containsExactly(again.values());
                    assertThat(during.frameCount()).isEqualTo(c.numSteps() / 2 + 1);
                    assertThat(during.nodes()).isEqualTo(again.nodes());
                    assertThat(during.result()).isEqualTo(expected[i]);
                    kept.add(during);
                }
                // the next evaluation reuses the buffers: what was handed out stays as it was
                int[] before = kept.get(3).values().clone();
                recording.evaluate(second, c, seeds(1, 12));
                assertThat(kept.get(3).values()).containsExactly(before);
                assertThat(recording.recorded(3).values()).containsExactly(FrameRecording.record(new CreatureSimulator(),
                        second.get(3), c, seeds(1, 12)[3], 15).values());
                // the first evaluation sampled what recording adds: at least the sample's own two simulations
                assertThat(recording.recordingCpuNanos()).isPositive();
                assertThat(plain.recordingCpuNanos()).isZero();
            }
        }
    }

    @Test
    void aPopulationLargerThanTheLastGetsBuffersAndOnlyTheLastEvaluationIsHandedOut() {
        LabConfig c = Presets.get("pure_baseline");
        try (PopulationEvaluator ev = new PopulationEvaluator(1)) {
            assertThatThrownBy(() -> ev.recorded(0)).isInstanceOf(IllegalStateException.class);
            ev.recordWhileEvaluating(5);
            ev.evaluate(population(c, 3, 2), c, seeds(0, 2));
            List<CreatureGenome> five = population(c, 4, 5);
            ev.evaluate(five, c, seeds(2, 5));
            FrameRecording r = ev.recorded(4);
            // 5 fps at 1/30 s steps: a frame every 6 steps, plus the first
            assertThat(r.frameRate()).isEqualTo(5);
            assertThat(r.frameCount()).isEqualTo(c.numSteps() / 6 + 1);
            assertThat(r.values()).containsExactly(FrameRecording.record(new CreatureSimulator(), five.get(4), c,
                    seeds(2, 5)[4], 5).values());
            assertThatThrownBy(() -> ev.recorded(5)).isInstanceOf(IllegalStateException.class);
            ev.recordWhileEvaluating(0);
            ev.evaluate(five, c, seeds(2, 5));
            assertThatThrownBy(() -> ev.recorded(0)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theTimingOnlyRecorderSimulatesAsTheEvaluationAndKeepsNoFrames() {
        LabConfig c = Presets.get("pure_baseline");
        CreatureGenome g = population(c, 5, 1).get(0);
        long seed = EvolutionRun.pelletSeed(3, 0, 0);
        FrameRecorder timing = FrameRecorder.timingOnly();
        assertThat(timing.simulate(new CreatureSimulator(), g, c, seed))
                .isEqualTo(PopulationEvaluator.evaluate(new CreatureSimulator(), g, c, seed));
        assertThatThrownBy(timing::recording).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("timing-only");
        assertThatThrownBy(() -> new FrameRecorder(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
