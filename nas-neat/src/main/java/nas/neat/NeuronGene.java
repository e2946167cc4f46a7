package nas.neat;

/**
 * One NEAT neuron gene.
 *
 * @param id         genome-local neuron id (inputs, then outputs, then hidden and added outputs at max id + 1)
 * @param type       role of the neuron
 * @param bias       added to the weighted input sum before the activation (hidden and output neurons)
 * @param innovation population-wide innovation number of the neuron
 * @param activation activation function (the creature simulator uses tanh for every neuron)
 */
public record NeuronGene(int id, NeuronType type, double bias, int innovation, Activation activation) {

    /** A tanh neuron. */
    public NeuronGene(int id, NeuronType type, double bias, int innovation) {
        this(id, type, bias, innovation, Activation.TANH);
    }

    public NeuronGene {
        if (activation == null) {
            throw new IllegalArgumentException("activation must not be null (neuron " + id + ")");
        }
        if (type == null) {
            throw new IllegalArgumentException("neuron type must not be null (neuron " + id + ")");
        }
        if (!Double.isFinite(bias)) {
            throw new IllegalArgumentException("neuron bias must be finite, got " + bias + " (neuron " + id + ")");
        }
    }

    /** This gene with another bias. */
    public NeuronGene withBias(double newBias) {
        return new NeuronGene(id, type, newBias, innovation, activation);
    }

    /** This gene with another activation. */
    public NeuronGene withActivation(Activation newActivation) {
        return new NeuronGene(id, type, bias, innovation, newActivation);
    }
}
