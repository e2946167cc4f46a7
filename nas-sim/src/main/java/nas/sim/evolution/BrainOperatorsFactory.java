package nas.sim.evolution;

import nas.neat.InnovationTracker;
import nas.sim.config.LabConfig;
import nas.sim.genetics.BrainOperators;
import nas.sim.genetics.FixedBrainOperators;
import nas.sim.neat.NeatBrainOperators;

/** The brain operators of a configuration's neural mode; one instance per run (NEAT keeps per-run state). */
public final class BrainOperatorsFactory {

    private BrainOperatorsFactory() {
    }

    public static BrainOperators create(LabConfig config) {
        return create(config, new InnovationTracker());
    }

    /** The operators of {@code config}; NEAT ones number new structures with {@code tracker}. */
    public static BrainOperators create(LabConfig config, InnovationTracker tracker) {
        return switch (config.neuralMode()) {
            case PURE, HYBRID -> new FixedBrainOperators(config);
            case NEAT -> new NeatBrainOperators(config, tracker);
        };
    }
}
