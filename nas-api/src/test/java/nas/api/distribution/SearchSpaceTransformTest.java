package nas.api.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSpaceTransformTest {

    private static SearchSpaceTransform space() {
        Map<String, Distribution> s = new LinkedHashMap<>();
        s.put("lr", FloatDistribution.logOf(1e-4, 1));
        s.put("n", IntDistribution.of(1, 5));
        s.put("act", CategoricalDistribution.of("relu", "tanh", "gelu"));
        s.put("w", FloatDistribution.stepOf(0, 1, 0.5));
        return new SearchSpaceTransform(s);
    }

    @Test
    void boundsPerEncoding() {
        SearchSpaceTransform t = space();
        assertThat(t.dimension()).isEqualTo(1 + 1 + 3 + 1);
        assertThat(t.lower(0)).isCloseTo(Math.log(1e-4), offset(1e-12));
        assertThat(t.upper(0)).isCloseTo(0, offset(1e-12));
        assertThat(t.lower(1)).isEqualTo(0.5);
        assertThat(t.upper(1)).isEqualTo(5.5);
        assertThat(t.lower(2)).isZero();
        assertThat(t.upper(4)).isEqualTo(1);
        assertThat(t.lower(5)).isEqualTo(-0.25);
        assertThat(t.upper(5)).isEqualTo(1.25);
        assertThat(t.columnParameter(3)).isEqualTo(2);
        assertThat(t.firstColumn(3)).isEqualTo(5);
    }

    @Test
    void roundTripAndDecodingSnapsIntoTheDistributions() {
        SearchSpaceTransform t = space();
        Map<String, Double> params = Map.of("lr", 0.01, "n", 3.0, "act", 2.0, "w", 0.5);
        double[] x = t.transform(params);
        assertThat(x).containsExactly(new double[] {Math.log(0.01), 3, 0, 0, 1, 0.5}, offset(1e-12));
        Map<String, Double> back = t.untransform(x);
        assertThat(back.get("lr")).isCloseTo(0.01, offset(1e-12));
        assertThat(back).containsEntry("n", 3.0).containsEntry("act", 2.0).containsEntry("w", 0.5);
        // outside or between grid points: clamped, rounded, arg-max
        Map<String, Double> snapped = t.untransform(new double[] {3, 4.6, 0.2, 0.9, 0.1, 0.8});
        assertThat(snapped.get("lr")).isEqualTo(1.0);
        assertThat(snapped).containsEntry("n", 5.0).containsEntry("act", 1.0).containsEntry("w", 1.0);
    }
}
