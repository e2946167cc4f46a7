package nas.sim.config;

/** Element-wise crossover of fixed-topology weights (spec 7.4). */
public enum NeuralCrossoverMethod {
    SBX,
    INTERPOLATION,
    UNIFORM;

    /** The reference's spelling (lower snake case), as used in presets and JSON. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses the reference's spelling (case-insensitive). */
    public static NeuralCrossoverMethod parse(String value) {
        for (NeuralCrossoverMethod v : values()) {
            if (v.key().equalsIgnoreCase(value.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException("NeuralCrossoverMethod must be one of " + java.util.Arrays.toString(keys()) + ", got '" + value + "'");
    }

    static String[] keys() {
        NeuralCrossoverMethod[] all = values();
        String[] keys = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            keys[i] = all[i].key();
        }
        return keys;
    }
}
