package nas.ga;

/** What the GA optimises: a parameter layout and a fitness for a parameter vector (higher is better). */
public interface Task {

    /**
     * The network's parameter layout.
     *
     * @return the layout
     */
    Layout layout();

    /**
     * A new evaluator with its own buffers; one per worker thread.
     *
     * @return the evaluator
     */
    Evaluator newEvaluator();

    /** Evaluates parameter vectors; not thread-safe (owns buffers). */
    interface Evaluator {
        /**
         * Evaluates one individual.
         *
         * @param params its weights
         * @return its fitness, loss and correct points
         */
        Evaluation evaluate(double[] params);
    }
}
