package nas.sim.config;

/** Time inputs appended after the 7 base sensor inputs (spec 5.3). */
public enum TimeEncoding {
    NONE,
    SIN,
    RAW,
    CYCLIC,
    SIN_RAW;

    /** The reference's spelling (lower snake case), as used in presets and JSON. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses the reference's spelling (case-insensitive). */
    public static TimeEncoding parse(String value) {
        for (TimeEncoding v : values()) {
            if (v.key().equalsIgnoreCase(value.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException("TimeEncoding must be one of " + java.util.Arrays.toString(keys()) + ", got '" + value + "'");
    }

    static String[] keys() {
        TimeEncoding[] all = values();
        String[] keys = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            keys[i] = all[i].key();
        }
        return keys;
    }
}
