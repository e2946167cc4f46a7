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
            description = "tpe: candidates drawn from l(x) per sample (default 24, at most 100000).")
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

    @Option(names = "--tpe-width-weighted", negatable = true,
            description = "tpe, one objective, univariate: score candidates with each kernel weighted by its bandwidth "
                    + "(default; measured better than the exact density on rosenbrock-5 and rastrigin-5); "
                    + "--no-tpe-width-weighted scores by the exact density ratio l(x)/g(x).")
    Boolean widthWeighted;

    /** The options given, named as {@code nas.samplers.Samplers} takes them. */
    Map<String, String> given() {
        Map<String, String> o = new LinkedHashMap<>();
        SamplerOptions.put(o, "startup-trials", startupTrials);
        SamplerOptions.put(o, "ei-candidates", eiCandidates);
        SamplerOptions.put(o, "multivariate", multivariate);
        SamplerOptions.put(o, "group", group);
        SamplerOptions.put(o, "constant-liar", constantLiar);
        SamplerOptions.put(o, "width-weighted", widthWeighted);
        return o;
    }

    /** Whether any of these options was given (an error with another sampler). */
    boolean anyGiven() {
        return !given().isEmpty();
    }
}
