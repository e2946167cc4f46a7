package nas.sim.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import nas.sim.config.Activation;
import nas.sim.config.LabConfig;
import nas.sim.config.Presets;
import org.junit.jupiter.api.Test;

class FixedBrainGenomeTest {

    @Test
    void forwardPassUsesHiddenMajorOutputWeights() {
        // 2 inputs, 2 hidden, 3 outputs
        double[] wih = {0.5, -1.0, 0.25, 2.0}; // w[in*H + h]
        double[] bh = {0.1, -0.2};
        double[] who = {1.0, 0.0, -1.0, 0.5, 2.0, 0.0}; // w[h*O + o]
        double[] bo = {0.0, 0.1, -0.1};
        FixedBrainGenome g = new FixedBrainGenome(2, 2, 3, Activation.TANH, wih, bh, who, bo);
        double[] x = {1.0, -2.0};
        double h0 = Math.tanh(0.1 + 1.0 * 0.5 + -2.0 * 0.25);
        double h1 = Math.tanh(-0.2 + 1.0 * -1.0 + -2.0 * 2.0);
        double[] out = new double[3];
        g.newNetwork().forward(x, out);
        assertThat(out[0]).isCloseTo(Math.tanh(h0 * 1.0 + h1 * 0.5), within(1e-14));
        assertThat(out[1]).isCloseTo(Math.tanh(0.1 + h0 * 0.0 + h1 * 2.0), within(1e-14));
        assertThat(out[2]).isCloseTo(Math.tanh(-0.1 + h0 * -1.0 + h1 * 0.0), within(1e-14));
    }

    @Test
    void reluAndSigmoidHiddenActivations() {
        FixedBrainGenome relu = new FixedBrainGenome(1, 1, 1, Activation.RELU, new double[] {-1}, new double[] {0},
                new double[] {1}, new double[] {0});
        double[] out = new double[1];
        relu.newNetwork().forward(new double[] {2.0}, out);
        assertThat(out[0]).isZero();
        FixedBrainGenome sig = new FixedBrainGenome(1, 1, 1, Activation.SIGMOID, new double[] {1}, new double[] {0},
                new double[] {1}, new double[] {0});
        sig.newNetwork().forward(new double[] {0.0}, out);
        assertThat(out[0]).isCloseTo(Math.tanh(0.5), within(1e-15));
    }

    @Test
    void fastTanhAgreesWithMathTanh() {
        for (double x = -25; x <= 25; x += 0.01) {
            assertThat(Activations.tanh(x)).isCloseTo(Math.tanh(x), within(1e-15));
        }
        assertThat(Activations.tanh(1000)).isEqualTo(1.0);
        assertThat(Activations.tanh(-1000)).isEqualTo(-1.0);
        assertThat(Activations.tanh(Double.NaN)).isNaN();
    }

    @Test
    void initialisationFollowsSpec54() {
        FixedBrainGenome g = FixedBrainGenome.random(16, 8, 5, Activation.TANH, -0.1, new SplittableRandom(1));
        assertThat(java.util.Arrays.stream(g.weightsIh()).map(Math::abs).max().getAsDouble()).isLessThanOrEqualTo(0.25);
        assertThat(g.biasesH()).containsOnly(0.0);
        assertThat(java.util.Arrays.stream(g.weightsHo()).map(Math::abs).max().getAsDouble()).isLessThanOrEqualTo(0.5);
        assertThat(g.biasesO()).containsOnly(-0.1);
    }

    @Test
    void inputCountsMatchTheReference() {
        assertThat(SensorLayout.inputCount(Presets.get("pure_optimal"))).isEqualTo(59);
        assertThat(SensorLayout.inputCount(Presets.get("nas_optimal"))).isEqualTo(27);
        assertThat(SensorLayout.inputCount(Presets.get("hybrid_baseline"))).isEqualTo(9);
        assertThat(SensorLayout.inputCount(LabConfig.builder().set("use_proprioception", true)
                .set("proprioception_inputs", "velocity").set("time_encoding", "sin").build())).isEqualTo(32);
        assertThat(SensorLayout.inputCount(LabConfig.builder().set("use_proprioception", true)
                .set("proprioception_inputs", "ground").build())).isEqualTo(15);
    }

    @Test
    void rejectsInconsistentArrays() {
        assertThatThrownBy(() -> new FixedBrainGenome(2, 2, 1, Activation.TANH, new double[3], new double[2],
                new double[2], new double[1])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weightsIh must have 4 values, got 3");
    }
}
