package nas.analysis.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.regression.RegressionTree;

class SmileForestTest {

    static double[][] uniform(int n, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][k];
        for (double[] row : x) {
            for (int i = 0; i < k; i++) {
                row[i] = random.nextDouble();
            }
        }
        return x;
    }

    static double[] apply(double[][] x, ToDoubleFunction<double[]> f) {
        return Arrays.stream(x).mapToDouble(f).toArray();
    }

    static final double[] ZERO = new double[6];
    static final double[] ONE = {1, 1, 1, 1, 1, 1};
    static final int[] ALL = {0, 1, 2, 3, 4, 5};

    @Test
    void treeViewsPredictLikeSmile() {
        double[][] x = uniform(200, 3, 1L);
        double[] y = apply(x, r -> Math.sin(6 * r[0]) + r[1] * r[2]);
        DataFrame data = DataFrame.of(x, "x0", "x1", "x2").merge(DoubleVector.of("__y", y));
        RegressionTree smileTree = RegressionTree.fit(Formula.lhs("__y"), data, 20, 200, 5);
        SmileForest forest = SmileForest.fit(x, y, new ForestOptions(1, 20, 5, 0, 1.0, 3L));
        TreeView view = forest.trees().get(0);
        assertThat(view.nodeCount()).isGreaterThan(10);
        smile.data.type.StructType schema = data.select("x0", "x1", "x2").schema();
        double[][] probes = uniform(300, 3, 2L);
        for (double[] p : probes) {
            Tuple t = Tuple.of(p, schema);
            assertThat(copyOf(smileTree).predict(p)).isEqualTo(smileTree.predict(t));
        }
        // Points exactly on thresholds must go left (x <= t), as in Smile.
        for (int node = 0; node < view.nodeCount(); node++) {
            if (!view.isLeaf(node)) {
                double[] p = probes[node % probes.length].clone();
                p[view.feature(node)] = view.threshold(node);
                assertThat(view.predict(p)).isEqualTo(forest.predict(p));
            }
        }
    }

    private static TreeView copyOf(RegressionTree tree) {
        return SmileForest.view(tree);
    }

    @Test
    void linearFunctionApproachesAnalyticShares() {
        // f = 10 x0 + 3 x1 + x2 on [0,1]^6: Var = (100 + 9 + 1)/12, shares (100, 9, 1, 0, 0, 0)/110.
        double[][] x = uniform(500, 6, 11L);
        double[] y = apply(x, r -> 10 * r[0] + 3 * r[1] + r[2]);
        SmileForest forest = SmileForest.fit(x, y, ForestOptions.defaults().withSeed(1L));
        Fanova.Result r = Fanova.decompose(forest.trees(), ZERO, ONE, ALL, false);
        double[] expected = {100 / 110.0, 9 / 110.0, 1 / 110.0, 0, 0, 0};
        // Tolerance 0.03 absolute: the forest is a piecewise-constant fit of 500 points.
        assertThat(r.importance()).containsExactly(expected, within(0.03));
        assertThat(r.importance()[0]).isGreaterThan(r.importance()[1]);
        assertThat(r.importance()[1]).isGreaterThan(r.importance()[2]);
        assertThat(r.importance()[2]).isGreaterThan(Math.max(r.importance()[3], Math.max(r.importance()[4], r.importance()[5])));
        assertThat(r.treesUsed()).isEqualTo(64);
        assertThat(r.spread()[0]).isGreaterThan(0).isLessThan(0.05);

        MeanDecreaseImpurity.Result mdi = MeanDecreaseImpurity.compute(forest.impurityDecrease(), ALL);
        assertThat(Arrays.stream(mdi.importance()).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(mdi.importance()[0]).isGreaterThan(mdi.importance()[1]);
        assertThat(mdi.importance()[1]).isGreaterThan(mdi.importance()[3]);
    }

    @Test
    void interactingParametersRankFirst() {
        double[][] x = uniform(500, 6, 21L);
        double[] y = apply(x, r -> r[0] * r[1] + 0.1 * r[2]);
        SmileForest forest = SmileForest.fit(x, y, ForestOptions.defaults().withSeed(4L));
        Fanova.Result r = Fanova.decompose(forest.trees(), ZERO, ONE, ALL, true);
        Integer[] order = IntStream.range(0, 6).boxed().sorted((a, b) -> Double.compare(r.importance()[b],
                r.importance()[a])).toArray(Integer[]::new);
        assertThat(order[0] + order[1]).isEqualTo(1); // {0, 1} in some order
        Fanova.Pair top = r.pairs().stream().max((a, b) -> Double.compare(a.fraction(), b.fraction())).orElseThrow();
        assertThat(top.first()).isEqualTo(0);
        assertThat(top.second()).isEqualTo(1);
        // Analytic: Var(x0 x1) = 7/144, main effects 1/48 each, interaction 1/144; 0.1 x2 adds 1/1200.
        double total = 7 / 144.0 + 1 / 1200.0;
        assertThat(top.fraction()).isCloseTo(1 / 144.0 / total, within(0.05));
    }

    @Test
    void sameSeedSameForestDifferentSeedDifferentForest() {
        double[][] x = uniform(200, 6, 31L);
        double[] y = apply(x, r -> 10 * r[0] + 3 * r[1] + r[2]);
        ForestOptions options = ForestOptions.defaults().withTrees(16).withSeed(9L);
        double[] a = Fanova.decompose(SmileForest.fit(x, y, options).trees(), ZERO, ONE, ALL, false).importance();
        double[] b = Fanova.decompose(SmileForest.fit(x, y, options).trees(), ZERO, ONE, ALL, false).importance();
        double[] c = Fanova.decompose(SmileForest.fit(x, y, options.withSeed(10L)).trees(), ZERO, ONE, ALL, false)
                .importance();
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> SmileForest.fit(new double[][] {{1}}, new double[] {1}, ForestOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 rows");
        assertThatThrownBy(() -> SmileForest.fit(new double[][] {{1}, {2}}, new double[] {1, Double.NaN},
                ForestOptions.defaults())).hasMessageContaining("row 1");
        assertThatThrownBy(() -> ForestOptions.defaults().withTrees(0)).hasMessageContaining("trees");
    }

    @Test
    void smilesPerTreeLinesAreOffUnlessTheApplicationChoosesALevel() {
        java.util.logging.Logger smile = java.util.logging.Logger.getLogger("smile");
        java.util.List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(java.util.logging.Level.ALL);
        smile.addHandler(capture);
        double[][] x = uniform(40, 2, 1);
        double[] y = apply(x, r -> r[0] + 0.1 * r[1]);
        try {
            SmileForest.fit(x, y, ForestOptions.defaults().withTrees(8));
            assertThat(records).as("no line per tree by default").isEmpty();
            smile.setLevel(java.util.logging.Level.INFO); // the application wants Smile's lines
            SmileForest.fit(x, y, ForestOptions.defaults().withTrees(8));
            assertThat(records).extracting(java.util.logging.LogRecord::getLevel)
                    .contains(java.util.logging.Level.INFO);
            assertThat(records).filteredOn(r -> r.getLevel() == java.util.logging.Level.INFO).hasSize(8);
        } finally {
            smile.removeHandler(capture);
            smile.setLevel(null);
        }
    }
}
