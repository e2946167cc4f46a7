package nas.neat;

/**
 * Scores one genome. Called from several threads at once (one genome per call), so implementations share only
 * read-only state. An evaluation may return a changed genome (Lamarckian learning writes trained weights back).
 *
 * @param <G> the genome type
 */
@FunctionalInterface
public interface Fitness<G> {

    /**
     * The result of one evaluation.
     *
     * @param fitness what selection maximises; NaN counts as negative infinity
     * @param score   the task's own measure before any penalty (e.g. validation accuracy), for reports
     * @param genome  the genome to keep in the population (the input, or a trained copy)
     */
    record Evaluation<G>(double fitness, double score, G genome) {
    }

    /**
     * @param seed a seed derived from the run seed, the generation and the genome's index, for fitness functions
     *             that need randomness (never the clock or a shared generator)
     */
    Evaluation<G> evaluate(G genome, long seed);
}
