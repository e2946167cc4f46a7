package nas.analysis.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import org.junit.jupiter.api.Test;

class ParetoAnalysisTest {
    private static final List<StudyDirection> MIN_MAX = List.of(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE);

    private static FrozenTrial trial(int number, TrialState state, List<Double> values, Map<String, Object> sys) {
        return new FrozenTrial(number, number, state, values, Instant.EPOCH, Instant.EPOCH, Map.of(), Map.of(),
                new TreeMap<>(), Map.of(), sys);
    }

    private static FrozenTrial complete(int number, double f1, double f2) {
        return trial(number, TrialState.COMPLETE, List.of(f1, f2), Map.of());
    }

    @Test
    void frontAndHypervolumeWithAMaximizedObjective() {
        // Minimize f1, maximize f2; reference (4, 0): in minimization form (4, 0) with points (1,-1), (2,-2), (3,-3).
        List<FrozenTrial> trials = List.of(complete(0, 1, 1), complete(1, 2, 2), complete(2, 3, 3), complete(3, 3, 2.5),
                trial(4, TrialState.PRUNED, List.of(0.0, 9.0), Map.of()), trial(5, TrialState.FAIL, List.of(), Map.of()));
        ParetoAnalysis.Summary s = ParetoAnalysis.summarize(trials, MIN_MAX, new double[] {4, 0});
        assertThat(s.front()).extracting(FrozenTrial::number).containsExactly(0, 1, 2);
        assertThat(s.hypervolume()).isCloseTo(6.0, within(1e-12));
        assertThat(ParetoAnalysis.history(trials, MIN_MAX, new double[] {4, 0})).containsExactly(3.0, 5.0, 6.0, 6.0);
    }

    @Test
    void feasibleTrialsOnlyWhenThereAreAny() {
        List<FrozenTrial> trials = List.of(
                trial(0, TrialState.COMPLETE, List.of(0.0, 9.0), Map.of("constraints", List.of(0.5))),
                trial(1, TrialState.COMPLETE, List.of(2.0, 2.0), Map.of("constraints", List.of(-0.5))),
                complete(2, 3, 3));
        ParetoAnalysis.Summary s = ParetoAnalysis.summarize(trials, MIN_MAX, new double[] {4, 0});
        assertThat(s.front()).extracting(FrozenTrial::number).containsExactly(1, 2);
        assertThat(s.hypervolume()).isCloseTo(2 * 2 + 1 * 1, within(1e-12));
    }

    @Test
    void defaultReferenceLiesTenPercentBeyondTheNadir() {
        List<FrozenTrial> trials = List.of(complete(0, 1, 1), complete(1, 3, 3));
        ParetoAnalysis.Summary s = ParetoAnalysis.summarize(trials, MIN_MAX, null);
        // f1 worst 3, range 2 -> 3.2; f2 (maximized) worst 1, range 2 -> 0.8.
        assertThat(s.referencePoint()).containsExactly(new double[] {3.2, 0.8}, within(1e-12));
        assertThat(s.hypervolume()).isCloseTo(2.2 * 0.2 + 0.2 * 2.0, within(1e-12));
    }

    @Test
    void rejectsAReferenceOfTheWrongSize() {
        assertThatThrownBy(() -> ParetoAnalysis.summarize(List.of(complete(0, 1, 1)), MIN_MAX, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one value per objective (2)");
    }
}
