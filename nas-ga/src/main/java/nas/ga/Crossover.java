package nas.ga;

import java.util.Locale;

/** Sexual reproduction between two parents before the child's mutation. */
public enum Crossover {
    /** none: a child is a mutated copy of one parent */
    NONE("none"),
    /** each tensor comes whole from one parent or the other */
    TENSOR("tensor"),
    /** each unit (a neuron's incoming weights and bias) comes from one parent or the other */
    UNIT("unit");

    private final String key;

    Crossover(String key) {
        this.key = key;
    }

    /**
     * The name used by options ({@code none}, {@code tensor}, {@code unit}).
     *
     * @return the name
     */
    public String key() {
        return key;
    }

    /**
     * Reads a name as {@link #key()} writes it.
     *
     * @param s the name
     * @return the crossover
     * @throws IllegalArgumentException naming the known values
     */
    public static Crossover parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        for (Crossover c : values()) {
            if (c.key.equals(k)) {
                return c;
            }
        }
        throw new IllegalArgumentException("crossover must be none, tensor or unit, got '" + s + "'");
    }
}
