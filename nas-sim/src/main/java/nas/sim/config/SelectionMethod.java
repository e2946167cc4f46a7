package nas.sim.config;

/** Survivor selection (spec 7.2). */
public enum SelectionMethod {
    TRUNCATION,
    TOURNAMENT,
    RANK,
    SPECIATION;

    /** The reference's spelling (lower snake case), as used in presets and JSON. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses the reference's spelling (case-insensitive). */
    public static SelectionMethod parse(String value) {
        for (SelectionMethod v : values()) {
            if (v.key().equalsIgnoreCase(value.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException("SelectionMethod must be one of " + java.util.Arrays.toString(keys()) + ", got '" + value + "'");
    }

    static String[] keys() {
        SelectionMethod[] all = values();
        String[] keys = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            keys[i] = all[i].key();
        }
        return keys;
    }
}
