package nas.sim.neat;

import nas.neat.NeatSpeciationControl;
import nas.neat.SpeciationControl;
import nas.neat.SpeciesStagnation;
import nas.neat.SpeciesTargetController;
import nas.sim.config.LabConfig;
import nas.sim.config.NeuralMode;
import nas.sim.config.SpeciesTargetMode;

/** The NEAT speciation steering a lab configuration asks for (species target and stagnation, both off by default). */
public final class LabSpeciationControl {

    private LabSpeciationControl() {
    }

    /** The control of {@code config}, or {@link SpeciationControl#NONE} (also for non-NEAT modes). */
    public static SpeciationControl of(LabConfig config) {
        if (config.neuralMode() != NeuralMode.NEAT) {
            return SpeciationControl.NONE;
        }
        SpeciesTargetController target = null;
        if (config.neatSpeciesTargetMode() != SpeciesTargetMode.OFF) {
            SpeciesTargetController.Mode mode = SpeciesTargetController.Mode.parse(config.neatSpeciesTargetMode().key());
            SpeciesTargetController.Params d = SpeciesTargetController.Params.defaults(config.neatSpeciesTarget(), mode);
            SpeciesTargetController.Params p = new SpeciesTargetController.Params(d.target(), mode, config.neatPidKp(),
                    config.neatPidKi(), config.neatPidKd(), d.integralLimit(), d.initialStep(), d.minStep(),
                    d.maxStep(), config.neatSpeciesEpsilon(), d.rewardDecay(), d.minThreshold(), d.maxThreshold());
            target = new SpeciesTargetController(p, config.compatibilityThreshold());
        }
        SpeciesStagnation stagnation = config.neatSpeciesStagnation() > 0
                ? new SpeciesStagnation(config.neatSpeciesStagnation(), 0.0) : null;
        return NeatSpeciationControl.of(target, stagnation);
    }
}
