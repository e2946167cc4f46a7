package nas.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void editDistanceCountsSingleCharacterEdits() {
        assertThat(Names.editDistance("kitten", "sitting")).isEqualTo(3); // k->s, e->i, +g
        assertThat(Names.editDistance("", "abc")).isEqualTo(3);
        assertThat(Names.editDistance("demo", "demo")).isZero();
        assertThat(Names.editDistance("demo", "Demo")).isEqualTo(1);
    }

    @Test
    void nearestIsTheOneCloseKnownNameAndCaseCountsHalf() {
        // "Demo": demo is half an edit away, deme one and a half (case + o/e)
        assertThat(Names.nearest("Demo", List.of("deme", "demo"))).isEqualTo("demo");
        assertThat(Names.nearest("dem0", List.of("demo", "sphere"))).isEqualTo("demo");
        // too far: 3 edits for a 4-letter name (the limit is 2, or a third of a long name)
        assertThat(Names.nearest("abcd", List.of("wxyd"))).isNull();
        assertThat(Names.nearest("neural_hidden_sise", List.of("neural_hidden_size"))).isEqualTo("neural_hidden_size");
        // two equally near: no guess; the name itself is not a suggestion
        assertThat(Names.nearest("ab", List.of("aa", "bb"))).isNull();
        assertThat(Names.nearest("demo", List.of("demo"))).isNull();
        assertThat(Names.nearest("demo", List.of())).isNull();
    }
}
