package nas.cli;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import nas.api.FrozenTrial;
import nas.api.TrialState;
import nas.api.storage.Storage;
import nas.samplers.cmaes.CmaEsSampler;
import nas.samplers.cmaes.RestartStrategy;
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
            description = "cmaes: population size of the first run (default 4 + floor(3 ln n)).")
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

    /**
     * The sampler with these options over the defaults; bad values are bad input.
     *
     * @param storage where {@code --cma-warm-start}'s study is
     */
    CmaEsSampler create(long seed, Storage storage) {
        try {
            CmaEsSampler.Options o = CmaEsSampler.Options.defaults().withSeed(seed)
                    .withSeparable(separable).withMargin(!noMargin).withConsiderPrunedTrials(considerPruned);
            if (warmStartStudy != null) {
                o = o.withWarmStartTrials(warmStartTrials(storage));
            }
            if (sigma0 != null) {
                o = o.withSigma0(sigma0);
            }
            if (popsize != null) {
                o = o.withPopsize(popsize);
            }
            if (restart != null) {
                o = o.withRestartStrategy(parseRestart(restart));
            }
            return new CmaEsSampler(o);
        } catch (IllegalArgumentException e) {
            throw new Nas.BadInputException(e.getMessage(), e);
        }
    }

    private List<FrozenTrial> warmStartTrials(Storage storage) {
        long id = storage.findStudy(warmStartStudy).orElseThrow(() -> new Nas.BadInputException(
                "--cma-warm-start: no study '" + warmStartStudy + "' in this storage (see 'nas studies')"));
        List<FrozenTrial> complete = storage.trials(id, EnumSet.of(TrialState.COMPLETE));
        if (complete.isEmpty()) {
            throw new Nas.BadInputException("--cma-warm-start: study '" + warmStartStudy + "' has no COMPLETE trial");
        }
        return complete;
    }

    private static RestartStrategy parseRestart(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "none":
                return RestartStrategy.NONE;
            case "ipop":
                return RestartStrategy.IPOP;
            case "bipop":
                return RestartStrategy.BIPOP;
            default:
                throw new IllegalArgumentException("--cma-restart must be none, ipop or bipop, but got '" + s + "'");
        }
    }

    /** Whether any cmaes option was given (an error with another sampler). */
    boolean anyGiven() {
        return sigma0 != null || restart != null || popsize != null || separable || noMargin || warmStartStudy != null
                || considerPruned;
    }
}
