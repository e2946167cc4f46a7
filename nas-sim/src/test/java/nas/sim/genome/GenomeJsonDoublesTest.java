package nas.sim.genome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import nas.sim.config.Activation;
import nas.sim.control.FixedBrainGenome;
import org.junit.jupiter.api.Test;

/** Genome JSON writes every double in shortest form and reads it back to the same bits. */
class GenomeJsonDoublesTest {

    private static final GenomeJson JSON = GenomeJson.standard();

    @Test
    void everyWeightReadsBackBitForBit() {
        SplittableRandom random = new SplittableRandom(18);
        int hidden = 500;
        double[] weights = new double[hidden];
        for (int i = 0; i < hidden; i++) {
            // brain-like values, then arbitrary bit patterns (tiny, huge, subnormal)
            double v = i % 2 == 0 ? random.nextGaussian() * 0.7 : Double.longBitsToDouble(random.nextLong());
            weights[i] = Double.isFinite(v) ? v : -0.0;
        }
        double[] biases = {Double.MIN_VALUE, Double.MAX_VALUE, -0.0, 1e23, 2.82879384806159E17, 0.1 + 0.2};
        FixedBrainGenome brain = new FixedBrainGenome(1, hidden, 0, Activation.TANH, weights,
                extend(biases, hidden), new double[0], new double[0]);
        CreatureGenome g = new CreatureGenome(List.of(new NodeGene(0.3, 0.5, 1.0 / 3, 2e-3, -7.5)), List.of(), 1.1,
                brain, 4, 2);

        CreatureGenome back = JSON.fromJson(JSON.toJson(g));

        FixedBrainGenome b = (FixedBrainGenome) back.brain();
        assertThat(bits(b.weightsIh())).containsExactly(bits(weights));
        assertThat(bits(b.biasesH())).containsExactly(bits(extend(biases, hidden)));
        assertThat(back.nodes()).isEqualTo(g.nodes());
        assertThat(JSON.toJson(back)).isEqualTo(JSON.toJson(g));
    }

    @Test
    void doublesAreWrittenInTheirShortestForm() {
        // Double.toString on Java 17 writes these two as 2.82879384806159008E17 and 9.999999999999999E22
        FixedBrainGenome brain = new FixedBrainGenome(1, 2, 0, Activation.TANH, new double[] {2.82879384806159E17, 0.5},
                new double[] {1e23, -0.25}, new double[0], new double[0]);
        String json = JSON.toJson(new CreatureGenome(List.of(new NodeGene(1, 0.5, 0, 0, 0)), List.of(), 1, brain, 0, 0));

        assertThat(json).contains("\"weightsIh\":[2.82879384806159E17,0.5]").contains("\"biasesH\":[1.0E23,-0.25]");
    }

    private static double[] extend(double[] values, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = values[i % values.length];
        }
        return out;
    }

    private static long[] bits(double[] a) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Double.doubleToRawLongBits(a[i]);
        }
        return out;
    }
}
