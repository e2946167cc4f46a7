package nas.neat;

/** Initial NEAT connectivity (spec 7.7). */
public enum NeatConnectivity {
    FULL,
    SPARSE_INPUTS,
    SPARSE_OUTPUTS,
    NONE;

    /** The reference's spelling (lower snake case), as used in presets and JSON. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses the reference's spelling (case-insensitive). */
    public static NeatConnectivity parse(String value) {
        if (value.trim().equalsIgnoreCase("sparse")) {
            return SPARSE_OUTPUTS; // the reference's alias
        }
        for (NeatConnectivity v : values()) {
            if (v.key().equalsIgnoreCase(value.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException("NeatConnectivity must be one of " + java.util.Arrays.toString(keys()) + ", got '" + value + "'");
    }

    static String[] keys() {
        NeatConnectivity[] all = values();
        String[] keys = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            keys[i] = all[i].key();
        }
        return keys;
    }
}
