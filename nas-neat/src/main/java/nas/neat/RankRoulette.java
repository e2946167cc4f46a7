package nas.neat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.random.RandomGenerator;

/**
 * Rank-weighted parent choice (spec 7.2): over n candidates, p_i = rank_i / (n(n+1)/2) with the best
 * rank n; the cumulative sum runs in candidate-list order. Equal fitness keeps list order in the ranking.
 */
public final class RankRoulette {

    private final double[] cumulative;

    /** @param fitness the candidates' fitness, in candidate-list order */
    public RankRoulette(double[] fitness) {
        int n = fitness.length;
        if (n == 0) {
            throw new IllegalArgumentException("rank roulette needs at least one candidate");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> fitness[i])); // stable, worst first
        double[] rank = new double[n];
        for (int r = 0; r < n; r++) {
            rank[order[r]] = r + 1;
        }
        double total = n * (n + 1) / 2.0;
        cumulative = new double[n];
        double acc = 0.0;
        for (int i = 0; i < n; i++) {
            acc += rank[i] / total;
            cumulative[i] = acc;
        }
    }

    /** Probability of candidate i. */
    public double probability(int i) {
        return i == 0 ? cumulative[0] : cumulative[i] - cumulative[i - 1];
    }

    /** Index of the chosen candidate. */
    public int pick(RandomGenerator rng) {
        double u = rng.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1; // rounding of the last cumulative value
    }

    public int size() {
        return cumulative.length;
    }
}
