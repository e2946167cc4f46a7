package nas.sim.genetics;

import java.util.List;
import java.util.function.ToDoubleBiFunction;

/**
 * Fitness sharing (spec 7.5; Goldberg and Richardson 1987): f'_i = f_i / (1 + sum_{j &ne; i} sh(d_ij)) with
 * sh(d) = 1 - d/sigma for d &lt; sigma, else 0. Generic over the genome type and its distance.
 */
public final class FitnessSharing {

    private FitnessSharing() {
    }

    public static <T> double[] share(List<T> genomes, double[] fitness, ToDoubleBiFunction<T, T> distance,
            double sigma) {
        int n = genomes.size();
        double[] niche = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d = distance.applyAsDouble(genomes.get(i), genomes.get(j));
                if (d < sigma) {
                    double sh = 1.0 - d / sigma;
                    niche[i] += sh;
                    niche[j] += sh;
                }
            }
        }
        double[] shared = new double[n];
        for (int i = 0; i < n; i++) {
            shared[i] = fitness[i] / (1.0 + niche[i]);
        }
        return shared;
    }
}
