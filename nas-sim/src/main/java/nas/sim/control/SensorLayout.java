package nas.sim.control;

import nas.sim.config.LabConfig;
import nas.sim.config.ProprioceptionInputs;
import nas.sim.config.TimeEncoding;

/**
 * Sizes of the network input vector (spec 5.3): 7 base inputs (pellet direction 3, velocity 3, distance 1),
 * then the time inputs, then proprioception padded to the simulator maxima (strain 20, velocity 24,
 * ground 8, all 52).
 */
public final class SensorLayout {

    public static final int BASE_INPUTS = 7;
    public static final int STRAIN_INPUTS = LabConfig.SIM_MAX_MUSCLES;
    public static final int VELOCITY_INPUTS = 3 * LabConfig.SIM_MAX_NODES;
    public static final int GROUND_INPUTS = LabConfig.SIM_MAX_NODES;

    private SensorLayout() {
    }

    public static int timeInputs(TimeEncoding encoding) {
        return switch (encoding) {
            case NONE -> 0;
            case SIN, RAW -> 1;
            case CYCLIC, SIN_RAW -> 2;
        };
    }

    public static int proprioceptionInputs(boolean enabled, ProprioceptionInputs which) {
        if (!enabled) {
            return 0;
        }
        return switch (which) {
            case STRAIN -> STRAIN_INPUTS;
            case VELOCITY -> VELOCITY_INPUTS;
            case GROUND -> GROUND_INPUTS;
            case ALL -> STRAIN_INPUTS + VELOCITY_INPUTS + GROUND_INPUTS;
        };
    }

    /** Total inputs for a configuration, e.g. 59 for pure_optimal (7 + 0 + 52). */
    public static int inputCount(LabConfig config) {
        return BASE_INPUTS + timeInputs(config.timeEncoding())
                + proprioceptionInputs(config.useProprioception(), config.proprioceptionInputs());
    }
}
