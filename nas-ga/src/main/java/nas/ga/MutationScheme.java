package nas.ga;

import java.util.Locale;

/** How a child's weights are perturbed. */
public enum MutationScheme {
    /** {@code w += σ·ε}. */
    FIXED("fixed"),
    /**
     * Each parameter carries a log-rate {@code r}, itself mutated first: {@code r += τ·ε'}, then
     * {@code w += σ·exp(r)·ε} (the notes' "p += N(0,1)·σ·rate").
     */
    SELF_ADAPTIVE("self-adaptive"),
    /**
     * {@code w += σ·ε}, then each weight matrix is rescaled to the norm it had before, so mutations
     * rotate weights instead of inflating them (the notes found norms grew with every mutation).
     */
    NORM_PRESERVING("norm-preserving");

    private final String key;

    MutationScheme(String key) {
        this.key = key;
    }

    /**
     * The name used by options.
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
     * @return the scheme
     * @throws IllegalArgumentException naming the known values
     */
    public static MutationScheme parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        for (MutationScheme m : values()) {
            if (m.key.equals(k)) {
                return m;
            }
        }
        throw new IllegalArgumentException("scheme must be fixed, self-adaptive or norm-preserving, got '" + s + "'");
    }
}
