package nas.sim.config;

/** Controller mode (spec 5.1): pure contraction, oscillator modulation, or evolving NEAT topology. */
public enum NeuralMode {
    PURE,
    HYBRID,
    NEAT;

    /** The reference's spelling (lower snake case), as used in presets and JSON. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses the reference's spelling (case-insensitive). */
    public static NeuralMode parse(String value) {
        for (NeuralMode v : values()) {
            if (v.key().equalsIgnoreCase(value.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException("NeuralMode must be one of " + java.util.Arrays.toString(keys()) + ", got '" + value + "'");
    }

    static String[] keys() {
        NeuralMode[] all = values();
        String[] keys = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            keys[i] = all[i].key();
        }
        return keys;
    }
}
