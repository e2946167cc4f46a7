package nas.ga;

import java.util.SplittableRandom;

/**
 * The memorisation task of the research notes: {@code points} random inputs (standard normal,
 * {@code inputs} values each) with labels drawn uniformly from {@code classes}, learnt by an MLP.
 * Nothing generalises: every point must be memorised. Fitness is the negated mean cross-entropy, or
 * in the "no-grad" variant only the number of points classified correctly.
 */
public final class MemorizationTask implements Supervised {

    /** What selection sees. */
    public enum Fitness {
        /** minus the mean softmax cross-entropy */
        CROSS_ENTROPY,
        /** points classified correctly (argmax = label), nothing else: no gradient-like signal */
        ACCURACY;

        /**
         * Reads a name as {@link #key()} writes it.
         *
         * @param s the name
         * @return the fitness
         * @throws IllegalArgumentException naming the known values
         */
        public static Fitness parse(String s) {
            switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "cross-entropy": case "ce": return CROSS_ENTROPY;
                case "accuracy": case "no-grad": return ACCURACY;
                default: throw new IllegalArgumentException("fitness must be cross-entropy or accuracy, got '" + s + "'");
            }
        }

        /**
         * The name used by options.
         *
         * @return the name
         */
        public String key() {
            return this == CROSS_ENTROPY ? "cross-entropy" : "accuracy";
        }
    }

    private final Mlp mlp;
    private final int points;
    private final double[] inputs;
    private final int[] labels;
    private final Fitness fitness;

    /**
     *
     * @param points the number of points
     * @param inputs inputs per point
     * @param hidden  hidden layer widths
     * @param classes output classes (the notes use 10)
     * @param fitness cross-entropy or accuracy (no-grad)
     * @param seed    the dataset's seed (inputs and labels)
     */
    public MemorizationTask(int points, int inputs, int[] hidden, int classes, Fitness fitness, long seed) {
        if (points < 1 || inputs < 1 || classes < 2) {
            throw new IllegalArgumentException("memorisation needs points >= 1, inputs >= 1 and classes >= 2, got "
                    + points + ", " + inputs + ", " + classes);
        }
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = inputs;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = classes;
        this.mlp = new Mlp(sizes);
        this.points = points;
        this.fitness = fitness;
        this.inputs = new double[points * inputs];
        this.labels = new int[points];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < this.inputs.length; i++) {
            this.inputs[i] = rng.nextGaussian();
        }
        for (int n = 0; n < points; n++) {
            labels[n] = rng.nextInt(classes);
        }
    }

    @Override
    public Mlp mlp() {
        return mlp;
    }

    @Override
    public int points() {
        return points;
    }

    @Override
    public double[] inputs() {
        return inputs;
    }

    /**
     * Point {@code n}'s label.
     *
     * @param n the point's index
     * @return the label, 0 to classes − 1
     */
    public int label(int n) {
        return labels[n];
    }

    /** Softmax cross-entropy; its gradient is softmax − one-hot. */
    @Override
    public double pointLoss(int point, double[] out, int from, double[] grad, int at) {
        int k = mlp.outputs();
        double max = out[from];
        for (int c = 1; c < k; c++) {
            max = Math.max(max, out[from + c]);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            sum += Math.exp(out[from + c] - max);
        }
        for (int c = 0; c < k; c++) {
            grad[at + c] = Math.exp(out[from + c] - max) / sum - (c == labels[point] ? 1 : 0);
        }
        return max + Math.log(sum) - out[from + labels[point]];
    }

    @Override
    public boolean correct(int point, double[] out, int from) {
        int best = 0;
        for (int c = 1; c < mlp.outputs(); c++) {
            if (out[from + c] > out[from + best]) {
                best = c;
            }
        }
        return best == labels[point];
    }

    @Override
    public Layout layout() {
        return mlp.layout();
    }

    @Override
    public Evaluator newEvaluator() {
        Mlp.Workspace ws = mlp.workspace(points);
        return params -> {
            mlp.forward(params, inputs, points, ws);
            return score(ws.output());
        };
    }

    /** Mean cross-entropy, correct count and mask of the logits {@code out} ({@code points × classes}). */
    Evaluation score(double[] out) {
        int k = mlp.outputs();
        double loss = 0;
        int correct = 0;
        long[] mask = new long[(points + 63) / 64];
        for (int n = 0; n < points; n++) {
            int o = n * k;
            int best = 0;
            double max = out[o];
            for (int c = 1; c < k; c++) {
                if (out[o + c] > max) {
                    max = out[o + c];
                    best = c;
                }
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(out[o + c] - max);
            }
            loss += max + Math.log(sum) - out[o + labels[n]];
            if (best == labels[n]) {
                correct++;
                mask[n >>> 6] |= 1L << (n & 63);
            }
        }
        loss /= points;
        return new Evaluation(fitness == Fitness.CROSS_ENTROPY ? -loss : correct, loss, correct, mask);
    }
}
