package nas.sim.control;

/**
 * A creature's neural controller: maps one input vector to one output per muscle.
 *
 * <p>Implementations are the fixed-topology network (pure and hybrid modes) and the compiled NEAT
 * network. The physics loop calls {@link #forward} at every network update, so implementations must
 * not allocate in it. An instance belongs to one creature evaluation at a time (not thread-safe).
 */
public interface NeuralNetwork {

    /** Number of inputs {@link #forward} reads. */
    int inputCount();

    /** Number of outputs {@link #forward} writes; one per muscle of the creature. */
    int outputCount();

    /**
     * Evaluates the network.
     *
     * @param inputs  at least {@link #inputCount()} values, read only
     * @param outputs at least {@link #outputCount()} slots, each set to a value in [-1, 1]
     */
    void forward(double[] inputs, double[] outputs);
}
