package nas.api;

/** Whether an objective is to be minimized or maximized. */
public enum StudyDirection {
    /** Smaller values are better. */
    MINIMIZE,
    /** Larger values are better. */
    MAXIMIZE;

    /** True when {@code a} is strictly better than {@code b} in this direction. */
    public boolean isBetter(double a, double b) {
        return this == MINIMIZE ? a < b : a > b;
    }

    /** The value as seen by a minimizer: itself when minimizing, negated when maximizing. */
    public double toMinimization(double value) {
        return this == MINIMIZE ? value : -value;
    }

    /** Parses {@code minimize}/{@code maximize} (also {@code min}/{@code max}), case-insensitively. */
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
