package nas.sim.config;

/** Which proprioceptive inputs are appended, padded to the simulator maxima (spec 5.3). */
public enum ProprioceptionInputs {
    STRAIN,
    VELOCITY,
    GROUND,
    ALL;

    /** The reference's spelling (lower snake case), as used in presets and JSON. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses the reference's spelling (case-insensitive). */
    public static ProprioceptionInputs parse(String value) {
        for (ProprioceptionInputs v : values()) {
            if (v.key().equalsIgnoreCase(value.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException("ProprioceptionInputs must be one of " + java.util.Arrays.toString(keys()) + ", got '" + value + "'");
    }

    static String[] keys() {
        ProprioceptionInputs[] all = values();
        String[] keys = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            keys[i] = all[i].key();
        }
        return keys;
    }
}
