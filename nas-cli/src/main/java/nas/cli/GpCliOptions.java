package nas.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import nas.samplers.gp.GpOptions;
import picocli.CommandLine.Option;

/** The {@code gp} sampler's options on {@code nas search}; unset ones keep {@link GpOptions#defaults()}. */
public final class GpCliOptions {

    @Option(names = "--gp-startup-trials", paramLabel = "N",
            description = "gp: complete trials from a space-filling start (Sobol points) before the Gaussian process takes over (default 10).")
    Integer startupTrials;

    @Option(names = "--gp-candidates", paramLabel = "N",
            description = "gp: Sobol candidates scored by the acquisition per trial (default 2048, at most 100000).")
    Integer candidates;

    /** The options given, named as {@code nas.samplers.Samplers} takes them. */
    Map<String, String> given() {
        Map<String, String> o = new LinkedHashMap<>();
        SamplerOptions.put(o, "startup-trials", startupTrials);
        SamplerOptions.put(o, "candidates", candidates);
        return o;
    }

    /** Whether any of these options was given (an error with another sampler). */
    boolean anyGiven() {
        return !given().isEmpty();
    }
}
