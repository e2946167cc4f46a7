package nas.api;

import java.util.Arrays;

/** Order statistics shared by samplers, simulators and benchmarks (one definition of the median). */
public final class Statistics {

    private Statistics() {
    }

    /**
     * The median of the values: the middle one for an odd count, the mean of the two middle ones
     * for an even count. The argument is not changed.
     *
     * @param values the values, in any order
     * @return their median
     * @throws IllegalArgumentException when there are no values
     */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return medianOfSorted(sorted);
    }

    /**
     * The median of values already sorted ascending, without copying them.
     *
     * @param sorted the values, sorted ascending
     * @return their median
     * @throws IllegalArgumentException when there are no values
     */
    public static double medianOfSorted(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            throw new IllegalArgumentException("the median of no values is undefined");
        }
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
