package nas.neat.data;

import java.util.List;

/**
 * A classification data set held once in memory: row-major features and integer labels. Read-only by
 * contract, so any number of evaluation threads share the same arrays.
 *
 * @param features     row i, feature j at {@code features[i * featureCount + j]}
 * @param labels       class index of each row, in [0, classCount)
 * @param featureCount features per row, >= 1
 * @param classNames   name of each class (its index is the label)
 */
public record Dataset(double[] features, int[] labels, int featureCount, List<String> classNames) {

    public Dataset {
        if (featureCount < 1) {
            throw new IllegalArgumentException("a data set needs at least one feature, got " + featureCount);
        }
        if (features.length != labels.length * featureCount) {
            throw new IllegalArgumentException("expected " + labels.length + " x " + featureCount + " features, got "
                    + features.length);
        }
        classNames = List.copyOf(classNames);
        for (int y : labels) {
            if (y < 0 || y >= classNames.size()) {
                throw new IllegalArgumentException("label " + y + " outside [0, " + classNames.size() + ")");
            }
        }
        for (double v : features) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("features must be finite, got " + v);
            }
        }
    }

    /** Number of rows. */
    public int size() {
        return labels.length;
    }

    public int classCount() {
        return classNames.size();
    }

    /** Feature j of row i. */
    public double feature(int i, int j) {
        return features[i * featureCount + j];
    }

    /** The rows {@code rows} (in that order), features mapped by (x - mean) / std. */
    Dataset select(int[] rows, double[] mean, double[] std) {
        double[] f = new double[rows.length * featureCount];
        int[] y = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            for (int j = 0; j < featureCount; j++) {
                f[r * featureCount + j] = (features[rows[r] * featureCount + j] - mean[j]) / std[j];
            }
            y[r] = labels[rows[r]];
        }
        return new Dataset(f, y, featureCount, classNames);
    }
}
