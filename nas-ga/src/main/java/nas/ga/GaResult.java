package nas.ga;

import java.util.List;

/**
 * A finished run.
 *
 * @param history    one record per generation
 * @param best       the best individual found
 * @param evaluation its evaluation
 * @param operations genetic operations the workers applied to decode genomes (a child with a cached
 *                   parent costs one)
 * @param cacheHits  genomes the workers found in their caches
 */
public record GaResult(List<GenerationRecord> history, Genome best, Evaluation evaluation, long operations,
        long cacheHits) {

    /**
     * Copies the history.
     *
     * @param history    one record per generation
     * @param best       the best individual found
     * @param evaluation its evaluation
     * @param operations genetic operations applied to decode genomes
     * @param cacheHits  genomes found in the workers' caches
     */
    public GaResult {
        history = List.copyOf(history);
    }

    /**
     * The last generation's record.
     *
     * @return the record
     */
    public GenerationRecord last() {
        return history.get(history.size() - 1);
    }

    /**
     * Fitness evaluations spent by the whole run.
     *
     * @return the count
     */
    public long evaluations() {
        return last().evaluations();
    }
}
