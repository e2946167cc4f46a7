package nas.ga.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nas.ga.GaResult;
import nas.ga.GaSettings;
import nas.ga.GenerationRecord;
import nas.ga.GeneticAlgorithm;
import nas.ga.MemorizationTask;
import org.junit.jupiter.api.Test;

class RunCurvesTest {

    @Test
    void trailingMeanAveragesTheLastValuesAndSkipsNan() {
        double[] v = {Double.NaN, 2, 4, Double.NaN, 10, 0};
        assertThat(RunCurves.trailingMean(v, 2)).containsExactly(Double.NaN, 2, 3, 4, 10, 5);
        assertThat(RunCurves.trailingMean(v, 1)).containsExactly(v);
        assertThatThrownBy(() -> RunCurves.trailingMean(v, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCurvesOfThreeRealRunsAreTheirMedianPerGeneration() {
        MemorizationTask task = new MemorizationTask(32, 16, new int[] {24}, 10,
                MemorizationTask.Fitness.CROSS_ENTROPY, 4);
        GaSettings settings = GaSettings.of(2, 8, 0.05);
        List<GaResult> runs = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            runs.add(new GeneticAlgorithm(task, settings, 1, seed).run(12, r -> { }));
        }
        double[] x = RunCurves.evaluations(runs);
        // generation 0 evaluates the 8 children, every later one 8 children and the elite
        assertThat(x).hasSize(12);
        assertThat(x[0]).isEqualTo(8);
        assertThat(x[11]).isEqualTo(8 + 11 * 9);
        double[] loss = RunCurves.median(runs, GenerationRecord::bestLoss);
        double[] interference = RunCurves.smoothedMedian(runs, GenerationRecord::interference, 3);
        for (int g = 0; g < 12; g++) {
            double[] at = new double[3];
            for (int k = 0; k < 3; k++) {
                at[k] = runs.get(k).history().get(g).bestLoss();
            }
            Arrays.sort(at);
            assertThat(loss[g]).isEqualTo(at[1]);
        }
        // interference is NaN in generation 0, so the curve starts at generation 1 with its own value
        assertThat(interference[0]).isNaN();
        double[] smoothed = new double[3];
        for (int k = 0; k < 3; k++) {
            List<GenerationRecord> h = runs.get(k).history();
            smoothed[k] = (h.get(3).interference() + h.get(4).interference() + h.get(5).interference()) / 3;
        }
        Arrays.sort(smoothed);
        assertThat(interference[5]).isEqualTo(smoothed[1]);
        assertThat(interference[5]).isBetween(0.0, 1.0);
        // elitism: the median best loss never rises (each run's best never does)
        for (int g = 1; g < 12; g++) {
            assertThat(loss[g]).isLessThanOrEqualTo(loss[g - 1]);
        }
    }

    @Test
    void runsOfDifferentLengthsAreRefused() {
        MemorizationTask task = new MemorizationTask(16, 8, new int[] {8}, 10, MemorizationTask.Fitness.ACCURACY, 4);
        GaSettings settings = GaSettings.of(2, 8, 0.05);
        List<GaResult> runs = List.of(new GeneticAlgorithm(task, settings, 1, 1).run(3, r -> { }),
                new GeneticAlgorithm(task, settings, 1, 2).run(4, r -> { }));
        assertThatThrownBy(() -> RunCurves.evaluations(runs)).isInstanceOf(IllegalArgumentException.class);
    }
}
