package nas.analysis.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FanovaTreeTest {

    /**
     * x0 <= 0.5 -> 0; else x1 <= 0.25 -> 4, else 8; on [0,1]^2.
     * Leaves: A = [0,.5]x[0,1] (0, volume .5), B = [.5,1]x[0,.25] (4, .125), C = [.5,1]x[.25,1] (8, .375).
     * Mean 3.5; V = .5(3.5)^2 + .125(.5)^2 + .375(4.5)^2 = 13.75.
     * a_0 = 0 | 7 -> V_0 = 12.25; a_1 = 2 | 4 (weights .25/.75) -> V_1 = .25(1.5)^2 + .75(.5)^2 = .75;
     * V_01 = 13.75 - 12.25 - .75 = .75.
     */
    static TreeView handBuilt() {
        ArrayTree.Builder b = ArrayTree.builder();
        int a = b.leaf(0);
        int bLeaf = b.leaf(4);
        int c = b.leaf(8);
        int inner = b.split(1, 0.25, bLeaf, c);
        return b.build(b.split(0, 0.5, a, inner));
    }

    @Test
    void handComputedVariances() {
        FanovaTree f = new FanovaTree(handBuilt(), new double[] {0, 0}, new double[] {1, 1});
        assertThat(f.leaves()).isEqualTo(3);
        assertThat(f.mean()).isCloseTo(3.5, within(1e-12));
        assertThat(f.variance()).isCloseTo(13.75, within(1e-12));
        assertThat(f.marginalVariance(0)).isCloseTo(12.25, within(1e-12));
        assertThat(f.marginalVariance(1)).isCloseTo(0.75, within(1e-12));
        assertThat(f.pairVariance(0, 1)).isCloseTo(0.75, within(1e-12));
        assertThat(f.pairVariance(1, 0)).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void boundsScaleTheCellsAndOutOfBoxSplitsAreEmpty() {
        // On [0,2] x [0,1] the same tree's leaf A covers x0 in [0,.5] (a quarter), B and C x0 in [.5,2].
        // Mean = .75*(.25*4 + .75*8) = 5.25; V = .25*5.25^2 + .1875*1.25^2 + .5625*2.75^2 = 11.4375.
        // a_0: 0 on a quarter, 7 on three quarters -> V_0 = .25*5.25^2 + .75*1.75^2 = 9.1875.
        // a_1: .25*0 + .75*4 = 3 below .25, .75*8 = 6 above -> V_1 = .25*2.25^2 + .75*.75^2 = 1.6875.
        // V_01 = 11.4375 - 9.1875 - 1.6875 = .5625. An extra split x1 <= 7 (outside the box) changes nothing.
        ArrayTree.Builder b = ArrayTree.builder();
        int a = b.leaf(0);
        int bLeaf = b.leaf(4);
        int c = b.leaf(8);
        int dead = b.leaf(1000);
        int guarded = b.split(1, 7.0, c, dead);
        int inner = b.split(1, 0.25, bLeaf, guarded);
        TreeView tree = b.build(b.split(0, 0.5, a, inner));
        FanovaTree f = new FanovaTree(tree, new double[] {0, 0}, new double[] {2, 1});
        assertThat(f.mean()).isCloseTo(5.25, within(1e-12));
        assertThat(f.variance()).isCloseTo(11.4375, within(1e-12));
        assertThat(f.marginalVariance(0)).isCloseTo(9.1875, within(1e-12));
        assertThat(f.marginalVariance(1)).isCloseTo(1.6875, within(1e-12));
        assertThat(f.pairVariance(0, 1)).isCloseTo(0.5625, within(1e-12));
    }

    @Test
    void additiveTreeHasNoInteractionAndUnusedFeatureNoEffect() {
        // f = 2*[x0 > .5] + [x2 > .5], written as a full tree on x0 then x2; feature 1 unused.
        // V_0 = 1, V_2 = .25, V_02 = 0, V_1 = 0.
        ArrayTree.Builder b = ArrayTree.builder();
        int l00 = b.leaf(0);
        int l01 = b.leaf(1);
        int l10 = b.leaf(2);
        int l11 = b.leaf(3);
        int left = b.split(2, 0.5, l00, l01);
        int right = b.split(2, 0.5, l10, l11);
        TreeView tree = b.build(b.split(0, 0.5, left, right));
        FanovaTree f = new FanovaTree(tree, new double[] {0, 0, 0}, new double[] {1, 1, 1});
        assertThat(f.variance()).isCloseTo(1.25, within(1e-12));
        assertThat(f.marginalVariance(0)).isCloseTo(1.0, within(1e-12));
        assertThat(f.marginalVariance(1)).isZero();
        assertThat(f.marginalVariance(2)).isCloseTo(0.25, within(1e-12));
        assertThat(f.pairVariance(0, 2)).isCloseTo(0.0, within(1e-12));

        Fanova.Result r = Fanova.decompose(List.of(tree, handBuiltIn3D()), new double[] {0, 0, 0},
                new double[] {1, 1, 1}, new int[] {0, 1, 2}, true);
        // Tree 1 fractions (0.8, 0, 0.2); tree 2 (hand-built tree on x0, x1) (12.25, .75, 0)/13.75.
        double f0 = (0.8 + 12.25 / 13.75) / 2;
        double f1 = (0 + 0.75 / 13.75) / 2;
        double f2 = (0.2 + 0) / 2;
        assertThat(r.fraction()).containsExactly(new double[] {f0, f1, f2}, within(1e-12));
        double total = f0 + f1 + f2;
        assertThat(r.importance()).containsExactly(new double[] {f0 / total, f1 / total, f2 / total}, within(1e-12));
        assertThat(r.fractionStd()[2]).isCloseTo(0.1, within(1e-12));
        assertThat(r.pairs()).hasSize(3);
        assertThat(r.pairs().get(0).fraction()).isCloseTo((0 + 0.75 / 13.75) / 2, within(1e-12));
        assertThat(r.treesUsed()).isEqualTo(2);
    }

    private static TreeView handBuiltIn3D() {
        return handBuilt(); // splits only on x0 and x1, valid in any box of dimension >= 2
    }

    @Test
    void constantTreesAreSkipped() {
        ArrayTree.Builder b = ArrayTree.builder();
        TreeView constant = b.build(b.leaf(5));
        Fanova.Result r = Fanova.decompose(List.of(constant, handBuilt()), new double[] {0, 0},
                new double[] {1, 1}, new int[] {0, 1}, false);
        assertThat(r.treesSkipped()).isEqualTo(1);
        assertThat(r.importance()[0]).isCloseTo(12.25 / 13.0, within(1e-12));
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> new FanovaTree(handBuilt(), new double[] {0, 1}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feature 1");
        assertThatThrownBy(() -> new FanovaTree(handBuilt(), new double[] {0}, new double[] {1}))
                .hasMessageContaining("splits on feature 1");
        FanovaTree f = new FanovaTree(handBuilt(), new double[] {0, 0}, new double[] {1, 1});
        assertThatThrownBy(() -> f.pairVariance(1, 1)).hasMessageContaining("distinct");
        ArrayTree.Builder b = ArrayTree.builder();
        int leaf = b.leaf(1);
        assertThatThrownBy(() -> b.split(0, 0.5, leaf, leaf)).hasMessageContaining("distinct");
    }
}
