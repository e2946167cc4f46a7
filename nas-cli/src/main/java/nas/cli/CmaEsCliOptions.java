package nas.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import nas.samplers.cmaes.CmaEsSampler;
import picocli.CommandLine.Option;

/** The {@code cmaes} sampler's options on {@code nas search}; unset ones keep {@link CmaEsSampler.Options#defaults()}. */
public final class CmaEsCliOptions {

    @Option(names = "--cma-sigma0", paramLabel = "SIGMA",
            description = "cmaes: initial step size in the encoded space (default: smallest parameter range / 6; "
                    + "log-scale parameters count in ln units).")
    Double sigma0;

    @Option(names = "--cma-restart", paramLabel = "STRATEGY",
            description = "cmaes: restart strategy when a run stops: none, ipop (population doubling) or bipop "
                    + "(alternating large and small populations) (default none).")
    String restart;

    @Option(names = "--cma-popsize", paramLabel = "N",
            description = "cmaes: population size of the first run (default 4 + floor(3 ln n), at most 100000).")
    Integer popsize;

    @Option(names = "--cma-separable",
            description = "cmaes: diagonal covariance (sep-CMA), for many parameters.")
    boolean separable;

    @Option(names = "--cma-no-margin",
            description = "cmaes: plain rounding for int and stepped parameters instead of CMA-ES with margin.")
    boolean noMargin;

    @Option(names = "--cma-warm-start", paramLabel = "STUDY",
            description = "cmaes: start from an earlier study on a similar problem in the same storage (WS-CMA-ES): "
                    + "the first run's mean and covariance come from that study's best COMPLETE trials.")
    String warmStartStudy;

    @Option(names = "--cma-consider-pruned",
            description = "cmaes: also tell pruned trials to CMA-ES, ranked by their last intermediate value.")
    boolean considerPruned;

    /** The options given, named as {@code nas.samplers.Samplers} takes them. */
    Map<String, String> given() {
        Map<String, String> o = new LinkedHashMap<>();
        SamplerOptions.put(o, "sigma0", sigma0);
        SamplerOptions.put(o, "restart", restart);
        SamplerOptions.put(o, "popsize", popsize);
        SamplerOptions.put(o, "separable", separable ? true : null);
        SamplerOptions.put(o, "no-margin", noMargin ? true : null);
        SamplerOptions.put(o, "warm-start", warmStartStudy);
        SamplerOptions.put(o, "consider-pruned", considerPruned ? true : null);
        return o;
    }

    /** Whether any cmaes option was given (an error with another sampler). */
    boolean anyGiven() {
        return !given().isEmpty();
    }
}
