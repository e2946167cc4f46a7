package nas.sim.genome;

import nas.sim.control.NeuralNetwork;

/**
 * The heritable controller of a creature: the fixed-topology weights ({@code nas.sim.control.FixedBrainGenome})
 * or a NEAT genome. Implementations are immutable; the genetic operators that change them live in a
 * {@code nas.sim.genetics.BrainOperators} of the same kind.
 */
public interface BrainGenome {

    /** Number of network inputs (7 + time + proprioception, spec 5.3). */
    int inputCount();

    /** Number of network outputs; one per genome muscle when consistent. */
    int outputCount();

    /**
     * A fresh evaluator of this genome with its own scratch buffers, for one creature evaluation at a time.
     * Building may allocate; {@link NeuralNetwork#forward} must not.
     */
    NeuralNetwork newNetwork();
}
