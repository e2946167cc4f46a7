package nas.api.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionTest {

    @Test
    void floatValidation() {
        assertThatThrownBy(() -> FloatDistribution.of(5, 1)).hasMessage("low <= high must hold, but got low=5.0, high=1.0");
        assertThatThrownBy(() -> FloatDistribution.logOf(0, 1)).hasMessageContaining("needs low > 0");
        assertThatThrownBy(() -> new FloatDistribution(1, 2, true, 0.1)).hasMessageContaining("step and log");
        assertThatThrownBy(() -> FloatDistribution.of(0, Double.NaN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> FloatDistribution.stepOf(0, 1, -0.5)).hasMessageContaining("step must be");
    }

    @Test
    void stepLowersHighToTheLastGridPoint() {
        FloatDistribution d = FloatDistribution.stepOf(0, 1, 0.3);
        assertThat(d.high()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(d.contains(0.6)).isTrue();
        assertThat(d.contains(0.5)).isFalse();
        assertThat(d.snap(0.74)).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-12));
        IntDistribution i = IntDistribution.stepOf(1, 10, 4);
        assertThat(i.high()).isEqualTo(9);
        assertThat(i.contains(5)).isTrue();
        assertThat(i.contains(6)).isFalse();
        assertThat(i.snap(6.9)).isEqualTo(5);
    }

    @Test
    void aHighOnTheGridStaysAsWritten() {
        // in binary 3 × 0.3 is 0.8999999999999999: the range kept that and refused 0.9 itself (enqueued, on a grid)
        assertThat(FloatDistribution.stepOf(0, 0.9, 0.3).high()).isEqualTo(0.9);
        assertThat(FloatDistribution.stepOf(0, 0.9, 0.3).contains(0.9)).isTrue();
        assertThat(FloatDistribution.stepOf(0.1, 0.7, 0.2).high()).isEqualTo(0.7);
        assertThat(FloatDistribution.stepOf(0, 1, 0.3).high()).isEqualTo(0.9);
        assertThat(FloatDistribution.stepOf(0, 1, 0.1).high()).isEqualTo(1.0);
        assertThat(FloatDistribution.stepOf(-1.5, 2, 0.5).high()).isEqualTo(2.0);
        // a distribution stored before (high 0.8999999999999999) reads back as the one suggested now
        FloatDistribution stored = new FloatDistribution(0, 0.8999999999999999, false, 0.3);
        assertThat(stored).isEqualTo(FloatDistribution.stepOf(0, 0.9, 0.3));
        assertThat(Distributions.fromJson(Distributions.toJson(stored))).isEqualTo(stored);
    }

    @Test
    void intValidationAndRepresentation() {
        assertThatThrownBy(() -> IntDistribution.logOf(0, 8)).hasMessageContaining("needs low >= 1");
        assertThatThrownBy(() -> IntDistribution.stepOf(0, 8, 0)).hasMessageContaining("step must be >= 1");
        IntDistribution d = IntDistribution.of(-3, 3);
        assertThat(d.toInternal(2)).isEqualTo(2.0);
        assertThat(d.toExternal(2.0)).isEqualTo(2);
        assertThatThrownBy(() -> d.toInternal(1.5)).hasMessageContaining("needs an integer");
        assertThat(d.isSingle()).isFalse();
        assertThat(IntDistribution.of(4, 4).isSingle()).isTrue();
    }

    @Test
    void categoricalChoicesAreNormalizedAndIndexed() {
        CategoricalDistribution d = CategoricalDistribution.of("relu", 3, 2.5, true);
        assertThat(d.choices()).containsExactly("relu", 3, 2.5, true);
        assertThat(d.choices().get(1)).isInstanceOf(Integer.class);
        assertThat(CategoricalDistribution.of(5_000_000_000L, 2L).choices()).containsExactly(5_000_000_000L, 2);
        assertThat(CategoricalDistribution.of(0.1f, 0.5).choices()).containsExactly(0.1, 0.5);
        assertThat(CategoricalDistribution.of(0.1f, 0.5).indexOf(0.1f)).isZero();
        assertThat(d.toInternal(3)).isEqualTo(1.0);
        assertThat(d.toInternal(3L)).isEqualTo(1.0);
        assertThat(d.toExternal(3)).isEqualTo(true);
        assertThat(d).isEqualTo(new CategoricalDistribution(List.of("relu", 3L, 2.5, true)));
        assertThatThrownBy(() -> d.toInternal("gelu")).hasMessageContaining("not one of the choices");
        assertThatThrownBy(() -> CategoricalDistribution.of()).hasMessageContaining("at least one choice");
        assertThatThrownBy(() -> CategoricalDistribution.of("a", "a")).hasMessageContaining("distinct");
        assertThatThrownBy(() -> CategoricalDistribution.of(new Object())).hasMessageContaining("strings, numbers or booleans");
    }

    @Test
    void jsonRoundTripKeepsEquality() {
        List<Distribution> all = List.of(FloatDistribution.of(-1, 1), FloatDistribution.logOf(1e-5, 1),
                FloatDistribution.stepOf(0, 1, 0.25), IntDistribution.of(1, 9), IntDistribution.logOf(1, 1024),
                IntDistribution.stepOf(0, 100, 5), CategoricalDistribution.of("a", 1, 0.5, false));
        for (Distribution d : all) {
            assertThat(Distributions.fromJson(Distributions.toJson(d))).isEqualTo(d);
        }
        assertThat(Distributions.describe(FloatDistribution.logOf(0.001, 1))).isEqualTo("float[0.001, 1.0, log]");
    }

    /** The JSON caches hold 4,096 entries; past that they start over and answers stay right. */
    @Test
    void jsonFormsStayRightPastTheCacheLimit() {
        for (int i = 0; i < 10_000; i++) {
            IntDistribution d = new IntDistribution(0, i + 1, false, 1);
            String json = Distributions.toJson(d);
            assertThat(json).isEqualTo("{\"type\":\"int\",\"low\":0,\"high\":" + (i + 1) + ",\"log\":false,\"step\":1}");
            assertThat(Distributions.fromJson(json)).isEqualTo(d);
        }
        FloatDistribution first = new FloatDistribution(0, 1, false, 0);
        assertThat(Distributions.fromJson(Distributions.toJson(first))).isEqualTo(first);
    }
}
