package smile.base.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NasSplitBridgeTest {

    @Test
    void readsTheOrdinalThreshold() {
        Node low = new RegressionNode(3, 1.0, 1.0, 0.0);
        Node high = new RegressionNode(3, 2.0, 2.0, 0.0);
        OrdinalNode node = new OrdinalNode(2, 0.375, 1.5, 4.0, low, high);
        assertThat(NasSplitBridge.threshold(node)).isEqualTo(0.375);
    }

    @Test
    void rejectsNominalSplits() {
        Node low = new RegressionNode(3, 1.0, 1.0, 0.0);
        Node high = new RegressionNode(3, 2.0, 2.0, 0.0);
        NominalNode node = new NominalNode(0, 1, 1.5, 4.0, low, high);
        assertThatThrownBy(() -> NasSplitBridge.threshold(node)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NominalNode");
    }
}
