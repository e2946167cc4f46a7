package nas.ga;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fully connected network on a flat parameter vector: layer {@code l} holds the weight matrix
 * {@code w<l>} (units × inputs, row-major) then the bias {@code b<l>}; hidden layers use tanh, the
 * output is linear. The forward pass runs over a whole batch into a {@link Workspace} and allocates
 * nothing: each weight row is read once per batch.
 */
public final class Mlp {

    /** Most weights and biases of a network: 10,000,000 (80 MB a copy; the GA holds several). */
    public static final int MAX_PARAMETERS = 10_000_000;

    private final int[] sizes;
    private final Layout layout;

    /** @param sizes inputs, hidden widths..., outputs (at least two entries, all positive) */
    public Mlp(int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an MLP needs input and output sizes, got " + Arrays.toString(sizes));
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("layer sizes must be >= 1, got " + Arrays.toString(sizes));
            }
        }
        long parameters = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            parameters += ((long) sizes[l] + 1) * sizes[l + 1];
        }
        if (parameters > MAX_PARAMETERS) {
            throw new IllegalArgumentException("an MLP has at most " + MAX_PARAMETERS + " parameters, but "
                    + Arrays.stream(sizes).mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining("-"))
                    + " has " + parameters);
        }
        this.sizes = sizes.clone();
        List<Tensor> tensors = new ArrayList<>();
        int at = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            tensors.add(new Tensor("w" + l, l, at, sizes[l + 1], sizes[l], true));
            at += sizes[l + 1] * sizes[l];
            tensors.add(new Tensor("b" + l, l, at, sizes[l + 1], 1, false));
            at += sizes[l + 1];
        }
        this.layout = new Layout(tensors);
    }

    /**
     * The network's parameter layout.
     *
     * @return the layout
     */
    public Layout layout() {
        return layout;
    }

    /**
     * Inputs per point.
     *
     * @return the count
     */
    public int inputs() {
        return sizes[0];
    }

    /**
     * Outputs per point.
     *
     * @return the count
     */
    public int outputs() {
        return sizes[sizes.length - 1];
    }

    /**
     * Number of weight layers.
     *
     * @return the number of weight layers
     */
    public int layers() {
        return sizes.length - 1;
    }

    /**
     * Width of layer {@code i} (0: the inputs).
     *
     * @param i the layer
     * @return the width
     */
    public int size(int i) {
        return sizes[i];
    }

    /**
     * Buffers for a batch of {@code batch} inputs.
     *
     * @param batch inputs per forward pass
     * @return the buffers
     */
    public Workspace workspace(int batch) {
        return new Workspace(this, batch);
    }

    /**
     * Runs {@code batch} inputs ({@code inputs} row-major, {@code batch × inputs()}) through the network;
     * the outputs are {@code ws.output()}, row-major {@code batch × outputs()}.
     *
     * @param params the network parameters
     * @param inputs the inputs, row-major {@code batch × inputs()}
     * @param batch inputs per forward pass
     * @param ws buffers from {@link #workspace(int)}
     */
    public void forward(double[] params, double[] inputs, int batch, Workspace ws) {
        double[] in = inputs;
        for (int l = 0; l < layers(); l++) {
            int nIn = sizes[l];
            int nOut = sizes[l + 1];
            double[] out = ws.activations[l];
            int wOff = layout.tensors().get(2 * l).offset();
            int bOff = wOff + nOut * nIn;
            boolean hidden = l + 1 < layers();
            for (int j = 0; j < nOut; j++) {
                int row = wOff + j * nIn;
                double bias = params[bOff + j];
                int n = 0;
                // four points at a time: each weight is loaded once for four independent sums (every
                // sum still adds its terms in input order, so the result is the same as one at a time)
                for (; n + 3 < batch; n += 4) {
                    int x0 = n * nIn;
                    int x1 = x0 + nIn;
                    int x2 = x1 + nIn;
                    int x3 = x2 + nIn;
                    double s0 = bias;
                    double s1 = bias;
                    double s2 = bias;
                    double s3 = bias;
                    for (int i = 0; i < nIn; i++) {
                        double w = params[row + i];
                        s0 += w * in[x0 + i];
                        s1 += w * in[x1 + i];
                        s2 += w * in[x2 + i];
                        s3 += w * in[x3 + i];
                    }
                    out[n * nOut + j] = hidden ? Math.tanh(s0) : s0;
                    out[(n + 1) * nOut + j] = hidden ? Math.tanh(s1) : s1;
                    out[(n + 2) * nOut + j] = hidden ? Math.tanh(s2) : s2;
                    out[(n + 3) * nOut + j] = hidden ? Math.tanh(s3) : s3;
                }
                for (; n < batch; n++) {
                    int x = n * nIn;
                    double s = bias;
                    for (int i = 0; i < nIn; i++) {
                        s += params[row + i] * in[x + i];
                    }
                    out[n * nOut + j] = hidden ? Math.tanh(s) : s;
                }
            }
            in = out;
        }
    }

    /** Activation buffers for one batch size; one per thread. */
    public static final class Workspace {
        final double[][] activations;
        final int batch;

        Workspace(Mlp mlp, int batch) {
            if (batch < 1) {
                throw new IllegalArgumentException("batch must be >= 1, got " + batch);
            }
            this.batch = batch;
            activations = new double[mlp.layers()][];
            for (int l = 0; l < mlp.layers(); l++) {
                activations[l] = new double[batch * mlp.sizes[l + 1]];
            }
        }

        /**
         * The last forward pass's outputs, row-major.
         *
         * @return the outputs (this workspace's buffer, overwritten by the next forward pass)
         */
        public double[] output() {
            return activations[activations.length - 1];
        }

        /** Hidden or output activations of layer {@code l} (after tanh for hidden layers). */
        double[] activations(int l) {
            return activations[l];
        }
    }
}
