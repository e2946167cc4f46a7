package nas.analysis.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import nas.api.json.Json;
import org.junit.jupiter.api.Test;

class PhaseTwoAndFormatTest {

    @Test
    void topParametersAreSearchedAndTheRestHeldAtDefaultsOrGivenValues() {
        PhaseTwo p = PhaseTwo.select(List.of("a", "b", "c", "d"), 2, Map.of("a", 1.0, "b", 2.0, "c", 3.0, "d", 4.0,
                "e", 5.0), Map.of("b", "7", "d", "9"));
        assertThat(p.searched()).containsExactly("a", "c");
        assertThat(p.fixed()).containsOnly(Map.entry("b", "7"), Map.entry("d", "9"), Map.entry("e", 5.0));
    }

    @Test
    void aParameterWithoutDefaultOutsideTheTopIsAClearError() {
        assertThatThrownBy(() -> PhaseTwo.select(List.of("a", "b", "c"), 1, Map.of("b", 1), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[c]").hasMessageContaining("--param");
        assertThatThrownBy(() -> PhaseTwo.select(List.of("a"), 0, Map.of(), Map.of())).hasMessageContaining("top");
    }

    @Test
    void formatsRankAndCarryTheNumbers() {
        ImportanceResult r = new ImportanceResult("fanova", "objective 0",
                List.of(new ParameterImportance("lr", 0.75, 0.05), new ParameterImportance("layers, n", 0.25, 0.02)),
                List.of(), 40, 2, List.of("2 trial(s) left out"));
        String table = ImportanceFormat.table(r, 0);
        assertThat(table).contains("fANOVA importance of objective 0 (40 trials used, 2 left out)");
        assertThat(table).contains("   1  lr").contains("0.7500").contains("#".repeat(30)).contains("#".repeat(10) + "\n");
        assertThat(ImportanceFormat.csv(r, 1)).isEqualTo("rank,parameter,importance,spread\n1,lr,0.75,0.05\n");
        assertThat(ImportanceFormat.csv(r, 0)).contains("2,\"layers, n\",0.25,0.02");
        Map<?, ?> json = (Map<?, ?>) Json.read(ImportanceFormat.json(r, 0));
        assertThat(json.get("evaluator")).isEqualTo("fanova");
        assertThat((List<?>) json.get("parameters")).hasSize(2);
        assertThat(((Map<?, ?>) ((List<?>) json.get("parameters")).get(0)).get("importance")).isEqualTo(0.75);
    }
}
