package nas.sim.evolution;

/**
 * Per-generation statistics of one run.
 *
 * @param generation  0-based generation index
 * @param best        best fitness of the generation
 * @param average     mean fitness
 * @param median      median fitness
 * @param worst       lowest fitness
 * @param bestEver    best fitness of all generations so far
 * @param seconds     wall time of this generation (evaluation + evolution)
 */
public record GenerationStats(int generation, double best, double average, double median, double worst,
        double bestEver, double seconds) {

    /** Statistics of a fitness array. */
    public static GenerationStats of(int generation, double[] fitness, double bestEverBefore, double seconds) {
        double[] sorted = fitness.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        double sum = 0.0;
        for (double f : sorted) {
            sum += f;
        }
        double median = nas.api.Statistics.medianOfSorted(sorted);
        double best = sorted[n - 1];
        return new GenerationStats(generation, best, sum / n, median, sorted[0], Math.max(bestEverBefore, best),
                seconds);
    }
}
