package nas.sim.config;

/**
 * Adaptive species target of NEAT speciation (seed 001): off (the reference's fixed compatibility
 * threshold), a PID controller, hill climbing, or an epsilon-greedy bandit choosing between the two.
 */
public enum SpeciesTargetMode {
    OFF,
    PID,
    HILL,
    AUTO;

    /** The spelling used in presets and JSON (lower case). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses off, pid, hill or auto (case-insensitive). */
    public static SpeciesTargetMode parse(String value) {
        for (SpeciesTargetMode v : values()) {
            if (v.key().equalsIgnoreCase(value.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException("neat_species_target_mode must be one of off, pid, hill, auto, got '"
                + value + "'");
    }
}
