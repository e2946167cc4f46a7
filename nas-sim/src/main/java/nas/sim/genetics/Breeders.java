package nas.sim.genetics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The candidates of rank-weighted parent choice (spec 7.2) and the fitness their ranks are computed
 * from: {@code rankFitness[i]} decides the rank of {@code candidates[i]}.
 *
 * @param candidates  population indices, in the list order the cumulative sum runs in
 * @param rankFitness the fitness ranked for each position of {@code candidates}
 */
record Breeders(int[] candidates, double[] rankFitness) {

    /** Each candidate ranked by its own fitness. */
    static Breeders of(double[] fitness, int[] candidates) {
        double[] f = new double[candidates.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = fitness[candidates[i]];
        }
        return new Breeders(candidates, f);
    }

    /**
     * The reference's pairing ({@code compat_rank_pairing}): the survivors sorted by fitness, best first
     * (stable), but the fitness list holds the same survivors' fitness in population order, so position i
     * gets the rank of the i-th survivor by population index, not its own.
     */
    static Breeders referencePairing(double[] fitness, int[] survivors) {
        Integer[] byFitness = Arrays.stream(survivors).boxed().toArray(Integer[]::new);
        Arrays.sort(byFitness, Comparator.comparingDouble((Integer i) -> fitness[i]).reversed());
        int[] byIndex = survivors.clone();
        Arrays.sort(byIndex);
        double[] f = new double[byIndex.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = fitness[byIndex[i]];
        }
        return new Breeders(Arrays.stream(byFitness).mapToInt(Integer::intValue).toArray(), f);
    }
}
