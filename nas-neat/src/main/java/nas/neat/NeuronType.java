package nas.neat;

/** Role of a NEAT neuron (spec §7.7). Input and bias neurons are never evaluated. */
public enum NeuronType {
    INPUT, HIDDEN, OUTPUT, BIAS;

    /** True for neurons a connection may start from: input, hidden, bias. */
    public boolean canBeSource() {
        return this != OUTPUT;
    }

    /** True for neurons a connection may end at: hidden, output. */
    public boolean canBeTarget() {
        return this == HIDDEN || this == OUTPUT;
    }
}
