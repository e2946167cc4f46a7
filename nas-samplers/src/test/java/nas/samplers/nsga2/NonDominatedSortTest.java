package nas.samplers.nsga2;

import nas.api.Dominance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NonDominatedSortTest {
    // Three hand-built fronts in 2-D: every point of front k+1 is dominated by a point of front k.
    private static final double[][][] FRONTS = {
        {{1, 9}, {2, 6}, {4, 4}, {7, 2}, {9, 1}},
        {{2, 10}, {3, 7}, {5, 5}, {8, 3}},
        {{6, 8}, {9, 4}},
    };

    @Test
    void ranksHandBuiltFrontsInAnyOrder() {
        List<double[]> points = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        for (int f = 0; f < FRONTS.length; f++) {
            for (double[] p : FRONTS[f]) {
                points.add(p);
                expected.add(f);
            }
        }
        Random shuffle = new Random(7);
        for (int round = 0; round < 20; round++) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, shuffle);
            double[][] values = order.stream().map(points::get).toArray(double[][]::new);
            int[] rank = NonDominatedSort.ranks(values);
            for (int k = 0; k < order.size(); k++) {
                assertThat(rank[k]).as("point %s", java.util.Arrays.toString(values[k]))
                        .isEqualTo(expected.get(order.get(k)));
            }
        }
    }

    @Test
    void frontsGroupIndicesAscending() {
        double[][] values = {{4, 5}, {1, 1}, {2, 4}, {4, 2}, {0, 5}};
        List<int[]> fronts = NonDominatedSort.fronts(values);
        assertThat(fronts).hasSize(3);
        assertThat(fronts.get(0)).containsExactly(1, 4);
        assertThat(fronts.get(1)).containsExactly(2, 3);
        assertThat(fronts.get(2)).containsExactly(0);
    }

    @Test
    void equalPointsShareARankAndThreeObjectivesWork() {
        double[][] values = {{1, 2, 3}, {1, 2, 3}, {2, 2, 3}, {0, 5, 5}, {2, 3, 4}};
        assertThat(NonDominatedSort.ranks(values)).containsExactly(0, 0, 1, 0, 2);
    }

    @Test
    void constrainedDominationPutsFeasibleFirstThenLessViolation() {
        // The infeasible points have the best objectives but still rank after every feasible one.
        double[][] values = {{5, 5}, {0, 0}, {6, 4}, {0, 1}, {7, 7}};
        double[] violation = {0, 2.0, 0, 0.5, 0};
        assertThat(NonDominatedSort.ranks(values, violation)).containsExactly(0, 3, 0, 2, 1);
        assertThat(NonDominatedSort.ranks(values)).containsExactly(2, 0, 2, 1, 3);
    }

    @Test
    void emptyAndSinglePoint() {
        assertThat(NonDominatedSort.ranks(new double[0][])).isEmpty();
        assertThat(NonDominatedSort.ranks(new double[][] {{1, 2}})).containsExactly(0);
    }

    @Test
    void rejectsRaggedAndNaN() {
        assertThatThrownBy(() -> NonDominatedSort.ranks(new double[][] {{1, 2}, {1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("point 1 has 1");
        assertThatThrownBy(() -> NonDominatedSort.ranks(new double[][] {{1, Double.NaN}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> NonDominatedSort.ranks(new double[][] {{1, 2}}, new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one entry per point");
    }

    @Test
    void agreesWithNaiveDefinitionOnRandomSets() {
        Random random = new Random(11);
        for (int round = 0; round < 30; round++) {
            int n = 1 + random.nextInt(40);
            double[][] values = new double[n][3];
            for (double[] v : values) {
                for (int d = 0; d < 3; d++) {
                    v[d] = random.nextInt(6); // small grid: many ties and duplicates
                }
            }
            int[] rank = NonDominatedSort.ranks(values);
            // Naive: rank = length of the longest chain of dominators above the point.
            int[] naive = new int[n];
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        if (Dominance.dominates(values[j], values[i]) && naive[i] < naive[j] + 1) {
                            naive[i] = naive[j] + 1;
                            changed = true;
                        }
                    }
                }
            }
            assertThat(rank).containsExactly(naive);
        }
    }
}
