package nas.analysis.importance;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.regression.RegressionTree;

class SplitThresholdTest {

    private static final Node LOW = new RegressionNode(3, 1.0, 1.0, 0.0);
    private static final Node HIGH = new RegressionNode(3, 2.0, 2.0, 0.0);

    private static double read(double threshold) {
        return SplitThreshold.of(new OrdinalNode(2, threshold, 1.5, 4.0, LOW, HIGH));
    }

    @Test
    void readsEveryKindOfThresholdBitForBit() {
        double[] thresholds = {0.375, 0.1 + 0.2, -0.5, -1e300, 1e300, Double.MIN_VALUE, -Double.MIN_VALUE,
            Double.MAX_VALUE, -Double.MAX_VALUE, Math.nextUp(0.5), Math.nextDown(0.5), 0.0, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY, 12345.678901234567};
        for (double t : thresholds) {
            assertThat(Double.doubleToLongBits(read(t))).as("threshold %s", t).isEqualTo(Double.doubleToLongBits(t));
        }
    }

    @Test
    void negativeZeroReadsAsAnEqualZero() {
        assertThat(read(-0.0)).isEqualTo(0.0).isEqualTo(-0.0);
    }

    @Test
    void theThresholdSendsItselfLeftAndTheNextDoubleRight() {
        for (double t : new double[] {0.25, 0.7, -3.0}) {
            double read = read(t);
            assertThat(read <= t).isTrue();
            assertThat(Math.nextUp(read) <= t).isFalse();
        }
    }

    /**
     * On every split of a fitted tree the search finds exactly the value Smile stores: read here (and only
     * here, in a test on the class path) from Smile's package-private field.
     */
    @Test
    void matchesSmilesStoredThresholdOnEverySplitOfAFittedTree() throws ReflectiveOperationException {
        double[][] x = SmileForestTest.uniform(500, 4, 11L);
        double[] y = SmileForestTest.apply(x, r -> Math.sin(6 * r[0]) + r[1] * r[2] - Math.exp(r[3]));
        DataFrame data = DataFrame.of(x, "x0", "x1", "x2", "x3").merge(DoubleVector.of("__y", y));
        RegressionTree tree = RegressionTree.fit(Formula.lhs("__y"), data, 30, 500, 2);
        List<OrdinalNode> splits = new ArrayList<>();
        collect(tree.root(), splits);
        assertThat(splits).hasSizeGreaterThan(50);
        Field stored = OrdinalNode.class.getDeclaredField("value");
        stored.setAccessible(true);
        for (OrdinalNode split : splits) {
            assertThat(Double.doubleToLongBits(SplitThreshold.of(split)))
                    .isEqualTo(Double.doubleToLongBits(stored.getDouble(split)));
        }
    }

    private static void collect(Node node, List<OrdinalNode> out) {
        if (node instanceof InternalNode split) {
            out.add((OrdinalNode) split);
            collect(split.trueChild(), out);
            collect(split.falseChild(), out);
        }
    }
}
