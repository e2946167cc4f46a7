package nas.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DominanceTest {
    @Test
    void paretoDominance() {
        assertThat(Dominance.dominates(new double[] {1, 2}, new double[] {2, 2})).isTrue();
        assertThat(Dominance.dominates(new double[] {1, 2}, new double[] {1, 2})).isFalse();
        assertThat(Dominance.dominates(new double[] {1, 3}, new double[] {2, 2})).isFalse();
        assertThat(Dominance.dominates(new double[] {2, 2}, new double[] {1, 3})).isFalse();
    }

    @Test
    void feasibleBeatsInfeasibleWhateverTheObjectives() {
        assertThat(Dominance.constrainedDominates(new double[] {9, 9}, 0, new double[] {0, 0}, 0.1)).isTrue();
        assertThat(Dominance.constrainedDominates(new double[] {0, 0}, 0.1, new double[] {9, 9}, 0)).isFalse();
    }

    @Test
    void lessViolationBeatsMoreAmongInfeasible() {
        assertThat(Dominance.constrainedDominates(new double[] {9, 9}, 0.5, new double[] {0, 0}, 1.5)).isTrue();
        assertThat(Dominance.constrainedDominates(new double[] {0, 0}, 1.5, new double[] {9, 9}, 0.5)).isFalse();
        assertThat(Dominance.constrainedDominates(new double[] {0, 0}, 1.0, new double[] {9, 9}, 1.0)).isFalse();
    }

    @Test
    void twoFeasibleCompareByPareto() {
        assertThat(Dominance.constrainedDominates(new double[] {1, 1}, 0, new double[] {2, 1}, 0)).isTrue();
        assertThat(Dominance.constrainedDominates(new double[] {1, 2}, 0, new double[] {2, 1}, 0)).isFalse();
    }

    @Test
    void violationSumsOnlyPositiveParts() {
        assertThat(Dominance.violation(new double[] {-1, 0.5, 0, 2})).isEqualTo(2.5);
        assertThat(Dominance.violation(new double[] {-3, 0})).isZero();
        assertThatThrownBy(() -> Dominance.violation(new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }
}
