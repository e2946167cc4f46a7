package nas.ga;

/** What the GA optimises: a parameter layout and a fitness for a parameter vector (higher is better). */
public interface Task {

    Layout layout();

    /** A new evaluator with its own buffers; one per worker thread. */
    Evaluator newEvaluator();

    /** Evaluates parameter vectors; not thread-safe (owns buffers). */
    interface Evaluator {
        Evaluation evaluate(double[] params);
    }
}
