package nas.sim.genetics;

import java.util.random.RandomGenerator;
import nas.sim.config.Activation;
import nas.sim.config.DecaySchedule;
import nas.sim.config.LabConfig;
import nas.sim.config.NeuralCrossoverMethod;
import nas.sim.control.FixedBrainGenome;
import nas.sim.genome.BrainGenome;

/** Operators of the fixed-topology network (spec 5.4, 7.4, 7.5, 7.2 distance). */
public final class FixedBrainOperators implements BrainOperators {

    /** Squared difference charged per weight present in only one genome (a difference of 2). */
    static final double MISSING_WEIGHT_PENALTY = 4.0;

    private final int hidden;
    private final Activation activation;
    private final double outputBias;
    private final NeuralCrossoverMethod crossoverMethod;
    private final double sbxEta;
    private final DecaySchedule decay;
    private final double weightRate;
    private final double weightMagnitude;
    private final boolean scrambleCompat;

    public FixedBrainOperators(LabConfig c) {
        this.hidden = c.neuralHiddenSize();
        this.activation = c.neuralActivation();
        this.outputBias = c.neuralOutputBias();
        this.crossoverMethod = c.neuralCrossoverMethod();
        this.sbxEta = c.sbxEta();
        this.decay = c.weightMutationDecay();
        this.weightRate = c.weightMutationRate();
        this.weightMagnitude = c.weightMutationMagnitude();
        this.scrambleCompat = c.compatHiddenOutputScramble();
    }

    private static FixedBrainGenome fixed(BrainGenome b) {
        if (b instanceof FixedBrainGenome f) {
            return f;
        }
        throw new IllegalArgumentException("expected a fixed-topology brain, got " + b.getClass().getSimpleName());
    }

    @Override
    public BrainGenome create(int inputs, int outputs, RandomGenerator rng) {
        return FixedBrainGenome.random(inputs, hidden, outputs, activation, outputBias, rng);
    }

    /** Spec 7.4: element-wise over the shorter length of each array, keeping parent a's tail. */
    @Override
    public BrainGenome crossover(BrainGenome a, double fitnessA, BrainGenome b, double fitnessB,
            RandomGenerator rng) {
        FixedBrainGenome p1 = fixed(a);
        FixedBrainGenome p2 = fixed(b);
        double[][] x = p1.arrays();
        double[][] y = p2.arrays();
        for (int k = 0; k < 4; k++) {
            double[] c = x[k];
            double[] d = y[k];
            int n = Math.min(c.length, d.length);
            for (int i = 0; i < n; i++) {
                c[i] = crossValue(c[i], d[i], rng);
            }
        }
        return new FixedBrainGenome(p1.inputCount(), p1.hiddenCount(), p1.outputCount(), p1.activation(), x[0], x[1],
                x[2], x[3]);
    }

    private double crossValue(double p1, double p2, RandomGenerator rng) {
        switch (crossoverMethod) {
            case INTERPOLATION: {
                double t = rng.nextDouble();
                return p1 + (p2 - p1) * t;
            }
            case UNIFORM:
                return rng.nextBoolean() ? p1 : p2;
            case SBX:
            default: {
                // simulated binary crossover (Deb & Agrawal 1995), unbounded
                if (Math.abs(p1 - p2) < 1e-14) {
                    return p1;
                }
                double u = rng.nextDouble();
                double beta = u <= 0.5
                        ? Math.pow(2.0 * u, 1.0 / (sbxEta + 1.0))
                        : Math.pow(1.0 / (2.0 * (1.0 - u)), 1.0 / (sbxEta + 1.0));
                double c1 = 0.5 * ((1.0 + beta) * p1 + (1.0 - beta) * p2);
                double c2 = 0.5 * ((1.0 - beta) * p1 + (1.0 + beta) * p2);
                return rng.nextBoolean() ? c1 : c2;
            }
        }
    }

    /**
     * Adapts the output layer (spec 7.4). Correct behaviour: each output row follows its muscle in the
     * hidden-major layout; new outputs get weights U(-0.5, 0.5) and bias 0. With
     * {@code compat_hidden_output_scramble} the reference's version: only the count matters, the first
     * outputs are kept, and {@code weightsHo} is read and written as output-major (o*H + h), which
     * scrambles the hidden-major weights the network actually reads.
     */
    @Override
    public BrainGenome adapt(BrainGenome brain, int[] outputSource, RandomGenerator rng) {
        FixedBrainGenome g = fixed(brain);
        int oldO = g.outputCount();
        int newO = outputSource.length;
        int h = g.hiddenCount();
        double[] who = g.weightsHo();
        double[] bo = g.biasesO();
        if (scrambleCompat) {
            if (newO == oldO) {
                return g;
            }
            double[] w = new double[h * newO];
            double[] b = new double[newO];
            for (int o = 0; o < newO; o++) {
                for (int j = 0; j < h; j++) {
                    w[o * h + j] = o < oldO ? who[o * h + j] : newWeight(rng);
                }
                b[o] = o < oldO ? bo[o] : 0.0;
            }
            return new FixedBrainGenome(g.inputCount(), h, newO, g.activation(), g.weightsIh(), g.biasesH(), w, b);
        }
        boolean identity = newO == oldO;
        for (int o = 0; identity && o < newO; o++) {
            identity = outputSource[o] == o;
        }
        if (identity) {
            return g;
        }
        double[] w = new double[h * newO];
        double[] b = new double[newO];
        for (int o = 0; o < newO; o++) {
            int src = outputSource[o];
            if (src >= oldO) {
                throw new IllegalArgumentException("output source " + src + " is not an output of a brain with " + oldO);
            }
            for (int j = 0; j < h; j++) {
                w[j * newO + o] = src >= 0 ? who[j * oldO + src] : newWeight(rng);
            }
            b[o] = src >= 0 ? bo[src] : 0.0;
        }
        return new FixedBrainGenome(g.inputCount(), h, newO, g.activation(), g.weightsIh(), g.biasesH(), w, b);
    }

    private static double newWeight(RandomGenerator rng) {
        return -0.5 + rng.nextDouble();
    }

    /**
     * Spec 7.5: each weight and bias independently, with probability p from the decay schedule (times the
     * boost, capped at 1), gets w += N(0, 1) * weight_mutation_magnitude.
     */
    @Override
    public BrainGenome mutate(BrainGenome brain, int generation, double boost, RandomGenerator rng) {
        FixedBrainGenome g = fixed(brain);
        double p = WeightMutationSchedule.probability(decay, weightRate, generation, boost);
        double[][] arrays = g.arrays();
        for (double[] a : arrays) {
            for (int i = 0; i < a.length; i++) {
                if (rng.nextDouble() < p) {
                    a[i] += rng.nextGaussian() * weightMagnitude;
                }
            }
        }
        return new FixedBrainGenome(g.inputCount(), g.hiddenCount(), g.outputCount(), g.activation(), arrays[0],
                arrays[1], arrays[2], arrays[3]);
    }

    /**
     * {@code neural_genome_distance} (spec 7.2): root mean square of element-wise differences over the
     * four arrays; a weight present in only one genome counts as a squared difference of 4.
     */
    @Override
    public double distance(BrainGenome a, BrainGenome b) {
        return fixed(a).rmsDistance(fixed(b), MISSING_WEIGHT_PENALTY);
    }
}
