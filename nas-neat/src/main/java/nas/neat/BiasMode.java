package nas.neat;

/** How NEAT genomes carry biases (spec 7.7): per-neuron biases, a bias neuron, or none. */
public enum BiasMode {
    NODE,
    BIAS_NODE,
    NONE;

    /** The reference's spelling (lower snake case), as used in presets and JSON. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses the reference's spelling (case-insensitive). */
    public static BiasMode parse(String value) {
        for (BiasMode v : values()) {
            if (v.key().equalsIgnoreCase(value.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException("BiasMode must be one of " + java.util.Arrays.toString(keys()) + ", got '" + value + "'");
    }

    static String[] keys() {
        BiasMode[] all = values();
        String[] keys = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            keys[i] = all[i].key();
        }
        return keys;
    }
}
