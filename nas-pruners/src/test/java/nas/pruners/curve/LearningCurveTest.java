package nas.pruners.curve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningCurveTest {

    @Test
    void parametersMapToFloorExcessAndTimeConstantAsDocumented() {
        // lr = 0.01 → u = 0; width 16; dropout 0.2
        LearningCurve mid = LearningCurve.of(0.01, 16, 0.2, 100, 0);
        assertThat(mid.c()).isCloseTo(0.05 + 1.0 / 16, within(1e-12));
        assertThat(mid.a()).isCloseTo(0.88, within(1e-12));
        assertThat(mid.tau()).isCloseTo(10.0, within(1e-12));
        assertThat(mid.mean(10)).isCloseTo(0.1125 + 0.88 * 0.36787944117144233, within(1e-12));
        // lr = 1e-4 → u = −2, τ = 10·10^(1/2); width 256; dropout 0
        LearningCurve slow = LearningCurve.of(1e-4, 256, 0.0, 100, 0);
        assertThat(slow.c()).isCloseTo(0.05 + 0.4 + 0.02 + 1.0 / 256, within(1e-12));
        assertThat(slow.a()).isCloseTo(0.8, within(1e-12));
        assertThat(slow.tau()).isCloseTo(10 * Math.sqrt(10), within(1e-9));
        // lr = 1 → u = 2, τ = 10/√10
        assertThat(LearningCurve.of(1, 16, 0.2, 100, 0).tau()).isCloseTo(Math.sqrt(10), within(1e-12));
        // the time constant scales with the number of steps
        assertThat(LearningCurve.of(0.01, 16, 0.2, 50, 0).tau()).isCloseTo(5.0, within(1e-12));
    }

    @Test
    void theCurveDecaysFromCPlusAToC() {
        LearningCurve c = new LearningCurve(0.3, 2.0, 10, 0);
        assertThat(c.mean(0)).isEqualTo(2.3);
        assertThat(c.mean(10)).isCloseTo(0.3 + 2 / Math.E, within(1e-12));
        assertThat(c.mean(1000)).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void noiseIsReproducibleFromSeedTrialAndStep() {
        LearningCurve c = new LearningCurve(0.3, 1.0, 10, 0.05);
        assertThat(c.value(7, 3, 4)).isEqualTo(c.value(7, 3, 4));
        assertThat(c.value(7, 3, 4)).isNotEqualTo(c.value(8, 3, 4));
        assertThat(c.value(7, 3, 4)).isNotEqualTo(c.value(7, 4, 4));
        assertThat(c.value(7, 3, 4)).isNotEqualTo(c.value(7, 3, 5));
        assertThat(new LearningCurve(0.3, 1.0, 10, 0).value(7, 3, 4)).isEqualTo(c.mean(4));
    }

    @Test
    void noiseIsStandardNormal() {
        int n = 40_000;
        double sum = 0;
        double sq = 0;
        int beyond2 = 0;
        for (int i = 0; i < n; i++) {
            double z = LearningCurve.standardNormal(11, i / 100, i % 100);
            sum += z;
            sq += z * z;
            if (Math.abs(z) > 2) {
                beyond2++;
            }
        }
        double mean = sum / n;
        assertThat(mean).isCloseTo(0, within(0.02)); // 4 standard errors
        assertThat(sq / n - mean * mean).isCloseTo(1, within(0.03));
        assertThat((double) beyond2 / n).isCloseTo(0.0455, within(0.005)); // P(|Z| > 2)
    }

    @Test
    void invalidCurvesAreRefused() {
        assertThatThrownBy(() -> new LearningCurve(0, 1, 0, 0)).hasMessage("tau must be finite and > 0, but got 0.0");
        assertThatThrownBy(() -> new LearningCurve(0, 1, 1, -1)).hasMessage("sigma must be finite and >= 0, but got -1.0");
    }
}
