package nas.neat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/** Survivor selection for the non-speciation methods (spec 7.2). Pure functions of fitness arrays. */
public final class Selection {

    private Selection() {
    }

    /** max(1, int(N * survival_rate)) (spec 7.2). */
    public static int survivorCount(int populationSize, double survivalRate) {
        return Math.max(1, (int) (populationSize * survivalRate));
    }

    /**
     * Truncation / rank: the indices of the {@code count} fittest, best first; a stable sort keeps
     * population order among equal fitness.
     */
    public static int[] truncation(double[] fitness, int count) {
        List<Integer> idx = new ArrayList<>(fitness.length);
        for (int i = 0; i < fitness.length; i++) {
            idx.add(i);
        }
        idx.sort(Comparator.comparingDouble((Integer i) -> fitness[i]).reversed());
        int[] out = new int[Math.min(count, fitness.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = idx.get(i);
        }
        return out;
    }

    /**
     * Tournament: repeatedly draw k of the remaining individuals without replacement and keep the best
     * (removing it) until {@code count} are kept. The first drawn wins ties.
     */
    public static int[] tournament(double[] fitness, int count, int k, RandomGenerator rng) {
        List<Integer> remaining = new ArrayList<>(fitness.length);
        for (int i = 0; i < fitness.length; i++) {
            remaining.add(i);
        }
        int[] out = new int[Math.min(count, fitness.length)];
        int[] scratch = new int[fitness.length];
        for (int s = 0; s < out.length; s++) {
            int r = remaining.size();
            int size = Math.min(k, r);
            for (int i = 0; i < r; i++) {
                scratch[i] = i;
            }
            // partial Fisher-Yates: the first `size` positions are a uniform sample without replacement
            int bestPos = -1;
            for (int i = 0; i < size; i++) {
                int j = i + rng.nextInt(r - i);
                int tmp = scratch[i];
                scratch[i] = scratch[j];
                scratch[j] = tmp;
                int pos = scratch[i];
                if (bestPos < 0 || fitness[remaining.get(pos)] > fitness[remaining.get(bestPos)]) {
                    bestPos = pos;
                }
            }
            out[s] = remaining.remove(bestPos);
        }
        return out;
    }
}
