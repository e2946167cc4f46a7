package nas.sim.control;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import nas.sim.config.Activation;
import nas.sim.genome.BrainGenome;

/**
 * Weights of the fixed-topology network (spec 5.2): input -> hidden (configurable activation) -> output
 * (always tanh). Flat storage as in the reference: {@code weightsIh[in*H + h]}, {@code biasesH[H]},
 * {@code weightsHo[h*O + o]} (hidden-major), {@code biasesO[O]}. Immutable: the arrays are copied in and
 * never exposed.
 */
public final class FixedBrainGenome implements BrainGenome {

    private final int inputs;
    private final int hidden;
    private final int outputs;
    private final Activation activation;
    private final double[] weightsIh;
    private final double[] biasesH;
    private final double[] weightsHo;
    private final double[] biasesO;

    public FixedBrainGenome(int inputs, int hidden, int outputs, Activation activation, double[] weightsIh,
            double[] biasesH, double[] weightsHo, double[] biasesO) {
        if (inputs < 1 || hidden < 1 || outputs < 0) {
            throw new IllegalArgumentException("network sizes must be inputs >= 1, hidden >= 1, outputs >= 0, got "
                    + inputs + ", " + hidden + ", " + outputs);
        }
        check("weightsIh", weightsIh, inputs * hidden);
        check("biasesH", biasesH, hidden);
        check("weightsHo", weightsHo, hidden * outputs);
        check("biasesO", biasesO, outputs);
        this.inputs = inputs;
        this.hidden = hidden;
        this.outputs = outputs;
        this.activation = activation;
        this.weightsIh = weightsIh.clone();
        this.biasesH = biasesH.clone();
        this.weightsHo = weightsHo.clone();
        this.biasesO = biasesO.clone();
    }

    private static void check(String name, double[] a, int expected) {
        if (a.length != expected) {
            throw new IllegalArgumentException(name + " must have " + expected + " values, got " + a.length);
        }
        for (double v : a) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(name + " must be finite, got " + v);
            }
        }
    }

    /**
     * Random initial weights (spec 5.4): weightsIh ~ U(-1/sqrt(I), 1/sqrt(I)), biasesH = 0,
     * weightsHo ~ U(-0.5, 0.5), biasesO = outputBias.
     */
    public static FixedBrainGenome random(int inputs, int hidden, int outputs, Activation activation,
            double outputBias, RandomGenerator rng) {
        double limit = 1.0 / Math.sqrt(inputs);
        double[] wih = new double[inputs * hidden];
        for (int i = 0; i < wih.length; i++) {
            wih[i] = uniform(rng, -limit, limit);
        }
        double[] who = new double[hidden * outputs];
        for (int i = 0; i < who.length; i++) {
            who[i] = uniform(rng, -0.5, 0.5);
        }
        double[] bo = new double[outputs];
        Arrays.fill(bo, outputBias);
        return new FixedBrainGenome(inputs, hidden, outputs, activation, wih, new double[hidden], who, bo);
    }

    static double uniform(RandomGenerator rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    @Override
    public int inputCount() {
        return inputs;
    }

    public int hiddenCount() {
        return hidden;
    }

    @Override
    public int outputCount() {
        return outputs;
    }

    public Activation activation() {
        return activation;
    }

    public double[] weightsIh() {
        return weightsIh.clone();
    }

    public double[] biasesH() {
        return biasesH.clone();
    }

    public double[] weightsHo() {
        return weightsHo.clone();
    }

    public double[] biasesO() {
        return biasesO.clone();
    }

    /** The four flat arrays, in the order weightsIh, biasesH, weightsHo, biasesO (copies). */
    public double[][] arrays() {
        return new double[][] {weightsIh(), biasesH(), weightsHo(), biasesO()};
    }

    /** Total number of weights and biases. */
    public int parameterCount() {
        return weightsIh.length + biasesH.length + weightsHo.length + biasesO.length;
    }

    /**
     * Root mean square of element-wise differences over the four arrays, each array compared up to the
     * shorter length; every weight present in only one genome adds {@code missingPenalty} to the sum of
     * squares. The mean is over the longer lengths.
     */
    public double rmsDistance(FixedBrainGenome other, double missingPenalty) {
        double sum = 0.0;
        long count = 0;
        double[][] x = {weightsIh, biasesH, weightsHo, biasesO};
        double[][] y = {other.weightsIh, other.biasesH, other.weightsHo, other.biasesO};
        for (int k = 0; k < 4; k++) {
            double[] p = x[k];
            double[] q = y[k];
            int n = Math.min(p.length, q.length);
            for (int i = 0; i < n; i++) {
                double d = p[i] - q[i];
                sum += d * d;
            }
            sum += missingPenalty * Math.abs(p.length - q.length);
            count += Math.max(p.length, q.length);
        }
        return count == 0 ? 0.0 : Math.sqrt(sum / count);
    }

    @Override
    public NeuralNetwork newNetwork() {
        return new FixedNetwork(inputs, hidden, outputs, activation, weightsIh, biasesH, weightsHo, biasesO);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FixedBrainGenome g && g.inputs == inputs && g.hidden == hidden && g.outputs == outputs
                && g.activation == activation && Arrays.equals(g.weightsIh, weightsIh)
                && Arrays.equals(g.biasesH, biasesH) && Arrays.equals(g.weightsHo, weightsHo)
                && Arrays.equals(g.biasesO, biasesO);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weightsIh) * 31 + Arrays.hashCode(weightsHo);
    }

    /** The evaluator: reads the genome's arrays (never written) and owns its hidden buffer. */
    private static final class FixedNetwork implements NeuralNetwork {
        private final int in;
        private final int h;
        private final int out;
        private final Activation act;
        private final double[] wih;
        private final double[] bh;
        private final double[] who;
        private final double[] bo;
        private final double[] hiddenValues;

        FixedNetwork(int in, int h, int out, Activation act, double[] wih, double[] bh, double[] who, double[] bo) {
            this.in = in;
            this.h = h;
            this.out = out;
            this.act = act;
            this.wih = wih;
            this.bh = bh;
            this.who = who;
            this.bo = bo;
            this.hiddenValues = new double[h];
        }

        @Override
        public int inputCount() {
            return in;
        }

        @Override
        public int outputCount() {
            return out;
        }

        @Override
        public void forward(double[] inputs, double[] outputs) {
            final double[] hv = hiddenValues;
            System.arraycopy(bh, 0, hv, 0, h);
            // hidden_h = act(b_h + sum_i x_i * W_ih[i*H + h]); row-wise so the inner loop is contiguous
            for (int i = 0; i < in; i++) {
                double x = inputs[i];
                if (x == 0.0) {
                    continue;
                }
                int row = i * h;
                for (int j = 0; j < h; j++) {
                    hv[j] += x * wih[row + j];
                }
            }
            if (act == Activation.TANH) {
                for (int j = 0; j < h; j++) {
                    hv[j] = Activations.tanh(hv[j]);
                }
            } else {
                for (int j = 0; j < h; j++) {
                    hv[j] = Activations.apply(act, hv[j]);
                }
            }
            // out_o = tanh(b_o + sum_h hidden_h * W_ho[h*O + o]) (hidden-major, spec 5.2)
            System.arraycopy(bo, 0, outputs, 0, out);
            for (int j = 0; j < h; j++) {
                double v = hv[j];
                int row = j * out;
                for (int o = 0; o < out; o++) {
                    outputs[o] += v * who[row + o];
                }
            }
            for (int o = 0; o < out; o++) {
                outputs[o] = Activations.tanh(outputs[o]);
            }
        }
    }
}
