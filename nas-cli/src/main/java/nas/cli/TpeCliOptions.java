package nas.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import nas.samplers.tpe.TpeOptions;
import picocli.CommandLine.Option;

/** The {@code tpe} sampler's options on {@code nas search}; unset ones keep {@link TpeOptions#defaults()}. */
public final class TpeCliOptions {

    @Option(names = "--tpe-startup-trials", paramLabel = "N",
            description = "tpe: finished trials sampled at random before TPE starts (default 10).")
    Integer startupTrials;

    @Option(names = "--tpe-ei-candidates", paramLabel = "N",
            description = "tpe: candidates drawn from l(x) per sample (default 24).")
    Integer eiCandidates;

    @Option(names = "--tpe-multivariate",
            description = "tpe: one joint Parzen estimator over the parameters every trial has (default: one per parameter).")
    Boolean multivariate;

    @Option(names = "--tpe-group",
            description = "tpe: for conditional spaces, one joint estimator per group of parameters that always "
                    + "occur together, each over the trials that have it (implies --tpe-multivariate).")
    Boolean group;

    @Option(names = "--tpe-constant-liar",
            description = "tpe: count other workers' running trials as bad ones, so parallel workers spread out "
                    + "(their parameters count once stored: at a heartbeat, report or attribute).")
    Boolean constantLiar;

    /** The options given, named as {@code nas.samplers.Samplers} takes them. */
    Map<String, String> given() {
        Map<String, String> o = new LinkedHashMap<>();
        SamplerOptions.put(o, "startup-trials", startupTrials);
        SamplerOptions.put(o, "ei-candidates", eiCandidates);
        SamplerOptions.put(o, "multivariate", multivariate);
        SamplerOptions.put(o, "group", group);
        SamplerOptions.put(o, "constant-liar", constantLiar);
        return o;
    }

    /** Whether any of these options was given (an error with another sampler). */
    boolean anyGiven() {
        return !given().isEmpty();
    }
}
