package nas.neat;

import java.util.List;
import nas.api.Limits;

/**
 * Settings of a general NEAT run ({@link NeatEvolution}).
 *
 * @param populationSize         genomes per generation
 * @param connectivity           initial connections of the minimal genomes
 * @param biasMode               how neurons carry biases
 * @param outputActivation       activation of the output neurons (identity for class logits)
 * @param mutation               structural and weight mutation rates
 * @param weightMutationRate     per-connection probability of a weight mutation
 * @param activationMutationRate probability per offspring that one hidden neuron changes its activation
 * @param activations            activations a hidden neuron may take (new hidden neurons start as tanh)
 * @param crossoverRate          probability that an offspring is a crossover of two species members
 * @param distance               compatibility distance coefficients
 * @param compatibilityThreshold starting speciation threshold
 * @param minSpeciesSize         survivors guaranteed per species
 * @param survivalRate           share of the population that survives unchanged (within species)
 * @param speciesTarget          adaptive species target (PID, hill climbing or bandit), or null for a fixed threshold
 * @param stagnationLimit        generations without improvement after which a species stops breeding, 0 = off
 * @param refineTop              how many of each generation's best get the second, longer evaluation (0 = none)
 */
public record NeatSettings(int populationSize, NeatConnectivity connectivity, BiasMode biasMode,
                           Activation outputActivation, NeatMutationParams mutation, double weightMutationRate,
                           double activationMutationRate, List<Activation> activations, double crossoverRate,
                           NeatDistance distance, double compatibilityThreshold, int minSpeciesSize,
                           double survivalRate, SpeciesTargetController.Params speciesTarget, int stagnationLimit,
                           int refineTop) {

    public NeatSettings {
        if (populationSize < 2) {
            throw new IllegalArgumentException("population size must be >= 2, got " + populationSize);
        }
        Limits.requireAtMost("population size", populationSize, Limits.MAX_POPULATION);
        for (double p : new double[] {weightMutationRate, activationMutationRate, crossoverRate}) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("mutation and crossover rates must be in [0, 1], got " + p);
            }
        }
        if (!(survivalRate > 0 && survivalRate <= 1)) {
            throw new IllegalArgumentException("survival rate must be in (0, 1], got " + survivalRate);
        }
        if (!(compatibilityThreshold > 0) || Double.isInfinite(compatibilityThreshold)) {
            throw new IllegalArgumentException("compatibility threshold must be finite and > 0, got "
                    + compatibilityThreshold);
        }
        if (minSpeciesSize < 1 || stagnationLimit < 0 || refineTop < 0) {
            throw new IllegalArgumentException("min species size must be >= 1, stagnation limit and refine top >= 0, got "
                    + minSpeciesSize + ", " + stagnationLimit + ", " + refineTop);
        }
        activations = List.copyOf(activations);
    }

    /**
     * Defaults for classification with learned weights: population 150, full initial connectivity, node biases,
     * identity outputs, add-node 0.5, add-connection 0.8, weight mutation 0.1 per connection (the weights are
     * learned, so mutation mostly changes structure), hidden neurons among tanh, relu, sin, gauss and
     * sigmoid, crossover 0.5, threshold 3.0 steered to 8 species by the bandit, the best 5 refined.
     */
    public static NeatSettings classification() {
        return new NeatSettings(150, NeatConnectivity.FULL, BiasMode.NODE, Activation.IDENTITY,
                new NeatMutationParams(0.5, 0.8, 0.05, 0.02, 0.5, 40, 0.3, 0.2, false), 0.1, 0.15,
                List.of(Activation.TANH, Activation.RELU, Activation.SIN, Activation.GAUSS, Activation.SIGMOID), 0.5,
                NeatDistance.DEFAULT, 3.0, 2, 0.2,
                SpeciesTargetController.Params.defaults(8, SpeciesTargetController.Mode.AUTO), 15, 5);
    }
}
