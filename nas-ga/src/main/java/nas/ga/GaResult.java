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

    public GaResult {
        history = List.copyOf(history);
    }

    public GenerationRecord last() {
        return history.get(history.size() - 1);
    }

    public long evaluations() {
        return last().evaluations();
    }
}
