package nas.pruners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nas.api.Studies;
import nas.api.StudyDirection;
import org.junit.jupiter.api.Test;

class PruneRulesTest {

    @Test
    void percentileInterpolatesLinearlyBetweenClosestRanksLikeNumPy() {
        // numpy.percentile([1, 2, 3, 4], q): rank q/100·3
        assertThat(PruneRules.nanPercentile(new double[] {4, 1, 3, 2}, 4, 50)).isEqualTo(2.5);
        assertThat(PruneRules.nanPercentile(new double[] {4, 1, 3, 2}, 4, 25)).isEqualTo(1.75);
        assertThat(PruneRules.nanPercentile(new double[] {4, 1, 3, 2}, 4, 0)).isEqualTo(1.0);
        assertThat(PruneRules.nanPercentile(new double[] {4, 1, 3, 2}, 4, 100)).isEqualTo(4.0);
        assertThat(PruneRules.nanPercentile(new double[] {5, 1, 4, 2, 3}, 5, 25)).isEqualTo(2.0);
        assertThat(PruneRules.nanPercentile(new double[] {7}, 1, 80)).isEqualTo(7.0);
    }

    @Test
    void percentileIgnoresNaNAndOnlyLooksAtTheFirstNEntries() {
        assertThat(PruneRules.nanPercentile(new double[] {Double.NaN, 3, 1, 100}, 3, 50)).isEqualTo(2.0);
        assertThat(PruneRules.nanPercentile(new double[] {Double.NaN, Double.NaN}, 2, 50)).isNaN();
    }

    @Test
    void bestOverStepsIgnoresNaNAndFollowsTheDirection() {
        TreeMap<Integer, Double> v = new TreeMap<>(Map.of(0, 3.0, 1, Double.NaN, 2, 1.0, 3, 2.0));
        assertThat(PruneRules.bestOverSteps(v, StudyDirection.MINIMIZE)).isEqualTo(1.0);
        assertThat(PruneRules.bestOverSteps(v, StudyDirection.MAXIMIZE)).isEqualTo(3.0);
        assertThat(PruneRules.bestOverSteps(new TreeMap<>(Map.of(0, Double.NaN)), StudyDirection.MINIMIZE)).isNaN();
    }

    @Test
    void aCheckHappensAtTheFirstReportAtOrAfterEachCheckPoint() {
        // warm-up 1, interval 2: check points 1, 3, 5, ...
        assertThat(PruneRules.isFirstInInterval(1, List.of(0, 1), 1, 2)).isTrue();
        assertThat(PruneRules.isFirstInInterval(2, List.of(0, 1, 2), 1, 2)).isFalse();
        assertThat(PruneRules.isFirstInInterval(3, List.of(0, 1, 2, 3), 1, 2)).isTrue();
        // check point 3 got no report: the report at 4 is checked instead, once
        assertThat(PruneRules.isFirstInInterval(4, List.of(0, 1, 2, 4), 1, 2)).isTrue();
        assertThat(PruneRules.isFirstInInterval(6, List.of(0, 1, 2, 4, 5, 6), 1, 2)).isFalse();
        // reports need not come in order
        assertThat(PruneRules.isFirstInInterval(5, List.of(5, 0, 4), 1, 2)).isTrue();
    }

    @Test
    void aMultiObjectiveStudyIsRefusedWithItsObjectiveCount() {
        var study = Studies.builder("mo").directions(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE).create();
        assertThatThrownBy(() -> PruneRules.direction(study)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multi-objective").hasMessageContaining("2 objectives");
    }
}
