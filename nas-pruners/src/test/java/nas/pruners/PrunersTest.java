package nas.pruners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import nas.api.pruner.NopPruner;
import org.junit.jupiter.api.Test;

class PrunersTest {

    @Test
    void everyNameWithoutOptionsGivesOptunasDefaults() {
        assertThat(Pruners.names()).containsExactly("none", "median", "percentile", "successive-halving", "hyperband",
                "threshold", "wilcoxon", "patient");
        assertThat(Pruners.create("none", Map.of())).isInstanceOf(NopPruner.class);
        assertThat(Pruners.create("median", Map.of())).isEqualTo(MedianPruner.defaults());
        assertThat(Pruners.create("successive-halving", Map.of())).isEqualTo(SuccessiveHalvingPruner.defaults());
        assertThat(Pruners.create("Hyperband", Map.of())).isEqualTo(HyperbandPruner.defaults());
    }

    @Test
    void optionsAreParsedIntoTheRecords() {
        assertThat(Pruners.create("median", Map.of("startup-trials", "2", "warmup-steps", "10", "interval-steps", "5",
                "min-trials", "3"))).isEqualTo(new MedianPruner(2, 10, 5, 3));
        assertThat(Pruners.create("percentile", Map.of("percentile", "25", "warmup-steps", "4")))
                .isEqualTo(new PercentilePruner(25, 5, 4, 1, 1));
        assertThat(Pruners.create("successive-halving", Map.of("min-resource", "3", "reduction-factor", "2",
                "min-early-stopping-rate", "1", "bootstrap-count", "2"))).isEqualTo(new SuccessiveHalvingPruner(3, 2, 1, 2));
        assertThat(Pruners.create("successive-halving", Map.of("min-resource", "auto")))
                .isEqualTo(SuccessiveHalvingPruner.defaults());
        assertThat(Pruners.create("hyperband", Map.of("min-resource", "2", "max-resource", "81")))
                .isEqualTo(new HyperbandPruner(2, 81, 3, 0));
        assertThat(Pruners.create("threshold", Map.of("upper", "1.5", "warmup-steps", "3")))
                .isEqualTo(new ThresholdPruner(Double.NEGATIVE_INFINITY, 1.5, 3, 1));
        assertThat(Pruners.create("patient", Map.of("patience", "3", "min-delta", "0.01")))
                .isEqualTo(new PatientPruner(null, 3, 0.01));
        assertThat(Pruners.create("patient", Map.of("patience", "3", "wrapped", "median", "warmup-steps", "7")))
                .isEqualTo(new PatientPruner(new MedianPruner(5, 7, 1, 1), 3, 0));
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> Pruners.create("asha", Map.of())).hasMessageStartingWith("unknown pruner 'asha'; known pruners: none, median");
        assertThatThrownBy(() -> Pruners.create("median", Map.of("percentile", "30")))
                .hasMessage("pruner 'median' does not take option(s) [percentile]; it takes [interval-steps, min-trials, startup-trials, warmup-steps]");
        assertThatThrownBy(() -> Pruners.create("median", Map.of("warmup-steps", "ten")))
                .hasMessage("option 'warmup-steps' of pruner 'median' needs an integer, but got 'ten'");
        assertThatThrownBy(() -> Pruners.create("percentile", Map.of())).hasMessage("pruner 'percentile' needs option 'percentile'");
        assertThatThrownBy(() -> Pruners.create("patient", Map.of())).hasMessage("pruner 'patient' needs option 'patience'");
        assertThatThrownBy(() -> Pruners.create("patient", Map.of("patience", "2", "warmup-steps", "3")))
                .hasMessageContaining("pruner 'none' does not take option(s) [warmup-steps]");
        assertThatThrownBy(() -> Pruners.create("threshold", Map.of())).hasMessageContaining("give a finite lower or upper bound");
        assertThatThrownBy(() -> Pruners.create("median", Map.of("interval-steps", "0")))
                .hasMessage("option 'interval-steps' of pruner 'median' must be >= 1, but got 0");
    }

    @Test
    void thePrunersOwnChecksNameTheOptionAsGivenNotTheJavaParameter() {
        // the records say "nWarmupSteps must be >= 0"; a user of the factory gave "warmup-steps"
        assertThatThrownBy(() -> new MedianPruner(5, -1, 1, 1)).hasMessageStartingWith("nWarmupSteps must be >= 0");
        assertThatThrownBy(() -> Pruners.create("median", Map.of("warmup-steps", "-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option 'warmup-steps' of pruner 'median' must be >= 0, but got -1");
        assertThatThrownBy(() -> Pruners.create("percentile", Map.of("percentile", "120")))
                .hasMessage("option 'percentile' of pruner 'percentile' must lie in [0, 100], but got 120.0");
        assertThatThrownBy(() -> Pruners.create("wilcoxon", Map.of("p-threshold", "2")))
                .hasMessage("option 'p-threshold' of pruner 'wilcoxon' must lie in [0, 1], but got 2.0");
        assertThatThrownBy(() -> Pruners.create("patient", Map.of("patience", "1", "min-delta", "-1")))
                .hasMessage("option 'min-delta' of pruner 'patient' must be finite and >= 0, but got -1.0");
        // a wrapped pruner's option is named under the wrapped pruner
        assertThatThrownBy(() -> Pruners.create("patient", Map.of("patience", "1", "wrapped", "median",
                "startup-trials", "-2"))).hasMessage("option 'startup-trials' of pruner 'median' must be >= 0, but got -2");
        // a check that names no single option stays as it is
        assertThatThrownBy(() -> Pruners.create("threshold", Map.of("lower", "2", "upper", "1")))
                .hasMessage("option 'lower' of pruner 'threshold' must be <= upper, but got lower 2.0, upper 1.0");
    }

    @Test
    void optionsAreListedInOrderForAnyNameCreateTakes() {
        assertThat(Pruners.options(" Median")).containsExactly("interval-steps", "min-trials", "startup-trials",
                "warmup-steps");
        assertThatThrownBy(() -> Pruners.create(null, Map.of())).isInstanceOf(NullPointerException.class)
                .hasMessage("pruner name");
    }
}
