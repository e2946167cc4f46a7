package nas.sim.neat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import nas.neat.NeatGenome;
import nas.sim.config.Activation;
import nas.sim.control.FixedBrainGenome;
import nas.sim.control.NeuralNetwork;
import org.junit.jupiter.api.Test;

/** The compiled NEAT network reproduces the fixed-topology network exactly on the same layered topology. */
class LayeredNeatTest {

    private static double[] random(SplittableRandom rng, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextDouble(-1, 1);
        }
        return a;
    }

    @Test
    void neatEqualsFixedNetworkBitForBit() {
        SplittableRandom rng = new SplittableRandom(12);
        for (int trial = 0; trial < 20; trial++) {
            int in = 1 + rng.nextInt(30);
            int h = 1 + rng.nextInt(16);
            int out = rng.nextInt(20);
            FixedBrainGenome fixed = new FixedBrainGenome(in, h, out, Activation.TANH, random(rng, in * h),
                    random(rng, h), random(rng, h * out), random(rng, out));
            NeatGenome neat = LayeredNeat.of(fixed);
            assertThat(neat.hiddenCount()).isEqualTo(h);
            assertThat(neat.connections()).hasSize(in * h + h * out);
            NeuralNetwork a = fixed.newNetwork();
            NeuralNetwork b = NeatNetwork.compile(neat, out);
            double[] oa = new double[out];
            double[] ob = new double[out];
            for (int rep = 0; rep < 5; rep++) {
                double[] x = random(rng, in);
                if (rep == 0) {
                    x[0] = 0.0;
                }
                a.forward(x, oa);
                b.forward(x, ob);
                assertThat(ob).containsExactly(oa);
            }
        }
    }
}
