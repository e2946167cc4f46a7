package nas.ga;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The genetic operators, each a pure function of (state, seed): random initialisation, mutation and
 * crossover. Every random number comes from the seed and the shared {@link NoiseTable}, so replaying
 * a genome's seeds reproduces its weights bit for bit. Nothing is allocated but the seed's generator.
 */
public final class Operators {

    private final Layout layout;
    private final NoiseTable noise;
    private final GaSettings settings;
    private final List<Tensor> tensors;

    /**
     * Operators for one layout, noise table and settings.
     *
     * @param layout   the parameters' layout
     * @param noise    the shared noise table
     * @param settings the GA's settings
     */
    public Operators(Layout layout, NoiseTable noise, GaSettings settings) {
        if (noise.size() < layout.size()) {
            throw new IllegalArgumentException("the noise table (" + noise.size() + " values) is smaller than the "
                    + layout.size() + " parameters");
        }
        this.layout = layout;
        this.noise = noise;
        this.settings = settings;
        this.tensors = layout.tensors();
    }

    /**
     * The parameters' layout.
     *
     * @return the layout
     */
    public Layout layout() {
        return layout;
    }

    /**
     * The GA's settings.
     *
     * @return the settings
     */
    public GaSettings settings() {
        return settings;
    }

    /**
     * A new state of the right shape for these settings.
     *
     * @return the new state
     */
    public GenomeState newState() {
        return GenomeState.forSettings(layout.size(), settings);
    }

    /**
     * A random individual: each weight matrix N(0, 1/fan-in) (fan-in = its columns), biases 0,
     * log-rates 0 (rate 1, so the first steps are σ), no velocity.
     *
     * @param s the state to change
     * @param seed the operation's seed
     */
    public void init(GenomeState s, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (Tensor t : tensors) {
            if (t.weight()) {
                int o = noise.offset(rng, t.size());
                double scale = 1 / Math.sqrt(t.cols());
                for (int i = 0; i < t.size(); i++) {
                    s.weights[t.offset() + i] = noise.get(o + i) * scale;
                }
            } else {
                java.util.Arrays.fill(s.weights, t.offset(), t.end(), 0);
            }
        }
        if (s.logRates != null) {
            java.util.Arrays.fill(s.logRates, 0);
        }
        if (s.velocity != null) {
            java.util.Arrays.fill(s.velocity, 0);
        }
    }

    /**
     * The weights of the random individual {@code seed} (as {@link #init}): the GA's and the baseline's start.
     *
     * @param layout the parameters' layout
     * @param noise the shared table of pre-drawn normal values
     * @param seed the operation's seed
     * @return the weights
     */
    public static double[] initialWeights(Layout layout, NoiseTable noise, long seed) {
        GenomeState s = new GenomeState(layout.size(), false, false);
        new Operators(layout, noise, GaSettings.of(1, 1, 1)).init(s, seed);
        return s.weights;
    }

    /**
     * Mutates {@code s} in place by {@code seed}: all layers or one layer picked by the seed; the step
     * is σ·ε (fixed, norm-preserving) or σ·exp(r)·ε after r += τ·ε' (self-adaptive); with momentum β
     * the step becomes β·(last step) + that; norm-preserving then rescales every mutated weight matrix
     * to its norm before the mutation.
     *
     * @param s the state to change
     * @param seed the operation's seed
     */
    public void mutate(GenomeState s, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int from = 0;
        int to = layout.size();
        if (settings.oneLayer()) {
            int layer = rng.nextInt(layout.layers());
            from = layout.layerStart(layer);
            to = layout.layerEnd(layer);
        }
        int n = to - from;
        int o = noise.offset(rng, n) - from;
        double sigma = settings.sigma();
        double[] w = s.weights;
        double[] norms = null;
        if (settings.scheme() == MutationScheme.NORM_PRESERVING) {
            norms = new double[tensors.size()];
            for (int t = 0; t < norms.length; t++) {
                norms[t] = tensors.get(t).norm(w);
            }
        }
        if (s.logRates != null) {
            int o2 = noise.offset(rng, n) - from;
            double tau = settings.tau();
            for (int i = from; i < to; i++) {
                s.logRates[i] += tau * noise.get(o2 + i);
            }
        }
        double beta = settings.momentum();
        for (int i = from; i < to; i++) {
            double step = sigma * noise.get(o + i);
            if (s.logRates != null) {
                step *= Math.exp(s.logRates[i]);
            }
            if (s.velocity != null) {
                step += beta * s.velocity[i];
                s.velocity[i] = step;
            }
            w[i] += step;
        }
        if (norms != null) {
            for (int t = 0; t < norms.length; t++) {
                Tensor tensor = tensors.get(t);
                if (!tensor.weight() || tensor.end() <= from || tensor.offset() >= to) {
                    continue;
                }
                double now = tensor.norm(w);
                if (now > 0) {
                    double scale = norms[t] / now;
                    for (int i = tensor.offset(); i < tensor.end(); i++) {
                        w[i] *= scale;
                    }
                }
            }
        }
    }

    /**
     * Crossover in place: {@code s} holds the first parent; each tensor (or each unit: a row of a weight
     * matrix with the matching bias) is replaced by {@code mate}'s with probability 1/2, decided by
     * {@code seed}. Log-rates and velocity travel with their weights.
     *
     * @param s the state to change
     * @param mate the second parent
     * @param seed the operation's seed
     */
    public void cross(GenomeState s, GenomeState mate, long seed) {
        Crossover mode = settings.crossover();
        if (mode == Crossover.NONE) {
            throw new IllegalStateException("crossover is off in these settings");
        }
        for (int t = 0; t < tensors.size(); t++) {
            Tensor tensor = tensors.get(t);
            if (mode == Crossover.TENSOR) {
                if (coin(seed, t)) {
                    take(s, mate, tensor.offset(), tensor.size());
                }
            } else {
                for (int r = 0; r < tensor.rows(); r++) {
                    // the same coin for row r of every tensor of the layer: a unit moves whole
                    if (coin(seed, (long) tensor.layer() << 32 | r)) {
                        take(s, mate, tensor.offset() + r * tensor.cols(), tensor.cols());
                    }
                }
            }
        }
    }

    private static boolean coin(long seed, long what) {
        return (Seeds.mix(seed, what) & 1) != 0;
    }

    private static void take(GenomeState s, GenomeState mate, int from, int length) {
        System.arraycopy(mate.weights, from, s.weights, from, length);
        if (s.logRates != null) {
            System.arraycopy(mate.logRates, from, s.logRates, from, length);
        }
        if (s.velocity != null) {
            System.arraycopy(mate.velocity, from, s.velocity, from, length);
        }
    }
}
