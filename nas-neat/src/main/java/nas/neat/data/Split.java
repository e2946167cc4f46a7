package nas.neat.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A training and a validation set, both standardised with the training set's mean and standard deviation
 * (kept, so new points such as a decision-boundary grid are mapped the same way).
 *
 * @param train      rows the networks are trained on
 * @param validation rows fitness is measured on
 * @param mean       per-feature mean of the raw training rows
 * @param std        per-feature standard deviation of the raw training rows (1 where a feature is constant)
 */
public record Split(Dataset train, Dataset validation, double[] mean, double[] std) {

    /**
     * A seeded shuffle split: {@code round(n * validationFraction)} rows (at least one, and at least one left
     * for training) go to validation, the rest to training.
     *
     * @throws IllegalArgumentException if the fraction is outside (0, 1) or there are fewer rows than the
     *                                  split's folds (ceil(1 / fraction)) or one class only
     */
    public static Split of(Dataset data, double validationFraction, long seed) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0, 1), got " + validationFraction);
        }
        int n = data.size();
        int folds = (int) Math.ceil(1.0 / validationFraction - 1e-9);
        if (n < Math.max(2, folds)) {
            throw new IllegalArgumentException("the data set has " + n + " rows, fewer than the " + Math.max(2, folds)
                    + " a validation fraction of " + validationFraction + " needs");
        }
        requireTwoClasses(data);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int validationRows = Math.min(n - 1, Math.max(1, (int) Math.round(n * validationFraction)));
        int[] train = Arrays.copyOfRange(order, validationRows, n);
        int[] validation = Arrays.copyOfRange(order, 0, validationRows);
        return standardised(data, train, validation);
    }

    /**
     * No split: training and validation are the same rows (for tiny truth tables such as XOR, where the task
     * is to fit every row), standardised.
     */
    public static Split same(Dataset data) {
        requireTwoClasses(data);
        int[] all = new int[data.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return standardised(data, all, all);
    }

    /** Given training and validation sets (same features and classes), standardised by the training rows. */
    public static Split separate(Dataset train, Dataset validation) {
        if (train.featureCount() != validation.featureCount() || !train.classNames().equals(validation.classNames())) {
            throw new IllegalArgumentException("training and validation sets differ in features or classes");
        }
        requireTwoClasses(train);
        int n = train.size();
        double[] features = Arrays.copyOf(train.features(), train.features().length
                + validation.features().length);
        System.arraycopy(validation.features(), 0, features, train.features().length, validation.features().length);
        int[] labels = Arrays.copyOf(train.labels(), n + validation.size());
        System.arraycopy(validation.labels(), 0, labels, n, validation.size());
        Dataset both = new Dataset(features, labels, train.featureCount(), train.classNames());
        int[] trainRows = IntStream.range(0, n).toArray();
        int[] validationRows = IntStream.range(n, both.size()).toArray();
        return standardised(both, trainRows, validationRows);
    }

    private static Split standardised(Dataset data, int[] train, int[] validation) {
        int d = data.featureCount();
        double[] mean = new double[d];
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (int i : train) {
                sum += data.feature(i, j);
            }
            mean[j] = sum / train.length;
            double ss = 0;
            for (int i : train) {
                double z = data.feature(i, j) - mean[j];
                ss += z * z;
            }
            double s = Math.sqrt(ss / train.length);
            std[j] = s > 1e-12 ? s : 1.0;
        }
        return new Split(data.select(train, mean, std), data.select(validation, mean, std), mean, std);
    }

    private static void requireTwoClasses(Dataset data) {
        int[] counts = new int[data.classCount()];
        for (int y : data.labels()) {
            counts[y]++;
        }
        int present = 0;
        for (int c : counts) {
            present += c > 0 ? 1 : 0;
        }
        if (present < 2) {
            throw new IllegalArgumentException("the data set has one class only (" + data.classNames()
                    + "); classification needs at least two");
        }
    }

    /** Standardises one raw point (length = feature count) into {@code out}. */
    public void standardise(double[] raw, double[] out) {
        for (int j = 0; j < mean.length; j++) {
            out[j] = (raw[j] - mean[j]) / std[j];
        }
    }
}
