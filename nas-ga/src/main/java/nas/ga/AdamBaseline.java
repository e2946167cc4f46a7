package nas.ga;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The gradient baseline: the same MLP on the same data trained by backpropagation and Adam (Kingma and
 * Ba 2015: m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g², w ← w − lr·m̂/(√v̂ + ε) with bias-corrected
 * m̂, v̂), in shuffled minibatches; the notes report Adam memorising their dataset to loss 1e-5 within
 * ~100 epochs.
 */
public final class AdamBaseline {

    /** The loss and points classified correctly over the whole dataset after an epoch. */
    public record Epoch(int epoch, double loss, int correct) {
    }

    private final Supervised task;
    private final Mlp mlp;
    private final int batch;
    private final double lr;
    private final double beta1 = 0.9;
    private final double beta2 = 0.999;
    private final double eps = 1e-8;

    /**
     * Mini-batch Adam on {@code task}.
     *
     * @param task  the dataset and network
     * @param batch points per step
     * @param lr    the learning rate
     */
    public AdamBaseline(Supervised task, int batch, double lr) {
        if (batch < 1 || !(lr > 0)) {
            throw new IllegalArgumentException("Adam needs batch >= 1 and lr > 0, got " + batch + ", " + lr);
        }
        this.task = task;
        this.mlp = task.mlp();
        this.batch = batch;
        this.lr = lr;
    }

    /**
     * Trains {@code params} in place for {@code epochs} epochs, shuffling with {@code seed}; hands each
     * epoch's result to {@code listener} and returns them all.
     *
     * @param params the network parameters, laid out as {@link Mlp#layout()}
     * @param epochs passes over the dataset
     * @param seed the shuffling seed
     * @param listener called with each epoch (may throw to stop)
     * @return one result per epoch
     */
    public List<Epoch> train(double[] params, int epochs, long seed, Consumer<Epoch> listener) {
        int n = task.points();
        int in = mlp.inputs();
        int b = Math.min(batch, n);
        double[] m = new double[params.length];
        double[] v = new double[params.length];
        double[] grad = new double[params.length];
        double[] xb = new double[b * in];
        int[] order = new int[n];
        int[] picked = new int[b];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Mlp.Workspace ws = mlp.workspace(b);
        Backprop backprop = new Backprop(b);
        SplittableRandom rng = new SplittableRandom(seed);
        List<Epoch> out = new ArrayList<>();
        long step = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int start = 0; start < n; start += b) {
                int size = Math.min(b, n - start);
                for (int k = 0; k < size; k++) {
                    picked[k] = order[start + k];
                    System.arraycopy(task.inputs(), picked[k] * in, xb, k * in, in);
                }
                backprop.gradient(params, xb, picked, size, ws, grad);
                step++;
                double c1 = 1 - Math.pow(beta1, step);
                double c2 = 1 - Math.pow(beta2, step);
                for (int i = 0; i < params.length; i++) {
                    m[i] = beta1 * m[i] + (1 - beta1) * grad[i];
                    v[i] = beta2 * v[i] + (1 - beta2) * grad[i] * grad[i];
                    params[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
                }
            }
            Epoch e = evaluate(params, epoch);
            out.add(e);
            listener.accept(e);
        }
        return out;
    }

    /**
     * The loss and correct count of {@code params} on the whole dataset.
     *
     * @param params the network parameters, laid out as {@link Mlp#layout()}
     * @param epoch the epoch's number
     * @return the loss and correct count
     */
    public Epoch evaluate(double[] params, int epoch) {
        int n = task.points();
        int k = mlp.outputs();
        Mlp.Workspace ws = mlp.workspace(n);
        mlp.forward(params, task.inputs(), n, ws);
        double[] scratch = new double[k];
        double loss = 0;
        int correct = 0;
        for (int p = 0; p < n; p++) {
            loss += task.pointLoss(p, ws.output(), p * k, scratch, 0);
            correct += task.correct(p, ws.output(), p * k) ? 1 : 0;
        }
        return new Epoch(epoch, loss / n, correct);
    }

    /** Backpropagation through the tanh MLP: the mean loss's gradient over a batch. */
    final class Backprop {
        private final double[][] deltas;

        Backprop(int batch) {
            deltas = new double[mlp.layers()][];
            for (int l = 0; l < mlp.layers(); l++) {
                deltas[l] = new double[batch * mlp.size(l + 1)];
            }
        }

        /** Writes the gradient of the batch's mean loss into {@code grad}; returns that mean loss. */
        double gradient(double[] params, double[] xb, int[] points, int size, Mlp.Workspace ws, double[] grad) {
            mlp.forward(params, xb, size, ws);
            int last = mlp.layers() - 1;
            int k = mlp.outputs();
            double loss = 0;
            for (int p = 0; p < size; p++) {
                loss += task.pointLoss(points[p], ws.output(), p * k, deltas[last], p * k);
            }
            for (int i = 0; i < size * k; i++) {
                deltas[last][i] /= size;
            }
            java.util.Arrays.fill(grad, 0);
            for (int l = last; l >= 0; l--) {
                int nIn = mlp.size(l);
                int nOut = mlp.size(l + 1);
                double[] a = l == 0 ? xb : ws.activations(l - 1);
                double[] d = deltas[l];
                int wOff = mlp.layout().tensors().get(2 * l).offset();
                int bOff = wOff + nOut * nIn;
                for (int j = 0; j < nOut; j++) {
                    int row = wOff + j * nIn;
                    for (int p = 0; p < size; p++) {
                        double dj = d[p * nOut + j];
                        grad[bOff + j] += dj;
                        int x = p * nIn;
                        for (int i = 0; i < nIn; i++) {
                            grad[row + i] += dj * a[x + i];
                        }
                    }
                }
                if (l > 0) {
                    double[] prev = deltas[l - 1];
                    for (int p = 0; p < size; p++) {
                        for (int i = 0; i < nIn; i++) {
                            double s = 0;
                            for (int j = 0; j < nOut; j++) {
                                s += d[p * nOut + j] * params[wOff + j * nIn + i];
                            }
                            double ai = a[p * nIn + i];
                            prev[p * nIn + i] = s * (1 - ai * ai); // tanh' = 1 − tanh²
                        }
                    }
                }
            }
            return loss / size;
        }
    }
}
