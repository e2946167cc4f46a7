package nas.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void oddCountTakesTheMiddleValue() {
        double[] values = {9, 1, 5};
        assertThat(Statistics.median(values)).isEqualTo(5.0);
        assertThat(values).containsExactly(9, 1, 5);
    }

    @Test
    void evenCountAveragesTheTwoMiddleValues() {
        assertThat(Statistics.median(new double[] {4, -1, 10, 2})).isEqualTo(3.0);
        assertThat(Statistics.medianOfSorted(new double[] {1, 2})).isEqualTo(1.5);
        assertThat(Statistics.median(new double[] {7})).isEqualTo(7.0);
    }

    @Test
    void noValuesIsRefused() {
        assertThatThrownBy(() -> Statistics.median(new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no values");
    }
}
