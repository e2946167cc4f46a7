package nas.sim.evolution;

import java.util.Arrays;
import java.util.Comparator;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Which creatures of a generation get their frames recorded (the plan's selective frames): the best
 * {@code top}, the worst {@code bottom}, and {@code random} drawn without replacement from those in between,
 * so what is replayed shows what works, what fails and an unbiased sample. Ranks break ties by index.
 */
public final class FrameSelection {

    /** The plan's numbers: top 10, random 10, bottom 5. */
    public static final int TOP = 10;
    public static final int RANDOM = 10;
    public static final int BOTTOM = 5;

    private FrameSelection() {
    }

    /** Creature indices by rank: best first, ties by index. */
    public static int[] ranking(double[] fitness) {
        return IntStream.range(0, fitness.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -fitness[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    /** The chosen indices, ascending; everyone when the population is no larger than the three groups. */
    public static int[] choose(double[] fitness, int top, int random, int bottom, RandomGenerator rng) {
        int n = fitness.length;
        int[] ranked = ranking(fitness);
        if (n <= (long) top + random + bottom) {
            return IntStream.range(0, n).toArray();
        }
        boolean[] chosen = new boolean[n];
        for (int r = 0; r < top; r++) {
            chosen[ranked[r]] = true;
        }
        for (int r = n - bottom; r < n; r++) {
            chosen[ranked[r]] = true;
        }
        // partial Fisher-Yates over the middle ranks
        int[] middle = Arrays.copyOfRange(ranked, top, n - bottom);
        for (int k = 0; k < random; k++) {
            int j = k + rng.nextInt(middle.length - k);
            int t = middle[k];
            middle[k] = middle[j];
            middle[j] = t;
            chosen[middle[k]] = true;
        }
        return IntStream.range(0, n).filter(i -> chosen[i]).toArray();
    }
}
