package nas.api;

/** Whether an objective is to be minimized or maximized. */
public enum StudyDirection {
    /** Smaller values are better. */
    MINIMIZE,
    /** Larger values are better. */
    MAXIMIZE;

    /**
     * True when {@code a} is strictly better than {@code b} in this direction.
     *
     * @param a a value
     * @param b another value
     * @return true when {@code a} is strictly better than {@code b} in this direction
     */
    public boolean isBetter(double a, double b) {
        return this == MINIMIZE ? a < b : a > b;
    }

    /**
     * The value as seen by a minimizer: itself when minimizing, negated when maximizing.
     *
     * @param value an objective value
     * @return the value as seen by a minimizer
     */
    public double toMinimization(double value) {
        return this == MINIMIZE ? value : -value;
    }

    /**
     * Parses {@code minimize}/{@code maximize} (also {@code min}/{@code max}), case-insensitively.
     *
     * @param text the text to parse
     * @return the direction
     */
    public static StudyDirection parse(String text) {
        switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "minimize": case "min": return MINIMIZE;
            case "maximize": case "max": return MAXIMIZE;
            default:
                throw new IllegalArgumentException(
                        "direction must be 'minimize' or 'maximize', but got '" + text + "'");
        }
    }
}
