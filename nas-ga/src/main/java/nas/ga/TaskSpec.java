package nas.ga;

import java.util.Arrays;
import java.util.Locale;

/**
 * A task by its settings, as the CLI and the objective plugin take them.
 *
 * @param kind     {@code memorize} or {@code regression}
 * @param points   data points
 * @param inputs   input values per point (memorize; regression always has 2)
 * @param hidden   hidden layer widths
 * @param classes  classes (memorize)
 * @param fitness  what selection sees (memorize)
 * @param dataSeed the dataset's seed
 */
public record TaskSpec(String kind, int points, int inputs, int[] hidden, int classes,
        MemorizationTask.Fitness fitness, long dataSeed) {

    /** Most values of a memorisation data set, points x inputs: 100,000,000 (800 MB). */
    public static final long MAX_DATA_VALUES = 100_000_000L;

    /**
     * Normalises the kind, copies the widths and checks the sizes.
     *
     * @param kind     {@code memorize} or {@code regression}
     * @param points   data points
     * @param inputs   input values per point
     * @param hidden   hidden layer widths
     * @param classes  classes
     * @param fitness  what selection sees
     * @param dataSeed the dataset's seed
     */
    public TaskSpec {
        kind = kind.trim().toLowerCase(Locale.ROOT);
        if (!kind.equals("memorize") && !kind.equals("regression")) {
            throw new IllegalArgumentException("task must be memorize or regression, got '" + kind + "'");
        }
        hidden = hidden.clone();
        if (points < 1 || points > 1_000_000 || inputs < 1 || classes < 2) {
            throw new IllegalArgumentException("need 1 <= points <= 1000000, inputs >= 1 and classes >= 2, got "
                    + points + ", " + inputs + ", " + classes);
        }
        if ((long) points * inputs > MAX_DATA_VALUES) {
            throw new IllegalArgumentException("the data may hold at most " + MAX_DATA_VALUES + " values (points x "
                    + "inputs), but " + points + " x " + inputs + " is " + (long) points * inputs);
        }
    }

    /**
     * The memorisation task of the notes at a small size: 64 points, 32 inputs, one hidden layer of 64.
     *
     * @param points the number of points to memorise
     * @return the specification
     */
    public static TaskSpec memorize(int points) {
        return new TaskSpec("memorize", points, 32, new int[] {64}, 10, MemorizationTask.Fitness.CROSS_ENTROPY, 1);
    }

    /**
     * The task this specification describes.
     *
     * @return the task
     */
    public Supervised build() {
        return kind.equals("memorize") ? new MemorizationTask(points, inputs, hidden, classes, fitness, dataSeed)
                : new RegressionTask(points, hidden, dataSeed);
    }

    /**
     * Widths like {@code 64} or {@code 256,128}; empty for none.
     *
     * @param text the widths, comma-separated
     * @return the widths
     */
    public static int[] parseHidden(String text) {
        if (text.isBlank()) {
            return new int[0];
        }
        try {
            int[] out = Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            for (int w : out) {
                if (w < 1) {
                    throw new NumberFormatException();
                }
            }
            return out;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hidden layer widths are positive integers separated by commas, got '"
                    + text + "'");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskSpec t && kind.equals(t.kind) && points == t.points && inputs == t.inputs
                && Arrays.equals(hidden, t.hidden) && classes == t.classes && fitness == t.fitness
                && dataSeed == t.dataSeed;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(hidden) + java.util.Objects.hash(kind, points, inputs, classes, fitness, dataSeed);
    }

    @Override
    public String toString() {
        return kind + " " + points + " points, MLP " + (kind.equals("memorize") ? inputs : 2) + "-"
                + (hidden.length == 0 ? "" : Arrays.toString(hidden).replaceAll("[\\[\\] ]", "").replace(',', '-') + "-")
                + (kind.equals("memorize") ? classes : 1);
    }
}
