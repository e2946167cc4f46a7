package nas.cli;

import nas.samplers.gp.GpOptions;
import nas.samplers.gp.GpSampler;
import picocli.CommandLine.Option;

/** The {@code gp} sampler's options on {@code nas search}; unset ones keep {@link GpOptions#defaults()}. */
public final class GpCliOptions {

    @Option(names = "--gp-startup-trials", paramLabel = "N",
            description = "gp: complete trials sampled at random before the Gaussian process takes over (default 10).")
    Integer startupTrials;

    @Option(names = "--gp-candidates", paramLabel = "N",
            description = "gp: Sobol candidates scored by the acquisition per trial (default 2048).")
    Integer candidates;

    GpSampler create(long seed) {
        try {
            GpOptions o = GpOptions.defaults().withSeed(seed);
            if (startupTrials != null) {
                o = o.withNStartupTrials(startupTrials);
            }
            if (candidates != null) {
                o = o.withNCandidates(candidates);
            }
            return new GpSampler(o);
        } catch (IllegalArgumentException e) {
            throw new Nas.BadInputException(e.getMessage(), e);
        }
    }

    boolean anyGiven() {
        return startupTrials != null || candidates != null;
    }
}
