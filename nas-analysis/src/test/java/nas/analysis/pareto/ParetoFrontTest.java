package nas.analysis.pareto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {
    @Test
    void handBuiltSetKeepsDuplicatesOnTheFront() {
        double[][] values = {{3, 3}, {1, 4}, {2, 2}, {4, 1}, {2, 2}, {5, 5}, {1, 5}};
        assertThat(ParetoFront.indices(values)).containsExactly(1, 2, 3, 4);
        assertThat(ParetoFront.indices(new double[0][])).isEmpty();
    }

    @Test
    void agreesWithThePairwiseDefinition() {
        Random random = new Random(5);
        for (int round = 0; round < 50; round++) {
            int n = 1 + random.nextInt(60);
            int m = 2 + random.nextInt(2);
            double[][] values = new double[n][m];
            for (double[] v : values) {
                for (int d = 0; d < m; d++) {
                    v[d] = random.nextInt(8);
                }
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean dominated = false;
                for (int j = 0; j < n && !dominated; j++) {
                    dominated = nas.api.Dominance.dominates(values[j], values[i]);
                }
                if (!dominated) {
                    expected.add(i);
                }
            }
            assertThat(ParetoFront.indices(values)).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
