package nas.sim.evolution;

import nas.sim.config.LabConfig;
import nas.sim.genetics.BrainOperators;
import nas.sim.genetics.FixedBrainOperators;

/** The brain operators of a configuration's neural mode; one instance per run (NEAT keeps per-run state). */
public final class BrainOperatorsFactory {

    private BrainOperatorsFactory() {
    }

    public static BrainOperators create(LabConfig config) {
        return switch (config.neuralMode()) {
            case PURE, HYBRID -> new FixedBrainOperators(config);
            // completed by the NEAT package (nas.sim.neat) when it is merged
            case NEAT -> throw new UnsupportedOperationException(
                    "neural_mode=neat needs the NEAT genome (package nas.sim.neat), which is not available yet");
        };
    }
}
