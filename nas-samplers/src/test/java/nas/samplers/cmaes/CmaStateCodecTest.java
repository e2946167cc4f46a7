package nas.samplers.cmaes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CmaStateCodecTest {

    @Test
    void freshStateHasDocumentedLayout() {
        CmaState s = Cma.initialState(new double[] {1, 2}, 0.5, null, 0, false,
                CmaConfig.unbounded(2), 7);
        String json = CmaStateCodec.toJson(s);
        assertThat(json).startsWith("{\"version\":2,\"dimension\":2,\"popsize\":6,\"separable\":false,"
                + "\"mean\":[1.0,2.0],\"sigma\":0.5,\"cov\":[1.0,0.0,1.0],");
        assertThat(json).contains("\"bestF\":null");
        CmaState back = CmaStateCodec.fromJson(json);
        assertThat(CmaStateCodec.toJson(back)).isEqualTo(json);
    }

    @Test
    void doublesRoundTripBitForBit() {
        double tricky = 0.1 + 0.2;
        CmaState s = Cma.initialState(new double[] {tricky, Math.PI, -1e-300}, Math.E, null, 0, true,
                CmaConfig.unbounded(3), 7);
        CmaState back = CmaStateCodec.fromJson(CmaStateCodec.toJson(s));
        assertThat(back.mean()).containsExactly(tricky, Math.PI, -1e-300);
        assertThat(back.sigma()).isEqualTo(Math.E);
    }

    @Test
    void rejectsOtherVersionsAndBrokenText() {
        // version 1 counted BIPOP's first run in evalsLarge
        assertThatThrownBy(() -> CmaStateCodec.fromJson("{\"version\":1}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format version 1, this code reads version 2");
        assertThatThrownBy(() -> CmaStateCodec.fromJson("[1,2]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a JSON object with an int version");
        assertThatThrownBy(() -> CmaStateCodec.fromJson("{\"version\":2,"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");
    }
}
