package nas.cli;

import nas.samplers.tpe.TpeOptions;
import nas.samplers.tpe.TpeSampler;
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

    TpeSampler create(long seed) {
        try {
            TpeOptions o = TpeOptions.defaults().withSeed(seed);
            if (startupTrials != null) {
                o = o.withNStartupTrials(startupTrials);
            }
            if (eiCandidates != null) {
                o = o.withNEiCandidates(eiCandidates);
            }
            if (multivariate != null) {
                o = o.withMultivariate(multivariate);
            }
            if (Boolean.TRUE.equals(group)) {
                o = o.withMultivariate(true).withGroup(true);
            }
            if (constantLiar != null) {
                o = o.withConstantLiar(constantLiar);
            }
            return new TpeSampler(o);
        } catch (IllegalArgumentException e) {
            throw new Nas.BadInputException(e.getMessage(), e);
        }
    }

    boolean anyGiven() {
        return startupTrials != null || eiCandidates != null || multivariate != null || constantLiar != null
                || group != null;
    }
}
