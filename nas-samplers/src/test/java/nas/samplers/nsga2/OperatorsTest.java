package nas.samplers.nsga2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class OperatorsTest {
    private static final int DRAWS = 40_000;

    @Test
    void sbxIsMeanPreservingInsideTheBoundsAndTightensWithEta() {
        double[][] parents = {{0.4}, {0.6}};
        double[] child = new double[1];
        SplittableRandom rng = new SplittableRandom(1);
        double sum = 0;
        double spreadLowEta = 0;
        for (int i = 0; i < DRAWS; i++) {
            new SbxCrossover(2, 1.0).cross(parents, child, rng);
            assertThat(child[0]).isBetween(0.0, 1.0);
            sum += child[0];
            spreadLowEta += (child[0] - 0.5) * (child[0] - 0.5);
        }
        assertThat(sum / DRAWS).isCloseTo(0.5, within(0.005));
        double spreadHighEta = 0;
        double squaredHighEta = 0;
        for (int i = 0; i < DRAWS; i++) {
            new SbxCrossover(30, 1.0).cross(parents, child, rng);
            spreadHighEta += Math.abs(child[0] - 0.5);
            squaredHighEta += (child[0] - 0.5) * (child[0] - 0.5);
        }
        // Large eta: children concentrate on the parents (|c - 0.5| near 0.1).
        assertThat(spreadHighEta / DRAWS).isCloseTo(0.1, within(0.01));
        // E[beta^2] is (eta+1)/(eta+3) on the contracting and (eta+1)/(eta-1) on the expanding side:
        // 1.8 * 0.1^2 for eta = 2 (about 1.6 * 0.1^2, as children past a bound are set to it: beta > 5 is
        // cut to 5) and 1.004 * 0.1^2 for eta = 30.
        assertThat(spreadLowEta / DRAWS).isBetween(0.015, 0.019);
        assertThat(squaredHighEta / DRAWS).isCloseTo(0.01, within(0.0005));
    }

    /** Replays fixed draws: {@code nextDouble} from {@code doubles}, {@code nextBoolean} from {@code booleans}. */
    private static RandomGenerator replay(double[] doubles, boolean... booleans) {
        return new RandomGenerator() {
            int d;
            int b;

            @Override
            public double nextDouble() {
                return doubles[d++];
            }

            @Override
            public boolean nextBoolean() {
                return booleans[b++];
            }

            @Override
            public long nextLong() {
                throw new AssertionError("SBX draws doubles and booleans only");
            }
        };
    }

    /** One SBX child of one variable: the draw deciding whether it is recombined (0 = yes), u, and the side. */
    private static double sbx(double eta, double x1, double x2, double u, boolean lower) {
        double[] child = new double[1];
        new SbxCrossover(eta, 0.5).cross(new double[][] {{x1}, {x2}}, child, replay(new double[] {0.0, u}, lower));
        return child[0];
    }

    @Test
    void sbxChildrenAreDebAndAgrawalsFormByHand() {
        // Parents 0.2 and 0.6, eta 2. Deb and Agrawal's spread factor, inverted: beta_q = (2u)^(1/(eta+1))
        // for u <= 1/2, else (1 / (2 (1 - u)))^(1/(eta+1)); child = (x1 + x2 -+ beta_q (x2 - x1)) / 2.
        //   u = 0.3: beta_q = 0.6^(1/3) = 0.843433 (contracting), lower child 0.4 - 0.2 * 0.843433
        assertThat(sbx(2, 0.2, 0.6, 0.3, true)).isCloseTo(0.23131346693965016, within(1e-12));
        assertThat(sbx(2, 0.2, 0.6, 0.3, false)).isCloseTo(0.5686865330603499, within(1e-12));
        //   u = 0.9: beta_q = 5^(1/3) = 1.709976 (expanding)
        assertThat(sbx(2, 0.2, 0.6, 0.9, true)).isCloseTo(0.05800481066466057, within(1e-12));
        // The parents' order does not matter: (0.6, 0.2) gives the children of (0.2, 0.6).
        assertThat(sbx(2, 0.6, 0.2, 0.9, false)).isCloseTo(0.7419951893353395, within(1e-12))
                .isCloseTo(sbx(2, 0.2, 0.6, 0.9, false), within(1e-15));
    }

    @Test
    void sbxSetsAChildPastABoundToThatBound() {
        // u = 0.999: beta_q = 500^(1/3) = 7.937, children 0.4 -+ 1.587 lie past both bounds: set to 0 and 1.
        assertThat(sbx(2, 0.2, 0.6, 0.999, true)).isEqualTo(0.0);
        assertThat(sbx(2, 0.2, 0.6, 0.999, false)).isEqualTo(1.0);
        // Parent at 0, the other at 0.5: u = 0.3 contracts to 0.25 - 0.25 * 0.6^(1/3) inside; u = 0.7
        // expands to 0.25 - 0.25 * (1/0.6)^(1/3) = -0.046, which lands on the bound (not folded back inside).
        assertThat(sbx(2, 0.0, 0.5, 0.3, true)).isCloseTo(0.0391418336745627, within(1e-12));
        assertThat(sbx(2, 0.0, 0.5, 0.7, true)).isEqualTo(0.0);
        // The mirror image at 1.
        assertThat(sbx(2, 0.5, 1.0, 0.7, false)).isEqualTo(1.0);
    }

    @Test
    void sbxChildrenStayInsideAndSpreadSymmetricallyAroundACentredPair() {
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = 0; i < DRAWS; i++) {
            double x1 = rng.nextDouble();
            double x2 = rng.nextDouble();
            double eta = 20 * rng.nextDouble();
            double u = rng.nextDouble();
            double lower = sbx(eta, x1, x2, u, true);
            double upper = sbx(eta, x1, x2, u, false);
            // beta_q >= 0: the lower child lies below the parents' midpoint, the upper one above it
            double mid = 0.5 * (x1 + x2);
            assertThat(lower).isBetween(0.0, mid + 1e-12);
            assertThat(upper).isBetween(mid - 1e-12, 1.0);
            // For a pair centred in the box the two children of one u mirror each other about the
            // parents' midpoint, also when both are set to the bounds.
            double half = 0.5 * Math.abs(x1 - x2);
            double a = 0.5 - half;
            double b = 0.5 + half;
            assertThat(sbx(eta, a, b, u, true) + sbx(eta, a, b, u, false)).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void perVariableCrossoverKeepsTheFirstParentWhereTheDrawSaysSo() {
        // BLX-alpha with alpha 0 draws x = lo + u (hi - lo); then each variable keeps the operator's
        // value if its draw is below 0.5, else the first parent's.
        double[][] parents = {{0.1, 0.2, 0.3}, {0.5, 0.6, 0.7}};
        double[] child = new double[3];
        new PerVariableCrossover(new BlxAlphaCrossover(0), 0.5)
                .cross(parents, child, replay(new double[] {0.25, 0.5, 0.75, 0.1, 0.9, 0.4}));
        assertThat(child[0]).isCloseTo(0.1 + 0.25 * 0.4, within(1e-15));
        assertThat(child[1]).isEqualTo(0.2);
        assertThat(child[2]).isCloseTo(0.3 + 0.75 * 0.4, within(1e-15));
        SplittableRandom rng = new SplittableRandom(4);
        double[] one = new double[1];
        int kept = 0;
        for (int i = 0; i < DRAWS; i++) {
            new PerVariableCrossover(new SpxCrossover(Double.NaN), 0.3).cross(
                    new double[][] {{0.2}, {0.5}, {0.8}}, one, rng);
            kept += one[0] == 0.2 ? 1 : 0;
        }
        assertThat(kept / (double) DRAWS).isCloseTo(0.7, within(0.01));
    }

    @Test
    void sbxStaysInsideNearTheBound() {
        double[][] parents = {{0.0}, {0.02}};
        double[] child = new double[1];
        SplittableRandom rng = new SplittableRandom(2);
        int below = 0;
        for (int i = 0; i < DRAWS; i++) {
            new SbxCrossover(1, 1.0).cross(parents, child, rng);
            assertThat(child[0]).isBetween(0.0, 1.0);
            if (child[0] < 0.01) {
                below++;
            }
        }
        assertThat(below).isPositive();
    }

    @Test
    void sbxWithoutVariableCrossingCopiesTheFirstParent() {
        double[][] parents = {{0.1, 0.2, 0.3}, {0.9, 0.8, 0.7}};
        double[] child = new double[3];
        new SbxCrossover(15, 0.0).cross(parents, child, new SplittableRandom(3));
        assertThat(child).containsExactly(0.1, 0.2, 0.3);
    }

    @Test
    void uniformSwapsWithTheGivenProbability() {
        double[][] parents = {new double[100], new double[100]};
        java.util.Arrays.fill(parents[1], 1.0);
        double[] child = new double[100];
        SplittableRandom rng = new SplittableRandom(4);
        double fromSecond = 0;
        for (int i = 0; i < 400; i++) {
            new UniformCrossover(0.3).cross(parents, child, rng);
            for (double c : child) {
                fromSecond += c;
            }
        }
        assertThat(fromSecond / 40_000).isCloseTo(0.3, within(0.01));
        new UniformCrossover(0.0).cross(parents, child, rng);
        assertThat(child).containsOnly(0.0);
    }

    @Test
    void blxDrawsUniformlyFromTheWidenedInterval() {
        double[][] parents = {{0.4}, {0.6}};
        double[] child = new double[1];
        SplittableRandom rng = new SplittableRandom(5);
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < DRAWS; i++) {
            new BlxAlphaCrossover(0.5).cross(parents, child, rng);
            assertThat(child[0]).isBetween(0.3, 0.7);
            sum += child[0];
            sumSq += (child[0] - 0.5) * (child[0] - 0.5);
        }
        assertThat(sum / DRAWS).isCloseTo(0.5, within(0.003));
        // Uniform on an interval of length 0.4: variance 0.4^2 / 12.
        assertThat(sumSq / DRAWS).isCloseTo(0.16 / 12, within(0.0005));
    }

    @Test
    void blxAndSpxSetAValuePastABoundToThatBound() {
        // BLX-0.5 of 0.0 and 0.2 draws from [-0.1, 0.3]: u = 0.1 gives -0.1 + 0.1 * 0.4 = -0.06, set to 0
        // (not reflected to 0.06); u = 0.9 gives 0.26, inside.
        double[] child = new double[1];
        double[][] atTheBound = {{0.0}, {0.2}};
        new BlxAlphaCrossover(0.5).cross(atTheBound, child, replay(new double[] {0.1}));
        assertThat(child[0]).isEqualTo(0.0);
        new BlxAlphaCrossover(0.5).cross(atTheBound, child, replay(new double[] {0.9}));
        assertThat(child[0]).isCloseTo(0.26, within(1e-15));
        // A quarter of the widened interval lies below 0, so a quarter of the children sit on the bound.
        SplittableRandom rng = new SplittableRandom(12);
        int onTheBound = 0;
        for (int i = 0; i < DRAWS; i++) {
            new BlxAlphaCrossover(0.5).cross(atTheBound, child, rng);
            assertThat(child[0]).isBetween(0.0, 0.3);
            onTheBound += child[0] == 0.0 ? 1 : 0;
        }
        assertThat(onTheBound / (double) DRAWS).isCloseTo(0.25, within(0.01));
        // SPX of 0.0, 0.1 and 0.2 (epsilon 2): the expanded simplex spans [-0.1, 0.3]; the part below 0
        // is set to 0, none is folded back inside.
        int spxOnTheBound = 0;
        for (int i = 0; i < DRAWS; i++) {
            new SpxCrossover(Double.NaN).cross(new double[][] {{0.0}, {0.1}, {0.2}}, child, rng);
            assertThat(child[0]).isBetween(0.0, 0.3 + 1e-12);
            spxOnTheBound += child[0] == 0.0 ? 1 : 0;
        }
        assertThat(spxOnTheBound).isPositive();
    }

    @Test
    void spxChildrenAverageToTheCentroidAndSpanTheExpandedSimplex() {
        double[][] parents = {{0.4, 0.4}, {0.6, 0.4}, {0.5, 0.6}};
        double[] child = new double[2];
        SplittableRandom rng = new SplittableRandom(6);
        double[] sum = new double[2];
        double maxX = 0;
        for (int i = 0; i < DRAWS; i++) {
            new SpxCrossover(Double.NaN).cross(parents, child, rng);
            sum[0] += child[0];
            sum[1] += child[1];
            maxX = Math.max(maxX, child[0]);
        }
        assertThat(sum[0] / DRAWS).isCloseTo(0.5, within(0.003));
        assertThat(sum[1] / DRAWS).isCloseTo(1.4 / 3, within(0.003));
        // Expanded by epsilon = 2 about the centroid, the simplex reaches x = 0.5 + 2 * 0.1 = 0.7.
        assertThat(maxX).isBetween(0.68, 0.7 + 1e-12);
    }

    @Test
    void spxChildrenLieInTheExpandedTriangleAndKeepTheParentsCovariance() {
        // Parents x0 = (0.4, 0.4), x1 = (0.6, 0.4), x2 = (0.5, 0.6); centroid c = (0.5, 1.4/3). With the
        // paper's epsilon = sqrt(m + 1) = 2 for m = 3 parents the vertices y_k = c + 2 (x_k - c) are
        // (0.3, 1/3), (0.7, 1/3) and (0.5, 2.2/3): inside [0, 1]^2, so no value is clamped.
        double cy = 1.4 / 3;
        double[][] y = {{0.3, cy + 2 * (0.4 - cy)}, {0.7, cy + 2 * (0.4 - cy)}, {0.5, cy + 2 * (0.6 - cy)}};
        double[][] parents = {{0.4, 0.4}, {0.6, 0.4}, {0.5, 0.6}};
        double[] child = new double[2];
        SplittableRandom rng = new SplittableRandom(11);
        double det = (y[1][0] - y[0][0]) * (y[2][1] - y[0][1]) - (y[2][0] - y[0][0]) * (y[1][1] - y[0][1]);
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < DRAWS; i++) {
            new SpxCrossover(Double.NaN).cross(parents, child, rng);
            // Barycentric coordinates of the child in the triangle y0 y1 y2: all >= 0 inside it.
            double dx = child[0] - y[0][0];
            double dy = child[1] - y[0][1];
            double l1 = (dx * (y[2][1] - y[0][1]) - dy * (y[2][0] - y[0][0])) / det;
            double l2 = (dy * (y[1][0] - y[0][0]) - dx * (y[1][1] - y[0][1])) / det;
            assertThat(l1).isGreaterThanOrEqualTo(-1e-12);
            assertThat(l2).isGreaterThanOrEqualTo(-1e-12);
            assertThat(1 - l1 - l2).isGreaterThanOrEqualTo(-1e-12);
            sxx += (child[0] - 0.5) * (child[0] - 0.5);
            syy += (child[1] - cy) * (child[1] - cy);
            sxy += (child[0] - 0.5) * (child[1] - cy);
        }
        // Uniform on a triangle: covariance (1/12) sum_k (y_k - c)(y_k - c)^T = (epsilon^2 / 12) sum_k
        // (x_k - c)(x_k - c)^T, which for epsilon^2 = 4 is the parents' own covariance (1/3) sum_k (...):
        // var x = (0.01 + 0.01 + 0) / 3, var y = (2 * (0.2/3)^2 + (0.4/3)^2) / 3, cov = 0.
        assertThat(sxx / DRAWS).isCloseTo(0.02 / 3, within(2e-4));
        assertThat(syy / DRAWS).isCloseTo((2 * 0.04 / 9 + 0.16 / 9) / 3, within(2e-4));
        assertThat(sxy / DRAWS).isCloseTo(0.0, within(1.5e-4));
    }

    @Test
    void polynomialMutationHasMeanStep1OverEtaPlus2AwayFromTheBounds() {
        PolynomialMutation mutation = new PolynomialMutation(20);
        SplittableRandom rng = new SplittableRandom(7);
        double sumAbs = 0;
        double sum = 0;
        for (int i = 0; i < DRAWS; i++) {
            double y = mutation.mutate(0.5, rng);
            sumAbs += Math.abs(y - 0.5);
            sum += y - 0.5;
        }
        // Density 0.5 (eta + 1) (1 - |d|)^eta gives E|d| = 1 / (eta + 2).
        assertThat(sumAbs / DRAWS).isCloseTo(1.0 / 22, within(0.001));
        assertThat(sum / DRAWS).isCloseTo(0.0, within(0.002));
    }

    @Test
    void polynomialMutationStaysInsideAtTheBounds() {
        PolynomialMutation mutation = new PolynomialMutation(5);
        SplittableRandom rng = new SplittableRandom(8);
        for (int i = 0; i < DRAWS; i++) {
            assertThat(mutation.mutate(0.0, rng)).isBetween(0.0, 1.0);
            assertThat(mutation.mutate(1.0, rng)).isBetween(0.0, 1.0);
        }
    }

    @Test
    void variationIsReproducibleWithASeedAndDiffersAcrossSeeds() {
        Variation variation = new Variation(new SbxCrossover(15, 0.5), 0.9, 0.5, 0.2, new PolynomialMutation(20));
        double[][] parents = {{0.1, 0.5, 0.9, 0.3, 0.7}, {0.8, 0.2, 0.4, 0.6, 0.1}};
        double[] a = new double[5];
        double[] b = new double[5];
        double[] c = new double[5];
        variation.child(parents, a, new SplittableRandom(42));
        variation.child(parents, b, new SplittableRandom(42));
        variation.child(parents, c, new SplittableRandom(43));
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void categoricalParametersComeFromAParentOrAreResampled() {
        double[][] numeric = {{0.2}, {0.8}};
        int[][] categorical = {{0, 0}, {1, 1}};
        int[] sizes = {2, 5};
        double[] x = new double[1];
        int[] c = new int[2];
        SplittableRandom rng = new SplittableRandom(9);
        // Always cross, swap with 0.25, never mutate: the second parent's category 25 % of the time.
        Variation swapOnly = new Variation(new UniformCrossover(0.5), 1.0, 0.25, 0.0, new PolynomialMutation(20));
        int fromSecond = 0;
        for (int i = 0; i < 20_000; i++) {
            swapOnly.child(numeric, categorical, sizes, x, c, rng);
            assertThat(c[1]).isIn(0, 1);
            fromSecond += c[0];
        }
        assertThat(fromSecond / 20_000.0).isCloseTo(0.25, within(0.01));
        // Always mutate: categories are drawn uniformly, so all five appear about equally often.
        Variation mutateOnly = new Variation(new UniformCrossover(0.5), 0.0, 0.5, 1.0, new PolynomialMutation(20));
        int[] counts = new int[5];
        for (int i = 0; i < 20_000; i++) {
            mutateOnly.child(numeric, categorical, sizes, x, c, rng);
            counts[c[1]]++;
        }
        for (int count : counts) {
            assertThat(count / 20_000.0).isCloseTo(0.2, within(0.015));
        }
    }

    @Test
    void operatorsRejectBadSettings() {
        assertThatThrownBy(() -> new SbxCrossover(-1, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new UniformCrossover(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("swappingProb");
        assertThatThrownBy(() -> new BlxAlphaCrossover(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpxCrossover(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Variation(new UniformCrossover(0.5), 0.9, 0.5, -0.1, new PolynomialMutation(20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mutationProb");
    }
}
