package nas.samplers.cmaes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CmaParametersTest {

    // Reference values computed by hand from Hansen (2016), eq. 48-58, for n = 2 and n = 10.

    @Test
    void defaultPopulationSizeIsFourPlusThreeLogN() {
        assertThat(CmaParameters.defaultPopulationSize(1)).isEqualTo(4);
        assertThat(CmaParameters.defaultPopulationSize(2)).isEqualTo(6); // 4 + ⌊2.079⌋
        assertThat(CmaParameters.defaultPopulationSize(10)).isEqualTo(10); // 4 + ⌊6.908⌋
        assertThat(CmaParameters.defaultPopulationSize(100)).isEqualTo(17); // 4 + ⌊13.82⌋
    }

    @Test
    void twoDimensionalDefaults() {
        CmaParameters p = CmaParameters.of(2, 6, false);
        assertThat(p.mu()).isEqualTo(3);
        assertThat(p.weights())
                .containsExactly(
                        new double[] {
                            0.6370425712412168, 0.28457025743803294, 0.07838717132075033,
                            -0.28638378259655295, -0.7649580940851275, -1.1559817781589212
                        },
                        within(1e-14));
        assertThat(p.muEff()).isCloseTo(2.0286114646100617, within(1e-14));
        assertThat(p.cSigma()).isCloseTo(0.44620498737831715, within(1e-14));
        assertThat(p.dSigma()).isCloseTo(1.4462049873783172, within(1e-14));
        assertThat(p.cc()).isCloseTo(0.6245545390268264, within(1e-14));
        assertThat(p.c1()).isCloseTo(0.1548153998964136, within(1e-14));
        assertThat(p.cMu()).isCloseTo(0.057859085071916304, within(1e-14));
        assertThat(p.chiN()).isCloseTo(1.254272742818995, within(1e-14));
    }

    @Test
    void tenDimensionalDefaults() {
        CmaParameters p = CmaParameters.of(10, 10, false);
        assertThat(p.muEff()).isCloseTo(3.1672992814107026, within(1e-14));
        assertThat(p.cSigma()).isCloseTo(0.2844285879463675, within(1e-14));
        assertThat(p.dSigma()).isCloseTo(1.2844285879463675, within(1e-14));
        assertThat(p.cc()).isCloseTo(0.29499038303562225, within(1e-14));
        assertThat(p.c1()).isCloseTo(0.015283824524751714, within(1e-14));
        assertThat(p.cMu()).isCloseTo(0.02015428276120838, within(1e-14));
        assertThat(p.weights()[0]).isCloseTo(0.45627264690340597, within(1e-14));
        assertThat(p.weights()[9]).isCloseTo(-0.5862218287788354, within(1e-14));
    }

    @Test
    void positiveWeightsSumToOneAndDecrease() {
        for (int n : new int[] {1, 2, 5, 10, 40}) {
            for (int lambda : new int[] {4, CmaParameters.defaultPopulationSize(n), 37, 200}) {
                for (boolean sep : new boolean[] {false, true}) {
                    double[] w = CmaParameters.of(n, lambda, sep).weights();
                    double pos = Arrays.stream(w).filter(v -> v > 0).sum();
                    assertThat(pos).as("n=%d λ=%d sep=%b", n, lambda, sep).isCloseTo(1.0, within(1e-12));
                    for (int i = 1; i < w.length; i++) {
                        assertThat(w[i]).isLessThanOrEqualTo(w[i - 1]);
                    }
                }
            }
        }
    }

    @Test
    void negativeWeightsRespectPositiveDefinitenessBound() {
        // eq. 51-53: the negative weights sum to -min(α_μ⁻, α_μeff⁻, α_posdef⁻)
        CmaParameters p = CmaParameters.of(10, 10, false);
        double neg = -Arrays.stream(p.weights()).filter(v -> v < 0).sum();
        double posDef = (1 - p.c1() - p.cMu()) / (10 * p.cMu());
        assertThat(neg).isLessThanOrEqualTo(posDef + 1e-12);
        // for n = 10 the binding bound is α_μ⁻ = 1 + c1 / cμ
        assertThat(neg).isCloseTo(1 + p.c1() / p.cMu(), within(1e-12));
    }

    @Test
    void separableScalesLearningRatesAndDropsNegativeWeights() {
        CmaParameters full = CmaParameters.of(10, 10, false);
        CmaParameters sep = CmaParameters.of(10, 10, true);
        assertThat(sep.c1()).isCloseTo(full.c1() * 4, within(1e-15)); // (n + 2) / 3 = 4
        assertThat(sep.cMu()).isCloseTo(full.cMu() * 4, within(1e-15));
        assertThat(Arrays.stream(sep.weights()).filter(v -> v < 0).count()).isZero();
    }

    @Test
    void rejectsBadSizes() {
        assertThatThrownBy(() -> CmaParameters.of(0, 6, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension must be >= 1, got 0");
        assertThatThrownBy(() -> CmaParameters.of(3, 1, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("population size must be >= 2, got 1");
    }
}
